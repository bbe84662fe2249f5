// Content fingerprints: an exact hash of the normalised text (the same text from a second URL)
// and a MinHash signature over 3-word shingles (a wire story republished with small edits).
// Hand-written: a few lines, and the store needs the LSH band keys for indexed lookup.
// SimHash was tried first: an edited copy of a 300-word article landed 0-18 bits away,
// overlapping unrelated articles (7+ bits), so it could not tell them apart.
import { createHash } from 'node:crypto';

const SIGNATURE_SIZE = 64;
const BAND_ROWS = 4;
/** Estimated Jaccard similarity of shingle sets at or above which two texts are one article. */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;
/** Fewer shingles than this and the estimate is too coarse to call two texts near-duplicates. */
export const MIN_SHINGLES_FOR_NEAR_DUPLICATE = 30;

export function normaliseForHash(text: string): string {
  return normaliseFolded(foldText(text));
}

/** NFKC and lower case: the part of normaliseForHash that fingerprint needs too. */
function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** normaliseForHash of a text already folded (foldText). */
function normaliseFolded(folded: string): string {
  return folded
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    // Same as /\s+/ -> ' ', but a lone space (most matches) is left alone: 3x faster.
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}

function sha256Prefix(normalised: string): string {
  return createHash('sha256').update(normalised).digest('hex').slice(0, 32);
}

export function textHash(text: string): string {
  return sha256Prefix(normaliseForHash(text));
}

export interface ContentHashes {
  /** textHash(`${title}\n${text}`) */
  textHash: string;
  /** fingerprint(text) */
  print: Fingerprint;
  /** bandKeys(print.signature) */
  bands: number[];
}

/**
 * The hash of title and text, the text's fingerprint and its band keys, folding the text (NFKC,
 * lower case) once for both. Neither NFKC nor lower-casing acts across a line break (it is a
 * stable starter and neither cased nor case-ignorable), so folding title and text apart and
 * joining them with "\n" gives the same string as folding the joined text.
 */
export function contentHashes(title: string, text: string): ContentHashes {
  const foldedText = foldText(text);
  const { print, values } = fingerprintFolded(foldedText);
  return {
    textHash: sha256Prefix(normaliseFolded(`${foldText(title)}\n${foldedText}`)),
    print,
    bands: bandKeysOf(values),
  };
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed seeds so that signatures stay comparable across runs and machines.
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => fnv1a(`minhash-seed-${i}`));

function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

// mix(h, seed) starts with x ^ (x >>> 16) for x = h ^ seed, which equals
// (h ^ (h >>> 16)) ^ (seed ^ (seed >>> 16)): the MinHash loop takes both halves precomputed.
const spread = (value: number): number => value ^ (value >>> 16);
const SPREAD_SEEDS = SEEDS.map(spread);

/**
 * mix(h, seed) from spread(h) and spread(seed), with the sign bit flipped: signed comparison of
 * these orders like unsigned of mix.
 */
function mixSpreadSigned(spreadHash: number, spreadSeed: number): number {
  let x = Math.imul(spreadHash ^ spreadSeed, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return x ^ (x >>> 16) ^ 0x80000000;
}

export interface Fingerprint {
  /** MinHash signature, 64 values as 8 hex digits each. */
  signature: string;
  shingles: number;
}

// Which UTF-16 code units are letters or digits (\p{L}, \p{N}), filled lazily: a scan over
// this table is several times faster than matching /[\p{L}\p{N}]+/gu and hashing the matches.
const UNKNOWN = 0;
const WORD = 1;
const OTHER = 2;
// A character's class is constant (Unicode's): the tables fill lazily and stay module-level.
const unitClass = new Uint8Array(65536);
const astralClass = new Map<number, number>();
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isWordUnit(code: number): boolean {
  let kind = unitClass[code]!;
  if (kind === UNKNOWN) {
    kind = WORD_CHAR.test(String.fromCharCode(code)) ? WORD : OTHER;
    unitClass[code] = kind;
  }
  return kind === WORD;
}

function isWordCodePoint(codePoint: number): boolean {
  let kind = astralClass.get(codePoint);
  if (kind === undefined) {
    kind = WORD_CHAR.test(String.fromCodePoint(codePoint)) ? WORD : OTHER;
    astralClass.set(codePoint, kind);
  }
  return kind === WORD;
}

// The working arrays of fingerprintFolded, reused from call to call (it is synchronous: one call
// at a time). A typed array over 64 bytes has its own memory outside the heap, about a
// microsecond to allocate and later to free, and these are as long as the text; fresh ones for
// every article also brought the garbage collections that external memory triggers forward.
const scratch = { words: new Uint32Array(0), shingles: new Uint32Array(0), slots: new Uint32Array(0), used: new Uint8Array(0), distinct: new Uint32Array(0), spread: new Int32Array(0) };
/** Longer working arrays are not kept: a huge text leaves no huge array behind. */
const SCRATCH_KEEP = 1 << 18;

/** A working array of at least `size` elements (its contents are left over from the last call). */
function working<K extends keyof typeof scratch>(name: K, size: number, make: (size: number) => (typeof scratch)[K]): (typeof scratch)[K] {
  if (scratch[name].length >= size) return scratch[name];
  const array = make(size);
  if (size <= SCRATCH_KEEP) scratch[name] = array;
  return array;
}

/**
 * fnv1a of every word (maximal run of \p{L}\p{N} code points) in `text`, in order: the same
 * values as text.match(/[\p{L}\p{N}]+/gu).map(fnv1a), without building the word strings.
 * A view of a working array: valid until the next call.
 */
function wordHashes(text: string): Uint32Array {
  const out = working('words', (text.length >> 1) + 1, (n) => new Uint32Array(n));
  let count = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let units = 1;
    let word: boolean;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        units = 2;
        word = isWordCodePoint((code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
      } else word = false;
    } else word = code < 0xd800 || code > 0xdfff ? isWordUnit(code) : false;
    if (!word) {
      if (inWord) out[count++] = h;
      inWord = false;
      continue;
    }
    if (!inWord) {
      h = 0x811c9dc5;
      inWord = true;
    }
    h = Math.imul(h ^ code, 0x01000193);
    if (units === 2) h = Math.imul(h ^ text.charCodeAt(++i), 0x01000193);
  }
  if (inWord) out[count++] = h;
  return out.subarray(0, count);
}

export function fingerprint(text: string): Fingerprint {
  // Only the words of the normalised text count, and the quote and whitespace rewrites of
  // normaliseForHash never touch a letter or digit: NFKC and lower case are enough here.
  return fingerprintFolded(foldText(text)).print;
}

/** fingerprint of a folded text, with the signature's values as numbers. */
function fingerprintFolded(normalised: string): { print: Fingerprint; values: number[] } {
  const hashes = wordHashes(normalised);
  let list: Uint32Array;
  if (hashes.length < 3) {
    const words = normalised.match(/[\p{L}\p{N}]+/gu) ?? [];
    list = Uint32Array.of(fnv1a(words.join(' ')));
  } else {
    // Shingle hashes in a typed array.
    list = working('shingles', hashes.length - 2, (n) => new Uint32Array(n)).subarray(0, hashes.length - 2);
    for (let i = 0; i < list.length; i++) list[i] = mix(mix(hashes[i]!, hashes[i + 1]!), hashes[i + 2]!);
  }
  // A repeated shingle does not change any minimum: the loop below runs over the distinct ones.
  const distinct = distinctValues(list);
  const spreadHashes = working('spread', distinct.length, (n) => new Int32Array(n)).subarray(0, distinct.length);
  for (let j = 0; j < distinct.length; j++) spreadHashes[j] = spread(distinct[j]!);
  // Four seeds per pass over the shingles (SIGNATURE_SIZE is a multiple of 4), the minima kept in
  // locals. Values are compared as signed int32 with the sign bit flipped, which orders them like
  // unsigned, so the loop stays in small-integer arithmetic.
  const values: number[] = [];
  for (let k = 0; k < SIGNATURE_SIZE; k += 4) {
    const s0 = SPREAD_SEEDS[k]!, s1 = SPREAD_SEEDS[k + 1]!, s2 = SPREAD_SEEDS[k + 2]!, s3 = SPREAD_SEEDS[k + 3]!;
    let m0 = 0x7fffffff, m1 = 0x7fffffff, m2 = 0x7fffffff, m3 = 0x7fffffff;
    for (let j = 0; j < spreadHashes.length; j++) {
      const h = spreadHashes[j]!;
      m0 = Math.min(m0, mixSpreadSigned(h, s0));
      m1 = Math.min(m1, mixSpreadSigned(h, s1));
      m2 = Math.min(m2, mixSpreadSigned(h, s2));
      m3 = Math.min(m3, mixSpreadSigned(h, s3));
    }
    values.push((m0 ^ 0x80000000) >>> 0, (m1 ^ 0x80000000) >>> 0, (m2 ^ 0x80000000) >>> 0, (m3 ^ 0x80000000) >>> 0);
  }
  let signature = '';
  for (const value of values) signature += value.toString(16).padStart(8, '0');
  return { print: { signature, shingles: distinct.length }, values };
}

/** The distinct values in `values`, in first-seen order: an open-addressing hash set in typed arrays, cheaper than a Set or a sort. */
function distinctValues(values: Uint32Array): Uint32Array {
  let size = 16;
  while (size < values.length * 2) size *= 2;
  const slots = working('slots', size, (n) => new Uint32Array(n));
  const used = working('used', size, (n) => new Uint8Array(n)).fill(0, 0, size);
  const distinct = working('distinct', values.length, (n) => new Uint32Array(n));
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // The values are already well-mixed hashes: their low bits pick the slot.
    let slot = value & (size - 1);
    while (used[slot] && slots[slot] !== value) slot = (slot + 1) & (size - 1);
    if (!used[slot]) {
      used[slot] = 1;
      slots[slot] = value;
      distinct[count++] = value;
    }
  }
  return distinct.subarray(0, count);
}

function values(signature: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < signature.length; i += 8) out.push(parseInt(signature.slice(i, i + 8), 16));
  return out;
}

/** Estimated Jaccard similarity of the two texts' shingle sets. */
export function similarity(a: string, b: string): number {
  // Signatures are fixed-width lower-case hex (see fingerprint), so two values are equal
  // exactly when their 8 digits are: compared in place, without parsing (the near-duplicate
  // lookup runs this for up to 500 candidates per insert).
  const count = Math.ceil(a.length / 8);
  let same = 0;
  for (let i = 0; i < a.length; i += 8) {
    let equal = true;
    for (let j = i; j < i + 8 && j < a.length; j++) {
      if (a.charCodeAt(j) !== b.charCodeAt(j)) {
        equal = false;
        break;
      }
    }
    if (equal) same++;
  }
  return same / count;
}

/** LSH band keys: texts with similarity >= 0.6 share at least one key with probability > 0.88 (>= 0.8: 0.999). */
export function bandKeys(signature: string): number[] {
  return bandKeysOf(values(signature));
}

/** bandKeys from the signature's values. */
function bandKeysOf(v: readonly number[]): number[] {
  const keys: number[] = [];
  for (let band = 0; band * BAND_ROWS < v.length; band++) {
    // `${band}:${rows joined by ","}`: the band number is folded in so equal rows in different
    // bands do not collide.
    let key = `${band}:`;
    for (let row = band * BAND_ROWS; row < (band + 1) * BAND_ROWS && row < v.length; row++) key += row > band * BAND_ROWS ? `,${v[row]}` : `${v[row]}`;
    keys.push(fnv1a(key));
  }
  return keys;
}
