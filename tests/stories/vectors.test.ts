import { describe, expect, it } from 'vitest';
import { articleFeatures } from '../../src/stories/features.ts';
import { BURST, articleVectors, burstFactor, cosine, type TermBursts, type TermStatistics } from '../../src/stories/vectors.ts';

// A campaign season: the candidate's name is in a third of all reports; "pneumonia" in a few.
const store: TermStatistics = {
  documents: 3_000,
  termFrequency: (term) => ({ alvarez: 1_000, senat: 900, campaign: 1_200, pneumonia: 6, diagnosi: 15, health: 60 })[term] ?? 30,
  nameFrequency: (name) => (name.includes('alvarez') ? 1_000 : 30),
};
// The days around the collapse: 60 reports, the same share of them name her, 12 say "pneumonia".
const collapseDays: TermBursts = { documents: 60, termFrequency: (term) => ({ alvarez: 20, senat: 18, campaign: 24, pneumonia: 12, diagnosi: 6, health: 10 })[term] ?? 0 };

const collapse = articleFeatures({
  title: 'Senator Alvarez treated for pneumonia after leaving memorial early',
  text: 'Senator Maria Alvarez left the harbour memorial early on Sunday and was treated for pneumonia, her doctor said in a statement released by the campaign.',
});
const doubts = articleFeatures({
  title: 'Pneumonia diagnosis raises questions for Alvarez campaign',
  text: 'Voters in two swing districts told pollsters the pneumonia diagnosis made them wonder about the health of Senator Alvarez, three weeks before the vote.',
});
const taxPlan = articleFeatures({
  title: 'Alvarez campaign unveils tax plan for small firms',
  text: 'Senator Maria Alvarez proposed lower payroll taxes for firms with fewer than fifty workers, her campaign said on Monday at a factory in Dunmore.',
});

describe('burst weights', () => {
  it('weighs up a word the days around an article use far more than usual, never a name or word that is always in the news', () => {
    expect(burstFactor('pneumonia', store, collapseDays)).toBeGreaterThan(2);
    expect(burstFactor('pneumonia', store, collapseDays)).toBeLessThanOrEqual(BURST.cap ** BURST.exponent);
    expect(burstFactor('alvarez', store, collapseDays)).toBeLessThan(1.01);
    expect(burstFactor('campaign', store, collapseDays)).toBeLessThan(1.01);
    // Absent from the window, or a window too small to tell: no weight either way.
    expect(burstFactor('harbour', store, collapseDays)).toBe(1);
    expect(burstFactor('pneumonia', store, { documents: BURST.minWindowDocuments - 1, termFrequency: () => 3 })).toBe(1);
  });

  it('pulls two reports of one event together through the event word, not a third report that shares only the name', () => {
    const flat = (f: typeof collapse) => articleVectors(f, store).terms;
    const burst = (f: typeof collapse) => articleVectors(f, store, collapseDays).terms;
    expect(cosine(burst(collapse), burst(doubts))).toBeGreaterThan(cosine(flat(collapse), flat(doubts)) + 0.1);
    expect(cosine(burst(collapse), burst(taxPlan))).toBeLessThan(cosine(flat(collapse), flat(taxPlan)));
    // Names are weighed by their rarity alone.
    expect(articleVectors(collapse, store, collapseDays).entities).toEqual(articleVectors(collapse, store).entities);
  });
});
