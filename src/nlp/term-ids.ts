// Content-term ids read straight from a sentence's characters, for the summarizer.
//
// contentTermsOf() needs a string per token, a hash of it, a stop-word test and a lookup in the
// stem memo; that memo holds the whole vocabulary seen so far, so most of an article's distinct
// tokens miss the CPU caches there, and this was the costliest step of the summary. Here a
// CharTable maps a token's characters to the index of its stem, with no string built unless the
// token is new.
import { ABSENT, CharTable } from './char-table.ts';
import { type TokenSpans, contentTermOf, tokenAt } from './tokens.ts';

/** Above this many tokens the table is emptied (between two articles, see TermIds). */
const MAX_TOKENS = 200_000;

/** Token -> index of its stem, or -1 when it is not a content term. */
const tokenStems = new CharTable();
/** Stem -> index; indices are never reused while the table lives. */
const stemIndices = new Map<string, number>();
/** Per stem index: the TermIds generation that numbered it, and its id there. */
let stemMarks = new Int32Array(1 << 14);
let generation = 0;

/** Stem index of the token source[start, end), or -1 when it is not a content term. */
function stemIndexOf(source: string, start: number, end: number): number {
  let index = tokenStems.get(source, start, end);
  if (index === ABSENT) {
    const term = contentTermOf(source.slice(start, end));
    index = -1;
    if (term !== undefined) {
      index = stemIndices.get(term) ?? stemIndices.size;
      if (index === stemIndices.size) stemIndices.set(term, index);
    }
    tokenStems.set(source, start, end, index);
  }
  return index;
}

/**
 * One article's content terms as integer ids, numbered in order of first use, exactly as a Map
 * from each term of contentTermsOf() to its first-use number would give them. One article at a
 * time: a new TermIds starts a new numbering.
 */
export class TermIds {
  private readonly generation: number;
  private count = 0;

  constructor() {
    // Emptying the tables only here keeps stem indices fixed for the whole article.
    if (tokenStems.size > MAX_TOKENS) {
      tokenStems.clear();
      stemIndices.clear();
      stemMarks = new Int32Array(1 << 14);
    }
    this.generation = ++generation;
  }

  /** Number of distinct terms so far. */
  get size(): number {
    return this.count;
  }

  /** The ids of the content terms among the tokens, with repeats, in ascending order. */
  sortedIds(spans: TokenSpans): Int32Array {
    // The marks are shared: a newer TermIds has renumbered them, so this one's ids would be wrong.
    if (this.generation !== generation) throw new Error('TermIds used after a newer one was made: two analyses interleaved');
    const { bounds, lower } = spans;
    const ids = new Int32Array(bounds.length >> 1);
    let count = 0;
    for (let k = 0; k < bounds.length; k += 2) {
      let index: number;
      if (lower !== undefined) index = stemIndexOf(lower, bounds[k]!, bounds[k + 1]!);
      else {
        const token = tokenAt(spans, k >> 1);
        index = stemIndexOf(token, 0, token.length);
      }
      if (index >= 0) ids[count++] = this.idOfStem(index);
    }
    return sortSmall(ids.subarray(0, count));
  }

  private idOfStem(index: number): number {
    if (2 * index + 1 >= stemMarks.length) {
      const larger = new Int32Array(Math.max(stemMarks.length * 2, 2 * index + 2));
      larger.set(stemMarks);
      stemMarks = larger;
    }
    if (stemMarks[2 * index] !== this.generation) {
      stemMarks[2 * index] = this.generation;
      stemMarks[2 * index + 1] = this.count++;
    }
    return stemMarks[2 * index + 1]!;
  }
}

/** Sorts a short list of ids in place: insertion sort, much cheaper than TypedArray#sort at this size. */
function sortSmall(ids: Int32Array): Int32Array {
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i]!;
    let j = i - 1;
    while (j >= 0 && ids[j]! > id) {
      ids[j + 1] = ids[j]!;
      j--;
    }
    ids[j + 1] = id;
  }
  return ids;
}
