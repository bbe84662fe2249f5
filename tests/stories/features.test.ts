import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/nlp/analyse.ts';
import { AnalysisContext } from '../../src/nlp/context.ts';
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

  it('reads the same features through an analysis context (as an ingest worker does) as without one', () => {
    const context = new AnalysisContext();
    const articles = [
      { title: 'Kessel dam breach', text: 'Kessel dam breach\n\nThe Kessel dam on Lake Varna gave way overnight, said Petra Halova. Villages downstream were evacuated.' },
      { title: 'Flood warnings across Varna', text: 'Warnings were issued for the whole Varna valley as the water kept rising, officials said on Tuesday.' },
    ];
    for (const article of articles) {
      analyseArticle(article, context);
      expect(articleFeatures(article, context)).toEqual(articleFeatures(article));
    }
  });
});
