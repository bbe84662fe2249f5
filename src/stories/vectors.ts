// Sparse TF-IDF vectors for story assignment: an article's unit vectors (terms, names), and a
// story's centroid (the sum of its members' unit vectors), as Miranda et al. (EMNLP 2018)
// represent clusters in streaming news clustering. Pure: the counts behind the IDF come in.
import type { ArticleFeatures } from './features.ts';

export type Vector = Map<string, number>;

/** Document frequencies the IDF is computed from (the store keeps them, see store/sqlite/stories.ts). */
export interface TermStatistics {
  /** Documents counted. */
  documents: number;
  /** Documents containing a stemmed term; a (lower-cased) name. */
  termFrequency(term: string): number;
  nameFrequency(name: string): number;
}

export interface ArticleVectors {
  terms: Vector;
  entities: Vector;
  /** Its names that burst in the days around it (see burstingNames); absent when none do or no window was given. */
  burstingNames?: Set<string>;
}

/**
 * Pseudo-documents added to the count in the IDF: while a store holds only a few articles
 * every term looks as common as the first article's, and IDF (log(n / df)) would give the
 * first articles empty vectors. With them, a young store weighs terms nearly evenly.
 */
const IDF_PRIOR_DOCUMENTS = 20;
/** A centroid keeps its heaviest entries only: stories grow, rows must not. */
export const CENTROID_TERMS = 100;
export const CENTROID_ENTITIES = 40;

export const termKey = (term: string): string => `t:${term}`;
export const entityKey = (name: string): string => `e:${name}`;

export function idf(documents: number, frequency: number): number {
  return Math.log((documents + IDF_PRIOR_DOCUMENTS) / (frequency + 1));
}

/**
 * How much more often a term is used around an article's time than in the whole store: the
 * share of the documents of the days around it that have the term, over its share of all
 * documents. An event's own words ("debate", "pneumonia", "tax returns") burst in the days it is
 * reported, while the names and words that are in every report of a campaign do not (a
 * ratio in the manner of Kleinberg, "Bursty and Hierarchical Structure in Streams", 2002).
 */
export interface TermBursts {
  /** Documents in the days around the article (the window), not counting the article. */
  documents: number;
  termFrequency(term: string): number;
}

/**
 * Burst weighting: term weight times min(cap, ratio)^exponent. A window of fewer than
 * `windowPrior` documents is filled up to that many with documents at the store's own rate
 * (empirical-Bayes shrinkage): in a quiet week two of three reports using a rare word count as
 * a burst in proportion to that little evidence, where a hard minimum of 5 documents counted none
 * (a store with a few reports a day, as a reader with few feeds has, then had no bursts at all).
 * Chosen on our train events, also sampled as sparse as the dev set (docs/quality.md, Stories).
 */
export const BURST = { exponent: 0.5, cap: 8, windowPrior: 5 };

/**
 * A name bursts when the documents of the days around an article mention it at least `ratio`
 * times as often as the whole store does, and at least `minAround` of them do: the event's own
 * names ("Democratic National Convention" in its week, a judge in the week he is attacked), not
 * the names of the whole campaign. Counted in the same day rows as the terms, under nameDayKey.
 * Chosen on our train events (docs/quality.md, Stories).
 */
export const NAME_BURST = { ratio: 8, minAround: 3 };

/** A name's key in the day counts, beside the stemmed terms (which never hold "@"). */
export const nameDayKey = (name: string): string => `@${name}`;

/** The article's names that burst around its time (see NAME_BURST). */
export function burstingNames(features: ArticleFeatures, stats: TermStatistics, window: TermBursts): Set<string> {
  const bursting = new Set<string>();
  for (const [name] of features.entities) {
    const around = window.termFrequency(nameDayKey(name));
    if (around < NAME_BURST.minAround) continue;
    if (burstRatio(around, window, stats.nameFrequency(name), stats.documents) >= NAME_BURST.ratio) bursting.add(name);
  }
  return bursting;
}

/** The factor a term's weight is multiplied by (1: no burst, or too little to tell). */
export function burstFactor(term: string, stats: TermStatistics, window: TermBursts): number {
  return burstFactorOf(term, stats.termFrequency(term), stats.documents, window);
}

/** burstFactor, given the term's document frequency in the store (`frequency`) out of `documents`. */
function burstFactorOf(term: string, frequency: number, documents: number, window: TermBursts): number {
  const around = window.termFrequency(term);
  if (!around) return 1;
  return Math.min(BURST.cap, Math.max(1, burstRatio(around, window, frequency, documents))) ** BURST.exponent;
}

/**
 * How many times more often the documents around an article hold something (`around` of them)
 * than the store does (`frequency` out of `documents`): the measure of a burst, for terms and
 * names alike. A small window is filled up with documents at the store's rate (BURST.windowPrior).
 * The store's rate is smoothed by one document, not by the IDF's prior: in a young store, whose
 * documents are all in the window, nothing bursts.
 */
function burstRatio(around: number, window: TermBursts, frequency: number, documents: number): number {
  const storeRate = (frequency + 1) / (documents + 1);
  const filled = Math.max(0, BURST.windowPrior - window.documents);
  return (around + filled * storeRate) / (window.documents + filled) / storeRate;
}

/**
 * (1 + log tf) * idf (times a factor, when given), scaled to unit length. The factor gets the
 * item's document frequency too: the burst weight needs it, and a second lookup in the store's
 * large count table cost as much as the first.
 */
function unitVector(counts: [string, number][], frequency: (item: string) => number, documents: number, factor?: (item: string, frequency: number) => number): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [item, count] of counts) {
    const df = frequency(item);
    const weight = (1 + Math.log(count)) * idf(documents, df) * (factor ? factor(item, df) : 1);
    if (weight <= 0) continue;
    vector.set(item, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [item, weight] of vector) vector.set(item, weight / norm);
  return vector;
}

/** An article's unit vectors; with `window`, its terms weighted up by how much they burst around its time, and its bursting names. */
export function articleVectors(features: ArticleFeatures, stats: TermStatistics, window?: TermBursts): ArticleVectors {
  const factor = window ? (term: string, frequency: number) => burstFactorOf(term, frequency, stats.documents, window) : undefined;
  const vectors: ArticleVectors = { terms: unitVector(features.terms, stats.termFrequency, stats.documents, factor), entities: unitVector(features.entities, stats.nameFrequency, stats.documents) };
  const bursting = window && burstingNames(features, stats, window);
  if (bursting?.size) vectors.burstingNames = bursting;
  return vectors;
}

// Vectors are never changed once made (addTo makes a new one): their norms are kept, since the
// same centroids are compared with article after article.
const norms = new WeakMap<Vector, number>();

export function norm(vector: Vector): number {
  let known = norms.get(vector);
  if (known === undefined) {
    let sum = 0;
    for (const weight of vector.values()) sum += weight * weight;
    known = Math.sqrt(sum);
    norms.set(vector, known);
  }
  return known;
}

/** Cosine of two vectors of any length (a unit vector, a centroid). */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, weight] of small) {
    const other = large.get(key);
    if (other !== undefined) dot += weight * other;
  }
  if (!dot) return 0;
  return dot / (norm(a) * norm(b));
}

/** `into` plus `add` (scaled), keeping the `limit` heaviest entries. */
export function addTo(into: Vector, add: Vector, limit: number, scale = 1): Vector {
  const sum = new Map(into);
  for (const [key, weight] of add) sum.set(key, (sum.get(key) ?? 0) + weight * scale);
  for (const [key, weight] of sum) if (weight <= 1e-9) sum.delete(key);
  return sum.size > limit ? new Map([...sum].sort((a, b) => b[1] - a[1]).slice(0, limit)) : sum;
}

/** The `count` heaviest keys of a vector (all of them, unsorted, when it has no more). */
export function topKeys(vector: Vector, count: number): string[] {
  if (vector.size <= count) return [...vector.keys()];
  // Heaviest first, ties by key, as sorting every entry would give them; but kept by insertion
  // into a list of `count` (a few keys out of hundreds: sorting them all cost far more).
  const keys: string[] = [];
  const weights: number[] = [];
  for (const [key, weight] of vector) {
    let at = keys.length;
    while (at > 0 && (weights[at - 1]! < weight || (weights[at - 1] === weight && key < keys[at - 1]!))) at--;
    if (at >= count) continue;
    keys.splice(at, 0, key);
    weights.splice(at, 0, weight);
    if (keys.length > count) {
      keys.pop();
      weights.pop();
    }
  }
  return keys;
}
