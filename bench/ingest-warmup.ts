// How raw-text ingest warms up in one process: `ingestInputs` over the 840 PolNeAR train texts,
// pass after pass (fresh SQLite file each, the worker pool and the writer's analysis context kept,
// as `bench/ingest.ts` runs its warm-ups and iterations), with the CPU of each pass per thread group
// (from /proc/self/task/*/schedstat, Linux): the main thread (the writer, which also prepares the
// plain texts the worker has no room for), the threads that existed before the first pass (V8's
// platform threads: optimizing compiler and garbage-collection helpers), and those started later
// (the ingest workers). `bench/ingest.ts` reports passes 3-9 of a fresh process: this shows how
// much of their CPU is the JIT still warming up rather than the steady state.
// Run: npx tsx bench/ingest-warmup.ts [passes]   (default 14; about a minute on 2 cores)
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestInputs } from '../src/ingest/pipeline.ts';
import { defaultWorkerCount, sharedPreparePool } from '../src/ingest/worker-pool.ts';
import { createLogger } from '../src/log.ts';
import { openStore } from '../src/store/index.ts';
import { DATA_DIR, fmt, load1, machineLine } from './common.ts';

/** CPU ms of every thread of this process, by thread id (schedstat: nanoseconds on a CPU). */
function threadTimes(): Map<number, number> {
  const times = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      times.set(Number(tid), Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times;
}

const passes = Number(process.argv[2] ?? 14);
const folder = resolve(DATA_DIR, 'polnear', 'train', 'text');
const count = readdirSync(folder).filter((f) => f.endsWith('.txt')).length;
const workers = defaultWorkerCount();
const log = createLogger({ level: 'silent' });
const fetchOptions = { timeoutMs: 1000, maxBytes: 10_000_000, userAgent: 'bench' };
const early = new Set(threadTimes().keys());
console.log(`${machineLine()}\n${passes} passes over ${count} raw texts, ${workers} workers; CPU ms per article by thread group\n`);
console.log('| pass | articles/s | all threads | main (writer) | V8 platform threads (JIT, GC) | later threads (workers) | load average |');
console.log('|---|---|---|---|---|---|---|');
for (let pass = 1; pass <= passes; pass++) {
  const dir = mkdtempSync(join(tmpdir(), 'nd-warmup-'));
  const store = await openStore(join(dir, 'news.db'));
  const before = threadTimes();
  const started = performance.now();
  await ingestInputs([folder], { store, log, fetchOptions, workers });
  const wall = performance.now() - started;
  const after = threadTimes();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  let main = 0;
  let platform = 0;
  let later = 0;
  for (const [tid, ms] of after) {
    const used = ms - (before.get(tid) ?? 0);
    if (tid === process.pid) main += used;
    else if (early.has(tid)) platform += used;
    else later += used;
  }
  const per = (ms: number) => fmt(ms / count, 2);
  console.log(`| ${pass} | ${fmt((count / wall) * 1000, 0)} | ${per(main + platform + later)} | ${per(main)} | ${per(platform)} | ${per(later)} | ${fmt(load1(), 2)} |`);
}
await sharedPreparePool(workers).close();
