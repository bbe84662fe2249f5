// select: which stories a digest shows. Topic search (or a subscriber's topics, or top
// stories) within a time window, then the stored stories of the matching articles (assigned
// at ingest, see store/sqlite/stories.ts: nothing is clustered here), ranked by relevance, recency,
// and how many outlets and articles covered them, each with its newest members. The only
// digest module that reads the store.
import type { StoredArticle } from '../model.ts';
import { createRequire } from 'node:module';
import { namedEntities } from '../nlp/tokens.ts';
import type { SearchHit, StoreTx, StoryRecord } from '../store/index.ts';
import type { StoryCandidate } from './compose.ts';

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
/** Members read per story shown, newest first: enough for its sources, summary and quotes. */
const MEMBERS_PER_STORY = 30;

/** A story in the running, with what ranks it: the search score of its best matching article. */
interface Pooled {
  story: StoryRecord;
  relevance: number;
}

/**
 * Relevance (search score relative to the best story's), recency (of its latest article,
 * half-life one day) and coverage (outlets, then articles). Read from the story rows: no
 * article is loaded to rank. The relevance share is squared: a story that names the topic in
 * passing (a third of the best score) must not outrank the story about it on coverage alone.
 */
function storyScore(p: Pooled, maxRelevance: number, now: Date): number {
  const hours = Math.max(0, (now.getTime() - Date.parse(p.story.last)) / 3_600_000);
  const coverage = 0.5 * Math.log2(1 + p.story.outletCount) + 0.25 * Math.log2(p.story.articleCount);
  return 2 * (p.relevance / maxRelevance) ** 2 + 0.5 ** (hours / 24) + coverage;
}

function keepBestMatches(hits: SearchHit[]): SearchHit[] {
  // For several words, articles with every word are the answer; partial matches only when there are none.
  const all = hits.filter((h) => h.matchedAll);
  return all.length ? all : hits;
}

/**
 * The best `max` stories of the matched articles, each with its newest members. Ranked on the
 * story rows, so that a story of a hundred articles costs no more to rank than one of one.
 */
async function bestStories(store: StoreTx, relevance: Map<number, number>, matched: Map<number, number>, request: SelectRequest, max: number, outsideWindow: boolean): Promise<StoryCandidate[]> {
  let ids = [...relevance.keys()];
  // Daily digests: only stories with news since the last one.
  if (request.ingestedAfter) ids = await store.stories.withArticlesIngestedAfter(ids, request.ingestedAfter.toISOString());
  const pool: Pooled[] = (await store.stories.getMany(ids)).map((story) => ({ story, relevance: relevance.get(story.id)! }));
  const maxRelevance = Math.max(1e-9, ...pool.map((p) => p.relevance));
  const chosen = pool
    .map((p) => ({ p, s: storyScore(p, maxRelevance, request.now) }))
    .sort((a, b) => b.s - a.s || b.p.story.id - a.p.story.id)
    .slice(0, max)
    .map((x) => x.p);

  const members = await store.stories.members(
    chosen.map((p) => p.story.id),
    MEMBERS_PER_STORY,
  );
  const articles = new Map((await store.articles.getMany([...members.values()].flat())).map((a) => [a.id, a]));
  const out: StoryCandidate[] = [];
  for (const { story } of chosen) {
    const group = (members.get(story.id) ?? []).map((id) => articles.get(id)).filter((a): a is StoredArticle => a !== undefined);
    if (!group.length) continue;
    const scores = new Map(group.filter((a) => matched.has(a.id)).map((a) => [a.id, matched.get(a.id)!]));
    const c: StoryCandidate = {
      story: { id: story.id, title: story.title, titleArticleId: story.titleArticleId, articleCount: story.articleCount, outletCount: story.outletCount },
      articles: group,
    };
    if (scores.size) c.relevanceByArticle = scores;
    if (outsideWindow) c.outsideWindow = true;
    out.push(c);
  }
  return out;
}

export async function selectStories(store: StoreTx, request: SelectRequest): Promise<Selection> {
  const maxStories = request.maxStories ?? 5;
  const since = request.since.toISOString();

  if (!request.topics.length) {
    // Top stories: the latest ones, by recency and coverage (no search score).
    const recent = new Map((await store.stories.recent({ since, limit: TOP_STORY_POOL })).map((s) => [s.id, 0]));
    return { candidates: await bestStories(store, recent, new Map(), request, maxStories, false), outsideWindow: false };
  }

  /** The matching articles' scores, and each of their stories' best score. */
  const search = async (windowStart: string, floors?: Map<string, number>) => {
    const matched = new Map<number, number>();
    for (const topic of request.topics) {
      for (const hit of keepBestMatches(await store.articles.search(topic, { since: windowStart, limit: HITS_PER_TOPIC, now: request.now }))) {
        if (floors && hit.score < (floors.get(topic) ?? Number.POSITIVE_INFINITY)) continue;
        matched.set(hit.article.id, Math.max(matched.get(hit.article.id) ?? 0, hit.score));
      }
    }
    const relevance = new Map<number, number>();
    for (const [articleId, storyId] of await store.stories.storiesOf([...matched.keys()])) relevance.set(storyId, Math.max(relevance.get(storyId) ?? 0, matched.get(articleId)!));
    return { matched, relevance };
  };

  let found = await search(since);
  let candidates = await bestStories(store, found.relevance, found.matched, request, maxStories, false);
  let outsideWindow = false;
  // Daily digests ask for news since the last one; an empty result there is a real "nothing new".
  if (!candidates.length && !request.ingestedAfter) {
    // Nothing in the window: the most recent stories about the topic, as the header then says, are
    // those of the week up to its latest match (not the best matches of the whole archive, which
    // put a month-old story above last week's).
    const latest = await latestStrongMatch(store, request);
    if (latest) {
      found = await search(new Date(latest.at - LATEST_COVERAGE_MS).toISOString(), latest.floors);
      candidates = await bestStories(store, found.relevance, found.matched, request, maxStories, true);
      outsideWindow = candidates.length > 0;
    }
  }
  return { candidates, outsideWindow };
}

/** How far back from a topic's latest match "the most recent stories" about it reach. */
const LATEST_COVERAGE_MS = 7 * 86_400_000;

/**
 * The newest article about any of the topics in the whole archive, and for each topic the score a
 * match needs to count as about it: at least half its best match's, among its best LATEST_MATCH_POOL
 * matches (an article that mentions the topic in passing neither makes a week "the most recent"
 * about it nor shows as one of its stories); null when nothing matches.
 */
async function latestStrongMatch(store: StoreTx, request: SelectRequest): Promise<{ at: number; floors: Map<string, number> } | null> {
  let at: number | null = null;
  const floors = new Map<string, number>();
  for (const topic of request.topics) {
    const hits = keepBestMatches(await store.articles.search(topic, { since: '', limit: LATEST_MATCH_POOL, now: request.now }));
    if (!hits.length) continue;
    const floor = STRONG_MATCH_SHARE * Math.max(...hits.map((h) => h.score));
    floors.set(topic, floor);
    for (const hit of hits) {
      const time = Date.parse(hit.article.published ?? hit.article.ingestedAt);
      if (hit.score >= floor && Number.isFinite(time) && (at === null || time > at)) at = time;
    }
  }
  return at === null ? null : { at, floors };
}
const LATEST_MATCH_POOL = 300;
const STRONG_MATCH_SHARE = 0.5;

/** How many stored stories have an article about the topic since `since` (what /follow tells the reader). */
export async function countTopicStories(store: StoreTx, topic: string, since: Date, now: Date): Promise<number> {
  const hits = keepBestMatches(await store.articles.search(topic, { since: since.toISOString(), limit: TOP_STORY_POOL, now }));
  return new Set((await store.stories.storiesOf(hits.map((h) => h.article.id))).values()).size;
}

/**
 * Nationality adjectives ("American", "Swiss"): they say where a story happens, not what it is
 * about, so they are never suggested as topics. From i18n-nationality's English names.
 */
const NATIONALITY_WORDS = new Set(
  // Required, not imported: the bundle (scripts/build.js) keeps packages external and drops a JSON import's attribute.
  Object.values((createRequire(import.meta.url)('i18n-nationality/langs/en.json') as { nationalities: Record<string, string> }).nationalities).map((name) => name.toLowerCase()),
);

/** The words of a name, lower-cased. */
const wordsOf = (name: string): string[] => name.toLowerCase().split(/\s+/);

/** Whether `part`'s words appear, in order and together, in `whole`'s ("Trump" in "Donald Trump"). */
function isPartOf(part: string[], whole: string[]): boolean {
  if (part.length >= whole.length) return false;
  for (let i = 0; i + part.length <= whole.length; i++) if (part.every((w, j) => whole[i + j] === w)) return true;
  return false;
}

/**
 * Distinct topics from name counts: a short form counts for the fullest name it is part of (the
 * most mentioned one when several are: "Clinton" for "Hillary Clinton"), so each person is
 * suggested once, by their full name. Nationality adjectives, and single words the articles
 * also write in lower case (headline capitals: "Deal", "Health"), are no topics.
 */
export function distinctTopics(frequency: ReadonlyMap<string, number>, lowerCaseWords: ReadonlySet<string>): Map<string, number> {
  const names = [...frequency.keys()].filter((name) => {
    const words = wordsOf(name);
    return !(words.length === 1 && (NATIONALITY_WORDS.has(words[0]!) || lowerCaseWords.has(words[0]!)));
  });
  const merged = new Map<string, number>();
  for (const name of names) {
    const words = wordsOf(name);
    const fuller = names.filter((other) => isPartOf(words, wordsOf(other))).sort((a, b) => frequency.get(b)! - frequency.get(a)! || b.length - a.length)[0];
    const into = fuller ?? name;
    merged.set(into, (merged.get(into) ?? 0) + frequency.get(name)!);
  }
  // A name folded into a fuller one is not a topic of its own.
  for (const name of names) if (names.some((other) => isPartOf(wordsOf(name), wordsOf(other)))) merged.delete(name);
  return merged;
}

/** Topics to suggest when nothing matched: the names most mentioned in recent articles, each once. */
export async function suggestTopics(store: StoreTx, now: Date, count = 5): Promise<string[]> {
  const since = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const frequency = new Map<string, number>();
  const lowerCaseWords = new Set<string>();
  const recent = await store.articles.recent({ since, limit: 200 });
  // An archive with nothing from this week still has topics worth suggesting.
  for (const article of recent.length ? recent : await store.articles.recent({ limit: 200 })) {
    const summary = article.analysis?.summary.join(' ') ?? '';
    for (const word of summary.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}'-]*/gu) ?? []) lowerCaseWords.add(word);
    // Names in headlines are what a story is about; names in the summary count a third as much.
    const weights = new Map<string, number>();
    for (const entity of namedEntities(summary)) weights.set(entity, 1);
    for (const entity of namedEntities(article.title)) weights.set(entity, 3);
    for (const [entity, weight] of weights) {
      if (entity.length < 3 || entity.split(' ').length > 3) continue;
      frequency.set(entity, (frequency.get(entity) ?? 0) + weight);
    }
  }
  return [...distinctTopics(frequency, lowerCaseWords).entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([entity]) => entity);
}
