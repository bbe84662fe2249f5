// How a prepared article crosses from an ingest worker to the writer thread (worker-pool.ts).
// postMessage copies with the structured clone algorithm, whose cost grows with the number of
// objects: an article's story features are about 200 [name, count] pairs, two thirds of the
// objects of a prepared article and most of the copy's cost on both threads (108 µs per article
// on the PolNeAR train texts, sent and received). Here they travel as one string of the names
// and one array of the counts, rebuilt into the same pairs on the writer's side (32 µs in all).
import type { ArticleFeatures } from '../stories/features.ts';
import type { Job } from './jobs.ts';
import type { PreparedArticle } from './prepare.ts';

/** Between two names; no name holds it (a draft's text is stripped of control characters, sanitize.ts). */
const SEPARATOR = '\u0000';

/** Story features in two objects: the names joined, the counts in order; the first `terms` are the terms, the rest the entities. */
interface PackedFeatures {
  names: string;
  counts: Float64Array;
  terms: number;
}

/** A prepared article as it crosses threads. */
export type PackedArticle = Omit<PreparedArticle, 'storyFeatures'> & { storyFeatures: PackedFeatures | ArticleFeatures };

export function packFeatures(features: ArticleFeatures): PackedFeatures | ArticleFeatures {
  const all = [...features.terms, ...features.entities];
  // No names: nothing to join (an empty join could not tell zero names from one empty name).
  if (!all.length || all.some(([name]) => name.includes(SEPARATOR))) return features;
  return { names: all.map(([name]) => name).join(SEPARATOR), counts: Float64Array.from(all, ([, count]) => count), terms: features.terms.length };
}

export function unpackFeatures(packed: PackedFeatures | ArticleFeatures): ArticleFeatures {
  if (!('names' in packed)) return packed;
  const names = packed.names.split(SEPARATOR);
  const terms: [string, number][] = [];
  const entities: [string, number][] = [];
  for (let i = 0; i < names.length; i++) (i < packed.terms ? terms : entities).push([names[i]!, packed.counts[i]!]);
  return { terms, entities };
}

export function packArticle(article: PreparedArticle): PackedArticle {
  return { ...article, storyFeatures: packFeatures(article.storyFeatures) };
}

export function unpackArticle(article: PackedArticle): PreparedArticle {
  return { ...article, storyFeatures: unpackFeatures(article.storyFeatures) };
}

/** A job's result as the worker sends it: the prepared articles packed, anything else as it is. */
export function packResult(kind: Job['kind'], result: unknown): unknown {
  if (kind === 'document') return (result as PreparedArticle[]).map(packArticle);
  if (kind === 'prepare') return packArticle(result as PreparedArticle);
  return result;
}

/** The result as runJob returned it in the worker. */
export function unpackResult(kind: Job['kind'], result: unknown): unknown {
  if (kind === 'document') return (result as PackedArticle[]).map(unpackArticle);
  if (kind === 'prepare') return unpackArticle(result as PackedArticle);
  return result;
}
