import { describe, expect, it } from 'vitest';
import { LEAD_CHARS, articleFeatures } from '../../src/stories/features.ts';

const count = (pairs: [string, number][], key: string) => pairs.find(([k]) => k === key)?.[1] ?? 0;

describe('article features for story assignment', () => {
  it('weighs the headline three times and reads the lead, names lower-cased', () => {
    const f = articleFeatures({ title: 'Kessel dam breach', text: 'The Kessel dam on Lake Varna gave way, said Petra Halova.' });
    expect(count(f.terms, 'kessel')).toBe(4);
    expect(count(f.terms, 'breach')).toBe(3);
    expect(count(f.terms, 'varna')).toBe(1);
    expect(count(f.entities, 'petra halova')).toBe(1);
    expect(count(f.entities, 'lake varna')).toBe(1);
    expect(f.terms.map(([t]) => t)).not.toContain('the');
  });

  it('counts a headline that the text repeats as its first line once, as the headline', () => {
    const title = 'Kessel dam breach';
    expect(articleFeatures({ title, text: `${title}\n\nWater rose overnight.` })).toEqual(articleFeatures({ title, text: 'Water rose overnight.' }));
  });

  it('stops reading after the lead: background further down does not count', () => {
    const lead = 'Water rose overnight in the valley. '.repeat(Math.ceil(LEAD_CHARS / 36));
    const f = articleFeatures({ title: 'Flood', text: `${lead} Zanzibar trivia at the very end.` });
    expect(count(f.terms, 'zanzibar')).toBe(0);
    expect(count(f.terms, 'water')).toBeGreaterThan(10);
  });
});
