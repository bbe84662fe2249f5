import { describe, expect, it } from 'vitest';
import { rouge, rougeTokenize } from '../../eval/rouge.ts';

describe('rougeTokenize (rouge_score rules)', () => {
  it('lower-cases, splits on anything but [a-z0-9] and stems only tokens longer than 3 characters', () => {
    expect(rougeTokenize('Running dogs ran, U.S. cats!')).toEqual(['run', 'dog', 'ran', 'u', 's', 'cat']);
  });
  it('drops accented letters and punctuation the way the reference tokenizer does', () => {
    expect(rougeTokenize('Café — 3.5%')).toEqual(['caf', '3', '5']);
  });
});

describe('rouge', () => {
  // Hand-computed: 6 tokens each, 5 shared unigrams; 5 bigrams each, 3 shared; LCS 5.
  it('scores one changed word', () => {
    const s = rouge('the cat sat on the mat', 'the cat lay on the mat');
    expect(s.rouge1.fmeasure).toBeCloseTo(5 / 6, 10);
    expect(s.rouge2.precision).toBeCloseTo(3 / 5, 10);
    expect(s.rouge2.recall).toBeCloseTo(3 / 5, 10);
    expect(s.rougeLsum.fmeasure).toBeCloseTo(5 / 6, 10);
  });

  it('matches after stemming: "Running dogs" vs "the dogs ran"', () => {
    // ref {run, dog}, candidate {the, dog, ran}: 1 hit, P = 1/3, R = 1/2, F = 0.4.
    const s = rouge('Running dogs!', 'the dogs ran');
    expect(s.rouge1.precision).toBeCloseTo(1 / 3, 10);
    expect(s.rouge1.recall).toBeCloseTo(1 / 2, 10);
    expect(s.rouge1.fmeasure).toBeCloseTo(0.4, 10);
    expect(s.rouge2.fmeasure).toBe(0);
  });

  it('clips repeated n-grams to their count in the reference', () => {
    const s = rouge('the', 'the the the');
    expect(s.rouge1.precision).toBeCloseTo(1 / 3, 10);
    expect(s.rouge1.recall).toBe(1);
    expect(s.rouge1.fmeasure).toBeCloseTo(0.5, 10);
  });

  it('computes Lsum as the union LCS over candidate sentences (one per line)', () => {
    // Reference aa bb cc dd ee; candidate lines share aa bb and aa cc ee with it:
    // union {aa, bb, cc, ee} = 4 hits, recall 4/5, precision 4/10, F = 8/15.
    const s = rouge('aa bb cc dd ee', 'aa bb ff gg hh\naa cc hh ii ee');
    expect(s.rougeLsum.recall).toBeCloseTo(4 / 5, 10);
    expect(s.rougeLsum.precision).toBeCloseTo(4 / 10, 10);
    expect(s.rougeLsum.fmeasure).toBeCloseTo(8 / 15, 10);
  });

  it('does not credit a reference token twice across candidate lines', () => {
    // "aa" occurs once in the reference but is in the LCS with both lines: counted once.
    const s = rouge('aa bb', 'aa\naa');
    expect(s.rougeLsum.recall).toBeCloseTo(1 / 2, 10);
    expect(s.rougeLsum.precision).toBeCloseTo(1 / 2, 10);
  });

  it('splitting the candidate into lines changes Lsum but not ROUGE-1/2', () => {
    // One line: the LCS of "aa bb cc dd" and "cc dd aa bb" has 2 tokens; as two lines
    // the union of the LCSs covers all 4.
    const joined = rouge('aa bb cc dd', 'cc dd aa bb');
    const split = rouge('aa bb cc dd', 'cc dd\naa bb');
    expect(split.rouge1).toEqual(joined.rouge1);
    expect(split.rouge2).toEqual(joined.rouge2);
    expect(joined.rougeLsum.fmeasure).toBeCloseTo(0.5, 10);
    expect(split.rougeLsum.fmeasure).toBe(1);
  });

  it('gives zeros for an empty candidate or reference', () => {
    for (const s of [rouge('the cat', ''), rouge('', 'the cat')]) {
      expect(s.rouge1.fmeasure).toBe(0);
      expect(s.rouge2.fmeasure).toBe(0);
      expect(s.rougeLsum.fmeasure).toBe(0);
    }
  });
});
