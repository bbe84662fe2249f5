// CPU time per article of raw-text ingest, by part and by thread: what to compare while working
// on ingest speed on a shared machine, where wall time says more about the neighbours than about
// the code. CPU time is read per thread from /proc (Linux): the main thread (the single SQLite
// writer) apart from the others (the parse workers, and V8's and libuv's helpers).
//   1. prepare: the parse and analysis of every text in-process (what a worker does), one thread;
//   2. store: the insert of those prepared articles (dedup, row, FTS5, story assignment) into a
//      fresh SQLite file, in transactions of 32 as a bulk ingest writes them;
//   3. pipeline: `ingestInputs` over the folder with one worker per core, as `news-digest ingest`.
// Each part runs ROUNDS times after a warm-up; the lowest CPU per article is reported (the least
// disturbed by the machine's other work).
// Run: npx tsx bench/ingest-cpu.ts   (BENCH_QUICK=1: 150 texts, fewer rounds)
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { STORE_BATCH, ingestInputs } from '../src/ingest/pipeline.ts';
import { prepareDocument, storable, type StorableArticle } from '../src/ingest/prepare.ts';
import { defaultWorkerCount } from '../src/ingest/worker-pool.ts';
import { createLogger } from '../src/log.ts';
import { AnalysisContext } from '../src/nlp/context.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { DATA_DIR, QUICK, fmt, load1, machineLine, threadCpuMs } from './common.ts';

const ROUNDS = QUICK ? 2 : 3;
interface CpuSplit {
  main: number;
  others: number;
  wall: number;
}

/** CPU of the main thread and of all other threads (ended threads included, through the process total) while `fn` runs. */
async function measure(fn: () => unknown): Promise<CpuSplit> {
  const mainBefore = threadCpuMs();
  const totalBefore = process.cpuUsage();
  const started = performance.now();
  await fn();
  const wall = performance.now() - started;
  const total = process.cpuUsage(totalBefore);
  const main = threadCpuMs() - mainBefore;
  return { main, others: (total.user + total.system) / 1000 - main, wall };
}

function texts(): { folder: string; files: string[] } {
  const folder = resolve(DATA_DIR, 'polnear', 'train', 'text');
  const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().slice(0, QUICK ? 150 : undefined).map((f) => join(folder, f));
  return { folder, files };
}

async function best(rounds: number, run: () => Promise<CpuSplit>): Promise<CpuSplit> {
  await run(); // warm-up
  const results: CpuSplit[] = [];
  for (let i = 0; i < rounds; i++) results.push(await run());
  return results.reduce((a, b) => (a.main + a.others <= b.main + b.others ? a : b));
}

async function withFreshStore(work: string, fn: (store: Store) => unknown): Promise<void> {
  const dir = mkdtempSync(join(work, 'db-'));
  const store = await openStore(join(dir, 'news.db'));
  try {
    await fn(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const log = createLogger({ level: 'silent' });
const fetchOptions = { timeoutMs: 1000, maxBytes: 10_000_000, userAgent: 'bench' };

console.log(machineLine());
const loadStart = load1();
const work = mkdtempSync(join(tmpdir(), 'news-digest-bench-cpu-'));
try {
  const { folder, files } = texts();
  const bodies = files.map((f) => ({ body: new Uint8Array(readFileSync(f)), hint: { name: f } }));
  const n = bodies.length;
  const perArticle = (ms: number) => `${fmt(ms / n, 2)} ms`;

  let prepared: StorableArticle[] = [];
  const prepare = await best(ROUNDS, () =>
    measure(() => {
      const context = new AnalysisContext();
      // As a worker prepares for a bulk ingest: the analysis encoded as stored (storable).
      prepared = bodies.flatMap(({ body, hint }) => prepareDocument(body, hint, context).map(storable));
    }),
  );
  console.log(`prepare (parse + analysis, in-process, ${n} texts): ${perArticle(prepare.main)} CPU/article on the thread (+${perArticle(prepare.others)} on helper threads)`);

  const store = await best(ROUNDS, () =>
    measure(() =>
      withFreshStore(work, async (s) => {
        for (let i = 0; i < prepared.length; i += STORE_BATCH) {
          await s.transaction(async (tx) => {
            for (const { draft, analysisJson, keys, storyFeatures } of prepared.slice(i, i + STORE_BATCH)) await tx.articles.insert(draft, { analysisJson, keys, storyFeatures });
          });
        }
      }),
    ),
  );
  console.log(`store (dedup, row, FTS5, story assignment; fresh file): ${perArticle(store.main)} CPU/article on the writer (+${perArticle(store.others)} on helper threads)`);

  const workers = defaultWorkerCount();
  const inputs = QUICK ? files : [folder];
  const pipeline = await best(ROUNDS, () => measure(() => withFreshStore(work, (s) => ingestInputs(inputs, { store: s, log, fetchOptions, workers }))));
  console.log(
    `pipeline (ingestInputs, ${workers} workers): main thread ${perArticle(pipeline.main)}, other threads ${perArticle(pipeline.others)}, total ${perArticle(pipeline.main + pipeline.others)} CPU/article; wall ${perArticle(pipeline.wall)} (${fmt((n / pipeline.wall) * 1000, 0)} articles/s)`,
  );
  console.log(`load average ${fmt(loadStart, 2)} at start, ${fmt(load1(), 2)} at end`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
