// Summary quality and speed.
// 1. CNN/DailyMail (../shared/eval/cnndm by default, or $EVAL_DATA_DIR/cnndm): ROUGE-1/2/Lsum
//    F-measures (see rouge.ts) of Lead-3, a TextRank-only ablation and our summarizer
//    (summarize(), what ingest runs for every article) against the reference highlights.
// 2. Headline repeats through the product path: the PolNeAR train and dev texts ingested as
//    `news-digest ingest <folder>` does (ingestInputs, worker threads included) into a
//    temporary SQLite store; then the stored summaries are read back and checked.
// Run: npx tsx eval/summary.ts   (npm run eval:summary)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ingestInputs } from '../src/ingest/pipeline.ts';
import { createLogger } from '../src/log.ts';
import type { StoredArticle } from '../src/model.ts';
import { splitSentences } from '../src/nlp/sentences.ts';
import { tokenize } from '../src/nlp/tokens.ts';
import { openStore } from '../src/store/index.ts';
import { AnalysisContext } from '../src/nlp/context.ts';
import { leadSentences, summarize } from '../src/nlp/extractive.ts';
import { commonSubsequenceLength, repeatsHeadline } from '../src/nlp/headline.ts';
import { rouge, type RougeScores } from './rouge.ts';

export interface Item {
  id: string;
  article: string;
  highlights: string;
}

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. Hand-written to avoid a dependency for one file. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function loadCsv(path: string): Item[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) return [];
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${path}: no column "${name}"`);
    return index;
  };
  const [id, article, highlights] = [column('id'), column('article'), column('highlights')];
  return rows
    .filter((row) => row.length === header.length)
    .map((row) => ({ id: row[id]!, article: row[article]!, highlights: row[highlights]! }));
}

export function loadJsonl(path: string): Item[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Item);
}

type System = (article: string) => string[];

// One context for the whole run, as an ingest run or worker keeps one (src/nlp/context.ts).
const EVAL_CONTEXT = new AnalysisContext();

const SYSTEMS: Record<string, System> = {
  // The classic baseline: the first three sentences as the splitter gives them.
  'Lead-3': (article) => splitSentences(article).slice(0, 3),
  // Lead-3 after the same clean-up ours gets (bylines, datelines, captions, fragments
  // skipped): isolates what our sentence choice adds over position alone.
  'Lead-3 (cleaned)': (article) => leadSentences({ text: article }, 3),
  'TextRank only': (article) => summarize({ text: article }, { method: 'textrank' }),
  ours: (article) => summarize({ text: article }, { context: EVAL_CONTEXT }),
};

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function evaluate(items: Item[], system: System): { r1: number; r2: number; rl: number } {
  const scores: RougeScores[] = items.map((item) => rouge(item.highlights, system(item.article).join('\n')));
  return {
    r1: 100 * mean(scores.map((s) => s.rouge1.fmeasure)),
    r2: 100 * mean(scores.map((s) => s.rouge2.fmeasure)),
    rl: 100 * mean(scores.map((s) => s.rougeLsum.fmeasure)),
  };
}

/** How a stored summary treats its headline; each count is of articles. */
export interface HeadlineCounts {
  articles: number;
  /** A sentence that repeats the headline as the product defines it (repeatsHeadline). */
  repeats: number;
  /** Cross-check, all words as written and nothing else: more than half of the headline's words in order in one sentence. */
  repeatsAllWords: number;
  /** A sentence that is the headline word for word. */
  verbatim: number;
  /** The first sentence opens with a personal pronoun. */
  pronounFirst: number;
}

const PERSON_PRONOUN_FIRST = /^["'“‘(]?(?:he|she|they|his|her|hers|their|theirs|him|them)\b/i;

export function headlineCounts(articles: Pick<StoredArticle, 'title' | 'analysis'>[]): HeadlineCounts {
  const counts: HeadlineCounts = { articles: articles.length, repeats: 0, repeatsAllWords: 0, verbatim: 0, pronounFirst: 0 };
  for (const article of articles) {
    const summary = article.analysis?.summary ?? [];
    const title = tokenize(article.title);
    const same = (sentence: string) => tokenize(sentence).join(' ') === title.join(' ');
    const mostWords = (sentence: string) => title.length >= 2 && 2 * commonSubsequenceLength(title, tokenize(sentence)) > title.length;
    if (summary.some((sentence) => repeatsHeadline(sentence, article.title))) counts.repeats++;
    if (summary.some(mostWords)) counts.repeatsAllWords++;
    if (summary.some(same)) counts.verbatim++;
    if (summary[0] && PERSON_PRONOUN_FIRST.test(summary[0])) counts.pronounFirst++;
  }
  return counts;
}

/** Ingests each split's folder as the CLI does into one temporary store; the stored articles of each split. */
async function ingestPolnear(polnear: string, splits: string[]): Promise<Map<string, StoredArticle[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'nd-eval-summary-'));
  const store = await openStore(join(dir, 'eval.db'));
  const log = createLogger({ level: 'silent' });
  try {
    const bySplit = new Map<string, StoredArticle[]>();
    for (const split of splits) {
      const before = await store.articles.count();
      const counts = await ingestInputs([join(polnear, split, 'text')], { store, log, fetchOptions: {} });
      if (counts.failed.length) console.log(`  ${split}: ${counts.failed.length} texts failed to ingest`);
      const ids = Array.from({ length: await store.articles.count() - before }, (_, i) => before + i + 1);
      bySplit.set(split, await store.articles.getMany(ids));
    }
    return bySplit;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function headlineReport(polnear: string): Promise<void> {
  console.log('\nHeadline repeats in stored summaries: PolNeAR texts through `news-digest ingest <folder>` (ingestInputs), summaries read back from the store');
  console.log('split   articles  repeats  all-words  verbatim  pronoun-first');
  const bySplit = await ingestPolnear(polnear, ['train', 'dev']);
  const rows: Array<[string, StoredArticle[]]> = [...bySplit, ['all', [...bySplit.values()].flat()]];
  for (const [split, articles] of rows) {
    const c = headlineCounts(articles);
    console.log(
      `${split.padEnd(6)} ${String(c.articles).padStart(9)} ${String(c.repeats).padStart(8)} ${String(c.repeatsAllWords).padStart(10)} ${String(c.verbatim).padStart(9)} ${String(c.pronounFirst).padStart(14)}`,
    );
  }
  console.log('(repeats: repeatsHeadline(), the rule the summarizer applies; all-words: more than half of the headline\'s words as written, in order, in one sentence, function words included)');
}

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const evalDir = resolve(process.env.EVAL_DATA_DIR ?? join(here, '..', '..', 'shared', 'eval'));
  const dataDir = join(evalDir, 'cnndm');
  const files: Record<string, Item[]> = {
    'cnn_validation_15.jsonl': loadJsonl(join(dataDir, 'cnn_validation_15.jsonl')),
    'cnn_train_sample_100.csv': loadCsv(join(dataDir, 'cnn_train_sample_100.csv')),
  };
  const sets: Array<[string, Item[]]> = [['all', Object.values(files).flat()], ...Object.entries(files)];
  console.log('ROUGE on CNN/DM: summarize() on the article text, the call ingest makes for every article (no headline: the items have none)');

  const results = new Map<string, Map<string, { r1: number; r2: number; rl: number }>>();
  for (const [setName, items] of sets) {
    console.log(`\n${setName} (${items.length} items)       R-1     R-2  R-Lsum`);
    const perSystem = new Map<string, { r1: number; r2: number; rl: number }>();
    for (const [name, system] of Object.entries(SYSTEMS)) {
      const r = evaluate(items, system);
      perSystem.set(name, r);
      console.log(`  ${name.padEnd(20)} ${r.r1.toFixed(2).padStart(6)}  ${r.r2.toFixed(2).padStart(6)}  ${r.rl.toFixed(2).padStart(6)}`);
    }
    results.set(setName, perSystem);
  }

  // Speed: sentence splitting plus summary, as ingest runs them, after a warm-up pass.
  const articles = sets[0]![1].map((item) => item.article);
  const run = (): number => {
    let sentences = 0;
    for (const article of articles) {
      const split = splitSentences(article);
      sentences += split.length;
      summarize({ text: article, sentences: split }, { context: EVAL_CONTEXT });
    }
    return sentences;
  };
  for (let i = 0; i < 3; i++) run();
  const rounds = 20;
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  let sentences = 0;
  for (let i = 0; i < rounds; i++) sentences += run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const words = mean(articles.map((a) => a.split(/\s+/).length));
  // CPU time is reported too: on a shared machine wall time mostly measures the neighbours.
  console.log(
    `\nspeed (split + summarize, ${articles.length} articles x ${rounds}, mean ${words.toFixed(0)} words, one core): ` +
      `${((1000 * seconds) / (articles.length * rounds)).toFixed(3)} ms/article wall, ` +
      `${((1000 * cpuSeconds) / (articles.length * rounds)).toFixed(3)} ms/article CPU, ` +
      `${Math.round(sentences / seconds)} sentences/s`,
  );

  for (const [setName, perSystem] of results) {
    const ours = perSystem.get('ours')!.r2;
    const lead = perSystem.get('Lead-3')!.r2;
    const cleaned = perSystem.get('Lead-3 (cleaned)')!.r2;
    console.log(
      `${setName}: ours ${ours > lead ? 'BEATS' : 'does NOT beat'} Lead-3 on ROUGE-2 (${ours.toFixed(2)} vs ${lead.toFixed(2)}); ` +
        `vs cleaned Lead-3: ${ours > cleaned ? 'better' : 'not better'} (${cleaned.toFixed(2)})`,
    );
  }

  await headlineReport(join(evalDir, 'polnear'));
}

// Runs when executed, not when imported (tests import parseCsv).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
