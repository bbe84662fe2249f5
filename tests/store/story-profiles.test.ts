import { describe, expect, it } from 'vitest';
import { windowOf, type DayCounts } from '../../src/store/story-profiles.ts';

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
