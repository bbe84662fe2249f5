import { describe, expect, it } from 'vitest';
import { convertPackageJson, DIMENSIONS, WordVectors, wordVectors } from '../../src/nlp/word-vectors.ts';

/** A package JSON of the real shape: 100 components, the norm, the word's index. */
function packageJson(entries: [string, number[]][]): Buffer {
  const vectors = Object.fromEntries(entries.map(([word, head], i) => [word, [...head, ...new Array(DIMENSIONS - head.length).fill(0), 1, i]]));
  return Buffer.from(JSON.stringify({ precision: 8, dimensions: DIMENSIONS, words: entries.map(([w]) => w), vectors, unkVector: [] }));
}

describe('word vectors', () => {
  it('keeps lower-case words in file order, drops punctuation and capitals, and normalises', () => {
    const json = packageJson([
      ['the', [3, 4]],
      ['"', [1]],
      [',', [1]],
      ['USA', [1]],
      ["o'neill", [0, 2]],
      ['co-op', [5]],
    ]);
    const { words, data } = convertPackageJson(json);
    expect(words).toEqual(['the', "o'neill", 'co-op']);
    const vectors = new WordVectors(words, data);
    expect(vectors.similarity('the', "O'Neill")).toBeCloseTo(0.8, 2);
    expect(vectors.similarity('the', 'co-op')).toBeCloseTo(0.6, 2);
    expect(vectors.similarity('the', 'usa')).toBe(0);
  });

  it('stops at the vocabulary size', () => {
    const json = packageJson([['a', [1]], ['b', [1]], ['c', [1]]]);
    expect(convertPackageJson(json, 2).words).toEqual(['a', 'b']);
  });

  it('ships GloVe news vectors: paraphrases are close, unrelated words are not', () => {
    const vectors = wordVectors();
    expect(vectors).not.toBeNull();
    expect(vectors!.size).toBeGreaterThan(90_000);
    expect(vectors!.similarity('hispanic', 'latino')).toBeGreaterThan(0.8);
    expect(vectors!.similarity('layoffs', 'cutbacks')).toBeGreaterThan(vectors!.similarity('layoffs', 'debate'));
    expect(vectors!.nearest('revenue', 3, 0.5).map((n) => n.word)).toContain('revenues');
    // A weighted sum of unit vectors, for centroids (eval/story-semantic.ts); unknown words add nothing.
    const centroid = new Float32Array(DIMENSIONS);
    expect(vectors!.addTo(centroid, 'killed', 2)).toBe(true);
    expect(vectors!.addTo(centroid, 'qwzxvq')).toBe(false);
    expect(Math.hypot(...centroid)).toBeCloseTo(2, 1);
  });
});
