// Story clustering: articles about the same event, across outlets and within a time window,
// become one story. Hand-written: no package clusters news events; this is TF-IDF cosine
// over each article's title and summary, gated by shared named entities and time.
import type { StoredArticle } from '../model.ts';
import { contentTerms, namedEntities } from '../nlp/tokens.ts';

export interface ClusterOptions {
  /** Articles further apart than this are different events even when similar. */
  windowHours?: number;
  /** Cosine similarity at or above which two articles report the same event. */
  threshold?: number;
}

interface Profile {
  article: StoredArticle;
  time: number;
  /** Distinct terms in order of first occurrence, and how often each occurs. */
  terms: string[];
  counts: number[];
  entities: Set<string>;
}

export function articleTime(article: Pick<StoredArticle, 'published' | 'ingestedAt'>): number {
  const published = article.published ? Date.parse(article.published) : NaN;
  return Number.isNaN(published) ? Date.parse(article.ingestedAt) : published;
}

/** The text that says what an article is about: the title (twice, it is the densest) and the summary. */
function aboutText(article: StoredArticle): string {
  const summary = article.analysis?.summary.join(' ') ?? article.text.slice(0, 600);
  return `${article.title}. ${article.title}. ${summary}`;
}

// Terms and names of each article's about-text, by article id. The same stories come back in
// every /summary and daily digest of the day, and these two passes were most of the clustering
// time. Kept only while the text is the same (ids of another database, a new summary); bounded
// like the stem memo (about 3 KB an entry). Read-only for callers.
const PROFILE_CACHE = new Map<number, { text: string; terms: string[]; counts: number[]; entities: Set<string> }>();
const PROFILE_CACHE_LIMIT = 5_000;

function profileOf(article: StoredArticle): Profile {
  const text = aboutText(article);
  let known = PROFILE_CACHE.get(article.id);
  if (!known || known.text !== text) {
    const tf = new Map<string, number>();
    for (const t of contentTerms(text)) tf.set(t, (tf.get(t) ?? 0) + 1);
    known = { text, terms: [...tf.keys()], counts: [...tf.values()], entities: new Set(namedEntities(text).map((e) => e.toLowerCase())) };
    if (PROFILE_CACHE.size >= PROFILE_CACHE_LIMIT) PROFILE_CACHE.clear();
    PROFILE_CACHE.set(article.id, known);
  }
  return { article, time: articleTime(article), terms: known.terms, counts: known.counts, entities: known.entities };
}

/** A unit tfidf vector with terms as integer ids, entries in order of first occurrence. */
interface IdVector {
  ids: Int32Array;
  weights: Float64Array;
}

function tfidf(p: Profile, idf: Map<string, number>, termIds: Map<string, number>): IdVector {
  const ids = new Int32Array(p.terms.length);
  const weights = new Float64Array(p.terms.length);
  let norm = 0;
  for (let k = 0; k < p.terms.length; k++) {
    const t = p.terms[k]!;
    let id = termIds.get(t);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(t, id);
    }
    const w = (1 + Math.log(p.counts[k]!)) * (idf.get(t) ?? 1);
    ids[k] = id;
    weights[k] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / norm;
  return { ids, weights };
}

/**
 * Cosine of two unit vectors: the smaller one's entries, in order, times the larger one's
 * weight for the same term, which `dense` holds by term id (0 where absent). The same
 * products summed in the same order as over Maps, so the same value to the last bit,
 * without a string-keyed lookup per term (the pairwise loop runs this n^2/2 times).
 */
function cosineDense(small: IdVector, dense: Float64Array): number {
  let dot = 0;
  for (let k = 0; k < small.ids.length; k++) dot += small.weights[k]! * dense[small.ids[k]!]!;
  return dot;
}

function scatter(v: IdVector, dense: Float64Array, on: boolean): void {
  for (let k = 0; k < v.ids.length; k++) dense[v.ids[k]!] = on ? v.weights[k]! : 0;
}

/** Each profile's names as a bitset over the pool's names: a shared name is one AND per 32 names. */
function entityBits(profiles: Profile[]): { bits: Uint32Array; words: number } {
  const ids = new Map<string, number>();
  for (const p of profiles) for (const e of p.entities) if (!ids.has(e)) ids.set(e, ids.size);
  const words = Math.max(1, Math.ceil(ids.size / 32));
  const bits = new Uint32Array(profiles.length * words);
  profiles.forEach((p, i) => {
    for (const e of p.entities) {
      const id = ids.get(e)!;
      bits[i * words + (id >>> 5)]! |= 1 << (id & 31);
    }
  });
  return { bits, words };
}

/**
 * Groups articles into stories. Near-duplicates (wire copies) always share a story.
 * Returns groups of articles, each ordered oldest first, groups in input order of their first article.
 */
export function clusterArticles(articles: StoredArticle[], options: ClusterOptions = {}): StoredArticle[][] {
  const windowMs = (options.windowHours ?? 48) * 3_600_000;
  const threshold = options.threshold ?? 0.3;
  const profiles = articles.map(profileOf);

  const documentFrequency = new Map<string, number>();
  for (const p of profiles) for (const t of p.terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  // A mild IDF (log(1 + n/df)): in a small pool the terms that link two reports of one event
  // are exactly the shared ones, and a steep IDF would discount them.
  const n = profiles.length;
  const idf = new Map([...documentFrequency].map(([t, df]) => [t, Math.log(1 + n / df)]));
  const termIds = new Map<string, number>();
  const vectors = profiles.map((p) => tfidf(p, idf, termIds));
  // Scratch row by term id: the weights of the larger vector of a pair.
  const dense = new Float64Array(termIds.size);
  const { bits, words } = entityBits(profiles);

  // Union-find over article indexes.
  const parent = profiles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const indexById = new Map(articles.map((a, i) => [a.id, i]));
  articles.forEach((a, i) => {
    const original = a.nearDuplicateOf === null ? undefined : indexById.get(a.nearDuplicateOf);
    if (original !== undefined) union(i, original);
  });

  /** Same event possible: close in time and a shared name (or no names to tell). */
  const comparable = (i: number, j: number): boolean => {
    if (Math.abs(profiles[i]!.time - profiles[j]!.time) > windowMs) return false;
    if (!profiles[i]!.entities.size || !profiles[j]!.entities.size) return true;
    for (let w = 0; w < words; w++) if (bits[i * words + w]! & bits[j * words + w]!) return true;
    return false;
  };
  // Each pair (i < j) once, iterating the smaller vector (j on a tie) and looking up the
  // larger, which is scattered into `dense` once for all its pairs rather than once a pair.
  // Components do not depend on the order of unions (a root is its smallest index).
  const size = vectors.map((v) => v.ids.length);
  for (let big = 0; big < n; big++) {
    const vb = vectors[big]!;
    scatter(vb, dense, true);
    for (let other = 0; other < n; other++) {
      if (other === big) continue;
      // big is the larger of the pair: strictly, or on a tie when it is the first (i).
      if (other < big ? size[other]! >= size[big]! : size[other]! > size[big]!) continue;
      if (comparable(Math.min(big, other), Math.max(big, other)) && cosineDense(vectors[other]!, dense) >= threshold) union(big, other);
    }
    scatter(vb, dense, false);
  }

  const groups = new Map<number, StoredArticle[]>();
  articles.forEach((a, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(a);
    groups.set(root, group);
  });
  return [...groups.values()].map((g) => g.sort((x, y) => articleTime(x) - articleTime(y)));
}
