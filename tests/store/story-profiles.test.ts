import { describe, expect, it } from 'vitest';
import { addDayCounts, windowOf, type DayCounts } from '../../src/store/story-profiles.ts';
import { nameDayKey } from '../../src/stories/vectors.ts';

const day = (documents: number, terms: [string, number][]): DayCounts => ({ documents, terms: new Map(terms) });

describe('windowOf (the days around an article, for its burst weights)', () => {
  it('sums documents and term counts over the days, whichever days are empty', () => {
    const window = windowOf([day(0, []), day(3, [['debat', 2], ['poll', 1]]), day(0, []), day(5, [['debat', 4]]), day(0, [])]);
    expect(window.documents).toBe(8);
    expect(window.termFrequency('debat')).toBe(6);
    expect(window.termFrequency('poll')).toBe(1);
    expect(window.termFrequency('pneumonia')).toBe(0);
  });

  it('is empty when no day of the window has documents', () => {
    const window = windowOf([day(0, []), day(0, [])]);
    expect(window.documents).toBe(0);
    expect(window.termFrequency('debat')).toBe(0);
  });
});

describe('addDayCounts', () => {
  it('counts a document once per term and per name, names apart from terms, for their bursts', () => {
    const counts = day(0, []);
    addDayCounts(counts, { terms: [['marsh', 3], ['confer', 1]], entities: [['lena marsh', 2], ['marsh', 1]] });
    addDayCounts(counts, { terms: [['confer', 2]], entities: [['lena marsh', 1]] });
    expect(counts.documents).toBe(2);
    expect(counts.terms.get('confer')).toBe(2);
    expect(counts.terms.get('marsh')).toBe(1);
    expect(counts.terms.get(nameDayKey('lena marsh'))).toBe(2);
    expect(counts.terms.get(nameDayKey('marsh'))).toBe(1);
  });
});
