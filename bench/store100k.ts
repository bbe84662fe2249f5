// The 100,000-article store the /summary, ask and memory benchmarks run against: distinct
// synthetic articles written from the real sentences of the PolNeAR train and dev texts (924
// articles, 2016 US politics) by bench/synthetic-corpus.ts, ingested the way a user ingests an
// archive: `news-digest ingest --format jsonl` (the CLI as a child process: parse, analyse in
// worker threads, dedup, store, FTS5 index, story assignment), and cached in bench/out/ under a
// hash of its inputs (builder version, seed, count, schema, the generator's source, the texts).
//
// After the ingest it counts what our own dedup and clustering made of the corpus (new,
// duplicate and near-duplicate statuses, distinct texts, stories) and writes them with the
// build time beside the store (<store>.json), so the benches and docs can quote them.
//
// Run: npx tsx bench/store100k.ts [count]   (BENCH_SEED: another corpus; BENCH_REBUILD=1: rebuild)
// BENCH_DATABASE_URL=postgres://... builds it into that empty PostgreSQL database instead (not
// cached: run it once), and bench/summary.ts and bench/ask.ts then query that database.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { documentToDrafts } from '../src/ingest/document.ts';
import { isPostgresUrl, openStore } from '../src/store/index.ts';
import { migrations } from '../src/store/sqlite/migrations.ts';
import { DATA_DIR, OUT_DIR, PROJECT_ROOT, isMain } from './common.ts';
import { prepareCorpus, syntheticArticles, type SourceText } from './synthetic-corpus.ts';

/** The benchmark's "now": the end of the 30 days of articles. Fixed, so runs are comparable. */
export const BENCH_NOW = new Date('2025-06-30T12:00:00Z');
export const DAYS = 30;
/** The corpus seed (printed by every build); BENCH_SEED picks another corpus. */
export const SEED = Number(process.env.BENCH_SEED ?? 20_261_205);
/** Bump when the way the store is built changes: cached stores of older versions are rebuilt. */
const BUILDER_VERSION = 3;
const SPLITS = ['train', 'dev'];

function sourceFiles(): string[] {
  return SPLITS.flatMap((split) =>
    readdirSync(resolve(DATA_DIR, 'polnear', split, 'text'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(split, 'text', f)),
  );
}

export function loadSourceTexts(): SourceText[] {
  return sourceFiles().map((file) => {
    const draft = documentToDrafts(readFileSync(resolve(DATA_DIR, 'polnear', file)), { name: file })[0]!;
    return { name: file, title: draft.title, text: draft.text };
  });
}

/** Identifies a build: everything the store's content depends on. */
function buildKey(count: number): string {
  const generator = readFileSync(resolve(PROJECT_ROOT, 'bench', 'synthetic-corpus.ts'), 'utf8');
  return createHash('sha256')
    .update(JSON.stringify({ BUILDER_VERSION, SEED, count, DAYS, now: BENCH_NOW, schema: migrations.map((m) => [m.version, m.sql]), generator, files: sourceFiles() }))
    .digest('hex')
    .slice(0, 12);
}

export function storePath(count: number): string {
  return resolve(OUT_DIR, `store-${count}-${buildKey(count)}.db`);
}

/**
 * BENCH_DATABASE_URL (postgres://...): the benches build the store into that (empty) database and
 * query it there, through openStore as the product does; else they use the cached SQLite file.
 */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL?.trim() || undefined;

/** The build report beside a SQLite store, or for the PostgreSQL database under bench/out/. */
function reportFile(target: string): string {
  return isPostgresUrl(target) ? resolve(OUT_DIR, 'store-postgres.json') : `${target}.json`;
}

/** What the build measured and found (saved beside the store as <store>.json). */
export interface BuildReport {
  seed: number;
  articles: number;
  ingestSeconds: number;
  articlesPerSecond: number;
  /** Load average (1 min) at the start and end of the ingest. */
  load: [number, number];
  /** The ingest's own counts: `news-digest ingest --json`. */
  counts: { new: number; duplicate: number; nearDuplicate: number; failed: number };
  /** Counted in the store afterwards (distinct texts and stories: in the SQLite file only). */
  stored: number;
  distinctTexts?: number;
  stories?: number;
  storiesWithSeveralOutlets?: number;
  events: number;
  /** The store the report is of: the SQLite file, or "postgres". */
  engine?: string;
}

export function buildReportOf(target: string): BuildReport | undefined {
  const file = reportFile(target);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildReport) : undefined;
}

/** One line on what the store holds, for the benches' tables (empty for a store built before the report existed). */
export function storeNote(target: string): string {
  const r = buildReportOf(target);
  if (!r) return '';
  const near = (100 * (r.counts.nearDuplicate + r.counts.duplicate)) / r.articles;
  const counted = r.distinctTexts !== undefined ? `${r.distinctTexts} distinct texts, ` : '';
  const stories = r.stories !== undefined ? `, ${r.stories} stories` : '';
  return `${isPostgresUrl(target) ? 'PostgreSQL, ' : ''}seed ${r.seed}: ${counted}${near.toFixed(1)}% near-duplicates or duplicates${stories} of ${r.events} events; ingested at ${r.articlesPerSecond.toFixed(0)} articles/s (load average ${r.load.map((l) => l.toFixed(1)).join('-')})`;
}

/** Writes the corpus as JSON Lines, article by article (never the whole corpus in memory). */
function writeCorpus(file: string, count: number): number {
  const corpus = prepareCorpus(loadSourceTexts());
  const fd = openSync(file, 'w');
  const events = new Set<string>();
  try {
    for (const article of syntheticArticles(corpus, { seed: SEED, count, now: BENCH_NOW, days: DAYS })) {
      events.add(/-e(\d+)-\d+$/.exec(article.url)![1]!);
      writeSync(fd, `${JSON.stringify(article)}\n`);
    }
  } finally {
    closeSync(fd);
  }
  return events.size;
}

/** Stories and distinct texts as the store counts them. */
function storeCounts(path: string): Pick<BuildReport, 'stored' | 'distinctTexts' | 'stories' | 'storiesWithSeveralOutlets'> {
  const db = new Database(path);
  try {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      stored: one('SELECT count(*) FROM articles'),
      distinctTexts: one('SELECT count(DISTINCT text_hash) FROM articles'),
      stories: one('SELECT count(*) FROM stories WHERE merged_into IS NULL'),
      storiesWithSeveralOutlets: one('SELECT count(*) FROM stories WHERE merged_into IS NULL AND outlet_count > 1'),
    };
  } finally {
    db.close();
  }
}

/** `news-digest ingest --format jsonl --json` of the corpus into `target` (a file or a postgres:// URL), as a user runs it. */
export function ingestCorpus(target: string, corpusFile: string): { counts: BuildReport['counts']; ingestSeconds: number; load: [number, number] } {
  const load: [number, number] = [loadavg()[0]!, 0];
  const started = performance.now();
  const child = spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'bin', 'news-digest.js'), 'ingest', '--db', target, '--format', 'jsonl', '--json', corpusFile], {
    cwd: PROJECT_ROOT,
    // Warnings and errors only: a bulk ingest logs every story merge at info level.
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  const ingestSeconds = (performance.now() - started) / 1000;
  load[1] = loadavg()[0]!;
  if (child.status !== 0) throw new Error(`news-digest ingest failed (exit ${child.status}): ${child.stdout.slice(-2000)}`);
  const counts = JSON.parse(child.stdout.trim().split('\n').pop()!) as { new: number; duplicate: number; nearDuplicate: number; failed: unknown[] };
  return { counts: { new: counts.new, duplicate: counts.duplicate, nearDuplicate: counts.nearDuplicate, failed: counts.failed.length }, ingestSeconds, load };
}

function summaryLine(target: string, report: BuildReport, seconds: number): string {
  const { counts } = report;
  return (
    `store: built ${target} in ${seconds.toFixed(0)} s (ingest ${report.ingestSeconds.toFixed(0)} s, ${report.articlesPerSecond.toFixed(0)} articles/s, load average ${report.load.map((l) => l.toFixed(2)).join(' -> ')}); ` +
    `${counts.new} new, ${counts.nearDuplicate} near-duplicates, ${counts.duplicate} duplicates, ${counts.failed} failed; ` +
    (report.stories !== undefined ? `${report.distinctTexts} distinct texts, ${report.stories} stories (${report.storiesWithSeveralOutlets} from several outlets) ` : `${report.stored} stored `) +
    `of ${report.events} events`
  );
}

/** Writes the corpus to a temporary JSON Lines file beside `name` and ingests it; the file is removed after. */
function buildFrom(name: string, count: number, target: string, say: (line: string) => void): { report: Omit<BuildReport, 'stored'>; started: number } {
  mkdirSync(OUT_DIR, { recursive: true });
  const started = performance.now();
  const corpusFile = `${name}.corpus.jsonl`;
  try {
    const events = writeCorpus(corpusFile, count);
    say(`store: seed ${SEED}: ${count} articles of ${events} events written to ${corpusFile} in ${((performance.now() - started) / 1000).toFixed(1)} s; ingesting into ${target}`);
    const { counts, ingestSeconds, load } = ingestCorpus(target, corpusFile);
    return { report: { seed: SEED, articles: count, ingestSeconds, articlesPerSecond: count / ingestSeconds, load, counts, events }, started };
  } finally {
    rmSync(corpusFile, { force: true });
  }
}

/** Builds (or finds cached) the SQLite store of `count` articles; returns its path. */
export function ensureStore(count: number, options: { log?: (line: string) => void } = {}): { path: string; built: boolean; buildSeconds?: number } {
  const path = storePath(count);
  if (existsSync(path) && !/^(1|true|yes)$/i.test(process.env.BENCH_REBUILD ?? '')) return { path, built: false };
  const say = options.log ?? ((line: string) => console.error(line));
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  const { report: built, started } = buildFrom(path, count, partial, say);
  const report: BuildReport = { ...built, ...storeCounts(partial), engine: 'sqlite' };
  // Counting opened the file again: its WAL index goes, the WAL was checkpointed on close.
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  renameSync(partial, path);
  writeFileSync(reportFile(path), `${JSON.stringify(report, null, 2)}\n`);
  const buildSeconds = (performance.now() - started) / 1000;
  say(`${summaryLine(path, report, buildSeconds)}; ${(statSync(path).size / 2 ** 20).toFixed(0)} MB`);
  return { path, built: true, buildSeconds };
}

/** Builds the store of `count` articles into the (empty) PostgreSQL database at `url`, through the same ingest. */
export async function buildPostgresStore(url: string, count: number, say: (line: string) => void = (line) => console.error(line)): Promise<{ path: string; built: boolean; buildSeconds: number }> {
  const before = await openStore(url);
  try {
    const stored = await before.articles.count();
    if (stored) throw new Error(`the database at BENCH_DATABASE_URL already holds ${stored} articles: give the benchmark an empty one`);
  } finally {
    await before.close();
  }
  const { report: built, started } = buildFrom(resolve(OUT_DIR, `store-${count}-${buildKey(count)}-postgres`), count, url, say);
  const after = await openStore(url);
  const report: BuildReport = { ...built, stored: await after.articles.count(), engine: 'postgres' };
  await after.close();
  writeFileSync(reportFile(url), `${JSON.stringify(report, null, 2)}\n`);
  const buildSeconds = (performance.now() - started) / 1000;
  say(summaryLine('the PostgreSQL database', report, buildSeconds));
  return { path: url, built: true, buildSeconds };
}

if (isMain(import.meta.url)) {
  const count = Number(process.argv[2] ?? 100_000);
  console.error(`store: seed ${SEED}`);
  const result = BENCH_DATABASE_URL ? await buildPostgresStore(BENCH_DATABASE_URL, count) : ensureStore(count);
  console.log(JSON.stringify(result));
}
