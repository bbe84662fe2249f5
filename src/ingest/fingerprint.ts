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
    .replace(/\s+/g, ' ')
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

export interface Fingerprint {
  /** MinHash signature, 64 values as 8 hex digits each. */
  signature: string;
  shingles: number;
}

export function fingerprint(text: string): Fingerprint {
  const words = normaliseForHash(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const wordHashes = words.map(fnv1a);
  const shingles = new Set<number>();
  if (words.length < 3) shingles.add(fnv1a(words.join(' ')));
  for (let i = 0; i + 2 < wordHashes.length; i++) {
    shingles.add(mix(mix(wordHashes[i]!, wordHashes[i + 1]!), wordHashes[i + 2]!));
  }
  // One pass over a typed array per seed, the minimum kept in a local: about twice as fast
  // as a pass over the Set per shingle, with the same values.
  const list = Uint32Array.from(shingles);
  let signature = '';
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    const seed = SEEDS[k]!;
    let min = 0xffffffff;
    for (let j = 0; j < list.length; j++) {
      const v = mix(list[j]!, seed);
      if (v < min) min = v;
    }
    signature += min.toString(16).padStart(8, '0');
  }
  return { signature, shingles: shingles.size };
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
