import { describe, expect, it } from 'vitest';
import { articleFeatures } from '../../src/stories/features.ts';
import { BURST, NAME_BURST, articleVectors, burstFactor, burstingNames, cosine, nameDayKey, topKeys, type TermBursts, type TermStatistics } from '../../src/stories/vectors.ts';

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
    // Absent from the window, or an empty window: no weight either way.
    expect(burstFactor('harbour', store, collapseDays)).toBe(1);
    expect(burstFactor('pneumonia', store, { documents: 0, termFrequency: () => 0 })).toBe(1);
  });

  it('counts a quiet week’s burst in proportion to its few reports, not as nothing', () => {
    // Every report of the window uses the word: 3 of 3 in a quiet week, 60 of 60 in a busy one.
    const quiet = burstFactor('campaign', store, { documents: 3, termFrequency: () => 3 });
    const busy = burstFactor('campaign', store, { documents: 60, termFrequency: () => 60 });
    expect(quiet).toBeGreaterThan(1.1);
    expect(quiet).toBeLessThan(busy);
    // Two of three quiet-week reports naming a rare illness is a burst too.
    expect(burstFactor('pneumonia', store, { documents: 3, termFrequency: () => 2 })).toBeGreaterThan(2);
  });

  it('finds no burst in a young store, whose every document is in the window', () => {
    const young: TermStatistics = { documents: 6, termFrequency: () => 6, nameFrequency: () => 6 };
    expect(burstFactor('election', young, { documents: 6, termFrequency: () => 6 })).toBe(1);
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

describe('bursting names', () => {
  // The week of the harbour memorial: a third of the reports name it, against 30 of the store's
  // 3,000; the senator is in a third of the reports that week and of all reports.
  const memorialWeek: TermBursts = { documents: 60, termFrequency: (key) => ({ [nameDayKey('maria alvarez')]: 20, [nameDayKey('harbour memorial')]: 20, [nameDayKey('dunmore')]: 2 })[key] ?? 0 };
  const report = articleFeatures({
    title: 'Crowds gather at the Harbour Memorial',
    text: 'Thousands came to the Harbour Memorial on Sunday to hear Senator Maria Alvarez, who spoke after a minister from Dunmore.',
  });

  it('are the names the days around an article mention far more than the store does, not the names always in the news', () => {
    const names = burstingNames(report, store, memorialWeek);
    expect(names.has('harbour memorial')).toBe(true);
    expect(names.has('maria alvarez')).toBe(false);
    // Mentioned by too few reports of the window to tell, however rare in the store.
    expect(NAME_BURST.minAround).toBeGreaterThan(2);
    expect(names.has('dunmore')).toBe(false);
    expect(articleVectors(report, store, memorialWeek).burstingNames).toEqual(names);
  });

  it('in a quiet week, are the rare names three of its few reports mention; none without a window', () => {
    const quietWeek: TermBursts = { documents: 4, termFrequency: (key) => ({ [nameDayKey('harbour memorial')]: 3, [nameDayKey('dunmore')]: 2 })[key] ?? 0 };
    expect([...burstingNames(report, store, quietWeek)]).toEqual(['harbour memorial']);
    expect(articleVectors(report, store).burstingNames).toBeUndefined();
  });
});

describe('topKeys', () => {
  it('gives the heaviest keys first, equal weights in key order, and every key of a short vector', () => {
    const vector = new Map([['strike', 0.2], ['harbour', 0.5], ['union', 0.2], ['port', 0.7], ['talks', 0.1], ['dock', 0.2]]);
    expect(topKeys(vector, 1)).toEqual(['port']);
    expect(topKeys(vector, 4)).toEqual(['port', 'harbour', 'dock', 'strike']);
    expect(topKeys(vector, 5)).toEqual(['port', 'harbour', 'dock', 'strike', 'union']);
    expect(topKeys(vector, 0)).toEqual([]);
    expect(topKeys(vector, 6).sort()).toEqual([...vector.keys()].sort());
  });
});
