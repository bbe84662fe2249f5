import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/nlp/analyse.ts';
import { AnalysisContext } from '../../src/nlp/context.ts';
import { TermTable } from '../../src/nlp/term-ids.ts';
import { contentTerms, contentTermsOf, tokenSpans, tokenize } from '../../src/nlp/tokens.ts';

const seed = readFileSync(new URL('../fixtures/rt-2016-09-05-putin-obama-syria.txt', import.meta.url), 'utf8');

const HARBOUR = {
  title: 'Harbour strike ends after talks',
  text: [
    'The harbour strike ended on Monday after talks between the dock workers union and the port authority.',
    'Ships that had waited outside the harbour for a week were unloaded overnight, the port authority said.',
    'The union said its members would return to work on Tuesday morning under the new pay agreement.',
    'Exporters said the strike had cost them millions in lost orders and spoiled fruit.',
    'The port authority said it expected the backlog of containers to clear by the end of the month.',
    'Talks on working hours will continue in the spring, both sides said in a joint statement.',
    'Dock workers had walked out over pay and night shifts three weeks ago.',
    'Local shops near the harbour said trade had fallen sharply during the strike.',
    'The mayor welcomed the agreement and thanked both sides for returning to the table.',
    'Freight rates for the region rose during the strike and are expected to fall again.',
  ].join(' '),
};

describe('TermIds', () => {
  it('numbers content terms in order of first use, as a Map over contentTermsOf would', () => {
    const texts = [...seed.split('\n').filter(Boolean), 'ΟΔΟΣ’s İSTANBUL’s Istanbul running runs'];
    const expected = new Map<string, number>();
    const table = new TermTable();
    const termIds = table.termIds();
    for (const text of texts) {
      const ids = contentTermsOf(tokenize(text)).map((term) => {
        if (!expected.has(term)) expected.set(term, expected.size);
        return expected.get(term)!;
      });
      expect(Array.from(termIds.sortedIds(tokenSpans(text)))).toEqual(ids.sort((a, b) => a - b));
    }
    expect(termIds.size).toBe(expected.size);
    // A new article numbers its terms from 0 again.
    expect(Array.from(table.termIds().sortedIds(tokenSpans('running runs')))).toEqual([0, 0]);
  });

  it('keeps every list it gave as it was, however many lists follow (one article of thousands of words)', () => {
    const texts = Array.from({ length: 400 }, (_, i) => `${seed.split('\n').filter(Boolean)[i % 5]} item${i}`);
    const termIds = new TermTable().termIds();
    const lists = texts.map((text) => termIds.sortedIds(tokenSpans(text)));
    const again = new TermTable().termIds();
    expect(lists.map((ids) => Array.from(ids))).toEqual(texts.map((text) => Array.from(again.sortedIds(tokenSpans(text)))));
    expect(lists.reduce((sum, ids) => sum + ids.length, 0)).toBeGreaterThan(4096);
  });

  it('refuses to number terms once a newer TermIds of the same table renumbered it (interleaved analyses)', () => {
    const table = new TermTable();
    const first = table.termIds();
    first.sortedIds(tokenSpans('Putin met Obama'));
    const second = table.termIds();
    expect(Array.from(second.sortedIds(tokenSpans('Obama met Putin')))).toHaveLength(3);
    expect(() => first.sortedIds(tokenSpans('sanctions'))).toThrow(/interleaved/);
  });

  it('numbers two tables independently: interleaving articles across two contexts gives the ids each would alone', () => {
    const one = new TermTable();
    const two = new TermTable();
    const a = one.termIds();
    expect(Array.from(a.sortedIds(tokenSpans('Putin met Obama')))).toEqual([0, 1, 2]);
    const b = two.termIds();
    expect(Array.from(b.sortedIds(tokenSpans('sanctions on Russia')))).toEqual([0, 1]);
    // Table one is untouched by table two's article: its article goes on numbering where it was.
    expect(Array.from(a.sortedIds(tokenSpans('Obama and sanctions')))).toEqual([2, 3]);
    expect(Array.from(b.sortedIds(tokenSpans('Putin')))).toEqual([2]);
  });
});

describe('TermTable.contentTerms', () => {
  it('gives the terms contentTerms gives, for words it has seen and words it has not, when lower-casing changes offsets too', () => {
    const table = new TermTable();
    const texts = [...seed.split('\n').filter(Boolean), 'ΟΔΟΣ’s İSTANBUL’s Istanbul running runs', 'A U.S. report: 3.5% of 1,200 voters don’t agree'];
    // Twice over: first while the table learns the words, then from what it learnt.
    for (const text of [...texts, ...texts]) expect(table.contentTerms(text)).toEqual(contentTerms(text));
    expect(table.contentTerms('Ships were unloaded overnight')).toEqual(['ship', 'unload', 'overnight']);
  });
});

describe('TermTable.termCounts', () => {
  it('counts the terms of weighted texts in order of first use, as a Map over contentTerms would, call after call', () => {
    const table = new TermTable();
    const parts: [string, number][] = [
      ['Harbour Strike Ends: Dock Workers Return', 3],
      [HARBOUR.text, 1],
      ['ΟΔΟΣ’s İSTANBUL’s Istanbul running runs harbour', 2],
    ];
    const expected = new Map<string, number>();
    for (const [text, weight] of parts) for (const term of contentTerms(text)) expected.set(term, (expected.get(term) ?? 0) + weight);
    expect(table.termCounts(parts)).toEqual([...expected]);
    expect(expected.get('harbour')).toBe(3 + 3 + 2);
    // Nothing of one call stays for the next.
    expect(table.termCounts([['the harbour strike', 1]])).toEqual([['harbour', 1], ['strike', 1]]);
    expect(table.termCounts([])).toEqual([]);
  });
});

describe('AnalysisContext', () => {
  it('gives the same analysis with a fresh context, a long-lived one and two contexts taking turns', () => {
    const alone = [analyseArticle({ title: 'Putin and Obama', text: seed }), analyseArticle(HARBOUR)];
    const shared = new AnalysisContext();
    const other = new AnalysisContext();
    // Warm both contexts with each other's article first, then alternate between them.
    analyseArticle(HARBOUR, shared);
    analyseArticle({ title: 'Putin and Obama', text: seed }, other);
    expect([analyseArticle({ title: 'Putin and Obama', text: seed }, shared), analyseArticle(HARBOUR, other)]).toEqual(alone);
    expect([analyseArticle(HARBOUR, shared), analyseArticle({ title: 'Putin and Obama', text: seed }, other)]).toEqual([alone[1], alone[0]]);
    expect(alone[1]!.summary.length).toBeGreaterThan(0);
  });
});
