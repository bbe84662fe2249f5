// select: which stories a digest shows. Topic search (or a subscriber's topics, or top
// stories) within a time window, clustered into stories and ranked by relevance, recency
// and coverage. The only digest module that reads the store.
import type { StoredArticle } from '../model.ts';
import { namedEntities } from '../nlp/tokens.ts';
import type { SearchHit, Store } from '../store/index.ts';
import { articleTime, clusterArticles } from './cluster.ts';
import type { StoryCandidate } from './compose.ts';

export interface SelectRequest {
  /** One topic ("syria"), several (a subscriber's), or none for top stories. */
  topics: string[];
  since: Date;
  now: Date;
  maxStories?: number;
  /** Only articles ingested after this time (daily digests: new since the last one). */
  ingestedAfter?: Date;
}

export interface Selection {
  candidates: StoryCandidate[];
  /** True when nothing matched inside the window and the most recent matches are shown instead. */
  outsideWindow: boolean;
}

const HITS_PER_TOPIC = 60;
const TOP_STORY_POOL = 300;

function hoursAgo(article: StoredArticle, now: Date): number {
  return Math.max(0, (now.getTime() - articleTime(article)) / 3_600_000);
}

function distinctOutlets(articles: StoredArticle[]): number {
  return new Set(articles.map((a) => a.outlet ?? (a.url ? new URL(a.url).hostname : `#${a.id}`))).size;
}

/** Relevance (normalised search score), recency (half-life one day) and coverage (outlets). */
export function rankCandidates(candidates: StoryCandidate[], now: Date): StoryCandidate[] {
  const maxRelevance = Math.max(1e-9, ...candidates.flatMap((c) => [...(c.relevanceByArticle?.values() ?? [])]));
  const score = (c: StoryCandidate) => {
    const relevance = c.relevanceByArticle?.size ? Math.max(...c.relevanceByArticle.values()) / maxRelevance : 0;
    const newest = Math.min(...c.articles.map((a) => hoursAgo(a, now)));
    const recency = Math.pow(0.5, newest / 24);
    const coverage = Math.log2(1 + distinctOutlets(c.articles));
    return 2 * relevance + recency + 0.5 * coverage;
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

function toCandidates(articles: StoredArticle[], relevance: Map<number, number>, outsideWindow: boolean): StoryCandidate[] {
  return clusterArticles(articles).map((group) => {
    const candidate: StoryCandidate = { articles: group, relevanceByArticle: new Map(group.map((a) => [a.id, relevance.get(a.id) ?? 0])) };
    if (outsideWindow) candidate.outsideWindow = true;
    return candidate;
  });
}

export function selectStories(store: Store, request: SelectRequest): Selection {
  const maxStories = request.maxStories ?? 5;
  const since = request.since.toISOString();
  const ingestedAfter = request.ingestedAfter?.toISOString();
  const fresh = (a: StoredArticle) => !ingestedAfter || a.ingestedAt > ingestedAfter;

  if (!request.topics.length) {
    const pool = store.articles.recent({ since, limit: TOP_STORY_POOL }).filter(fresh);
    const candidates = rankCandidates(toCandidates(pool, new Map(), false), request.now);
    return { candidates: candidates.slice(0, maxStories), outsideWindow: false };
  }

  const search = (windowStart: string) => {
    const relevance = new Map<number, number>();
    const articles = new Map<number, StoredArticle>();
    for (const topic of request.topics) {
      for (const hit of keepBestMatches(store.articles.search(topic, { since: windowStart, limit: HITS_PER_TOPIC, now: request.now }))) {
        if (!fresh(hit.article)) continue;
        articles.set(hit.article.id, hit.article);
        relevance.set(hit.article.id, Math.max(relevance.get(hit.article.id) ?? 0, hit.score));
      }
    }
    return { articles: [...articles.values()], relevance };
  };

  let found = search(since);
  let outsideWindow = false;
  // Daily digests ask for news since the last one; an empty result there is a real "nothing new".
  if (!found.articles.length && !ingestedAfter) {
    found = search('');
    outsideWindow = found.articles.length > 0;
  }
  const candidates = rankCandidates(toCandidates(found.articles, found.relevance, outsideWindow), request.now);
  return { candidates: candidates.slice(0, maxStories), outsideWindow };
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
