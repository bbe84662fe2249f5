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
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    // Same as /\s+/ -> ' ', but a lone space (most matches) is left alone: 3x faster.
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}

export function textHash(text: string): string {
  return createHash('sha256').update(normaliseForHash(text)).digest('hex').slice(0, 32);
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

/** mix(h, seed) with the sign bit flipped: signed comparison of these orders like unsigned of mix. */
function mixSigned(h: number, seed: number): number {
  let x = h ^ seed;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
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

/**
 * fnv1a of every word (maximal run of \p{L}\p{N} code points) in `text`, in order: the same
 * values as text.match(/[\p{L}\p{N}]+/gu).map(fnv1a), without building the word strings.
 */
function wordHashes(text: string): Uint32Array {
  const out = new Uint32Array((text.length >> 1) + 1);
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
  const normalised = text.normalize('NFKC').toLowerCase();
  const hashes = wordHashes(normalised);
  let list: Uint32Array;
  if (hashes.length < 3) {
    const words = normalised.match(/[\p{L}\p{N}]+/gu) ?? [];
    list = Uint32Array.of(fnv1a(words.join(' ')));
  } else {
    // Shingle hashes in a typed array; a repeated shingle does not change any minimum below,
    // so only the count needs the distinct ones.
    list = new Uint32Array(hashes.length - 2);
    for (let i = 0; i < list.length; i++) list[i] = mix(mix(hashes[i]!, hashes[i + 1]!), hashes[i + 2]!);
  }
  // Four seeds per pass over the shingles (SIGNATURE_SIZE is a multiple of 4), the minima kept in
  // locals. Values are compared as signed int32 with the sign bit flipped, which orders them like
  // unsigned, so the loop stays in small-integer arithmetic.
  let signature = '';
  for (let k = 0; k < SIGNATURE_SIZE; k += 4) {
    const s0 = SEEDS[k]!, s1 = SEEDS[k + 1]!, s2 = SEEDS[k + 2]!, s3 = SEEDS[k + 3]!;
    let m0 = 0x7fffffff, m1 = 0x7fffffff, m2 = 0x7fffffff, m3 = 0x7fffffff;
    for (let j = 0; j < list.length; j++) {
      const h = list[j]!;
      m0 = Math.min(m0, mixSigned(h, s0));
      m1 = Math.min(m1, mixSigned(h, s1));
      m2 = Math.min(m2, mixSigned(h, s2));
      m3 = Math.min(m3, mixSigned(h, s3));
    }
    for (const min of [m0, m1, m2, m3]) signature += ((min ^ 0x80000000) >>> 0).toString(16).padStart(8, '0');
  }
  return { signature, shingles: countDistinct(list) };
}

/** Distinct values in `values`: an open-addressing hash set in typed arrays, cheaper than a Set or a sort. */
function countDistinct(values: Uint32Array): number {
  let size = 16;
  while (size < values.length * 2) size *= 2;
  const slots = new Uint32Array(size);
  const used = new Uint8Array(size);
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // The values are already well-mixed hashes: their low bits pick the slot.
    let slot = value & (size - 1);
    while (used[slot] && slots[slot] !== value) slot = (slot + 1) & (size - 1);
    if (!used[slot]) {
      used[slot] = 1;
      slots[slot] = value;
      distinct++;
    }
  }
  return distinct;
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
  const v = values(signature);
  const keys: number[] = [];
  for (let band = 0; band * BAND_ROWS < v.length; band++) {
    const rows = v.slice(band * BAND_ROWS, (band + 1) * BAND_ROWS).join(',');
    // The band number is folded in so equal rows in different bands do not collide.
    keys.push(fnv1a(`${band}:${rows}`));
  }
  return keys;
}
