// Content-term ids read straight from a sentence's characters, for the summarizer.
//
// contentTermsOf() needs a string per token, a hash of it, a stop-word test and a lookup in the
// stem memo; that memo holds the whole vocabulary seen so far, so most of an article's distinct
// tokens miss the CPU caches there, and this was the costliest step of the summary. Here a
// CharTable maps a token's characters to the index of its stem, with no string built unless the
// token is new.
import { ABSENT, CharTable } from './char-table.ts';
import { type TokenSpans, contentTermOf, tokenAt, tokenSpans } from './tokens.ts';

/** Ids per block of TermIds#sortedIds' arena: a few articles' summaries. */
const ARENA_SIZE = 1 << 12;
/** Above this many tokens the table is emptied (between two articles, see TermTable#termIds). */
const MAX_TOKENS = 200_000;

/**
 * The vocabulary one analysis pipeline has seen (an ingest worker, a CLI command): token -> stem
 * index, kept across articles so a known token costs one lookup. Owned by the AnalysisContext of
 * that pipeline, never shared between pipelines: each article's numbering (TermIds) marks the
 * stems in place, so only the newest TermIds of a table may number terms.
 */
export class TermTable {
  /** Token -> index of its stem, or -1 when it is not a content term. */
  private readonly tokenStems = new CharTable();
  /** Stem -> index; indices are never reused while the table lives. */
  private readonly stemIndices = new Map<string, number>();
  /** Index -> stem (the reverse of stemIndices). */
  private readonly stems: string[] = [];
  /** Per stem index: the TermIds generation that numbered it, and its id there. */
  private stemMarks = new Int32Array(1 << 14);
  private generation = 0;
  /** termCounts' count per stem index: zero outside a call. */
  private counts = new Float64Array(1 << 13);

  /** A new numbering for one article; from now on the previous one refuses to number terms. */
  termIds(): TermIds {
    // Emptying the tables only here keeps stem indices fixed for the whole article.
    if (this.tokenStems.size > MAX_TOKENS) {
      this.tokenStems.clear();
      this.stemIndices.clear();
      this.stems.length = 0;
      this.stemMarks = new Int32Array(1 << 14);
    }
    return new TermIds(this, ++this.generation);
  }

  /** Throws when a newer TermIds has renumbered the marks: the ids of `generation` would be wrong. */
  checkCurrent(generation: number): void {
    if (generation !== this.generation) throw new Error('TermIds used after a newer one of the same TermTable was made: two analyses interleaved on one AnalysisContext');
  }

  /** Stem index of the token source[start, end), or -1 when it is not a content term. */
  stemIndexOf(source: string, start: number, end: number): number {
    let index = this.tokenStems.get(source, start, end);
    if (index === ABSENT) {
      const term = contentTermOf(source.slice(start, end));
      index = -1;
      if (term !== undefined) {
        index = this.stemIndices.get(term) ?? this.stemIndices.size;
        if (index === this.stemIndices.size) {
          this.stemIndices.set(term, index);
          this.stems.push(term);
        }
      }
      this.tokenStems.set(source, start, end, index);
    }
    return index;
  }

  /**
   * contentTerms(text) (tokens.ts), read through this table: a token seen before (the summarizer
   * has just read the same article) costs one lookup, with no string built for it.
   */
  contentTerms(text: string): string[] {
    return this.termsAt(tokenSpans(text));
  }

  /**
   * contentTerms of each text counted, each use `weight` (> 0) times, in order of first use: what
   * counting them into a Map gives, counted by stem index instead (no string key per token). The
   * story features of every article; the Map's updates were a third of their time.
   */
  termCounts(parts: ReadonlyArray<readonly [text: string, weight: number]>): [term: string, count: number][] {
    const order: number[] = [];
    for (const [text, weight] of parts) {
      const spans = tokenSpans(text);
      for (let k = 0; k < spans.bounds.length >> 1; k++) {
        const index = this.stemIndexAt(spans, k);
        if (index < 0) continue;
        if (index >= this.counts.length) {
          const larger = new Float64Array(Math.max(this.counts.length * 2, index + 1));
          larger.set(this.counts);
          this.counts = larger;
        }
        if (this.counts[index] === 0) order.push(index);
        this.counts[index]! += weight;
      }
    }
    const counted: [string, number][] = new Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const index = order[i]!;
      counted[i] = [this.stems[index]!, this.counts[index]!];
      this.counts[index] = 0; // zero again for the next call
    }
    return counted;
  }

  /** The content terms of the tokens of `spans`, in order: contentTermOf of each token, through this table. */
  termsAt(spans: TokenSpans): string[] {
    const terms: string[] = [];
    for (let k = 0; k < spans.bounds.length >> 1; k++) {
      const index = this.stemIndexAt(spans, k);
      if (index >= 0) terms.push(this.stems[index]!);
    }
    return terms;
  }

  /** stemIndexOf for the k-th token of `spans`: read in place from the lower-cased text when there is one. */
  stemIndexAt(spans: TokenSpans, k: number): number {
    const { bounds, lower } = spans;
    if (lower !== undefined) return this.stemIndexOf(lower, bounds[2 * k]!, bounds[2 * k + 1]!);
    const token = tokenAt(spans, k);
    return this.stemIndexOf(token, 0, token.length);
  }

  /** The id of a stem in the numbering `generation`: its existing one, or `next` (then marked). */
  idOfStem(index: number, generation: number, next: number): number {
    if (2 * index + 1 >= this.stemMarks.length) {
      const larger = new Int32Array(Math.max(this.stemMarks.length * 2, 2 * index + 2));
      larger.set(this.stemMarks);
      this.stemMarks = larger;
    }
    if (this.stemMarks[2 * index] !== generation) {
      this.stemMarks[2 * index] = generation;
      this.stemMarks[2 * index + 1] = next;
    }
    return this.stemMarks[2 * index + 1]!;
  }
}

/**
 * One article's content terms as integer ids, numbered in order of first use, exactly as a Map
 * from each term of contentTermsOf() to its first-use number would give them. One article at a
 * time per TermTable: `table.termIds()` starts a new numbering.
 */
export class TermIds {
  private count = 0;
  /**
   * Where sortedIds writes its lists, one after another; each is a view of it. A typed array of
   * more than 64 bytes has its own memory outside the heap, about a microsecond to allocate and
   * later to free, against a tenth of that for a view: a fresh array per sentence of every article
   * cost more than filling it.
   */
  private arena = new Int32Array(0);
  private used = 0;

  constructor(
    private readonly table: TermTable,
    private readonly generation: number,
  ) {}

  /** Number of distinct terms so far. */
  get size(): number {
    return this.count;
  }

  /** The ids of the content terms among the tokens, with repeats, in ascending order. */
  sortedIds(spans: TokenSpans): Int32Array {
    this.table.checkCurrent(this.generation);
    const tokens = spans.bounds.length >> 1;
    if (this.used + tokens > this.arena.length) {
      // A new block; the lists already handed out keep viewing the old one.
      this.arena = new Int32Array(Math.max(ARENA_SIZE, tokens));
      this.used = 0;
    }
    const ids = this.arena.subarray(this.used, this.used + tokens);
    let count = 0;
    for (let k = 0; k < tokens; k++) {
      const index = this.table.stemIndexAt(spans, k);
      if (index >= 0) {
        const id = this.table.idOfStem(index, this.generation, this.count);
        if (id === this.count) this.count++;
        ids[count++] = id;
      }
    }
    this.used += count;
    return sortSmall(ids.subarray(0, count));
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
