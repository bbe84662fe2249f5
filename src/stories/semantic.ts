// An article's meaning as one dense vector: the weighted mean of its headline and lead words'
// GloVe vectors (src/nlp/word-vectors.ts), for story assignment. Two reports of one event told
// in different words ("layoffs" / "job cuts", "hispanic" / "latino") share few terms but land
// close here. Smooth inverse frequency weights and the removal of the common direction follow
// Arora, Liang and Ma, "A Simple but Tough-to-Beat Baseline for Sentence Embeddings" (ICLR 2017).
// Hand-written: no package builds sentence vectors from these word vectors.
import { DIMENSIONS, wordVectors, type WordVectors } from '../nlp/word-vectors.ts';
import { ABSENT, CharTable } from '../nlp/char-table.ts';
import { STOP_WORDS, tokenAt, tokenSpans, type TokenSpans } from '../nlp/tokens.ts';

/**
 * Smooth inverse frequency: a word weighs a / (a + p(w)). The vocabulary is ordered by
 * frequency, so p(w) is estimated by Zipf's law, about 0.1 / (rank + 1); with a = 1e-4 the
 * weight is rank / (rank + SIF_HALF_RANK): half at rank 1,000, nearly 1 past 10,000. Frequent
 * words ("said", "new", "people") say little about which event an article reports.
 */
export const SIF_HALF_RANK = 1_000;
/**
 * The most frequent words whose mean vector is the common direction of text: every sum of
 * word vectors leans towards it, so that any two articles look alike. Fixed from the
 * vocabulary alone (general English, not our articles).
 */
const COMMON_DIRECTION_WORDS = 20_000;

let common: { vectors: WordVectors; direction: Float32Array } | undefined;

/** The unit mean vector of the most frequent words, SIF-weighted as an article's words are. */
function commonDirection(vectors: WordVectors): Float32Array {
  if (common?.vectors === vectors) return common.direction;
  const mean = new Float32Array(DIMENSIONS);
  const count = Math.min(COMMON_DIRECTION_WORDS, vectors.size);
  for (let row = 0; row < count; row++) vectors.addRow(mean, row, sifWeight(row));
  common = { vectors, direction: unit(mean) ?? mean };
  return common.direction;
}

const sifWeight = (rank: number) => rank / (rank + SIF_HALF_RANK);

/**
 * Token -> word-vector row (NOT_A_WORD for a stop word, a single character or an unknown word),
 * read from the token's characters without building a string: most of the cost of the vector
 * was making, hashing and looking up a string per token. A pure function of the token, so one
 * table serves the process; emptied past TABLE_LIMIT tokens.
 */
const NOT_A_WORD = -1;
const TABLE_LIMIT = 200_000;
let table: { vectors: WordVectors; rows: CharTable } | undefined;
/** Summed weights by row while one vector is built (all zero between calls). */
let rowWeights = new Float64Array(0);

function rowsFor(vectors: WordVectors): CharTable {
  if (table?.vectors !== vectors || table.rows.size > TABLE_LIMIT) table = { vectors, rows: new CharTable() };
  if (rowWeights.length < vectors.size) rowWeights = new Float64Array(vectors.size);
  return table.rows;
}

function rowAt(rows: CharTable, vectors: WordVectors, spans: TokenSpans, k: number): number {
  const start = spans.bounds[2 * k]!;
  const end = spans.bounds[2 * k + 1]!;
  const source = spans.lower ?? tokenAt(spans, k);
  const [from, to] = spans.lower !== undefined ? [start, end] : [0, source.length];
  let row = rows.get(source, from, to);
  if (row === ABSENT) {
    const token = source.slice(from, to);
    row = token.length < 2 || STOP_WORDS.has(token) ? NOT_A_WORD : vectors.rowOf(token);
    rows.set(source, from, to, row);
  }
  return row;
}

function unit(vector: Float32Array): Float32Array | null {
  let norm = 0;
  for (let k = 0; k < vector.length; k++) norm += vector[k]! * vector[k]!;
  if (norm === 0) return null;
  const scale = 1 / Math.sqrt(norm);
  for (let k = 0; k < vector.length; k++) vector[k]! *= scale;
  return vector;
}

/**
 * The unit semantic vector of texts, each with its weight (the headline counts more): the
 * SIF-weighted sum of its content words' vectors, with the common direction projected out.
 * Undefined when no word is known (or the word vectors are not installed): the assignment then
 * goes by terms and names alone.
 */
export function semanticVector(parts: [text: string, weight: number][], vectors: WordVectors | null = wordVectors()): Float32Array | undefined {
  if (!vectors) return undefined;
  const rows = rowsFor(vectors);
  // Each distinct word is added once, with its summed weight (a lead repeats its words).
  const touched: number[] = [];
  for (const [text, weight] of parts) {
    const spans = tokenSpans(text);
    for (let k = 0; k < spans.bounds.length >> 1; k++) {
      const row = rowAt(rows, vectors, spans, k);
      if (row < 0) continue;
      if (rowWeights[row] === 0) touched.push(row);
      rowWeights[row]! += weight;
    }
  }
  if (!touched.length) return undefined;
  const sum = new Float32Array(DIMENSIONS);
  for (const row of touched) {
    vectors.addRow(sum, row, rowWeights[row]! * sifWeight(row));
    rowWeights[row] = 0;
  }
  const direction = commonDirection(vectors);
  let along = 0;
  for (let k = 0; k < DIMENSIONS; k++) along += sum[k]! * direction[k]!;
  for (let k = 0; k < DIMENSIONS; k++) sum[k]! -= along * direction[k]!;
  return unit(sum) ?? undefined;
}

/** A story's semantic centroid: the sum of its members' unit vectors, and how many members have one. */
export interface SemanticCentroid {
  sum: Float32Array;
  members: number;
}

/** An article's unit vector as a centroid of one. */
export const centroidOf = (vector: Float32Array): SemanticCentroid => ({ sum: Float32Array.from(vector), members: 1 });

/**
 * The mean cosine between the members of two centroids (an article is a centroid of one): the
 * dot product of the sums over the product of the member counts. Not the cosine of the sums:
 * a sum of many reports on the same people points at what they share (the topic), and any
 * report of the topic comes close to it, whatever its event. Null when either side has none.
 */
export function meanCosine(a: SemanticCentroid | undefined, b: SemanticCentroid | undefined): number | null {
  if (!a || !b) return null;
  let dot = 0;
  for (let k = 0; k < a.sum.length; k++) dot += a.sum[k]! * b.sum[k]!;
  return dot / (a.members * b.members);
}

/** Two centroids as one (a member joins, two stories merge); either may be missing (a story stored before centroids were kept). */
export function addCentroids(into: SemanticCentroid | undefined, add: SemanticCentroid | undefined): SemanticCentroid | undefined {
  if (!add) return into;
  if (!into) return { sum: Float32Array.from(add.sum), members: add.members };
  const sum = Float32Array.from(into.sum);
  for (let k = 0; k < sum.length; k++) sum[k]! += add.sum[k]!;
  return { sum, members: into.members + add.members };
}
