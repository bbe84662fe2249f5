// `ask` latency at 100,000 articles: the compute of a follow-up answer as the bot gives it
// (question analysis, FTS5 candidates, passage ranking, the answer, its Telegram HTML), offline,
// no network, on the store built by bench/store100k.ts (cached in bench/out/). The questions are
// our own 80 from eval/qa/ (chat-style, about 2016 US politics like the store's texts), in the
// default window of 7 days before the store's "now"; a question that the window does not answer
// goes on to older articles, as in the product.
// Run: npx tsx bench/ask.ts   (BENCH_QUICK=1: 20,000 articles, fewer iterations)
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Bench } from 'tinybench';
import { answerHtml } from '../src/bot/views.ts';
import { askOffline } from '../src/qa/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { PROJECT_ROOT, QUICK, cpuMsSince, fmt, isMain, load1, machineLine, mb, percentile, printTable, saveTables, samplesOf, type Table } from './common.ts';
import { BENCH_NOW, storeNote } from './store100k.ts';
import { ARTICLES, ensureStoreInChild } from './summary.ts';

const P95_TARGET_MS = 100;
const WINDOW_DAYS = 7;

function questions(): string[] {
  return ['tune.jsonl', 'heldout.jsonl'].flatMap((file) =>
    readFileSync(resolve(PROJECT_ROOT, 'eval', 'qa', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { question: string }).question),
  );
}

/** What the bot computes for a question (src/bot/index.ts answerQuestion, offline): the answer and its HTML. */
export async function askCompute(store: Store, question: string): Promise<{ found: boolean; older: boolean }> {
  const answer = (await askOffline(store, question, { since: new Date(BENCH_NOW.getTime() - WINDOW_DAYS * 86_400_000), now: BENCH_NOW })).answer;
  answerHtml(answer, BENCH_NOW);
  return { found: answer.found, older: answer.age !== undefined };
}

export async function runAskBench(): Promise<Table[]> {
  const loadStart = load1();
  const build = ensureStoreInChild(ARTICLES);
  const dbBytes = ['', '-wal'].reduce((sum, s) => sum + (existsSync(build.path + s) ? statSync(build.path + s).size : 0), 0);
  const store = await openStore(build.path);
  try {
    const articles = await store.articles.count();
    if (!articles) throw new Error(`no articles in ${build.path}: build the store first (npx tsx bench/store100k.ts)`);
    const asked = questions();
    // A first pass, timed by hand: caches cold (SQLite pages, stems, sentence splits).
    // One at a time: each time is one request's alone.
    const cold: number[] = [];
    for (const q of asked) {
      const started = performance.now();
      await askCompute(store, q);
      cold.push(performance.now() - started);
    }
    let next = 0;
    let found = 0;
    let older = 0;
    const bench = new Bench({ iterations: asked.length * (QUICK ? 1 : 3), time: 0, warmupIterations: asked.length, warmupTime: 0, retainSamples: true, throws: true });
    const calls: { question: string; ms: number; cpuMs: number }[] = [];
    bench.add('ask', async () => {
      const question = asked[next++ % asked.length]!;
      const started = performance.now();
      const cpu = process.cpuUsage();
      const result = await askCompute(store, question);
      calls.push({ question, ms: performance.now() - started, cpuMs: cpuMsSince(cpu) });
      if (result.found) found++;
      if (result.older) older++;
    });
    await bench.run();
    const samples = samplesOf(bench.tasks[0]!);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    const cpuMs = calls.slice(asked.length).map((c) => c.cpuMs);
    const perQuestion = new Map<string, number[]>();
    for (const { question, ms } of calls.slice(asked.length)) perQuestion.set(question, [...(perQuestion.get(question) ?? []), ms]);
    const slowest = [...perQuestion].map(([q, v]) => [q, percentile(v, 50)] as const).sort((a, b) => b[1] - a[1]).slice(0, 3);
    const table: Table = {
      title: `ask compute on ${articles} articles (${build.built ? `built in ${fmt(build.buildSeconds ?? 0, 0)} s this run` : 'cached store'}): ${asked.length} questions x ${samples.length / asked.length} after a cold pass and a warm-up pass (tinybench); window ${WINDOW_DAYS} days, then older articles`,
      rows: [
        {
          what: 'ask "<question>": analysis + FTS5 candidates + passage ranking + answer + Telegram HTML',
          median: `${fmt(p50, 1)} ms`,
          p95: `${fmt(p95, 1)} ms`,
          target: `p95 <= ${P95_TARGET_MS} ms`,
          met: p95 <= P95_TARGET_MS,
          note: `max ${fmt(Math.max(...samples), 1)} ms; slowest (median): ${slowest.map(([q, v]) => `"${q.slice(0, 40)}" ${fmt(v, 0)} ms`).join(', ')}`,
        },
        {
          what: 'the same calls, CPU time of the process (user + system)',
          median: `${fmt(percentile(cpuMs, 50), 1)} ms`,
          p95: `${fmt(percentile(cpuMs, 95), 1)} ms`,
          note: 'steadier than wall time when other processes share the cores',
        },
        {
          what: 'the same, first pass over the questions (cold caches)',
          median: `${fmt(percentile(cold, 50), 1)} ms`,
          p95: `${fmt(percentile(cold, 95), 1)} ms`,
          note: 'before the warm-up: SQLite pages, stem and sentence-split memos cold',
        },
        {
          what: 'answered / from older articles',
          median: `${fmt((100 * found) / Math.max(1, calls.length), 0)}% / ${fmt((100 * older) / Math.max(1, calls.length), 0)}%`,
          note: `of ${calls.length} calls; the rest "I don't find that"`,
        },
        { what: 'the store (bench/store100k.ts)', median: `${articles} articles`, note: storeNote(build.path) },
        ...(dbBytes ? [{ what: 'database size (SQLite file + WAL)', median: mb(dbBytes) }] : []),
      ],
      load: [loadStart, load1()],
    };
    printTable(table);
    return [table];
  } finally {
    await store.close();
  }
}

if (isMain(import.meta.url)) {
  console.log(machineLine());
  const tables = await runAskBench();
  saveTables('ask', tables);
}
