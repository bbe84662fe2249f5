// Paraphrase through word vectors (GloVe, src/nlp/word-vectors.ts): a question's word and an
// article's word that differ but mean nearly the same ("slash" / "cut", "staff" / "employees").
// Two uses: the close neighbours of a question word widen the search for candidate articles
// (index.ts), and a question word that a sentence lacks counts by its closest word there (rank.ts).
// Hand-written: a few lines over the vectors; no package does this for our ranking.
import { wordVectors, type WordVectors } from '../nlp/word-vectors.ts';
import { STOP_WORDS } from '../nlp/tokens.ts';
import { termKey, type TermForm } from './terms.ts';

/** Cosine at or above which an article's word stands in for a question word it lacks. */
export const SOFT_MIN = 0.7;
/** What a stand-in word counts, times its cosine, against 1 for the question's own word (a WordNet synonym counts 0.5). */
export const SOFT_WEIGHT = 0.6;
/** Neighbours of a question word added to the widened search: at most this many, at least this close. */
export const NEIGHBOURS = { count: 4, min: 0.65 };
/** Neighbours are looked for among the most frequent words only (the scan is linear; rarer words are rarely the paraphrase). */
const NEIGHBOUR_WITHIN = 30_000;

/** The vectors, or null when the package is missing: then nothing is paraphrased. */
function vectors(): WordVectors | null {
  return wordVectors();
}

/** The vector row of a token for soft matching: -1 for stop words, numbers and words without a vector. */
export function tokenRow(token: string): number {
  if (STOP_WORDS.has(token) || !/^\p{L}/u.test(token)) return -1;
  return vectors()?.rowOf(token) ?? -1;
}

/** Two words close enough in meaning for one to stand for the other (at least `min` in cosine; false when either has no vector). */
export function closeInMeaning(a: string, b: string, min = SOFT_MIN): boolean {
  return (vectors()?.similarity(a, b) ?? 0) >= min;
}

// Neighbour lists by word: a pure function of the word (the same for every store), so module-level, bounded.
const NEIGHBOUR_CACHE = new Map<string, { word: string; similarity: number }[]>();

/** The words closest to `word` (NEIGHBOURS), best first; none for a word without a vector. */
export function neighbours(word: string): { word: string; similarity: number }[] {
  let found = NEIGHBOUR_CACHE.get(word);
  if (found === undefined) {
    found = vectors()?.nearest(word, NEIGHBOURS.count, NEIGHBOURS.min, NEIGHBOUR_WITHIN) ?? [];
    if (NEIGHBOUR_CACHE.size >= 10_000) NEIGHBOUR_CACHE.clear();
    NEIGHBOUR_CACHE.set(word, found);
  }
  return found;
}

/**
 * The similarity of one question word to the words of candidate sentences (by vector row), each
 * computed once per question: a question's candidates repeat their words. The word counts by the
 * closest of its inflections ("slashing" is far from "cut", "slash" is not).
 */
export class SoftTerm {
  private readonly known = new Map<number, number>();

  private constructor(
    private readonly vectors: WordVectors,
    private readonly rows: number[],
  ) {}

  /** The question word in the forms given (its inflections and stem: "slashing", "slash"); null when none has a vector. */
  static of(forms: string[]): SoftTerm | null {
    const v = vectors();
    const rows = [...new Set(forms.map((f) => v?.rowOf(f) ?? -1).filter((row) => row >= 0))];
    return v && rows.length ? new SoftTerm(v, rows) : null;
  }

  similarity(row: number): number {
    let s = this.known.get(row);
    if (s === undefined) {
      s = 0;
      for (const own of this.rows) s = Math.max(s, own === row ? 1 : this.vectors.rowDot(own, row));
      this.known.set(row, s);
    }
    return s;
  }

  /** The token (index) of `rows` closest to the word, when at least SOFT_MIN close. */
  best(rows: Int32Array): { at: number; similarity: number } | null {
    let at = -1;
    let best = SOFT_MIN;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]!;
      if (row < 0) continue;
      const s = this.similarity(row);
      if (s >= best) {
        best = s;
        at = k;
      }
    }
    return at >= 0 ? { at, similarity: best } : null;
  }
}

/** Question words widened with their neighbours: the rarest few, as the common ones find enough articles already. */
export const WIDENED_WORDS = 3;
/** A word among this many most frequent ones is too common to widen (its neighbours would find everything). */
const COMMON_RANK = 1_000;

/**
 * The question's terms with the close neighbours of its rarest common words (not names: the
 * vectors put "Clinton" next to "Obama") added as forms weighted SOFT_WEIGHT x cosine, so that the
 * widened search finds an article that says "cut" where the question says "slash". Retrieval
 * keeps those the index holds (see prepare in index.ts).
 */
export function withNeighbours<T extends { word: string; forms: TermForm[]; capitalised: boolean; role: string }>(terms: T[]): T[] {
  const v = vectors();
  if (!v) return terms;
  const rank = (term: T) => v.rowOf(term.word);
  const widen = new Set(
    terms
      .filter((term) => term.role === 'topic' && !term.capitalised && /^\p{L}+$/u.test(term.word) && rank(term) >= COMMON_RANK)
      .sort((a, b) => rank(b) - rank(a))
      .slice(0, WIDENED_WORDS),
  );
  return terms.map((term) => {
    if (!widen.has(term)) return term;
    const known = new Set(term.forms.map((f) => f.key));
    const added = neighbours(term.word)
      .map((n) => ({ word: n.word, key: termKey(n.word), weight: SOFT_WEIGHT * n.similarity, neighbour: true }))
      .filter((f) => !known.has(f.key) && known.add(f.key));
    return added.length ? { ...term, forms: [...term.forms, ...added] } : term;
  });
}
