import { afterEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/index.ts';
import { distinctTopics, selectStories, suggestTopics } from '../../src/digest/select.ts';
import type { ArticleDraft } from '../../src/model.ts';
import { analyseArticle } from '../../src/nlp/analyse.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { damBreach, damFollowUp, otherDam, rateDecision } from '../fixtures/stories.ts';

let store: Store | undefined;
afterEach(async () => await store?.close());

const ingest = async (draft: ArticleDraft, at = '2025-03-12T19:00:00Z') => await store!.articles.insert(draft, { analysis: analyseArticle(draft), ingestedAt: new Date(at) });
const now = new Date('2025-03-12T20:00:00Z');
const since = new Date('2025-03-11T20:00:00Z');

describe('selecting stored stories', () => {
  it('shows a story once, with all its articles, however many of them match', async () => {
    store = await openStore(':memory:');
    for (const d of damBreach) await ingest(d);
    await ingest(rateDecision);
    const { candidates } = await selectStories(store, { topics: ['Kessel dam'], since, now });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.articles).toHaveLength(3);
    expect(candidates[0]!.story?.id).toBe(await store.stories.storyOf(1));
    const digest = await buildDigest(store, { topic: 'Kessel dam', since, now });
    expect(digest.stories.map((s) => s.id)).toEqual([`s${await store.stories.storyOf(1)}`]);
    expect(digest.stories[0]!.sources).toHaveLength(3);
  });

  it('ranks top stories by coverage: three outlets over one', async () => {
    store = await openStore(':memory:');
    await ingest(rateDecision, '2025-03-12T19:30:00Z');
    for (const d of damBreach) await ingest(d);
    const { candidates } = await selectStories(store, { topics: [], since, now });
    expect(candidates.map((c) => c.articles.length)).toEqual([3, 1]);
  });

  it('ranks a story about the topic above a wider-covered one that mentions it in passing', async () => {
    store = await openStore(':memory:');
    for (const d of damBreach) await ingest(d);
    const helicopters: ArticleDraft = {
      title: 'Army orders twelve rescue helicopters for mountain regions',
      outlet: 'Defence Weekly',
      url: 'https://defence.example/2025/03/12/rescue-helicopters',
      published: '2025-03-12T11:00:00.000Z',
      text: 'The army has ordered twelve new rescue helicopters for its mountain brigades, the defence ministry said on Wednesday. The helicopters can lift eight people each and fly at night. Deliveries of the helicopters start next year, and crews will train on them in the Tatra range.',
    };
    await ingest(helicopters);
    const { candidates } = await selectStories(store, { topics: ['helicopters'], since, now });
    expect(candidates.map((c) => c.articles[0]!.title)).toEqual([helicopters.title, expect.any(String)]);
  });

  it('keeps for a daily digest the stories with an article since the last one, with all their articles', async () => {
    store = await openStore(':memory:');
    for (const d of damBreach) await ingest(d);
    await ingest(rateDecision);
    await ingest(damFollowUp, '2025-03-14T09:30:00Z');
    const { candidates } = await selectStories(store, { topics: [], since: new Date('2025-03-11T00:00:00Z'), now: new Date('2025-03-15T08:00:00Z'), ingestedAfter: new Date('2025-03-13T08:00:00Z') });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.articles.map((a) => a.title)).toContain(damFollowUp.title);
    expect(candidates[0]!.articles).toHaveLength(4);
  });

  it('with nothing in the window, shows the most recent stories about the topic, not the best-covered older ones', async () => {
    store = await openStore(':memory:');
    // A dam breach covered by three outlets in March; another dam breach, one report, in April.
    for (const d of damBreach) await ingest(d, '2025-03-12T19:00:00Z');
    await ingest(otherDam, '2025-04-20T10:00:00Z');
    const mayNow = new Date('2025-05-10T08:00:00Z');
    const digest = await buildDigest(store, { topic: 'dam breach', since: new Date('2025-05-09T08:00:00Z'), now: mayNow });
    expect(digest.note).toMatch(/^Nothing new since/);
    // April's breach is the most recent news about it; March's, six weeks older, is not shown as such.
    expect(digest.stories.map((s) => s.title)).toEqual([otherDam.title]);
  });
});

describe('topic suggestions', () => {
  it('suggest each person once by their fullest name, and no nationality adjectives or common words', async () => {
    store = await openStore(':memory:');
    const campaign = (i: number, title: string, text: string): ArticleDraft => ({
      title,
      text,
      url: `https://campaign.example/${i}`,
      outlet: 'Campaign Wire',
      published: '2025-03-12T10:00:00Z',
    });
    await ingest(campaign(1, 'Donald Trump and Hillary Clinton clash over trade', 'Donald Trump attacked Hillary Clinton over trade on Monday. Trump said American jobs were lost; Clinton answered that the trade deal protects workers.'));
    await ingest(campaign(2, 'Trump visits Swiss banks in Geneva', 'Trump met Swiss bankers in Geneva. The trade talks went on as Trump praised the American economy.'));
    await ingest(campaign(3, 'Clinton campaign raises money in Ohio', 'Hillary Clinton raised money in Ohio, where Clinton spoke about trade and American factories.'));
    const topics = await suggestTopics(store, now, 10);
    expect(topics.slice(0, 2)).toEqual(['Donald Trump', 'Hillary Clinton']);
    expect(topics).not.toContain('Trump');
    expect(topics).not.toContain('Clinton');
    expect(topics).not.toContain('American');
    expect(topics).not.toContain('Swiss');
    expect(topics).toContain('Geneva');
  });

  it('fold a short name into the most mentioned fuller name it is part of', () => {
    const topics = distinctTopics(new Map([['Clinton', 4], ['Hillary Clinton', 5], ['Bill Clinton', 1], ['Deal', 3], ['Geneva', 2]]), new Set(['deal']));
    expect([...topics]).toEqual([['Hillary Clinton', 9], ['Bill Clinton', 1], ['Geneva', 2]]);
  });
});

describe('key quotes from the store (2026-12-07, stop 46)', () => {
  it('shows first the quote whose cue names its speaker, over a more telling one whose "he said" is five sentences from the name', async () => {
    store = await openStore(':memory:');
    await ingest({
      title: 'Council approves Kessel bridge toll for forty thousand daily cars',
      outlet: 'Kessel Courier',
      url: 'https://courier.example/2025/03/12/bridge-toll',
      published: '2025-03-12T11:00:00.000Z',
      text: [
        'The city council approved a toll on the Kessel bridge on Tuesday. Tom Reyes, the city engineer, has studied the bridge for a decade. The council met for three hours. Members argued about the cost. The vote was close. Some wanted a delay.',
        '"The bridge toll will cut the forty thousand daily cars by a quarter, and the council knows it," he said.',
        '"We did what we had to do for the town and its people," said Ana Lima, the mayor.',
      ].join('\n\n'),
    });
    const stored = await store.articles.get(1);
    expect(stored!.analysis!.quotes.map((q) => q.attribution)).toEqual(['after/pronoun/5', 'after/name']);
    const digest = await buildDigest(store, { topic: 'Kessel bridge', since, now });
    expect(digest.stories[0]!.quotes.map((q) => q.speaker)).toEqual(['Ana Lima', 'Tom Reyes']);
  });
});
