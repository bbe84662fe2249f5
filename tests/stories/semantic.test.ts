import { describe, expect, it } from 'vitest';
import { DIMENSIONS, WordVectors } from '../../src/nlp/word-vectors.ts';
import { addCentroids, centroidOf, meanCosine, semanticVector } from '../../src/stories/semantic.ts';

const vector = (title: string, lead: string) => semanticVector([
  [title, 3],
  [lead, 1],
]);
const cosine = (a: Float32Array | undefined, b: Float32Array | undefined) => meanCosine(a && centroidOf(a), b && centroidOf(b))!;

describe('semantic vectors of articles', () => {
  it('brings two reports of one event in different words closer than a report of another event on the same company', () => {
    const layoffs = vector('Halvorsen Steel to lay off 900 workers', 'The steelmaker will cut 900 jobs at its mill, blaming weak demand and cheap imports.');
    const jobCuts = vector('Halvorsen Steel plans job cuts', 'Hundreds of steelworkers are to be made redundant as the company shrinks production amid falling orders.');
    const award = vector('Halvorsen Steel chairman honoured for charity work', 'The chairman of the steelmaker received a medal for his donations to children\'s hospitals and schools.');
    expect(layoffs).toBeDefined();
    expect(layoffs!.length).toBe(DIMENSIONS);
    expect(cosine(layoffs, layoffs)).toBeCloseTo(1, 5);
    expect(cosine(layoffs, jobCuts)).toBeGreaterThan(cosine(layoffs, award) + 0.1);
    expect(cosine(jobCuts, layoffs)).toBeGreaterThan(cosine(jobCuts, award) + 0.1);
  });

  it('has none for a text without a known word, nor without word vectors', () => {
    expect(vector('Xqzv', 'Qwzx brrr 12 34')).toBeUndefined();
    expect(semanticVector([['The dam broke', 1]], null)).toBeUndefined();
  });

  it('removes the direction common to all text, so two unrelated reports are not alike', () => {
    const dam = vector('Dam breach floods villages', 'Water poured through the broken dam overnight and residents were evacuated.');
    const rates = vector('Central bank raises interest rates', 'The bank lifted its main rate by a quarter point to curb inflation.');
    expect(Math.abs(cosine(dam, rates))).toBeLessThan(0.35);
  });

  it('compares stories by the mean cosine of their members, which a big story on one topic does not inflate', () => {
    // Unit vectors along axes: an article on axis 0, a story of four members on axes 0-3.
    const axis = (k: number) => Float32Array.from({ length: 4 }, (_, i) => (i === k ? 1 : 0));
    let story = centroidOf(axis(0));
    for (const k of [1, 2, 3]) story = addCentroids(story, centroidOf(axis(k)))!;
    expect(story.members).toBe(4);
    // The cosine with the sum would be 0.5; a quarter of the members are this article's.
    expect(meanCosine(centroidOf(axis(0)), story)).toBeCloseTo(0.25, 5);
    expect(meanCosine(undefined, story)).toBeNull();
    expect(addCentroids(undefined, story)).toEqual(story);
  });

  it('reads every word through the same table, whatever the casing', () => {
    const words = ['flood', 'dam', 'water'];
    const data = new Int8Array(words.length * DIMENSIONS);
    for (let i = 0; i < words.length; i++) data[i * DIMENSIONS + i] = 127;
    const small = new WordVectors(words, data);
    const upper = semanticVector([['DAM FLOOD', 1]], small);
    const lower = semanticVector([['dam flood', 1]], small);
    expect(upper).toBeDefined();
    expect(Array.from(upper!)).toEqual(Array.from(lower!));
  });
});
