// L2-regularised logistic regression by Newton's method, and the ROC AUC of a score: what
// eval/story-pairs.ts fits a pairwise same-event score with. Hand-written: a dozen features and
// a few thousand pairs need 50 lines, and no well-kept npm package does a regularised fit with
// an unpenalised bias. Pure: numbers in, numbers out.

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** P(y = 1 | x) for weights `w` (w[0] pairs with the constant feature x[0] = 1). */
export function probability(w: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < w.length; i++) z += w[i]! * x[i]!;
  return sigmoid(z);
}

/** Solves a x = b (Gaussian elimination with partial pivoting); a is small and positive definite here. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Weights minimising the log loss plus lambda/2 * |w|^2 (the bias, x[0] = 1, not penalised).
 * Rows of `xs` must start with 1.
 */
export function fitLogistic(xs: readonly (readonly number[])[], ys: readonly number[], lambda: number): number[] {
  const k = xs[0]!.length;
  let w = new Array<number>(k).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = w.map((wi, i) => (i ? lambda * wi : 0));
    const hessian = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? (i ? lambda : 0) + 1e-9 : 0)));
    for (let n = 0; n < xs.length; n++) {
      const x = xs[n]!;
      const p = probability(w, x);
      const r = p * (1 - p);
      for (let i = 0; i < k; i++) {
        gradient[i]! += (p - ys[n]!) * x[i]!;
        for (let j = 0; j < k; j++) hessian[i]![j]! += r * x[i]! * x[j]!;
      }
    }
    const step = solve(hessian, gradient);
    w = w.map((wi, i) => wi - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

/** Area under the ROC curve: the chance that a random positive scores above a random negative (ties: half). */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]![0] === order[i]![0]) j++;
    const rank = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) if (order[t]![1]) [positives, rankSum] = [positives + 1, rankSum + rank];
    i = j;
  }
  const negatives = order.length - positives;
  return positives && negatives ? (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives) : 0.5;
}
