// Scores a clustering against labelled events: pairwise precision, recall and F1 over the
// pairs of articles that share an event, and BCubed precision, recall and F1 (Bagga and
// Baldwin 1998; averaged per article). Pure: ids in, numbers out. Only labelled articles count.

export interface ClusterScores {
  articles: number;
  pairs: { precision: number; recall: number; f1: number; truePositives: number; falsePositives: number; falseNegatives: number };
  bcubed: { precision: number; recall: number; f1: number };
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** `predicted` and `gold` map article ids to a cluster or event id; articles missing from either are left out. */
export function scoreClusters(predicted: Map<string, string | number>, gold: Map<string, string>): ClusterScores {
  const ids = [...gold.keys()].filter((id) => predicted.has(id)).sort();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const same = gold.get(ids[i]!) === gold.get(ids[j]!);
      const together = predicted.get(ids[i]!) === predicted.get(ids[j]!);
      if (same && together) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  }
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const cluster = ids.filter((other) => predicted.get(other) === predicted.get(id));
    const event = ids.filter((other) => gold.get(other) === gold.get(id));
    const both = cluster.filter((other) => gold.get(other) === gold.get(id)).length;
    bp += both / cluster.length;
    br += both / event.length;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const n = ids.length || 1;
  return {
    articles: ids.length,
    pairs: { precision, recall, f1: f1(precision, recall), truePositives: tp, falsePositives: fp, falseNegatives: fn },
    bcubed: { precision: bp / n, recall: br / n, f1: f1(bp / n, br / n) },
  };
}
