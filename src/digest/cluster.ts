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

type Vector = Map<string, number>;

interface Profile {
  article: StoredArticle;
  time: number;
  terms: string[];
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
const PROFILE_CACHE = new Map<number, { text: string; terms: string[]; entities: Set<string> }>();
const PROFILE_CACHE_LIMIT = 5_000;

function profileOf(article: StoredArticle): Profile {
  const text = aboutText(article);
  let known = PROFILE_CACHE.get(article.id);
  if (!known || known.text !== text) {
    known = { text, terms: contentTerms(text), entities: new Set(namedEntities(text).map((e) => e.toLowerCase())) };
    if (PROFILE_CACHE.size >= PROFILE_CACHE_LIMIT) PROFILE_CACHE.clear();
    PROFILE_CACHE.set(article.id, known);
  }
  return { article, time: articleTime(article), terms: known.terms, entities: known.entities };
}

function tfidf(terms: string[], idf: Map<string, number>): Vector {
  const v: Vector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
  let norm = 0;
  for (const [t, tf] of v) {
    const w = (1 + Math.log(tf)) * (idf.get(t) ?? 1);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** A tfidf vector with terms as integer ids, entries in the Map's order. */
interface IdVector {
  ids: Int32Array;
  weights: Float64Array;
}

function toIdVector(v: Vector, termIds: Map<string, number>): IdVector {
  const ids = new Int32Array(v.size);
  const weights = new Float64Array(v.size);
  let k = 0;
  for (const [t, w] of v) {
    let id = termIds.get(t);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(t, id);
    }
    ids[k] = id;
    weights[k++] = w;
  }
  return { ids, weights };
}

/**
 * Cosine of two unit vectors: the smaller one's entries, in order, times the larger one's
 * weight for the same term, which `dense` holds by term id (0 where absent). The same
 * products summed in the same order as over the Maps, so the same value to the last bit,
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

function sharesEntity(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return true;
  for (const e of a) if (b.has(e)) return true;
  return false;
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
  for (const p of profiles) for (const t of new Set(p.terms)) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  // A mild IDF (log(1 + n/df)): in a small pool the terms that link two reports of one event
  // are exactly the shared ones, and a steep IDF would discount them.
  const n = profiles.length;
  const idf = new Map([...documentFrequency].map(([t, df]) => [t, Math.log(1 + n / df)]));
  const termIds = new Map<string, number>();
  const vectors = profiles.map((p) => toIdVector(tfidf(p.terms, idf), termIds));
  // Two scratch rows by term id: the outer article's weights, and the inner one's when it is the larger.
  const outer = new Float64Array(termIds.size);
  const inner = new Float64Array(termIds.size);

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

  for (let i = 0; i < profiles.length; i++) {
    const vi = vectors[i]!;
    scatter(vi, outer, true);
    for (let j = i + 1; j < profiles.length; j++) {
      const a = profiles[i]!;
      const b = profiles[j]!;
      if (Math.abs(a.time - b.time) > windowMs) continue;
      if (!sharesEntity(a.entities, b.entities)) continue;
      const vj = vectors[j]!;
      // As before: iterate the smaller vector (the second one on a tie), look up in the larger.
      let similarity: number;
      if (vi.ids.length < vj.ids.length) {
        scatter(vj, inner, true);
        similarity = cosineDense(vi, inner);
        scatter(vj, inner, false);
      } else {
        similarity = cosineDense(vj, outer);
      }
      if (similarity >= threshold) union(i, j);
    }
    scatter(vi, outer, false);
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
