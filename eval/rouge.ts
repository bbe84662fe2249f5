// ROUGE-1, ROUGE-2 and ROUGE-Lsum F-measures, reimplementing Google's rouge_score
// (rouge_scorer.py, tokenize.py) so figures compare with published CNN/DailyMail
// results: lower-case, every non [a-z0-9] run becomes a space, tokens longer than 3
// characters are Porter-stemmed; Lsum is the summary-level union-LCS over sentences
// given one per line. Hand-written because no maintained npm package matches
// rouge_score's tokenisation and Lsum definition.
//
// One known difference: rouge_score uses NLTK's PorterStemmer (NLTK extensions on),
// we use the `stemmer` package (Porter's original algorithm). They differ on a few
// rare suffixes ("-ies" words of length 4, "-ly" adverbs...), which moves scores by
// hundredths of a point and treats every system alike.
import { stemmer } from 'stemmer';

export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeLsum: RougeScore;
}

const stemCache = new Map<string, string>();
function cachedStem(token: string): string {
  let stemmed = stemCache.get(token);
  if (stemmed === undefined) {
    stemmed = stemmer(token);
    stemCache.set(token, stemmed);
  }
  return stemmed;
}

/** rouge_score's tokenizer with stemming on. */
export function rougeTokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(/\s+/)) {
    if (!raw) continue;
    tokens.push(raw.length > 3 ? cachedStem(raw) : raw);
  }
  return tokens;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function score(hits: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = hits / Math.max(candidateTotal, 1);
  const recall = hits / Math.max(referenceTotal, 1);
  const fmeasure = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, fmeasure };
}

export function rougeN(reference: readonly string[], candidate: readonly string[], n: number): RougeScore {
  const ref = ngramCounts(reference, n);
  const cand = ngramCounts(candidate, n);
  let hits = 0;
  let candidateTotal = 0;
  let referenceTotal = 0;
  for (const count of ref.values()) referenceTotal += count;
  for (const [gram, count] of cand) {
    candidateTotal += count;
    hits += Math.min(count, ref.get(gram) ?? 0);
  }
  return score(hits, candidateTotal, referenceTotal);
}

/** Indices into `ref` of one LCS of ref and cand, backtracked as rouge_score does. */
function lcsIndices(ref: readonly string[], cand: readonly string[]): number[] {
  const rows = ref.length + 1;
  const cols = cand.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      table[i * cols + j] =
        ref[i - 1] === cand[j - 1]
          ? table[(i - 1) * cols + j - 1]! + 1
          : Math.max(table[(i - 1) * cols + j]!, table[i * cols + j - 1]!);
    }
  }
  const indices: number[] = [];
  let i = ref.length;
  let j = cand.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === cand[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if (table[i * cols + j - 1]! > table[(i - 1) * cols + j]!) j--;
    else i--;
  }
  return indices.reverse();
}

/** Summary-level LCS (ROUGE-Lsum) over sentence token lists. */
export function rougeLsum(referenceSentences: readonly string[][], candidateSentences: readonly string[][]): RougeScore {
  const m = referenceSentences.reduce((sum, s) => sum + s.length, 0);
  const n = candidateSentences.reduce((sum, s) => sum + s.length, 0);
  if (m === 0 || n === 0) return { precision: 0, recall: 0, fmeasure: 0 };
  const refCounts = new Map<string, number>();
  const candCounts = new Map<string, number>();
  for (const s of referenceSentences) for (const t of s) refCounts.set(t, (refCounts.get(t) ?? 0) + 1);
  for (const s of candidateSentences) for (const t of s) candCounts.set(t, (candCounts.get(t) ?? 0) + 1);
  let hits = 0;
  for (const ref of referenceSentences) {
    const union = new Set<number>();
    for (const cand of candidateSentences) for (const index of lcsIndices(ref, cand)) union.add(index);
    for (const index of [...union].sort((a, b) => a - b)) {
      const token = ref[index]!;
      // Each token is credited at most as often as it occurs on both sides.
      const inCand = candCounts.get(token) ?? 0;
      const inRef = refCounts.get(token) ?? 0;
      if (inCand > 0 && inRef > 0) {
        hits++;
        candCounts.set(token, inCand - 1);
        refCounts.set(token, inRef - 1);
      }
    }
  }
  return score(hits, n, m);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}

/** Scores a candidate against a reference; for Lsum both are split into sentences on newlines. */
export function rouge(reference: string, candidate: string): RougeScores {
  const refTokens = rougeTokenize(reference);
  const candTokens = rougeTokenize(candidate);
  return {
    rouge1: rougeN(refTokens, candTokens, 1),
    rouge2: rougeN(refTokens, candTokens, 2),
    rougeLsum: rougeLsum(lines(reference).map(rougeTokenize), lines(candidate).map(rougeTokenize)),
  };
}
