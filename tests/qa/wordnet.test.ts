import { describe, expect, it } from 'vitest';
import { relatedWords } from '../../src/qa/wordnet.ts';

describe('relatedWords (WordNet 3.1)', () => {
  it('gives the synonyms of a phrasal verb and of an inflected word, and the words derived from the same sense', () => {
    expect(relatedWords('turned down').synonyms).toEqual(expect.arrayContaining(['reject', 'refuse']));
    expect(relatedWords('died').derived).toContain('death');
    expect(relatedWords('endorse').derived).toContain('endorsement');
  });

  it('takes the senses a word mostly has: "states" are provinces, not the verb "to state"', () => {
    expect(relatedWords('states').synonyms).toContain('province');
    expect(relatedWords('states').synonyms).not.toContain('say');
    // A noun asked about ("which judge") is a noun: a justice, not "to evaluate".
    expect(relatedWords('judge', undefined, 'noun').synonyms).toContain('justice');
    expect(relatedWords('judge', undefined, 'noun').synonyms).not.toContain('evaluate');
    // A synonym must have that sense among its own first ones: "go" is no word for dying.
    expect(relatedWords('died').synonyms).not.toContain('go');
  });

  it('knows nothing of names and made-up words', () => {
    expect(relatedWords('tillerson')).toEqual({ synonyms: [], derived: [] });
    expect(relatedWords('zzxqv')).toEqual({ synonyms: [], derived: [] });
  });
});
