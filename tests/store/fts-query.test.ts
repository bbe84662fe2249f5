import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildFtsQuery, derivedForms, searchTerms } from '../../src/store/fts-query.ts';

/** An index where every asked-for term is in 10 articles. */
const everyForm = (terms: string[]) => new Map(terms.map((t) => [t, 10]));

describe('searchTerms', () => {
  it('keeps letters and digits, lower-cased, once each, without stop words unless nothing else is left', () => {
    expect(searchTerms('The Syria talks, the SYRIA talks!')).toEqual(['syria', 'talks']);
    expect(searchTerms('who is it')).toEqual(['who', 'is', 'it']);
    expect(searchTerms('"*()💥')).toEqual([]);
  });
});

describe('derivedForms', () => {
  it('adds the people and adjective forms of a name, keyed by their index term', () => {
    expect(derivedForms('syria')?.forms.get('syrian')).toBe('syrian');
    expect(derivedForms('iran')?.forms.get('iranian')).toBe('iranian');
    expect(derivedForms('iraq')?.forms.get('iraqi')).toBe('iraqi');
    expect(derivedForms('italy')?.forms.get('italian')).toBe('italian');
    expect(derivedForms('japan')?.forms.get('japanes')).toBe('japanese');
    expect(derivedForms('europe')?.forms.get('european')).toBe('european');
  });

  it('does not add unrelated words that merely start the same', () => {
    expect([...derivedForms('trump')!.forms.keys()]).not.toContain('trumpet');
    // "united" is stemmed to "unit"; "unity" is indexed as "uniti" and must not come in.
    expect([...derivedForms('united')!.forms.keys()]).not.toContain('uniti');
    expect([...derivedForms('state')!.forms.keys()]).not.toContain('staten');
  });

  it('computes the index terms (of the name and of each form) SQLite itself stores', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE f USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(f, instance);");
    const names = ['syria', 'iran', 'iraq', 'italy', 'japan', 'europe', 'islam', 'trump', 'america', 'ukraine', 'israel', 'pakistan', 'ohio', 'chile', 'kurd', 'zion', 'terror', 'president', 'sanctions', 'generalization'];
    const pairs = names.flatMap((n) => [{ indexed: derivedForms(n)!.base, word: n }, ...[...derivedForms(n)!.forms].map(([indexed, word]) => ({ indexed, word }))]);
    const insert = db.prepare('INSERT INTO f(rowid, x) VALUES (?, ?)');
    for (const [i, p] of pairs.entries()) insert.run(i + 1, p.word);
    const stored = new Map((db.prepare('SELECT doc, term FROM v').all() as { doc: number; term: string }[]).map((r) => [r.doc, r.term]));
    expect(pairs.length).toBeGreaterThan(50);
    expect(pairs.filter((p, i) => stored.get(i + 1) !== p.indexed)).toEqual([]);
    db.close();
  });

  it('has no forms for short terms, and gives up (null) outside plain a-z', () => {
    expect(derivedForms('eu')?.forms.size).toBe(0);
    expect(derivedForms('zürich')).not.toBeNull();
    expect(derivedForms('москва')).toBeNull();
    expect(derivedForms('g20')).toBeNull();
  });
});

describe('buildFtsQuery', () => {
  it('quotes every term and ORs in only the derived forms the index has', () => {
    const index = new Map([['syria', 40], ['syrian', 30], ['sanction', 5]]);
    const query = buildFtsQuery('Syria sanctions', (terms) => new Map(terms.map((t) => [t, index.get(t) ?? 0])))!;
    expect(query.all).toBe('("syria" OR "syrian") AND "sanctions"');
    expect(query.any).toBe('("syria" OR "syrian") OR "sanctions"');
  });

  it('leaves out a derived form used in under a tenth as many articles as the name', () => {
    const index = new Map([['trump', 1000], ['trumpian', 99], ['trumpism', 100]]);
    expect(buildFtsQuery('trump', (terms) => new Map(terms.map((t) => [t, index.get(t) ?? 0])))!.all).toBe('("trump" OR "trumpism")');
  });

  it('without an index to ask, matches each term by its own stem', () => {
    expect(buildFtsQuery('iran')!.all).toBe('"iran"');
  });

  it('keeps a prefix match for terms the JS stemmer cannot mirror', () => {
    expect(buildFtsQuery('Москва', everyForm)!.all).toBe('"москва"*');
    expect(buildFtsQuery('ab', everyForm)!.all).toBe('"ab"');
  });

  it('turns hostile text into quoted terms or nothing', () => {
    expect(buildFtsQuery('NEAR(syria) -x "* AND OR', () => new Map())!.all).toBe('"near" AND "syria" AND "x"');
    expect(buildFtsQuery('"*()', everyForm)).toBeNull();
  });
});
