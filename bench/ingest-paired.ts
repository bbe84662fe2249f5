// Paired ingest passes: two versions of the code (two checkouts of this repository) or two worker
// counts, compared pass by pass in one process, so that both meet the same machine. A fresh-process
// `bench/ingest.ts` run moves by 20% on an idle 2-core machine (its timed passes still warm the
// workers); paired passes in one process do not drift apart that way.
//
//   npx tsx bench/ingest-paired.ts [--passes 24] [--warm 4] <tag>=<checkout>[:<workers>] <tag>=<checkout>[:<workers>]
//   e.g. npx tsx bench/ingest-paired.ts main=/work/main:2 mine=.:2
//
// Each checkout's own ingestInputs, worker pool and store (its module tree, imported from that
// folder) ingest the 840 PolNeAR train texts (DATA_DIR/polnear/train/text) into a fresh SQLite
// file per pass, as `news-digest ingest <folder>` does. Per pass: articles/s, CPU ms per article over
// all threads and on the writer (main) thread, and the share of the 2+ cores other processes used
// meanwhile (from /proc/stat; Linux only). Only passes after the warm-up in which other processes
// used under 5% of the machine count, and only pairs where both passes did.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DATA_DIR, TICK_MS, cpuMsSince, fmt, machineLine, percentile, threadCpuMs } from './common.ts';

interface Side {
  tag: string;
  root: string;
  workers: number;
  ingest: (inputs: string[], deps: object) => Promise<unknown>;
  openStore: (target: string) => Promise<{ close(): Promise<void> }>;
  closePool: () => Promise<void>;
  log: unknown;
}

interface Pass {
  rate: number;
  cpuMs: number;
  writerCpuMs: number;
  othersShare: number;
}

const QUIET_SHARE = 0.05;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

/** Busy CPU ms of the whole machine, all processes (/proc/stat). */
function machineCpuMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  return (fields[0]! + fields[1]! + fields[2]! + fields[5]! + fields[6]! + fields[7]!) * TICK_MS;
}

async function load(spec: string): Promise<Side> {
  const match = /^([^=]+)=([^:]+)(?::(\d+))?$/.exec(spec);
  if (!match) throw new Error(`expected <tag>=<checkout>[:<workers>], got ${spec}`);
  const root = resolve(match[2]!);
  const workers = match[3] !== undefined ? Number(match[3]) : Math.max(1, cpus().length);
  const pipeline = await import(join(root, 'src/ingest/pipeline.ts'));
  const pool = await import(join(root, 'src/ingest/worker-pool.ts'));
  const store = await import(join(root, 'src/store/index.ts'));
  const log = (await import(join(root, 'src/log.ts'))).createLogger({ level: 'silent' });
  return { tag: match[1]!, root, workers, ingest: pipeline.ingestInputs, openStore: store.openStore, closePool: () => pool.sharedPreparePool(workers).close(), log };
}

async function pass(side: Side, folder: string, count: number): Promise<Pass> {
  const dir = mkdtempSync(join(tmpdir(), 'nd-paired-'));
  const store = await side.openStore(join(dir, 'db.sqlite'));
  const fetchOptions = { timeoutMs: 1000, maxBytes: 10_000_000, userAgent: 'bench' };
  const machine0 = machineCpuMs();
  const own0 = process.cpuUsage();
  const writer0 = threadCpuMs();
  const start = performance.now();
  await side.ingest([folder], { store, log: side.log, fetchOptions, workers: side.workers });
  const ms = performance.now() - start;
  const own = cpuMsSince(own0);
  const writer = threadCpuMs() - writer0;
  const others = machineCpuMs() - machine0 - own;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { rate: (count / ms) * 1000, cpuMs: own / count, writerCpuMs: writer / count, othersShare: others / ms / cpus().length };
}

const median = (values: number[]): number => percentile(values, 50);

async function main(): Promise<void> {
  const specs = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  if (specs.length !== 2) throw new Error('give two sides: <tag>=<checkout>[:<workers>] <tag>=<checkout>[:<workers>]');
  const passes = option('--passes', 24);
  const warm = option('--warm', 4);
  const folder = resolve(DATA_DIR, 'polnear', 'train', 'text');
  const count = readdirSync(folder).filter((f) => f.endsWith('.txt')).length;
  const sides = [await load(specs[0]!), await load(specs[1]!)] as const;
  console.log(`${machineLine()}\nPaired ingest passes over ${count} raw texts: ${passes} per side, alternating, the first ${warm} of each not counted`);
  const results: [Pass[], Pass[]] = [[], []];
  for (let i = 0; i < passes; i++) {
    for (const [s, side] of sides.entries()) results[s as 0 | 1].push(await pass(side, folder, count));
  }
  for (const side of sides) await side.closePool();
  const pairs = results[0].map((a, i) => [a, results[1][i]!] as const).slice(warm).filter(([a, b]) => a.othersShare < QUIET_SHARE && b.othersShare < QUIET_SHARE);
  console.log(`\n${pairs.length} quiet pairs (other processes under ${QUIET_SHARE * 100}% of the machine during both passes)\n`);
  console.log('| side | checkout | workers | articles/s (median) | CPU ms/article, all threads | on the writer thread |');
  console.log('|---|---|---|---|---|---|');
  for (const [s, side] of sides.entries()) {
    const mine = pairs.map((p) => p[s]!);
    console.log(`| ${side.tag} | ${side.root} | ${side.workers} | ${fmt(median(mine.map((p) => p.rate)), 0)} | ${fmt(median(mine.map((p) => p.cpuMs)), 2)} | ${fmt(median(mine.map((p) => p.writerCpuMs)), 2)} |`);
  }
  if (pairs.length) {
    console.log(`\n${sides[1].tag} / ${sides[0].tag}, median of the pairs: rate ${fmt(median(pairs.map(([a, b]) => b.rate / a.rate)), 3)}, CPU per article ${fmt(median(pairs.map(([a, b]) => b.cpuMs / a.cpuMs)), 3)}`);
  }
}

await main();
