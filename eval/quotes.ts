// Quote extraction and speaker attribution on PolNeAR (see ../shared/eval/README.md).
//
//   npx tsx eval/quotes.ts [--split dev|train] [--verbose] [--misses]
//
// Gold: direct quotes = attributions whose Content starts with a double quote (dev: the provided
// dev_direct_quotes.jsonl; train: derived from the .ann files the same way, first annotator file
// of each article in name order). Matching is by word-token overlap over character spans:
//   - a found quote is correct at threshold t when at least t of its tokens lie inside one gold quote;
//   - a gold quote is found when at least t of its tokens are covered by found quotes correct for it.
// A gold quote annotated as one attribution but split by its cue (`"A," he said. "B"`) is thus found
// by our two pieces. Found quotes lying inside a gold attribution whose Content does not start with a
// quote mark (an indirect report with a quoted phrase, e.g. `said he had "grounds to believe"`) are
// real quotations that the gold filter drops: they are left out of precision (the "strict" row counts
// them as false positives). Speaker accuracy is over gold quotes found at 0.3.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractQuotes } from '../src/nlp/quotes.ts';
import type { FoundQuote } from '../src/model.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(process.env.EVAL_DATA_DIR ?? join(here, '../../shared/eval'));
const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] ?? 'dev' : 'dev';
const verbose = args.includes('--verbose');
const showMisses = args.includes('--misses');
const polnear = join(dataDir, 'polnear');

type Range = [number, number];
interface GoldQuote {
  article: string;
  ranges: Range[];
  source: string | null;
  sourceIsPronoun: boolean;
}
/** eval/polnear-pronoun-speakers.json: who a pronoun (or a role such as "the mayor") refers to, read by hand. */
interface PronounAnnotation {
  /** Article id (file name without .txt). */
  article: string;
  content_start: number;
  content_end: number;
  /** The gold Source span as written ("he", "she", "the president"). */
  gold_source: string;
  /** The person's full name, from reading the article. */
  speaker: string;
}

const PRONOUN = /^(he|she|it|they|i|we|him|her|you)$/i;

function parseRanges(s: string): Range[] {
  return s.split(';').map((part) => {
    const [a, b] = part.trim().split(/\s+/).map(Number);
    return [a!, b!] as Range;
  });
}

interface AnnAttribution {
  content?: { ranges: Range[]; text: string };
  source?: { ranges: Range[]; text: string };
}

function parseAnn(path: string): AnnAttribution[] {
  const spans = new Map<string, { type: string; ranges: Range[]; text: string }>();
  const events: string[][] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 3) {
      const head = cols[1]!;
      const sp = head.indexOf(' ');
      spans.set(cols[0]!, { type: head.slice(0, sp), ranges: parseRanges(head.slice(sp + 1)), text: cols[2]! });
    } else if (line.startsWith('E') && cols.length >= 2) events.push(cols[1]!.split(' '));
  }
  return events.map((roles) => {
    const out: AnnAttribution = {};
    for (const r of roles) {
      const [role, id] = r.split(':');
      const span = spans.get(id ?? '');
      if (!span) continue;
      if (role === 'Content') out.content = span;
      if (role === 'Source') out.source = span;
    }
    return out;
  });
}

function annotationFile(splitDir: string, article: string, files: string[]): string | undefined {
  const base = article.replace(/\.txt$/, '');
  return files.filter((f) => f.startsWith(base + '_') && f.endsWith('.ann')).sort()[0];
}

function loadSplit(name: string) {
  const dir = join(polnear, name);
  const articles = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort();
  const annFiles = readdirSync(join(dir, 'attributions'));
  const gold: GoldQuote[] = [];
  const indirect = new Map<string, Range[][]>();
  const annUsed = new Map<string, string>();
  if (name === 'dev') {
    for (const line of readFileSync(join(polnear, 'dev_direct_quotes.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { article: string; annotation: string; content_offsets: string | null; source: string | null; source_is_pronoun: boolean };
      annUsed.set(row.article, row.annotation);
      if (!row.content_offsets) continue;
      gold.push({ article: row.article, ranges: parseRanges(row.content_offsets), source: row.source, sourceIsPronoun: row.source_is_pronoun });
    }
  }
  for (const article of articles) {
    const ann = annUsed.get(article) ?? annotationFile(dir, article, annFiles);
    if (!ann) continue;
    const list: Range[][] = [];
    for (const a of parseAnn(join(dir, 'attributions', ann))) {
      if (!a.content) continue;
      const direct = /^["“”]/.test(a.content.text);
      if (!direct) list.push(a.content.ranges);
      else if (name !== 'dev') {
        const source = a.source?.text ?? null;
        gold.push({ article, ranges: a.content.ranges, source, sourceIsPronoun: !!source && PRONOUN.test(source.trim()) });
      }
    }
    indirect.set(article, list);
  }
  return { dir, articles, gold, indirect };
}

// --- token overlap --------------------------------------------------------------------------

function tokenIndex(text: string): Array<[number, number]> {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length]);
}

function tokensIn(tokens: Array<[number, number]>, ranges: Range[]): Set<number> {
  const out = new Set<number>();
  tokens.forEach(([s, e], i) => {
    if (ranges.some(([a, b]) => s >= a && e <= b)) out.add(i);
  });
  return out;
}

const intersect = (a: Set<number>, b: Set<number>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

// --- speaker comparison ---------------------------------------------------------------------

const TITLE_WORDS = /^(mr|mrs|ms|miss|dr|sen|senator|rep|representative|gov|governor|president|del|rev|the|a|an|gen|judge|justice|prof|sir)\.?$/i;

function words(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The name part of a gold source: "Kenneth Baer, a former Obama official" -> "Kenneth Baer". */
function goldHead(source: string): string {
  const noParty = source.replace(/\([^)]*\)/g, ' ').replace(/,\s*[RDI]-[A-Za-z.]+,?/g, ' ');
  // Split off appositives and "of the Sierra Club"; "Speaker of the House Rep. Paul Ryan" keeps its "of".
  const ofSplit = /^\s*(?:\p{Lu}[\p{L}.’'-]*\s+)*?\p{Lu}[\p{L}’'-]+\s+\p{Lu}[\p{L}’'-]+\s+of\b/u.test(noParty);
  const segments = noParty.split(ofSplit ? /,|\bwho\b|\bwhose\b|\bof\b/ : /,|\bwho\b|\bwhose\b/);
  for (const seg of segments) if (/\p{Lu}/u.test(seg.replace(/^\s*(The|A|An|Another)\b/, ''))) return seg.trim();
  return segments[0]!.trim();
}

export function sameSpeaker(ours: string | null, gold: string): boolean {
  if (!ours) return false;
  const head = goldHead(gold);
  const capitalised = words(head).filter((w) => /^\p{Lu}/u.test(w) && !TITLE_WORDS.test(w));
  const ourWords = words(ours).map((w) => w.toLowerCase());
  if (capitalised.length > 0) {
    const surname = capitalised[capitalised.length - 1]!.toLowerCase();
    if (ourWords.includes(surname)) return true;
    // Gold written longer than ours ("White House Press Secretary Josh Earnest" vs "Josh Earnest").
    const ourSurname = ourWords[ourWords.length - 1];
    return !!ourSurname && words(head).map((w) => w.toLowerCase()).includes(ourSurname) && ourWords.length > 1;
  }
  // Non-person descriptors: compare without determiners and case.
  const norm = (s: string) => words(s).map((w) => w.toLowerCase()).filter((w) => !TITLE_WORDS.test(w)).join(' ');
  return norm(ours) === norm(head) || norm(ours) === norm(gold);
}

// --- run ------------------------------------------------------------------------------------

const THRESHOLDS = [0.3, 0.5, 0.8];

function main(): void {
  const { dir, articles, gold, indirect } = loadSplit(split);
  const annotationsPath = join(here, 'polnear-pronoun-speakers.json');
  const annotations: PronounAnnotation[] = existsSync(annotationsPath) ? JSON.parse(readFileSync(annotationsPath, 'utf8')) : [];
  const annotationKey = (a: string, s: number) => `${a.replace(/\.txt$/, '')}@${s}`;
  const pronounSpeaker = new Map(annotations.map((a) => [annotationKey(a.article, a.content_start), a] as const));

  const texts = new Map(articles.map((a) => [a, readFileSync(join(dir, 'text', a), 'utf8')] as const));
  const predictions = new Map<string, FoundQuote[]>();
  for (const text of [...texts.values()].slice(0, 20)) extractQuotes(text); // warm-up (JIT)
  const t0 = performance.now();
  for (const [a, text] of texts) predictions.set(a, extractQuotes(text));
  const seconds = (performance.now() - t0) / 1000;

  const goldByArticle = new Map<string, GoldQuote[]>();
  for (const g of gold) goldByArticle.set(g.article, [...(goldByArticle.get(g.article) ?? []), g]);

  const rows: string[] = [];
  let speakerStats = { named: [0, 0], pronoun: [0, 0], unannotated: 0, unjudgeable: 0, descriptor: [0, 0] };
  const misses: string[] = [];
  let counts = { gold: gold.length, found: 0 };
  for (const threshold of THRESHOLDS) {
    let tp = 0, fp = 0, fpStrict = 0, found = 0, predCount = 0, ignored = 0;
    for (const article of articles) {
      const text = texts.get(article)!;
      const tokens = tokenIndex(text);
      const golds = (goldByArticle.get(article) ?? []).map((g) => ({ g, toks: tokensIn(tokens, g.ranges), covered: new Set<number>(), best: null as null | { q: FoundQuote; n: number } }));
      const indirectToks = (indirect.get(article) ?? []).map((r) => tokensIn(tokens, r));
      for (const q of predictions.get(article) ?? []) {
        const toks = tokensIn(tokens, [[q.start, q.end]]);
        if (toks.size === 0) continue;
        predCount++;
        let best: (typeof golds)[number] | null = null;
        let bestN = 0;
        for (const g of golds) {
          const n = intersect(toks, g.toks);
          if (n > bestN) { best = g; bestN = n; }
        }
        if (best && bestN / toks.size >= threshold) {
          tp++;
          for (const x of toks) if (best.g && best.toks.has(x)) best.covered.add(x);
          if (!best.best || bestN > best.best.n) best.best = { q, n: bestN };
        } else {
          fpStrict++;
          if (indirectToks.some((ind) => intersect(toks, ind) / toks.size >= threshold)) ignored++;
          else {
            fp++;
            if (threshold === 0.3 && showMisses) misses.push(`FP  ${article} [${q.start}] ${q.fragment ? '(fragment) ' : ''}${q.text.slice(0, 100)}`);
          }
        }
      }
      for (const g of golds) {
        const ok = g.toks.size > 0 && g.covered.size / g.toks.size >= threshold;
        if (ok) found++;
        else if (threshold === 0.3 && showMisses) misses.push(`FN  ${article} [${g.g.ranges[0]![0]}] ${text.slice(g.g.ranges[0]![0], g.g.ranges[0]![1]).slice(0, 100)}`);
        if (ok && threshold === 0.3) {
          const ours = g.best?.q.speaker ?? null;
          const src = g.g.source;
          const start = g.g.ranges[0]![0];
          let kind: 'named' | 'pronoun' | 'descriptor' | null = null;
          let right = false;
          if (g.g.sourceIsPronoun) {
            const ann = pronounSpeaker.get(annotationKey(article, start));
            if (!ann) { speakerStats.unannotated++; continue; }
            kind = 'pronoun';
            right = sameSpeaker(ours, ann.speaker);
          } else if (!src || /^(said|says|which|who|that)$/i.test(src.trim())) {
            speakerStats.unjudgeable++;
            continue;
          } else {
            const ann = pronounSpeaker.get(annotationKey(article, start));
            const cap = /\p{Lu}/u.test(goldHead(src).replace(/^(The|A|An|Another)\b/, ''));
            kind = cap ? 'named' : 'descriptor';
            right = sameSpeaker(ours, ann?.speaker ?? src) || sameSpeaker(ours, src);
          }
          speakerStats[kind][0]!++;
          if (right) speakerStats[kind][1]!++;
          else if (verbose) misses.push(`SPK ${kind} ${article} [${start}] gold=${JSON.stringify(src)}${g.g.sourceIsPronoun ? '=' + pronounSpeaker.get(annotationKey(article, start))?.speaker : ''} ours=${JSON.stringify(ours)} cue=${JSON.stringify(g.best?.q.cue)}`);
        }
      }
    }
    counts.found = predCount;
    const p = tp / Math.max(1, tp + fp);
    const pStrict = tp / Math.max(1, tp + fpStrict);
    const r = found / Math.max(1, gold.length);
    const f = (2 * p * r) / Math.max(1e-9, p + r);
    const fStrict = (2 * pStrict * r) / Math.max(1e-9, pStrict + r);
    rows.push(`| ${threshold.toFixed(1)} | ${found} | ${tp} | ${fp} (+${ignored} inside indirect reports) | ${p.toFixed(3)} | ${r.toFixed(3)} | **${f.toFixed(3)}** | ${pStrict.toFixed(3)} / ${fStrict.toFixed(3)} |`);
  }

  const pct = ([n, k]: number[]) => (n ? `${((100 * k!) / n!).toFixed(1)}% (${k}/${n})` : 'n/a');
  const total = [
    speakerStats.named[0]! + speakerStats.pronoun[0]! + speakerStats.descriptor[0]!,
    speakerStats.named[1]! + speakerStats.pronoun[1]! + speakerStats.descriptor[1]!,
  ];
  console.log(`PolNeAR ${split}: ${articles.length} articles, ${counts.gold} gold direct quotes, ${counts.found} quotes found (incl. fragments)\n`);
  console.log('| overlap | gold found | ours correct | ours wrong | precision | recall | F1 | strict P / F1 |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\nSpeaker accuracy over gold quotes found at 0.3:`);
  console.log(`  overall (judged)          ${pct(total)}`);
  console.log(`  named sources             ${pct(speakerStats.named)}`);
  console.log(`  descriptor sources        ${pct(speakerStats.descriptor)}`);
  console.log(`  pronoun sources (annotated) ${pct(speakerStats.pronoun)}`);
  console.log(`  pronoun sources not annotated: ${speakerStats.unannotated}; gold source missing or not a source: ${speakerStats.unjudgeable}`);
  console.log(`\nSpeed: ${(articles.length / seconds).toFixed(0)} articles/s (extractQuotes, ${articles.length} articles in ${(seconds * 1000).toFixed(0)} ms)`);
  seedCheck();
  if (misses.length) console.log('\n' + misses.join('\n'));
}

/** Every full quote of the seed article found, with the right full name. */
function seedCheck(): void {
  const base = join(here, '../tests/fixtures/rt-2016-09-05-putin-obama-syria');
  const text = readFileSync(base + '.txt', 'utf8');
  const expected = JSON.parse(readFileSync(base + '.expected.json', 'utf8')) as { title: string; quotes: Array<{ text: string; speaker: string; fragment?: boolean }> };
  const found = extractQuotes(text, { title: expected.title });
  const trim = (s: string) => s.replace(/[\s.,;:!?]+$/, '');
  const full = expected.quotes.filter((q) => !q.fragment);
  const ok = full.filter((e) => found.some((q) => trim(q.text) === trim(e.text) && q.speaker === e.speaker && !q.fragment));
  const fragments = expected.quotes.filter((q) => q.fragment);
  const fragOk = fragments.filter((e) => found.some((q) => trim(q.text) === trim(e.text) && q.fragment && q.speaker === e.speaker));
  console.log(`\nSeed check: ${ok.length}/${full.length} full quotes with the right speaker; ${fragOk.length}/${fragments.length} fragments flagged with the right speaker${ok.length === full.length ? ' - PASS' : ' - FAIL'}`);
  for (const e of full) if (!ok.includes(e)) console.log(`  missing: ${e.speaker}: ${e.text.slice(0, 60)}`);
}

main();
