// /summary latency at 100,000 articles: the compute of the bot's /summary <topic> (select:
// FTS5 search, then the stored stories of the hits, compose, render to Telegram HTML), no network, for 50 topics
// (the named entities most often found in the titles and summaries of the 3,000 newest articles), on the
// store built by bench/store100k.ts (cached in bench/out/). Window and story count as the
// bot's defaults: the last 24 hours, 6 stories. Also: database size and peak RSS of this process.
// Run: npx tsx bench/summary.ts   (BENCH_QUICK=1: 20,000 articles, fewer iterations)
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Bench } from 'tinybench';
import { buildDigest } from '../src/digest/index.ts';
import { renderTelegram } from '../src/digest/render.ts';
import { namedEntities } from '../src/nlp/tokens.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { PROJECT_ROOT, QUICK, cpuMsSince, fmt, isMain, load1, machineLine, mb, peakRss, percentile, printTable, resetPeakRss, samplesOf, saveTables, type Table } from './common.ts';
import { BENCH_DATABASE_URL, BENCH_NOW, storeNote, storePath } from './store100k.ts';

export const ARTICLES = Number(process.env.BENCH_ARTICLES ?? (QUICK ? 20_000 : 100_000));
const TOPICS = 50;
const P95_TARGET_MS = 50;
const WINDOW_HOURS = 24;
const MAX_STORIES = 6;

/** Builds the store in a child process (so this process's peak RSS is the query side only). */
/** With BENCH_DATABASE_URL: that database, which `npx tsx bench/store100k.ts` has built (it is not built here). */
export function ensureStoreInChild(count: number): { path: string; built: boolean; buildSeconds?: number } {
  if (BENCH_DATABASE_URL) return { path: BENCH_DATABASE_URL, built: false };
  const path = storePath(count);
  if (existsSync(path) && !/^(1|true|yes)$/i.test(process.env.BENCH_REBUILD ?? '')) return { path, built: false };
  console.log(`building the ${count}-article store (once; cached as ${path}) ...`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, 'bench', 'store100k.ts'), String(count)], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`store build failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as { path: string; built: boolean; buildSeconds?: number };
}

/** The named entities most often found in the newest 3,000 titles and summaries (one count per distinct title). */
export async function frequentTopics(store: Store, count: number): Promise<string[]> {
  const since = new Date(BENCH_NOW.getTime() - 7 * 86_400_000).toISOString();
  const seen = new Set<string>();
  const frequency = new Map<string, number>();
  for (const article of await store.articles.recent({ since, limit: 3_000 })) {
    if (seen.has(article.title)) continue;
    seen.add(article.title);
    for (const entity of new Set(namedEntities(`${article.title}. ${article.analysis?.summary.join(' ') ?? ''}`))) {
      if (entity.length < 3 || entity.split(' ').length > 3) continue;
      frequency.set(entity, (frequency.get(entity) ?? 0) + 1);
    }
  }
  return [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([entity]) => entity);
}

/** What /summary computes for one topic, as the bot does it (src/bot/index.ts replyWithSummary + sendDigest). */
export async function summaryCompute(store: Store, topic: string): Promise<{ stories: number; messages: number }> {
  const digest = await buildDigest(store, { topic, since: new Date(BENCH_NOW.getTime() - WINDOW_HOURS * 3_600_000), now: BENCH_NOW, maxStories: MAX_STORIES });
  const messages = renderTelegram(digest);
  return { stories: digest.stories.length, messages: messages.length };
}

export async function runSummaryBench(): Promise<Table[]> {
  const loadStart = load1();
  const build = ensureStoreInChild(ARTICLES);
  const dbBytes = ['', '-wal'].reduce((sum, s) => sum + (existsSync(build.path + s) ? statSync(build.path + s).size : 0), 0);
  const rssBefore = process.memoryUsage().rss;
  const store = await openStore(build.path);
  try {
    const articles = await store.articles.count();
    if (!articles) throw new Error(`no articles in ${build.path}: build the store first (npx tsx bench/store100k.ts)`);
    const topics = await frequentTopics(store, TOPICS);
    const peakBefore = peakRss();
    const reset = resetPeakRss();
    // A first pass, timed by hand: caches cold (SQLite pages, stems).
    // One at a time: each time is one request's alone.
    const cold: number[] = [];
    for (const topic of topics) {
      const started = performance.now();
      await summaryCompute(store, topic);
      cold.push(performance.now() - started);
    }
    let next = 0;
    const stories: number[] = [];
    const perTopic = new Map<string, number[]>();
    const bench = new Bench({
      iterations: topics.length * (QUICK ? 1 : 4),
      time: 0,
      warmupIterations: topics.length,
      warmupTime: 0,
      retainSamples: true,
      throws: true,
    });
    // tinybench keeps its samples sorted; the call order (for per-topic figures) is kept here.
    const calls: { topic: string; ms: number; cpuMs: number }[] = [];
    bench.add('summary', async () => {
      const topic = topics[next++ % topics.length]!;
      const started = performance.now();
      const cpu = process.cpuUsage();
      stories.push((await summaryCompute(store, topic)).stories);
      calls.push({ topic, ms: performance.now() - started, cpuMs: cpuMsSince(cpu) });
    });
    await bench.run();
    const samples = samplesOf(bench.tasks[0]!);
    // The first topics.length calls are tinybench's warm-up.
    for (const { topic, ms } of calls.slice(topics.length)) perTopic.set(topic, [...(perTopic.get(topic) ?? []), ms]);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    const slowest = [...perTopic].map(([t, v]) => [t, percentile(v, 50)] as const).sort((a, b) => b[1] - a[1]).slice(0, 3);
    const cpuMs = calls.slice(topics.length).map((c) => c.cpuMs);
    const peak = peakRss();
    const table: Table = {
      title: `/summary compute on ${articles} articles (${build.built ? `built in ${fmt(build.buildSeconds ?? 0, 0)} s this run` : 'cached store'}): ${topics.length} topics x ${samples.length / topics.length} after a cold pass and a warm-up pass (tinybench); window ${WINDOW_HOURS} h, ${MAX_STORIES} stories`,
      rows: [
        {
          what: '/summary <topic>: select (search + stored stories) + compose + render (Telegram HTML)',
          median: `${fmt(p50, 1)} ms`,
          p95: `${fmt(p95, 1)} ms`,
          target: `p95 <= ${P95_TARGET_MS} ms`,
          met: p95 <= P95_TARGET_MS,
          note: `max ${fmt(Math.max(...samples), 1)} ms; slowest topics (median): ${slowest.map(([t, v]) => `${t} ${fmt(v, 0)} ms`).join(', ')}`,
        },
        {
          what: 'the same calls, CPU time of the process (user + system)',
          median: `${fmt(percentile(cpuMs, 50), 1)} ms`,
          p95: `${fmt(percentile(cpuMs, 95), 1)} ms`,
          note: 'steadier than wall time when other processes share the cores',
        },
        {
          what: 'the same, first pass over the topics (cold caches)',
          median: `${fmt(percentile(cold, 50), 1)} ms`,
          p95: `${fmt(percentile(cold, 95), 1)} ms`,
          note: 'before the warm-up: SQLite pages, stem memos cold',
        },
        { what: 'the store (bench/store100k.ts)', median: `${articles} articles`, note: storeNote(build.path) },
        { what: 'stories per digest', median: String(percentile(stories, 50)), note: `min ${Math.min(...stories)}, max ${Math.max(...stories)}` },
        ...(dbBytes ? [{ what: 'database size (SQLite file + WAL)', median: mb(dbBytes), note: `${fmt(dbBytes / articles / 1024, 1)} KB/article incl. FTS5 index and stored analysis` }] : []),
        {
          what: reset ? 'peak RSS of the process while the queries run' : 'peak RSS of the benchmark process',
          median: mb(peak),
          note: `RSS ${mb(rssBefore)} before opening the store${reset ? `; ${mb(peakBefore)} peak before, while choosing the topics` : ''}`,
        },
      ],
      load: [loadStart, load1()],
    };
    printTable(table);
    console.log(`topics: ${topics.join(', ')}`);
    return [table];
  } finally {
    await store.close();
  }
}

if (isMain(import.meta.url)) {
  console.log(machineLine());
  const tables = await runSummaryBench();
  saveTables('summary', tables);
}
