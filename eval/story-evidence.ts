// Does evidence of the SPECIFIC event (rather than its topic) tell same-event reports apart where
// the product's lexical score cannot? Measured for issue 14 on our TRAIN event labels
// (eval/stories/train_events.jsonl), before going into the product. Three kinds of evidence:
//   - quote: the same quotation in both articles: a run of 6 words (normalised: lower case, words
//     only) inside quote marks, so that two outlets quoting one soundbite at different lengths match
//   - number: the same specific number with its unit or noun ("277 workers", "$7 million",
//     "17.7 percent"), not a year and not a count below 10 or a round 10/20/.../100
//   - name: the same multi-word name (from the product's articleFeatures) found in at most 3 of
//     the split's documents
// read from the headline and the whole text, or from the headline and the product's 2,000-character
// lead. The lexical score of a pair is the product's (the same computation as
// eval/story-semantic.ts: RULES' weights over the TF-IDF vectors of articleFeatures, IDF over the
// split's articles, decayed with the days past one event's spread). Pairs: every two labelled
// train articles at most 7 days apart. Printed: per kind, how many same-event / other pairs share
// it, within bands of the lexical score, and how many of the same-event pairs the product misses
// today (lexical < threshold) it would reach. Dev is printed once at the end as validation.
// Run: npm run eval:story-evidence   (QUOTE_WORDS=4 or 8 for other quote run lengths)
import { join } from 'node:path';
import { findQuoteSpans } from '../src/nlp/quotes.ts';
import { RULES } from '../src/stories/assign.ts';
import { LEAD_CHARS, articleFeatures } from '../src/stories/features.ts';
import { articleVectors, type ArticleVectors } from '../src/stories/vectors.ts';
import { pairsWithin, statisticsOf } from './story-lexical.ts';
import { events, metadata, polnear, texts, trainEventsPath, type Meta } from './polnear-events.ts';

const QUOTE_WORDS = Number(process.env.QUOTE_WORDS ?? 6);
const RARE_NAME_DOCUMENTS = 3;

const words = (text: string) => text.toLowerCase().replace(/[’']/g, '').match(/[a-z0-9]+/g) ?? [];

/** 6-word shingles of the quotations of a text, as the product's quote parser finds their marks (findQuoteSpans). */
function quoteShingles(text: string): Set<string> {
  const out = new Set<string>();
  for (const span of findQuoteSpans(text)) {
    const w = words(text.slice(span.start, span.end));
    for (let i = 0; i + QUOTE_WORDS <= w.length; i++) out.add(w.slice(i, i + QUOTE_WORDS).join(' '));
  }
  return out;
}

const SCALE = /^(thousand|million|billion|trillion)$/;
const UNIT_STOP = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'by', 'from', 'with', 'that', 'this', 'who', 'which', 'were', 'was', 'is', 'are', 'have', 'has', 'had', 'more', 'than', 'years', 'year', 'days', 'day', 'times', 'people', 'points', 'point', 'am', 'pm', 'p']);

/** Specific numbers with their unit or noun: "$7 million", "17.7 percent", "277 workers". */
function numberTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(\$)?\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\b(%)?\s*([A-Za-z][a-z-]*)?/g)) {
    const [, dollar, raw, percent, next] = m;
    const value = Number(raw!.replace(/,/g, ''));
    const noun = next?.toLowerCase() ?? '';
    let unit = '';
    if (percent || noun === 'percent' || noun === 'per') unit = 'percent';
    else if (SCALE.test(noun)) unit = `${dollar ? '$' : ''}${noun}`;
    else if (dollar) unit = '$';
    else if (noun && !UNIT_STOP.has(noun) && /^[a-z]/.test(next!)) unit = noun.replace(/s$/, '');
    if (!unit) continue;
    if (!dollar && !percent && unit !== 'percent' && !SCALE.test(unit) && Number.isInteger(value) && value >= 1900 && value <= 2100) continue;
    if (Number.isInteger(value) && (value < 10 || (value <= 100 && value % 10 === 0)) && !raw!.includes('.')) continue;
    out.add(`${value} ${unit}`);
  }
  return out;
}

interface Evidence {
  quotes: Set<string>;
  numbers: Set<string>;
  names: Set<string>;
}

interface Article {
  file: string;
  time: number;
  vectors: ArticleVectors;
  whole: Evidence;
  lead: Evidence;
}

interface Pair {
  a: string;
  b: string;
  same: boolean;
  lexical: number;
  shared: Record<string, boolean>;
}

const intersects = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

interface Split {
  pairs: Pair[];
  labelled: number;
  withQuotes: number;
  withNumbers: number;
}

function pairsOf(split: string, labels: Map<string, string>, meta: Map<string, Meta>): Split {
  const drafts = [...texts(split)].map(([file, text]) => ({ file, title: meta.get(file)!.title, text }));
  const features = new Map(drafts.map((d) => [d.file, articleFeatures(d)]));
  const stats = statisticsOf([...features.values()]);
  const rareName = (n: string) => n.includes(' ') && stats.nameFrequency(n) <= RARE_NAME_DOCUMENTS;
  const evidence = (title: string, text: string, names: Set<string>): Evidence => ({ quotes: quoteShingles(`${title}\n${text}`), numbers: numberTokens(`${title}\n${text}`), names });
  const articles: Article[] = drafts
    .filter((d) => labels.has(d.file))
    .map((d) => {
      const body = d.text.startsWith(d.title) ? d.text.slice(d.title.length) : d.text;
      const names = new Set(features.get(d.file)!.entities.map(([n]) => n).filter(rareName));
      return { file: d.file, time: Date.parse(meta.get(d.file)!.date), vectors: articleVectors(features.get(d.file)!, stats), whole: evidence(d.title, body, names), lead: evidence(d.title, body.slice(0, LEAD_CHARS), names) };
    });
  const pairs: Pair[] = pairsWithin(articles).map(({ a, b, lexical }) => {
    const shared: Record<string, boolean> = {
      'quote (whole text)': intersects(a.whole.quotes, b.whole.quotes),
      'quote (lead)': intersects(a.lead.quotes, b.lead.quotes),
      'number (whole text)': intersects(a.whole.numbers, b.whole.numbers),
      'number (lead)': intersects(a.lead.numbers, b.lead.numbers),
      'rare multi-word name': intersects(a.whole.names, b.whole.names),
    };
    shared['quote or number (whole text)'] = shared['quote (whole text)']! || shared['number (whole text)']!;
    shared['quote or number (lead)'] = shared['quote (lead)']! || shared['number (lead)']!;
    return { a: a.file, b: b.file, same: labels.get(a.file) === labels.get(b.file), lexical, shared };
  });
  return { pairs, labelled: articles.length, withQuotes: articles.filter((a) => a.whole.quotes.size).length, withNumbers: articles.filter((a) => a.whole.numbers.size).length };
}

const BANDS: [number, number][] = [
  [0, 0.03],
  [0.03, 0.06],
  [0.06, 0.1],
  [0.1, RULES.threshold],
  [RULES.threshold, Infinity],
];

function report({ pairs, labelled, withQuotes, withNumbers }: Split): void {
  console.log(`Labelled articles: ${labelled}; with a quotation of ${QUOTE_WORDS}+ words: ${withQuotes}; with a specific number: ${withNumbers}. Pairs at most ${RULES.maxGapDays} days apart: ${pairs.length}, ${pairs.filter((p) => p.same).length} same-event (cells: same-event / other pairs sharing the evidence).`);
  const kinds = Object.keys(pairs[0]!.shared);
  const cell = (ps: Pair[]) => `${ps.filter((p) => p.same).length} / ${ps.filter((p) => !p.same).length}`;
  console.log(`| lexical score | all pairs | ${kinds.join(' | ')} |`);
  console.log(`|---|---|${kinds.map(() => '---|').join('')}`);
  for (const [low, high] of BANDS) {
    const band = pairs.filter((p) => p.lexical >= low && p.lexical < high);
    console.log(`| ${low.toFixed(2)} - ${high === Infinity ? '' : high.toFixed(2)} | ${cell(band)} | ${kinds.map((k) => cell(band.filter((p) => p.shared[k]))).join(' | ')} |`);
  }
  console.log(`| all | ${cell(pairs)} | ${kinds.map((k) => cell(pairs.filter((p) => p.shared[k]))).join(' | ')} |`);
  // A ceiling, since a story joins on any member: link the same-event pairs the lexical score
  // joins (>= the threshold), then also those sharing the evidence, and count the same-event
  // pairs inside the linked groups (transitively), as if the evidence never joined two events.
  const same = pairs.filter((p) => p.same);
  const reached = (edge: (p: Pair) => boolean) => {
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      const up = parent.get(x) ?? x;
      return up === x ? x : find(up);
    };
    for (const p of same) if (edge(p)) parent.set(find(p.a), find(p.b));
    return same.filter((p) => find(p.a) === find(p.b)).length;
  };
  const lexical = (p: Pair) => p.lexical >= RULES.threshold;
  console.log(`Same-event pairs linked (transitively) by the lexical score alone: ${reached(lexical)} of ${same.length}; ${kinds.map((k) => `with ${k}: ${reached((p) => lexical(p) || p.shared[k]!)}`).join('; ')}.`);
}

function main(): void {
  const meta = metadata();
  const train = pairsOf('train', events(trainEventsPath), meta);
  console.log('Train (our labels):');
  report(train);
  const dev = pairsOf('dev', events(join(polnear, 'dev_events.jsonl')), meta);
  console.log('\nDev (validation):');
  report(dev);
}

main();
