// Follow-up answer quality on our own questions over PolNeAR (eval/qa/*.jsonl; see its README).
//
//   npm run eval:qa [-- --verbose] [-- --only who-01,said-03] [-- --db path/to/reuse.db] [-- --calibrate]
//                   [-- --sets tune,heldout]
//
// Eight sets: the tuning half (tune.jsonl), the first held-out half (heldout.jsonl), the fresh
// held-out set (fresh.jsonl, written before the second round's changes), the second fresh set
// (fresh2.jsonl, written before the third round's changes), the third (fresh3.jsonl, written
// before the fourth round's changes), the fourth (fresh4.jsonl, written during the fourth round,
// before its final measurement; studied in the fifth round), the fifth (fresh5.jsonl, written
// during the fifth round, before its final measurement) and the sixth (fresh6.jsonl, written during
// the sixth round, before its final measurement). --sets asks only the sets named: while tuning,
// `--sets tune,heldout,fresh,fresh2,fresh3,fresh4,fresh5` keeps the sixth fresh set out of sight.
// --calibrate sweeps the abstention threshold over the tuning half only (or the sets given with --sets) and prints accuracy,
// "not found" on unanswerable and false "not found" for each: how ANSWER_THRESHOLD was chosen.
//
// Code path measured: the 924 PolNeAR train + dev texts are stored by ingestInputs
// (src/ingest/pipeline.ts, what `news-digest ingest <folder>` runs) into a fresh SQLite store in a
// temporary folder; each question is asked through ask() (src/qa/index.ts), the service that
// `news-digest ask` and the bot's reply handler call, offline, with their default window (7 days).
//
// "Right" (printed with the table):
//   - a question some article answers: the reply is an answer (not "I don't find that"), its text
//     contains one of the question's must_contain_any strings, and one of its sources is the
//     question's article or an article stating the same fact (a sentence with one of those strings
//     and at least half of the answer sentence's content words);
//   - a question no article answers: the reply is "I don't find that".
// The question files are checked first: every answer sentence is in its article, and no sentence
// of the 924 texts holds the words an answer to a "none" question would need.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentToDrafts } from '../src/ingest/document.ts';
import { ingestInputs } from '../src/ingest/pipeline.ts';
import { silentLogger } from '../src/log.ts';
import { splitSentences } from '../src/nlp/sentences.ts';
import { contentTerms } from '../src/nlp/tokens.ts';
import { ask, askOffline, type Answer } from '../src/qa/index.ts';
import { openStore } from '../src/store/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(process.env.EVAL_DATA_DIR ?? join(here, '../../shared/eval'));
const polnear = join(dataDir, 'polnear');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1]!.split(',')) : null;
const reuseDb = args.includes('--db') ? args[args.indexOf('--db') + 1] : undefined;
const calibrate = args.includes('--calibrate');
/** While tuning: only the sets named (e.g. `--sets tune,heldout,fresh,fresh2,fresh3,fresh4,fresh5`), so that the newest set stays unseen. */
type Half = 'tune' | 'heldout' | 'fresh' | 'fresh2' | 'fresh3' | 'fresh4' | 'fresh5' | 'fresh6';
const HALVES: Half[] = ['tune', 'heldout', 'fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6'];
const sets = new Set<Half>(args.includes('--tune-only') ? ['tune'] : args.includes('--sets') ? (args[args.indexOf('--sets') + 1]!.split(',') as Half[]) : HALVES);

export interface QaItem {
  id: string;
  kind: 'said' | 'who' | 'number' | 'date' | 'why' | 'none';
  question: string;
  article: string | null;
  answer_sentence: string | null;
  must_contain_any: string[];
  absent_together?: string[];
}

const KIND_LABELS: Record<string, string> = {
  said: 'what did X say',
  who: 'who / which',
  number: 'numbers and dates',
  why: 'why / how',
  none: 'no article answers',
};
const group = (kind: QaItem['kind']) => (kind === 'date' ? 'number' : kind);

export function loadQuestions(file: string): QaItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as QaItem);
}

/** Case, quote marks and spacing do not matter when comparing answer strings. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'").replace(/''|[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/**
 * The same fact in another article: a sentence of it holds one of the must-contain strings and at
 * least half of the answer sentence's content words (stemmed).
 */
function statesSameFact(item: QaItem, articleText: string): boolean {
  const wanted = new Set(contentTerms(item.answer_sentence ?? ''));
  return splitSentences(articleText).some((sentence) => {
    const normal = normalise(sentence);
    if (!item.must_contain_any.some((m) => normal.includes(normalise(m)))) return false;
    const terms = new Set(contentTerms(sentence));
    return [...wanted].filter((t) => terms.has(t)).length >= wanted.size / 2;
  });
}

export async function isRight(item: QaItem, answer: Answer, expectedId: number | undefined, textOf: (id: number) => Promise<string>): Promise<boolean> {
  if (item.kind === 'none') return !answer.found;
  if (!answer.found) return false;
  const text = normalise(answer.answer);
  if (!item.must_contain_any.some((m) => text.includes(normalise(m)))) return false;
  for (const s of answer.sources) if (s.articleId === expectedId || statesSameFact(item, await textOf(s.articleId))) return true;
  return false;
}

function articleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const split of ['train', 'dev']) {
    const folder = join(polnear, split, 'text');
    for (const f of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) files.set(f.replace(/\.txt$/, ''), join(folder, f));
  }
  return files;
}

/** Every answer sentence is in its article; no sentence of any text holds what a "none" answer would need. */
function checkQuestions(items: QaItem[], files: Map<string, string>): string[] {
  const problems: string[] = [];
  const texts = [...files.values()].map((f) => readFileSync(f, 'utf8'));
  const sentences = texts.flatMap((t) => t.split(/(?<=[.!?])\s+|\n+/)).map((s) => s.toLowerCase());
  for (const item of items) {
    if (item.kind === 'none') {
      const words = (item.absent_together ?? []).map((w) => w.toLowerCase());
      if (!words.length) problems.push(`${item.id}: no absent_together words`);
      else if (sentences.some((s) => words.every((w) => s.includes(w)))) problems.push(`${item.id}: some sentence holds ${words.join(' + ')}`);
      continue;
    }
    const file = item.article ? files.get(item.article) : undefined;
    if (!file) {
      problems.push(`${item.id}: no article ${item.article}`);
      continue;
    }
    if (!normalise(readFileSync(file, 'utf8')).includes(normalise(item.answer_sentence ?? ''))) problems.push(`${item.id}: answer sentence not in ${item.article}`);
  }
  return problems;
}

interface Result {
  item: QaItem;
  answer: Answer;
  right: boolean;
}

function table(title: string, results: Result[]): string {
  const lines = [`\n${title}`, '| kind | questions | right | accuracy |', '|---|---|---|---|'];
  for (const kind of ['said', 'who', 'number', 'why', 'none']) {
    const of = results.filter((r) => group(r.item.kind) === kind);
    if (!of.length) continue;
    const right = of.filter((r) => r.right).length;
    lines.push(`| ${KIND_LABELS[kind]} | ${of.length} | ${right} | ${(right / of.length).toFixed(2)} |`);
  }
  const right = results.filter((r) => r.right).length;
  lines.push(`| **overall** | ${results.length} | ${right} | **${(right / Math.max(1, results.length)).toFixed(2)}** |`);
  const none = results.filter((r) => r.item.kind === 'none');
  const answerable = results.filter((r) => r.item.kind !== 'none');
  const abstained = none.filter((r) => !r.answer.found).length;
  const falseAbstentions = answerable.filter((r) => !r.answer.found).length;
  lines.push(
    '',
    `"not found" on questions no article answers: ${abstained} of ${none.length} = ${(abstained / Math.max(1, none.length)).toFixed(2)} (target >= 0.9)`,
    `false "not found" on answerable questions: ${falseAbstentions} of ${answerable.length} = ${(falseAbstentions / Math.max(1, answerable.length)).toFixed(2)} (target <= 0.1)`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const load = (half: Half) => loadQuestions(join(here, 'qa', `${half}.jsonl`)).map((item) => ({ item, half }));
  const tune = load('tune');
  const all = HALVES.filter((half) => sets.has(half))
    .flatMap(load)
    .filter(({ item }) => !only || only.has(item.id));
  const files = articleFiles();
  const problems = checkQuestions(all.map((x) => x.item), files);
  if (problems.length) {
    console.error(`question files have problems:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }

  const dir = reuseDb ? undefined : mkdtempSync(join(tmpdir(), 'nd-eval-qa-'));
  const store = await openStore(reuseDb ?? join(dir!, 'qa.db'));
  try {
    let started = performance.now();
    if (!await store.articles.count()) {
      const counts = await ingestInputs([join(polnear, 'train', 'text'), join(polnear, 'dev', 'text')], { store, log: silentLogger, fetchOptions: { timeoutMs: 1000, maxBytes: 10_000_000 } });
      console.log(`ingested ${files.size} texts in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts.new} new, ${counts.nearDuplicate} near-duplicates, ${counts.duplicate} duplicates, ${counts.failed.length} failed`);
    }
    // The stored article of each PolNeAR file: the one with the text its raw-text parse gives.
    const byText = new Map((await store.articles.recent({ limit: 100_000 })).map((a) => [a.text, a.id]));
    const idOf = (name: string | null): number | undefined => {
      const file = name ? files.get(name) : undefined;
      return file ? byText.get(documentToDrafts(readFileSync(file), { name: file })[0]!.text) : undefined;
    };
    const textOf = async (id: number) => (await store.articles.get(id))?.text ?? '';

    const now = new Date();
    const scope = { since: new Date(now.getTime() - 7 * 86_400_000), now };
    if (calibrate) {
      // The tuning half alone, or the sets named with --sets (the ones tuned on).
      const items = args.includes('--sets') ? all.map((t) => t.item) : tune.map((t) => t.item);
      console.log(`\nAbstention threshold sweep on ${args.includes('--sets') ? [...sets].join(', ') : 'the tuning half (eval/qa/tune.jsonl)'} only:`);
      console.log('| threshold | accuracy | "not found" on unanswerable | false "not found" |\n|---|---|---|---|');
      for (let threshold = 0.2; threshold <= 0.6001; threshold += 0.025) {
        const rows: { item: QaItem; answer: Answer }[] = [];
        for (const item of items) rows.push({ item, answer: (await askOffline(store, item.question, scope, threshold)).answer });
        let right = 0;
        for (const r of rows) if (await isRight(r.item, r.answer, idOf(r.item.article), textOf)) right++;
        const none = rows.filter((r) => r.item.kind === 'none');
        const answerable = rows.filter((r) => r.item.kind !== 'none');
        const fmt = (n: number, of: number) => (n / Math.max(1, of)).toFixed(2);
        console.log(`| ${threshold.toFixed(2)} | ${fmt(right, rows.length)} | ${fmt(none.filter((r) => !r.answer.found).length, none.length)} | ${fmt(answerable.filter((r) => !r.answer.found).length, answerable.length)} |`);
      }
      return;
    }
    started = performance.now();
    const results: (Result & { half: Half })[] = [];
    for (const { item, half } of all) {
      const answer = await ask({ store }, item.question, scope);
      const right = await isRight(item, answer, idOf(item.article), textOf);
      results.push({ item, answer, right, half });
      if (verbose || only) {
        console.log(`\n${right ? 'RIGHT' : 'WRONG'} ${item.id} [${half}] ${item.question}`);
        console.log(`  answer: ${answer.answer.slice(0, 400)}`);
        if (!right && item.answer_sentence) console.log(`  wanted: ${item.answer_sentence} (${item.article}, id ${idOf(item.article)})`);
        console.log(`  sources: ${answer.sources.map((s) => `${s.articleId} ${s.title.slice(0, 60)}`).join(' | ')}`);
        const { passages } = await askOffline(store, item.question, scope);
        for (const p of passages.slice(0, only ? 6 : 3)) {
          console.log(`  ${p.score.toFixed(3)} #${p.article.id} ${JSON.stringify(Object.fromEntries(Object.entries(p.parts).map(([k, v]) => [k, Number(v.toFixed(2))])))} ${p.text.slice(0, 160)}`);
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log('\nFollow-up answers: our questions over 924 PolNeAR train + dev texts');
    console.log('Code path: ask() in src/qa/index.ts (what `news-digest ask` and the bot call), offline, window 7 days; articles stored by ingestInputs (`news-digest ingest`).');
    console.log('Right = an answer (not "not found") that contains one of must_contain_any and cites the question\'s article, or another article stating the same fact (a sentence with one of those strings and at least half of the answer sentence\'s content words); for questions no article answers, "not found".');
    const titles: Record<Half, string> = {
      tune: 'Tuning half (eval/qa/tune.jsonl)',
      heldout: 'First held-out half (eval/qa/heldout.jsonl; its failure classes were studied in the second round)',
      fresh: 'Fresh held-out set (eval/qa/fresh.jsonl, written before the second round; its failures were studied in the third round)',
      fresh2: 'Second fresh set (eval/qa/fresh2.jsonl, written before the third round; looked at while tuning since)',
      fresh3: 'Third fresh set (eval/qa/fresh3.jsonl, written before the fourth round; its failures were studied in the fourth round)',
      fresh4: 'Fourth fresh set (eval/qa/fresh4.jsonl, written during the fourth round before its final measurement; its failures were studied in the fifth round)',
      fresh5: 'Fifth fresh set (eval/qa/fresh5.jsonl, written during the fifth round before its final measurement; tuned on in the sixth round)',
      fresh6: 'Sixth fresh set (eval/qa/fresh6.jsonl, written during the sixth round before its final measurement, never tuned on)',
    };
    const halves = HALVES.filter((half) => results.some((r) => r.half === half));
    if (!only && halves.length > 1) {
      for (const half of halves) {
        const of = results.filter((r) => r.half === half);
        console.log(table(`${titles[half]}, ${of.length} questions`, of));
      }
    }
    console.log(table(`All ${results.length} questions`, results));
    console.log(`\n${results.length} questions answered in ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, results.length)).toFixed(0)} ms each, ${await store.articles.count()} articles)`);
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
