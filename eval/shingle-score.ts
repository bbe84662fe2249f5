// Scoring of the Zyte article-extraction-benchmark (evaluate.py), reimplemented so our
// figures are comparable with the published ones: Unicode \w+ tokens, overlapping
// 4-token shingles counted as a multiset, per-page precision/recall, averaged over
// pages, F1 of the two averages.

export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  f1: number;
  precision: number;
  recall: number;
}

// Python's re `\w` with str patterns = letters, numbers and underscore (no combining marks).
const WORD = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Multiset of n-token shingles; fewer than n tokens (even none) give one shorter shingle, as in the benchmark. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const count = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < count; i++) {
    // U+0001 cannot occur inside a \w token, so joined keys are unambiguous.
    const key = tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function matchShingles(truth: string, predicted: string): ShingleCounts {
  const expected = shingles(truth);
  const got = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, n] of got) {
    const m = expected.get(key) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [key, m] of expected) fn += Math.max(0, m - (got.get(key) ?? 0));
  return { tp, fp, fn };
}

export function pagePrecision({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp + fp === 0 ? 0 : tp / (tp + fp);
}

export function pageRecall({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp + fn === 0 ? 0 : tp / (tp + fn);
}

export function pageF1(counts: ShingleCounts): number {
  const p = pagePrecision(counts);
  const r = pageRecall(counts);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Benchmark score over pages: precision averaged where tp+fp > 0, recall where tp+fn > 0. */
export function aggregate(pages: ShingleCounts[]): Score {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(pagePrecision));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(pageRecall));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall };
}

/** Scores predictions (page id -> text) against the ground truth (page id -> text); missing predictions count as empty. */
export function scoreAll(truth: Map<string, string>, predicted: Map<string, string>): Score {
  return aggregate([...truth].map(([id, text]) => matchShingles(text, predicted.get(id) ?? '')));
}
