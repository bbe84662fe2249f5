// Fits a pairwise same-event score on our TRAIN event labels (eval/stories/train_events.jsonl)
// and measures what linking by it would give, before anything goes into the product:
//   - the 840 train articles stream in date order, as `npm run eval:stories` ingests them; each
//     article's vectors are computed as the store computes them at its arrival (src/stories/:
//     IDF over the articles seen so far, terms weighted by their burst in the days around it)
//   - every pair of labelled articles at most 7 days apart is a training pair: positive when
//     our labels put both in one event, negative otherwise (the 99 same-topic distractors too)
//   - logistic regression (eval/logistic.ts), 5-fold cross-validation
//     with folds BY EVENT (a pair is scored by a model that saw none of its events)
//   - the penalty: the one of 0.1 ... 10 with the best out-of-fold ROC AUC; then the AUC without
//     each feature (what carries the score), and the hand-set pair score's AUC on the same pairs
//   - linking, simulated on the stream (each article joins one earlier story, or starts one):
//     'best' = the story of its best-scoring earlier article (single link), 'mean' = the story
//     whose members within 7 days score best on average, 'centroid' = the story whose centroids
//     (as the product keeps them) score best, 'rule+mean' = the product's hand-set rule on
//     centroids, and where it finds nothing, 'mean' with the learned score; scored with the
//     pairwise and BCubed scores of eval:stories, on all train labels with the model fitted on
//     all train pairs, and cross-validated (each fold's model links the stream; a labelled pair
//     counts in the run of the lower fold of its two articles, so a wrong link between a held-out
//     article and any other labelled article counts against it).
//     The hand-set pair score goes through the same linking, for comparison ('centroid' at 0.15
//     is the product's rule without merges and splits).
// Nothing is chosen on dev: it is read once at the end, to validate the hybrid at the setting
// chosen on train (threshold 0.6) against the rule alone. Deterministic: the fold split is seeded (the seed is printed).
// Run: npx tsx eval/story-pairs.ts [--seed N]
import { scoreClusters } from './cluster-score.ts';
import { auc, fitLogistic, probability } from './logistic.ts';
import { join } from 'node:path';
import { events, metadata, polnear, texts, trainEventsPath } from './polnear-events.ts';
import { RULES } from '../src/stories/assign.ts';
import { articleFeatures, type ArticleFeatures } from '../src/stories/features.ts';
import { CENTROID_ENTITIES, CENTROID_TERMS, addTo, articleVectors, cosine, idf, type ArticleVectors, type TermBursts, type TermStatistics, type Vector } from '../src/stories/vectors.ts';
import { tokenize } from '../src/nlp/tokens.ts';

const DAY = 86_400_000;
/** Pairs and candidate stories further apart than the product ever compares are not considered. */
const WINDOW_DAYS = RULES.maxGapDays;
const BURST_DAYS = 3;
const args = process.argv.slice(2);
const seed = args.includes('--seed') ? Number(args[args.indexOf('--seed') + 1]) : 14;

/** A seeded generator (mulberry32), for the fold split. */
function random(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Streamed {
  file: string;
  time: number;
  outlet: string;
  features: ArticleFeatures;
  vectors: ArticleVectors;
  headline: Vector;
  /** Burst ratio of each of its terms at its arrival. */
  bursts: Map<string, number>;
  /** Name -> document frequency at arrival. */
  nameDf: Map<string, number>;
  documentsAtArrival: number;
  shingles: Set<string>;
}

/** 5-word shingles of the body: reports of one event quote the same statements in the same words. */
function shingles(text: string): Set<string> {
  const words = tokenize(text);
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

function stream(split: 'train' | 'dev'): { articles: Streamed[]; shingleDf: Map<string, number> } {
  const meta = metadata();
  const train = texts(split);
  const ordered = [...train].sort(([a], [b]) => meta.get(a)!.date.localeCompare(meta.get(b)!.date) || a.localeCompare(b));
  const terms = new Map<string, number>();
  const names = new Map<string, number>();
  const days = new Map<number, { documents: number; terms: Map<string, number> }>();
  let documents = 0;
  const stats: TermStatistics = { get documents() { return documents; }, termFrequency: (t) => terms.get(t) ?? 0, nameFrequency: (n) => names.get(n) ?? 0 };
  const shingleDf = new Map<string, number>();
  const articles: Streamed[] = [];
  for (const [file, text] of ordered) {
    const m = meta.get(file)!;
    const time = Date.parse(m.date);
    const features = articleFeatures({ title: m.title, text });
    const center = Math.floor(time / DAY);
    const around: { documents: number; terms: Map<string, number> }[] = [];
    for (let d = center - BURST_DAYS; d <= center + BURST_DAYS; d++) {
      const day = days.get(d);
      if (day) around.push(day);
    }
    const window: TermBursts = { documents: around.reduce((s, d) => s + d.documents, 0), termFrequency: (t) => around.reduce((s, d) => s + (d.terms.get(t) ?? 0), 0) };
    const vectors = articleVectors(features, { documents, termFrequency: stats.termFrequency, nameFrequency: stats.nameFrequency }, window);
    const bursts = new Map<string, number>();
    for (const [term] of features.terms) {
      const near = window.termFrequency(term);
      if (window.documents >= 5 && near) bursts.set(term, near / window.documents / (((terms.get(term) ?? 0) + 1) / (documents + 20)));
    }
    const headline = articleVectors(articleFeatures({ title: m.title, text: '' }), { documents, termFrequency: stats.termFrequency, nameFrequency: stats.nameFrequency }).terms;
    const nameDf = new Map(features.entities.map(([n]) => [n, names.get(n) ?? 0]));
    const body = shingles(text);
    articles.push({ file, time, outlet: m.outlet, features, vectors, headline, bursts, nameDf, documentsAtArrival: documents, shingles: body });
    // Counted after the article is placed, as the store does.
    documents++;
    for (const [t] of features.terms) terms.set(t, (terms.get(t) ?? 0) + 1);
    for (const [n] of features.entities) names.set(n, (names.get(n) ?? 0) + 1);
    const day = days.get(center) ?? { documents: 0, terms: new Map() };
    day.documents++;
    for (const [t] of features.terms) day.terms.set(t, (day.terms.get(t) ?? 0) + 1);
    days.set(center, day);
    for (const s of body) shingleDf.set(s, (shingleDf.get(s) ?? 0) + 1);
  }
  return { articles, shingleDf };
}

export const FEATURE_NAMES = ['bias', 'gap days/7', 'term cosine', 'name cosine', 'specific names shared', 'shared names IDF/10', 'bursty terms shared', 'shared log-burst/10', 'log(1+rare shingles)', 'same outlet', 'headline cosine', 'term cosine x same day'];

/** What a new article is compared with: an earlier article, or a story (its members together). */
interface Side {
  first: number;
  last: number;
  terms: Vector;
  entities: Vector;
  /** Terms that burst at a member's arrival. */
  bursty: Set<string>;
  shingles: Set<string>;
  outlets: Set<string>;
  headline: Vector;
}

const sideOf = (b: Streamed): Side => ({
  first: b.time,
  last: b.time,
  terms: b.vectors.terms,
  entities: b.vectors.entities,
  bursty: new Set([...b.bursts].filter(([, r]) => r > 1).map(([t]) => t)),
  shingles: b.shingles,
  outlets: new Set([b.outlet]),
  headline: b.headline,
});

/** Features of a new article `a` against an earlier article or a story `b`, as `a` sees them at its arrival. */
function pairFeatures(a: Streamed, b: Side, shingleDf: Map<string, number>): number[] {
  const gap = Math.max(0, b.first - a.time, a.time - b.last) / DAY;
  const termCos = cosine(a.vectors.terms, b.terms);
  const nameCos = cosine(a.vectors.entities, b.entities);
  let specific = 0;
  let nameIdf = 0;
  const most = Math.max(3, a.documentsAtArrival * 0.2);
  for (const [name, df] of a.nameDf) {
    if (!b.entities.has(name) || df > most) continue;
    specific++;
    nameIdf += idf(a.documentsAtArrival, df);
  }
  let bursty = 0;
  let logBurst = 0;
  for (const [term, ratio] of a.bursts) {
    if (ratio < 5 || !b.bursty.has(term)) continue;
    bursty++;
    logBurst += Math.log(Math.min(ratio, 50));
  }
  // Rare: in at most 3 train documents (boilerplate and stock phrases are in many).
  let rare = 0;
  const [small, large] = a.shingles.size <= b.shingles.size ? [a.shingles, b.shingles] : [b.shingles, a.shingles];
  for (const s of small) if (large.has(s) && (shingleDf.get(s) ?? 0) <= 3) rare++;
  return [1, gap / WINDOW_DAYS, termCos, nameCos, Math.min(specific, 5), nameIdf / 10, Math.min(bursty, 10), logBurst / 10, Math.log1p(rare), b.outlets.has(a.outlet) ? 1 : 0, cosine(a.headline, b.headline), gap < 1 ? termCos : 0];
}

/** A story as the product keeps it: centroids of its members' vectors, its span, outlets; the first member's headline. */
function grown(story: Side | undefined, b: Streamed): Side {
  const member = sideOf(b);
  // The story's sets are its own (copied from its first member): growing them in place keeps the stream linear.
  if (!story) return { ...member, bursty: new Set(member.bursty), shingles: new Set(member.shingles), outlets: new Set(member.outlets) };
  for (const set of ['bursty', 'shingles', 'outlets'] as const) for (const item of member[set]) story[set].add(item);
  return {
    first: Math.min(story.first, b.time),
    last: Math.max(story.last, b.time),
    terms: addTo(story.terms, member.terms, CENTROID_TERMS),
    entities: addTo(story.entities, member.entities, CENTROID_ENTITIES),
    bursty: story.bursty,
    shingles: story.shingles,
    outlets: story.outlets,
    headline: story.headline,
  };
}

/** Streams the articles and links each to the story (centroid) it scores best with, when p >= threshold. */
function linkCentroids(articles: Streamed[], shingleDf: Map<string, number>, score: (x: number[]) => number, threshold: number): Map<string, number> {
  const storyOf: number[] = [];
  const stories = new Map<number, Side>();
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    let best = i;
    let bestP = threshold;
    for (const [id, story] of stories) {
      if (a.time - story.last > WINDOW_DAYS * DAY) continue;
      const p = score(pairFeatures(a, story, shingleDf));
      if (p >= bestP) [best, bestP] = [id, p];
    }
    storyOf.push(best);
    stories.set(best, grown(stories.get(best), a));
  }
  return new Map(articles.map((a, i) => [a.file, storyOf[i]!]));
}

/** The product's hand-set pair score on the same features: 0.7 term cosine + 0.3 name cosine, halved every 2 days, 0 without a shared specific name. */
const ruleScore = (x: number[]) => (x[4]! > 0 ? (RULES.termWeight * x[2]! + RULES.entityWeight * x[3]!) * 0.5 ** ((x[1]! * WINDOW_DAYS) / RULES.halfLifeDays) : 0);

interface Pair {
  i: number;
  j: number;
  x: number[];
  same: boolean;
}

export type Linkage = 'best' | 'mean';

/**
 * Streams the articles: each joins a story when its score for it passes the threshold. 'best':
 * the story of its best earlier article within the window (single link); 'mean': the story
 * whose members within the window score best on average (average link: one close member is
 * not enough, which stops chains across events).
 */
function link(articles: Streamed[], score: (i: number, j: number) => number, threshold: number, linkage: Linkage): Map<string, number> {
  const storyOf: number[] = [];
  for (let i = 0; i < articles.length; i++) {
    const byStory = new Map<number, number[]>();
    for (let j = i - 1; j >= 0 && articles[i]!.time - articles[j]!.time <= WINDOW_DAYS * DAY; j--) {
      const list = byStory.get(storyOf[j]!) ?? [];
      list.push(score(i, j));
      byStory.set(storyOf[j]!, list);
    }
    let best = i;
    let bestP = threshold;
    for (const [story, ps] of byStory) {
      const p = linkage === 'best' ? Math.max(...ps) : ps.reduce((a, b) => a + b, 0) / ps.length;
      if (p >= bestP) [best, bestP] = [story, p];
    }
    storyOf.push(best);
  }
  return new Map(articles.map((a, i) => [a.file, storyOf[i]!]));
}

/**
 * The hand-set rule on centroids (threshold 0.15, as the product), and where it finds no story,
 * the learned score by average link over the members within the window: can the learned score
 * add the pairs the rule misses?
 */
function linkHybrid(articles: Streamed[], shingleDf: Map<string, number>, pairP: (i: number, j: number) => number, threshold: number): Map<string, number> {
  const storyOf: number[] = [];
  const stories = new Map<number, Side>();
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    let best = i;
    let bestScore = RULES.threshold;
    for (const [id, story] of stories) {
      if (a.time - story.last > WINDOW_DAYS * DAY) continue;
      const score = ruleScore(pairFeatures(a, story, shingleDf));
      if (score >= bestScore) [best, bestScore] = [id, score];
    }
    if (best === i) {
      const byStory = new Map<number, number[]>();
      for (let j = i - 1; j >= 0 && a.time - articles[j]!.time <= WINDOW_DAYS * DAY; j--) byStory.set(storyOf[j]!, [...(byStory.get(storyOf[j]!) ?? []), pairP(i, j)]);
      let bestP = threshold;
      for (const [id, ps] of byStory) {
        const p = ps.reduce((x, y) => x + y, 0) / ps.length;
        if (p >= bestP) [best, bestP] = [id, p];
      }
    }
    storyOf.push(best);
    stories.set(best, grown(stories.get(best), a));
  }
  return new Map(articles.map((a, i) => [a.file, storyOf[i]!]));
}

function main(): void {
  console.log(`story-pairs: seed ${seed}`);
  const gold = events(trainEventsPath);
  const { articles, shingleDf } = stream('train');
  // Features of every pair within the window (labelled or not: linking needs them all).
  const features = new Map<string, number[]>();
  const key = (i: number, j: number) => `${i}:${j}`;
  const pairs: Pair[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i - 1; j >= 0 && articles[i]!.time - articles[j]!.time <= WINDOW_DAYS * DAY; j--) {
      const x = pairFeatures(articles[i]!, sideOf(articles[j]!), shingleDf);
      features.set(key(i, j), x);
      const ei = gold.get(articles[i]!.file);
      const ej = gold.get(articles[j]!.file);
      if (ei !== undefined && ej !== undefined) pairs.push({ i, j, x, same: ei === ej });
    }
  }
  const positives = pairs.filter((p) => p.same).length;
  console.log(`${articles.length} articles streamed; ${pairs.length} labelled pairs within ${WINDOW_DAYS} days (${positives} same-event, ${pairs.length - positives} not)`);

  // Folds by event.
  const eventIds = [...new Set(gold.values())].sort();
  const rand = random(seed);
  const foldOfEvent = new Map(eventIds.map((e) => [e, 0]));
  const shuffled = eventIds.map((e) => ({ e, r: rand() })).sort((a, b) => a.r - b.r);
  for (const [n, { e }] of shuffled.entries()) foldOfEvent.set(e, n % 5);
  const foldOf = (i: number) => foldOfEvent.get(gold.get(articles[i]!.file)!)!;

  const share = (k: number, same: boolean) => {
    const group = pairs.filter((p) => p.same === same);
    return `${group.filter((p) => p.x[k]! > 0).length}/${group.length}`;
  };
  console.log(`pairs with a shared rare 5-word shingle: same-event ${share(8, true)}, other ${share(8, false)}; with a shared bursty term: same-event ${share(6, true)}, other ${share(6, false)}; with a shared specific name: same-event ${share(4, true)}, other ${share(4, false)}`);

  // Which features carry the score: out-of-fold ROC AUC (pairs with both ends in the held-out
  // fold) of the full model and of the model without each feature, at the chosen penalty; and the AUC of the
  // product's hand-set pair score (0.7 term cosine + 0.3 name cosine, halved every 2 days, 0
  // without a shared specific name) on the same pairs.
  const heldOut = pairs.filter((p) => foldOf(p.i) === foldOf(p.j));
  const outOfFold = (keep: number[], lambda = 1) => {
    const scores: number[] = [];
    const labels: boolean[] = [];
    for (let f = 0; f < 5; f++) {
      const trainPairs = pairs.filter((p) => foldOf(p.i) !== f && foldOf(p.j) !== f);
      const w = fitLogistic(trainPairs.map((p) => keep.map((k) => p.x[k]!)), trainPairs.map((p) => (p.same ? 1 : 0)), lambda);
      for (const p of heldOut.filter((q) => foldOf(q.i) === f)) {
        scores.push(probability(w, keep.map((k) => p.x[k]!)));
        labels.push(p.same);
      }
    }
    return auc(scores, labels);
  };
  const all = FEATURE_NAMES.map((_, k) => k);
  // The penalty: the one with the best out-of-fold AUC.
  const lambdas = [0.1, 0.3, 1, 3, 10].map((lambda) => ({ lambda, auc: outOfFold(all, lambda) }));
  const lambda = lambdas.reduce((best, l) => (l.auc > best.auc ? l : best)).lambda;
  console.log(`\nOut-of-fold AUC by L2 penalty: ${lambdas.map((l) => `${l.lambda} ${l.auc.toFixed(4)}`).join(', ')}; chosen ${lambda}`);
  const rule = heldOut.map((p) => ruleScore(p.x));
  console.log(`\nOut-of-fold AUC on ${heldOut.length} pairs: hand-set rule's pair score ${auc(rule, heldOut.map((p) => p.same)).toFixed(3)}; learned, all features ${outOfFold(all, lambda).toFixed(3)}`);
  console.log(`  without: ${all.slice(1).map((k) => `${FEATURE_NAMES[k]} ${outOfFold(all.filter((x) => x !== k), lambda).toFixed(3)}`).join('; ')}`);

  // The same linking with the hand-set pair score instead of the learned one: it tells the
  // score apart from the linking (the product links to centroids, not members).
  console.log('\nHand-set pair score, same linking (nothing fitted):');
  console.log('| linkage | threshold | pair P | R | F1 | BCubed F1 |');
  console.log('|---|---|---|---|---|---|');
  for (const linkage of ['best', 'mean', 'centroid'] as const) {
    for (const threshold of [0.1, 0.15, 0.2, 0.3]) {
      const linked = linkage === 'centroid' ? linkCentroids(articles, shingleDf, ruleScore, threshold) : link(articles, (i, j) => ruleScore(features.get(key(i, j))!), threshold, linkage);
      const s = scoreClusters(linked, gold);
      console.log(`| ${linkage} | ${threshold} | ${s.pairs.precision.toFixed(3)} | ${s.pairs.recall.toFixed(3)} | ${s.pairs.f1.toFixed(3)} | ${s.bcubed.f1.toFixed(3)} |`);
    }
  }

  for (const linkage of ['best', 'mean', 'centroid', 'rule+mean'] as const) {
    // Out-of-fold probability for each pair, and per-fold models for the linking.
    const models: number[][] = [];
    for (let f = 0; f < 5; f++) {
      const trainPairs = pairs.filter((p) => foldOf(p.i) !== f && foldOf(p.j) !== f);
      models.push(fitLogistic(trainPairs.map((p) => p.x), trainPairs.map((p) => (p.same ? 1 : 0)), lambda));
    }
    const full = fitLogistic(pairs.map((p) => p.x), pairs.map((p) => (p.same ? 1 : 0)), lambda);
    console.log(`\nlambda ${lambda}, linkage ${linkage}: weights on all train pairs: ${full.map((w, i) => `${FEATURE_NAMES[i]} ${w.toFixed(3)}`).join(', ')}`);
    console.log('| threshold | CV pair-classification P | R | CV linking pair P | R | F1 | BCubed F1 | train-fit linking pair P | R | F1 | BCubed F1 |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
      // Pair classification, out of fold (both ends in the held-out fold).
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const p of pairs) {
        const f = foldOf(p.i);
        if (foldOf(p.j) !== f) continue;
        const yes = probability(models[f]!, p.x) >= threshold;
        if (yes && p.same) tp++;
        else if (yes) fp++;
        else if (p.same) fn++;
      }
      // Linking, cross-validated: fold f's model links the whole stream; a labelled pair is
      // scored in the run of the lower of its two folds (so a wrong link between a held-out
      // article and any other labelled article counts), BCubed over the fold's articles.
      let ctp = 0;
      let cfp = 0;
      let cfn = 0;
      let cbp = 0;
      let cbr = 0;
      let cn = 0;
      const labelled = articles.flatMap((a, i) => (gold.has(a.file) ? [i] : []));
      for (let f = 0; f < 5; f++) {
        const storyOf = linkage === 'rule+mean' ? linkHybrid(articles, shingleDf, (i, j) => probability(models[f]!, features.get(key(i, j))!), threshold) : linkage === 'centroid' ? linkCentroids(articles, shingleDf, (x) => probability(models[f]!, x), threshold) : link(articles, (i, j) => probability(models[f]!, features.get(key(i, j))!), threshold, linkage);
        for (let x = 0; x < labelled.length; x++) {
          for (let y = x + 1; y < labelled.length; y++) {
            const [a, b] = [articles[labelled[x]!]!.file, articles[labelled[y]!]!.file];
            if (Math.min(foldOf(labelled[x]!), foldOf(labelled[y]!)) !== f) continue;
            const same = gold.get(a) === gold.get(b);
            const together = storyOf.get(a) === storyOf.get(b);
            if (same && together) ctp++;
            else if (together) cfp++;
            else if (same) cfn++;
          }
        }
        const foldGold = new Map([...gold].filter(([, e]) => foldOfEvent.get(e) === f));
        const s = scoreClusters(storyOf, foldGold);
        cbp += s.bcubed.precision * s.articles;
        cbr += s.bcubed.recall * s.articles;
        cn += s.articles;
      }
      const cp = ctp / Math.max(1, ctp + cfp);
      const cr = ctp / Math.max(1, ctp + cfn);
      const cb = (2 * (cbp / cn) * (cbr / cn)) / (cbp / cn + cbr / cn);
      const all = scoreClusters(linkage === 'rule+mean' ? linkHybrid(articles, shingleDf, (i, j) => probability(full, features.get(key(i, j))!), threshold) : linkage === 'centroid' ? linkCentroids(articles, shingleDf, (x) => probability(full, x), threshold) : link(articles, (i, j) => probability(full, features.get(key(i, j))!), threshold, linkage), gold);
      const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
      const n = (x: number) => x.toFixed(3);
      console.log(
        `| ${threshold} | ${n(tp / Math.max(1, tp + fp))} | ${n(tp / Math.max(1, tp + fn))} | ${n(cp)} | ${n(cr)} | ${n(f1(cp, cr))} | ${n(cb)} | ${n(all.pairs.precision)} | ${n(all.pairs.recall)} | ${n(all.pairs.f1)} | ${n(all.bcubed.f1)} |`,
      );
    }
  }

  // Validation on dev, nothing chosen on it: the dev articles alone stream into a fresh state
  // (as eval:stories ingests them into a fresh store); the model fitted on all train pairs.
  const chosen = fitLogistic(pairs.map((p) => p.x), pairs.map((p) => (p.same ? 1 : 0)), lambda);
  const dev = stream('dev');
  const devGold = events(join(polnear, 'dev_events.jsonl'));
  const devFeatures = (i: number, j: number) => pairFeatures(dev.articles[i]!, sideOf(dev.articles[j]!), dev.shingleDf);
  const devRows = [
    [`hand-set rule on centroids, ${RULES.threshold}`, linkCentroids(dev.articles, dev.shingleDf, ruleScore, RULES.threshold)],
    ['hand-set rule on centroids, else learned average, 0.6', linkHybrid(dev.articles, dev.shingleDf, (i, j) => probability(chosen, devFeatures(i, j)), 0.6)],
  ] as const;
  console.log('\nDev (validation; no merges or splits):');
  console.log('| linking | pair P | R | F1 | pairs found | BCubed F1 |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, linked] of devRows) {
    const s = scoreClusters(linked, devGold);
    console.log(`| ${name} | ${s.pairs.precision.toFixed(3)} | ${s.pairs.recall.toFixed(3)} | ${s.pairs.f1.toFixed(3)} | ${s.pairs.truePositives}/${s.pairs.truePositives + s.pairs.falseNegatives} | ${s.bcubed.f1.toFixed(3)} |`);
  }
}

main();
