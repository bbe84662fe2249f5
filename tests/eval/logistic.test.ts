import { describe, expect, it } from 'vitest';
import { auc, fitLogistic, probability } from '../../eval/logistic.ts';

// A pairwise score as eval/story-pairs.ts fits it: rows [1, term cosine, days apart / 7].
// Same-event pairs have high cosines and small gaps; the classes overlap, as real ones do.
const rows: number[][] = [];
const labels: number[] = [];
for (let i = 0; i < 40; i++) {
  const cos = (i % 10) / 10;
  const gap = ((i * 7) % 8) / 8;
  rows.push([1, cos, gap]);
  labels.push(cos - gap > 0.1 || i % 13 === 0 ? 1 : 0);
}

describe('logistic regression for the story pair score', () => {
  it('learns that a higher cosine raises the same-event probability and a longer gap lowers it', () => {
    const w = fitLogistic(rows, labels, 0.1);
    expect(w[1]).toBeGreaterThan(0);
    expect(w[2]).toBeLessThan(0);
    expect(probability(w, [1, 0.9, 0])).toBeGreaterThan(0.8);
    expect(probability(w, [1, 0.1, 0.9])).toBeLessThan(0.2);
  });

  it('shrinks the weights (not the bias) as the penalty grows', () => {
    const loose = fitLogistic(rows, labels, 0.01);
    const tight = fitLogistic(rows, labels, 100);
    expect(Math.abs(tight[1]!)).toBeLessThan(Math.abs(loose[1]!) / 5);
    // With the weights near 0 the bias alone gives about the share of positives.
    const share = labels.filter((y) => y === 1).length / labels.length;
    expect(probability(tight, [1, 0, 0])).toBeCloseTo(share, 1);
  });

  it('scores a ranking by AUC: 1 when every positive is above every negative, 0.5 for ties', () => {
    expect(auc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(auc([0.1, 0.2, 0.8, 0.9], [true, true, false, false])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [true, false, true, false])).toBe(0.5);
    expect(auc([0.9, 0.3, 0.6, 0.1], [true, true, false, false])).toBe(0.75);
  });
});
