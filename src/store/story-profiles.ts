// The engine-neutral half of the story store: how a story's profile is kept (serialised centroids,
// headline, outlets), how term statistics are counted, and the tuning constants of candidate
// lookups and statistics writes. Both engines (sqlite/, pg/) store stories with these.
import type { Placed, StoryProfile } from '../stories/assign.ts';
import type { ArticleFeatures } from '../stories/features.ts';
import { cosine, nameDayKey, type TermBursts, type TermStatistics, type Vector } from '../stories/vectors.ts';
import type { StoryRecord } from './api.ts';

/**
 * Each article's keys for candidate lookups: its names (the gate needs a shared name) and its
 * heaviest terms. Its heaviest terms alone would be its most idiosyncratic words, which the
 * other reports of the event rarely share.
 */
export const KEY_TERMS = 4;
export const KEY_ENTITIES = 12;
/** Candidates scored per article: the stories sharing the most keys. */
export const MAX_CANDIDATES = 6;
export const PROFILE_MEMO_LIMIT = 5_000;
/** Terms kept of the headline article's vector: enough to compare it with the centroid. */
const TITLE_TERMS = 40;
/** A key in more than this share of the documents finds too many articles to be worth a lookup. */
export const COMMON_KEY_SHARE = 0.3;
/**
 * Document frequencies live in memory and are written (merged with what other processes wrote
 * meanwhile) every this many articles and when the store closes: a write per term and article
 * would cost more than the whole assignment. A crash loses at most these counts, which only
 * shift IDF weights a little.
 */
export const STATISTICS_FLUSH_EVERY = 1_000;
/** Beyond this many distinct keys, those seen once are dropped (an unseen key weighs about the same). */
export const STATISTICS_KEYS_LIMIT = 400_000;

export const DAY = 86_400_000;
/** Days either side of an article whose documents tell whether its terms burst. */
export const BURST_WINDOW_DAYS = 3;
/** Days of term counts kept parsed in memory (a bulk ingest walks through time). */
export const DAY_MEMO_LIMIT = 64;
/** A vector as stored: four decimals are plenty for a cosine, and the row stays small. */
function entries(vector: Vector): [string, number][] {
  // Filled in one pass (a spread and a map made every pair twice: most of a new story's encoding).
  const pairs: [string, number][] = new Array(vector.size);
  let i = 0;
  vector.forEach((weight, key) => {
    pairs[i++] = [key, Math.round(weight * 1e4) / 1e4];
  });
  return pairs;
}

export interface Counts extends TermStatistics {
  terms: Map<string, number>;
  names: Map<string, number>;
}

export function counted(documents: number, terms: Map<string, number>, names: Map<string, number>): Counts {
  return { documents, terms, names, termFrequency: (term) => terms.get(term) ?? 0, nameFrequency: (name) => names.get(name) ?? 0 };
}

/** Document frequencies as stored (story_statistics.frequencies). */
export interface SavedFrequencies {
  terms: Record<string, number>;
  names: Record<string, number>;
}

export function countsFrom(documents: number, saved: SavedFrequencies): Counts {
  return counted(documents, new Map(Object.entries(saved.terms)), new Map(Object.entries(saved.names)));
}

/** Counts as stored, dropping keys seen once when there are too many. */
export function savedFrequencies(counts: Counts): SavedFrequencies {
  for (const map of [counts.terms, counts.names]) {
    if (map.size > STATISTICS_KEYS_LIMIT) for (const [key, count] of map) if (count <= 1) map.delete(key);
  }
  return { terms: Object.fromEntries(counts.terms), names: Object.fromEntries(counts.names) };
}

/** The term counts of one day (UTC) of articles, for the burst weights. */
export interface DayCounts {
  documents: number;
  terms: Map<string, number>;
}

export const dayOf = (time: number) => Math.floor(time / DAY);

/**
 * The term counts of a window of days as one: each of an article's terms is looked up in every
 * day, so days without documents (most of the window when a bulk ingest stores today's news)
 * are left out of those lookups.
 */
export function windowOf(days: DayCounts[]): TermBursts {
  const counted = days.filter((d) => d.documents > 0);
  return {
    documents: counted.reduce((sum, d) => sum + d.documents, 0),
    termFrequency: (term) => {
      let sum = 0;
      for (const day of counted) sum += day.terms.get(term) ?? 0;
      return sum;
    },
  };
}

export function addDayCounts(day: DayCounts, features: ArticleFeatures): void {
  day.documents++;
  for (const [term] of features.terms) day.terms.set(term, (day.terms.get(term) ?? 0) + 1);
  // Names too, for their bursts (a row written before names were counted has none: no burst).
  for (const [name] of features.entities) {
    const key = nameDayKey(name);
    day.terms.set(key, (day.terms.get(key) ?? 0) + 1);
  }
}

/** One more document with these terms and names. */
export function addCounts(counts: Counts, features: ArticleFeatures): void {
  counts.documents++;
  for (const [term] of features.terms) counts.terms.set(term, (counts.terms.get(term) ?? 0) + 1);
  for (const [name] of features.entities) counts.names.set(name, (counts.names.get(name) ?? 0) + 1);
}

/** The headline that speaks for a story, and its article's term vector (is a new member more representative?). */
export interface Headline {
  title: string;
  articleId: number | null;
  terms: Vector;
}

export interface SerializedProfile {
  /** The event's time (the mean member time, ms); absent in rows written before it was kept. */
  time?: number;
  terms: [string, number][];
  entities: [string, number][];
  /** The headline article's term vector (is a new member more representative?); absent while it is the only member. */
  titleTerms?: [string, number][];
  /** The outlets that covered it (an article without one counts as "#<its id>"). */
  outlets: string[];
}

export interface LoadedStory {
  profile: StoryProfile;
  title: Headline;
  outlets: Set<string>;
}

/** An outlet as a story counts it: its name or web host, else the article itself. */
export const outletKey = (outlet: string | null, articleId: number) => outlet ?? `#${articleId}`;

/** A stored member as the assignment sees it. */
export interface Member extends Placed {
  id: number;
  title: string;
  outlet: string | null;
}

/** The headline of the member closest to the centroid: it speaks for the story. */
export function headlineOf(members: Member[], profile: StoryProfile): Headline {
  const best = members.reduce((top, m) => (cosine(m.vectors.terms, profile.terms) > cosine(top.vectors.terms, profile.terms) ? m : top));
  return { title: best.title, articleId: best.id, terms: best.vectors.terms };
}

export function outletsOf(members: Member[]): Set<string> {
  return new Set(members.map((m) => outletKey(m.outlet, m.id)));
}

/** An article to place in a story, as ArticleStore.insert hands it over. */
export interface AssignInput {
  articleId: number;
  title: string;
  /** The outlet's name, else its web host; null when unknown. */
  outlet: string | null;
  ingestedAt: string;
  /** Published time, else ingested time, ISO UTC. */
  time: string;
  dated: boolean;
  features: ArticleFeatures;
  nearDuplicateOf: number | null;
  now: Date;
}

/** A story row's columns, as both engines read them (flags and JSON already decoded). */
export interface StoryColumns {
  id: number;
  title: string;
  title_article_id: number | null;
  first_at: string;
  last_at: string;
  article_count: number;
  outlet_count: number;
  dated: boolean;
}

export function loadedStory(row: StoryColumns, saved: SerializedProfile): LoadedStory {
  return {
    profile: {
      id: row.id,
      terms: new Map(saved.terms),
      entities: new Map(saved.entities),
      first: Date.parse(row.first_at),
      last: Date.parse(row.last_at),
      // A row from before the event time was kept: the middle of its span.
      time: saved.time ?? (Date.parse(row.first_at) + Date.parse(row.last_at)) / 2,
      size: row.article_count,
      dated: row.dated,
    },
    // A one-article story's headline vector is its centroid.
    title: { title: row.title, articleId: row.title_article_id, terms: saved.titleTerms ? new Map(saved.titleTerms) : new Map(saved.terms) },
    outlets: new Set(saved.outlets),
  };
}

export function serializedProfile(story: Omit<StoryProfile, 'id'>, title: Headline, outlets: Set<string>): SerializedProfile {
  const profile: SerializedProfile = { time: Math.round(story.time), terms: entries(story.terms), entities: entries(story.entities), outlets: [...outlets] };
  if (story.size > 1) {
    // The headline's vector only needs its heaviest terms to compare with the centroid (sorted
    // only here: a new story, most stories of a bulk ingest, keeps no separate headline vector).
    const titleTerms = title.terms.size > TITLE_TERMS ? new Map([...title.terms].sort((a, b) => b[1] - a[1]).slice(0, TITLE_TERMS)) : title.terms;
    profile.titleTerms = entries(titleTerms);
  }
  return profile;
}

export function spanOf(story: Pick<StoryProfile, 'first' | 'last'>): [string, string] {
  return [new Date(story.first).toISOString(), new Date(story.last).toISOString()];
}

export function storyRecord(row: StoryColumns): StoryRecord {
  return {
    id: row.id,
    title: row.title,
    titleArticleId: row.title_article_id,
    first: row.first_at,
    last: row.last_at,
    articleCount: row.article_count,
    outletCount: row.outlet_count,
    dated: row.dated,
  };
}
