import { afterEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/index.ts';
import { selectStories } from '../../src/digest/select.ts';
import type { ArticleDraft } from '../../src/model.ts';
import { analyseArticle } from '../../src/nlp/analyse.ts';
import { Store } from '../../src/store/index.ts';
import { damBreach, damFollowUp, rateDecision } from '../fixtures/stories.ts';

let store: Store | undefined;
afterEach(() => store?.close());

const ingest = (draft: ArticleDraft, at = '2025-03-12T19:00:00Z') => store!.articles.insert(draft, { analysis: analyseArticle(draft), ingestedAt: new Date(at) });
const now = new Date('2025-03-12T20:00:00Z');
const since = new Date('2025-03-11T20:00:00Z');

describe('selecting stored stories', () => {
  it('shows a story once, with all its articles, however many of them match', () => {
    store = Store.open(':memory:');
    for (const d of damBreach) ingest(d);
    ingest(rateDecision);
    const { candidates } = selectStories(store, { topics: ['Kessel dam'], since, now });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.articles).toHaveLength(3);
    expect(candidates[0]!.story?.id).toBe(store.stories.storyOf(1));
    const digest = buildDigest(store, { topic: 'Kessel dam', since, now });
    expect(digest.stories.map((s) => s.id)).toEqual([`s${store.stories.storyOf(1)}`]);
    expect(digest.stories[0]!.sources).toHaveLength(3);
  });

  it('ranks top stories by coverage: three outlets over one', () => {
    store = Store.open(':memory:');
    ingest(rateDecision, '2025-03-12T19:30:00Z');
    for (const d of damBreach) ingest(d);
    const { candidates } = selectStories(store, { topics: [], since, now });
    expect(candidates.map((c) => c.articles.length)).toEqual([3, 1]);
  });

  it('keeps for a daily digest the stories with an article since the last one, with all their articles', () => {
    store = Store.open(':memory:');
    for (const d of damBreach) ingest(d);
    ingest(rateDecision);
    ingest(damFollowUp, '2025-03-14T09:30:00Z');
    const { candidates } = selectStories(store, { topics: [], since: new Date('2025-03-11T00:00:00Z'), now: new Date('2025-03-15T08:00:00Z'), ingestedAfter: new Date('2025-03-13T08:00:00Z') });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.articles.map((a) => a.title)).toContain(damFollowUp.title);
    expect(candidates[0]!.articles).toHaveLength(4);
  });
});
