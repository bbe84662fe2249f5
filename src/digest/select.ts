// select: which stories a digest shows. Topic search (or a subscriber's topics, or top
// stories) within a time window, then the stored stories of the matching articles (assigned
// at ingest, see store/stories.ts: nothing is clustered here), each with all its members,
// ranked by relevance, recency, and how many outlets and articles covered it. The only digest
// module that reads the store.
import type { StoredArticle } from '../model.ts';
import { namedEntities } from '../nlp/tokens.ts';
import type { SearchHit, Store, StoryRecord } from '../store/index.ts';
import { articleTime, type StoryCandidate } from './compose.ts';

export interface SelectRequest {
  /** One topic ("syria"), several (a subscriber's), or none for top stories. */
  topics: string[];
  since: Date;
  now: Date;
  maxStories?: number;
  /** Only stories with an article ingested after this time (daily digests: new since the last one). */
  ingestedAfter?: Date;
}

export interface Selection {
  candidates: StoryCandidate[];
  /** True when nothing matched inside the window and the most recent matches are shown instead. */
  outsideWindow: boolean;
}

const HITS_PER_TOPIC = 60;
const TOP_STORY_POOL = 200;
/** Members read per story, newest first: enough for its sources, summary and quotes. */
const MEMBERS_PER_STORY = 30;

function hoursAgo(article: StoredArticle, now: Date): number {
  return Math.max(0, (now.getTime() - articleTime(article)) / 3_600_000);
}

export function outletOf(article: Pick<StoredArticle, 'outlet' | 'url' | 'id'>): string {
  if (article.outlet) return article.outlet;
  if (article.url && URL.canParse(article.url)) return new URL(article.url).hostname.replace(/^www\./, '');
  return `#${article.id}`;
}

function distinctOutlets(articles: StoredArticle[]): number {
  return new Set(articles.map(outletOf)).size;
}

/** Relevance (normalised search score), recency (half-life one day), coverage (outlets, then articles). */
export function rankCandidates(candidates: StoryCandidate[], now: Date): StoryCandidate[] {
  const maxRelevance = Math.max(1e-9, ...candidates.flatMap((c) => [...(c.relevanceByArticle?.values() ?? [])]));
  const score = (c: StoryCandidate) => {
    const relevance = c.relevanceByArticle?.size ? Math.max(...c.relevanceByArticle.values()) / maxRelevance : 0;
    const newest = Math.min(...c.articles.map((a) => hoursAgo(a, now)));
    const recency = Math.pow(0.5, newest / 24);
    const coverage = 0.5 * Math.log2(1 + distinctOutlets(c.articles)) + 0.25 * Math.log2(c.articles.length);
    return 2 * relevance + recency + coverage;
  };
  return candidates
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.c);
}

function keepBestMatches(hits: SearchHit[]): SearchHit[] {
  // For several words, articles with every word are the answer; partial matches only when there are none.
  const all = hits.filter((h) => h.matchedAll);
  return all.length ? all : hits;
}

/**
 * The stored stories of these articles, each with its members (newest first, at most
 * MEMBERS_PER_STORY) and the relevance of the matching ones. `fresh` keeps only stories with
 * a member it accepts (daily digests: ingested since the last one).
 */
function storiesOf(store: Store, matched: Map<number, number>, fresh: (a: StoredArticle) => boolean, outsideWindow: boolean): StoryCandidate[] {
  const storyOfArticle = store.stories.storiesOf([...matched.keys()]);
  const storyIds = [...new Set(storyOfArticle.values())];
  const members = store.stories.members(storyIds);
  const articleIds = new Set<number>();
  for (const ids of members.values()) for (const id of ids.slice(-MEMBERS_PER_STORY)) articleIds.add(id);
  // An article without a story (an upgrade still assigning) stands alone rather than vanish.
  const loose = [...matched.keys()].filter((id) => !storyOfArticle.has(id));
  for (const id of loose) articleIds.add(id);
  const articles = new Map(store.articles.getMany([...articleIds]).map((a) => [a.id, a]));
  const candidate = (story: StoryRecord | undefined, group: StoredArticle[]): StoryCandidate | null => {
    if (!group.length || !group.some(fresh)) return null;
    const relevance = new Map(group.filter((a) => matched.has(a.id)).map((a) => [a.id, matched.get(a.id)!]));
    const c: StoryCandidate = { articles: group, relevanceByArticle: relevance };
    if (story) c.story = { id: story.id, title: story.title, titleArticleId: story.titleArticleId };
    if (outsideWindow) c.outsideWindow = true;
    return c;
  };
  const out: StoryCandidate[] = [];
  for (const story of store.stories.getMany(storyIds)) {
    const group = (members.get(story.id) ?? []).slice(-MEMBERS_PER_STORY).map((id) => articles.get(id)).filter((a): a is StoredArticle => a !== undefined);
    const c = candidate(story, group);
    if (c) out.push(c);
  }
  for (const id of loose) {
    const article = articles.get(id);
    const c = article && candidate(undefined, [article]);
    if (c) out.push(c);
  }
  return out;
}

export function selectStories(store: Store, request: SelectRequest): Selection {
  const maxStories = request.maxStories ?? 5;
  const since = request.since.toISOString();
  const ingestedAfter = request.ingestedAfter?.toISOString();
  const fresh = (a: StoredArticle) => !ingestedAfter || a.ingestedAt > ingestedAfter;

  if (!request.topics.length) {
    const recent = store.stories.recent({ since, limit: TOP_STORY_POOL });
    const members = store.stories.members(recent.map((s) => s.id));
    const matched = new Map<number, number>();
    // Top stories have no search score: every member counts, ranking is by recency and coverage.
    for (const ids of members.values()) for (const id of ids.slice(-1)) matched.set(id, 0);
    const candidates = rankCandidates(storiesOf(store, matched, fresh, false), request.now).map((c) => {
      delete c.relevanceByArticle;
      return c;
    });
    return { candidates: candidates.slice(0, maxStories), outsideWindow: false };
  }

  const search = (windowStart: string) => {
    const relevance = new Map<number, number>();
    for (const topic of request.topics) {
      for (const hit of keepBestMatches(store.articles.search(topic, { since: windowStart, limit: HITS_PER_TOPIC, now: request.now }))) {
        relevance.set(hit.article.id, Math.max(relevance.get(hit.article.id) ?? 0, hit.score));
      }
    }
    return relevance;
  };

  let matched = search(since);
  let candidates = storiesOf(store, matched, fresh, false);
  let outsideWindow = false;
  // Daily digests ask for news since the last one; an empty result there is a real "nothing new".
  if (!candidates.length && !ingestedAfter) {
    matched = search('');
    candidates = storiesOf(store, matched, fresh, true);
    outsideWindow = candidates.length > 0;
  }
  return { candidates: rankCandidates(candidates, request.now).slice(0, maxStories), outsideWindow };
}

/** Topics to suggest when nothing matched: the names most mentioned in recent articles. */
export function suggestTopics(store: Store, now: Date, count = 5): string[] {
  const since = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const frequency = new Map<string, number>();
  const recent = store.articles.recent({ since, limit: 200 });
  // An archive with nothing from this week still has topics worth suggesting.
  for (const article of recent.length ? recent : store.articles.recent({ limit: 200 })) {
    // Names in headlines are what a story is about; names in the summary count a third as much.
    const weights = new Map<string, number>();
    for (const entity of namedEntities(article.analysis?.summary.join(' ') ?? '')) weights.set(entity, 1);
    for (const entity of namedEntities(article.title)) weights.set(entity, 3);
    for (const [entity, weight] of weights) {
      if (entity.length < 3 || entity.split(' ').length > 3) continue;
      frequency.set(entity, (frequency.get(entity) ?? 0) + weight);
    }
  }
  return [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([entity]) => entity);
}
