// Scores a clustering against labelled events: pairwise precision, recall and F1 over the
// pairs of articles that share an event, and BCubed precision, recall and F1 (Bagga and
// Baldwin 1998; averaged per article). Pure: ids in, numbers out. Only labelled articles count.
// Counted from the contingency table (articles per cluster and event), not pair by pair, so
// that a store of tens of thousands of articles scores in a blink (bench/story-chains.ts).

export interface ClusterScores {
  articles: number;
  pairs: { precision: number; recall: number; f1: number; truePositives: number; falsePositives: number; falseNegatives: number };
  bcubed: { precision: number; recall: number; f1: number };
}

/** The harmonic mean of a precision and a recall (0 when both are 0). */
export const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const pairsOf = (n: number) => (n * (n - 1)) / 2;

function tally<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** `predicted` and `gold` map article ids to a cluster or event id; articles missing from either are left out. */
export function scoreClusters(predicted: Map<string, string | number>, gold: Map<string, string | number>): ClusterScores {
  const clusterSize = new Map<string | number, number>();
  const eventSize = new Map<string | number, number>();
  // Cell key: cluster and event, each JSON-quoted so that no two pairs collide.
  const cells = new Map<string, { cluster: string | number; event: string | number; n: number }>();
  let articles = 0;
  for (const [id, event] of gold) {
    const cluster = predicted.get(id);
    if (cluster === undefined) continue;
    articles++;
    tally(clusterSize, cluster);
    tally(eventSize, event);
    const key = JSON.stringify([cluster, event]);
    const cell = cells.get(key);
    if (cell) cell.n++;
    else cells.set(key, { cluster, event, n: 1 });
  }
  let tp = 0;
  let bp = 0;
  let br = 0;
  for (const { cluster, event, n } of cells.values()) {
    tp += pairsOf(n);
    // Each of the cell's n articles: n of its cluster share its event, n of its event share its cluster.
    bp += (n * n) / clusterSize.get(cluster)!;
    br += (n * n) / eventSize.get(event)!;
  }
  let predictedPairs = 0;
  for (const n of clusterSize.values()) predictedPairs += pairsOf(n);
  let goldPairs = 0;
  for (const n of eventSize.values()) goldPairs += pairsOf(n);
  const fp = predictedPairs - tp;
  const fn = goldPairs - tp;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const count = articles || 1;
  return {
    articles,
    pairs: { precision, recall, f1: f1(precision, recall), truePositives: tp, falsePositives: fp, falseNegatives: fn },
    bcubed: { precision: bp / count, recall: br / count, f1: f1(bp / count, br / count) },
  };
}
