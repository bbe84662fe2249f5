// Store ingest rate on each engine: the 840 PolNeAR train texts are prepared (parsed and
// analysed) in-process once, then stored as a bulk ingest stores them (dedup, rows, search index,
// story assignment; STORE_BATCH articles per transaction) into a fresh SQLite file and, when
// DATABASE_URL names a PostgreSQL server, into a fresh database on it (created and dropped here;
// the URL's user needs CREATEDB). Wall time of the store part only, best of ROUNDS.
// Run: DATABASE_URL=postgres://user@127.0.0.1:5432/postgres npx tsx bench/ingest-store.ts
// (BENCH_STORE_DATABASE names the scratch database, default news_digest_bench_store: two people
// benchmarking on one server each use their own.) On PostgreSQL it also counts the statements
// sent per article (round trips: each waits for the server's answer).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { STORE_BATCH } from '../src/ingest/pipeline.ts';
import { prepareDocument, type PreparedArticle } from '../src/ingest/prepare.ts';
import { AnalysisContext } from '../src/nlp/context.ts';
import { openStore } from '../src/store/index.ts';
import { DATA_DIR, QUICK, fmt, load1, machineLine } from './common.ts';
import { freshDatabase, serverCpuMs, statementsSent } from './pg-statements.ts';

const ROUNDS = QUICK ? 1 : 2;
const BENCH_DATABASE = process.env.BENCH_STORE_DATABASE ?? 'news_digest_bench_store';

interface Run {
  ms: number;
  stored: number;
  statements: number;
  /** CPU ms of this process, and of the PostgreSQL server's processes for the store's database. */
  cpuMs: number;
  serverCpuMs?: number;
}

async function storeAll(target: string, prepared: PreparedArticle[]): Promise<Run> {
  const store = await openStore(target);
  const database = store.engine === 'postgres' ? new URL(target).pathname.slice(1) : undefined;
  try {
    const start = performance.now();
    const statementsBefore = statementsSent();
    const cpu = process.cpuUsage();
    const serverBefore = database && serverCpuMs(database);
    for (let i = 0; i < prepared.length; i += STORE_BATCH) {
      await store.transaction(async (tx) => {
        for (const { draft, analysis, keys, storyFeatures } of prepared.slice(i, i + STORE_BATCH)) await tx.articles.insert(draft, { analysis, keys, storyFeatures });
      });
    }
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const serverAfter = database && serverCpuMs(database);
    const serverCpu = typeof serverBefore === 'number' && typeof serverAfter === 'number' ? serverAfter - serverBefore : undefined;
    return { ms, stored: await store.articles.count(), statements: statementsSent() - statementsBefore, cpuMs: (used.user + used.system) / 1000, serverCpuMs: serverCpu };
  } finally {
    await store.close();
  }
}

console.log(machineLine());
const folder = resolve(DATA_DIR, 'polnear', 'train', 'text');
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().slice(0, QUICK ? 150 : undefined);
const context = new AnalysisContext();
const prepared = files.flatMap((f) => prepareDocument(new Uint8Array(readFileSync(join(folder, f))), { name: f }, context));
const engines: [string, () => Promise<{ target: string; cleanup: () => void }>][] = [
  ['sqlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'news-digest-bench-store-'));
    return { target: join(dir, 'news.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }],
];
const url = process.env.DATABASE_URL;
if (url) engines.push(['postgres', async () => ({ target: await freshDatabase(url, BENCH_DATABASE), cleanup: () => {} })]);
else console.log('DATABASE_URL not set: SQLite only');
for (const [name, fresh] of engines) {
  let best = Infinity;
  /** The lowest CPU of the rounds, this process's and the server's. */
  let cpu = Infinity;
  let serverCpu = Infinity;
  let stored = 0;
  let sent = 0;
  const loadStart = load1();
  for (let round = 0; round < ROUNDS; round++) {
    const { target, cleanup } = await fresh();
    try {
      const run = await storeAll(target, prepared);
      best = Math.min(best, run.ms);
      stored = run.stored;
      sent = run.statements;
      cpu = Math.min(cpu, run.cpuMs);
      if (run.serverCpuMs !== undefined) serverCpu = Math.min(serverCpu, run.serverCpuMs);
    } finally {
      cleanup();
    }
  }
  console.log(
    `${name}: ${stored} of ${prepared.length} articles stored in ${fmt(best / 1000, 1)} s: ${fmt((prepared.length / best) * 1000, 0)} articles/s (load average ${fmt(loadStart, 1)} to ${fmt(load1(), 1)}); CPU per article ${fmt(cpu / prepared.length, 2)} ms here` +
      `${Number.isFinite(serverCpu) ? ` + ${fmt(serverCpu / prepared.length, 2)} ms in the PostgreSQL server` : ''}${sent ? `; ${fmt(sent / prepared.length, 1)} statements per article` : ''}`,
  );
}
