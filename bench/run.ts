// `npm run bench`: every speed figure of DESIGN.md §5, each benchmark in its own Node process
// (so one's memory and JIT state do not colour the next), then all tables together.
//   ingest  - bench/ingest.ts   raw text and HTML articles/s, vs Readability+jsdom, extraction F1
//   fanout  - bench/fanout.ts   10,000 subscribers through the emulator at 30 msg/s
//   summary - bench/summary.ts  /summary p50/p95 on 100,000 articles, database size, peak RSS
//   ask     - bench/ask.ts      follow-up answer (ask) p50/p95 on 100,000 articles
//   memory  - bench/memory.ts   peak RSS of `serve` with 100,000 articles during a fan-out
//   timing  - bench/timing.ts   wall-clock bounds that npm test no longer asserts (timeouts, shutdown, a busy event loop)
// Usage: npx tsx bench/run.ts [ingest|fanout|summary|memory ...]   (default: all, in that order)
// BENCH_QUICK=1 checks the harness in a few minutes (smaller inputs: figures not comparable).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OUT_DIR, PROJECT_ROOT, QUICK, fmt, load1, machineLine, printTable, type Table } from './common.ts';
import { storePath } from './store100k.ts';
import { ARTICLES } from './summary.ts';

const ALL = ['ingest', 'fanout', 'summary', 'ask', 'memory', 'timing'] as const;
type Name = (typeof ALL)[number];
const BUDGET_S = 15 * 60;

const requested = process.argv.slice(2);
const unknown = requested.filter((n) => !(ALL as readonly string[]).includes(n));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}
const names: Name[] = requested.length ? (requested as Name[]) : [...ALL];

function runChild(name: Name): Promise<{ code: number | null; stdout: string; seconds: number }> {
  const file = resolve(PROJECT_ROOT, 'bench', `${name}.ts`);
  const started = performance.now();
  return new Promise((resolveRun, reject) => {
    // bench/fanout.ts has its own size setting; quick mode makes it small too.
    const env = name === 'fanout' && QUICK ? { FANOUT_SUBSCRIBERS: '500', ...process.env } : process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      process.stdout.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, seconds: (performance.now() - started) / 1000 }));
  });
}

const started = performance.now();
console.log(`news-digest-bot benchmarks${QUICK ? ' (QUICK mode: smaller inputs, figures not comparable)' : ''}`);
console.log(machineLine());

// The 100,000-article store (bench/store100k.ts) takes minutes to build on a fresh clone. It is
// built in the background while the fan-out runs (which mostly waits on Telegram's pace), and
// awaited before the benchmarks that need it; later runs find it cached in bench/out/.
let storeBuild: Promise<number | null> | undefined;
const needsStore = names.some((n) => n === 'summary' || n === 'ask' || n === 'memory');
const rebuild = /^(1|true|yes)$/i.test(process.env.BENCH_REBUILD ?? '');
delete process.env.BENCH_REBUILD; // the children use what this run built
function startStoreBuild(): void {
  if (storeBuild || !needsStore || (!rebuild && existsSync(storePath(ARTICLES)))) return;
  console.log(`\n=== building the ${ARTICLES}-article store in the background (bench/store100k.ts; cached in bench/out/ for later runs)`);
  const buildStarted = performance.now();
  storeBuild = new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, 'bench', 'store100k.ts'), String(ARTICLES)], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, BENCH_REBUILD: rebuild ? '1' : '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => {
      console.log(`=== store build ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${fmt((performance.now() - buildStarted) / 1000, 0)} s`);
      resolveBuild(code);
    });
  });
}
const results: { name: Name; code: number | null; seconds: number; tables: Table[]; raw?: string; load: [number, number] }[] = [];
for (const name of names) {
  const file = resolve(PROJECT_ROOT, 'bench', `${name}.ts`);
  if (!existsSync(file)) {
    console.log(`\n=== ${name}: bench/${name}.ts not found, skipped`);
    results.push({ name, code: null, seconds: 0, tables: [], raw: 'not found', load: [load1(), load1()] });
    continue;
  }
  if (name === 'fanout') startStoreBuild();
  if (name === 'summary' || name === 'ask' || name === 'memory') {
    startStoreBuild();
    if (storeBuild && (await storeBuild) !== 0) throw new Error('the 100k store could not be built');
  }
  const json = resolve(OUT_DIR, `${name}.json`);
  rmSync(json, { force: true });
  const loadStart = load1();
  console.log(`\n=== ${name} (bench/${name}.ts), load average ${fmt(loadStart, 2)}`);
  const run = await runChild(name);
  const saved = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as { tables: Table[] }) : undefined;
  // A benchmark that saves no tables (bench/fanout.ts may not) is shown as it printed itself.
  results.push({ name, code: run.code, seconds: run.seconds, tables: saved?.tables ?? [], ...(saved ? {} : { raw: run.stdout.trim() }), load: [loadStart, load1()] });
  console.log(`=== ${name}: ${run.code === 0 ? 'done' : `FAILED (exit ${run.code})`} in ${fmt(run.seconds, 0)} s`);
}

const total = (performance.now() - started) / 1000;
console.log(`\n\n======== Summary ${new Date().toISOString()} ========`);
console.log(machineLine());
for (const r of results) {
  if (r.tables.length) for (const t of r.tables) printTable(t);
  else console.log(`\n${r.name}${r.code === 0 ? '' : ` (exit ${r.code})`}, load average ${fmt(r.load[0], 2)} at start:\n${r.raw ?? ''}`);
}
const missed = results.flatMap((r) => r.tables.flatMap((t) => t.rows.filter((row) => row.met === false).map((row) => `${r.name}: ${row.what}`)));
const failed = results.filter((r) => r.code !== 0 && r.code !== null).map((r) => r.name);
console.log(`\ntotal ${fmt(total, 0)} s (budget ${BUDGET_S} s${total > BUDGET_S ? ': OVER' : ''}): ${results.map((r) => `${r.name} ${fmt(r.seconds, 0)} s`).join(', ')}`);
console.log(missed.length ? `targets missed: ${missed.join('; ')}` : 'every target with a figure above is met');
if (failed.length) console.log(`benchmarks that failed: ${failed.join(', ')}`);
writeFileSync(resolve(OUT_DIR, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), quick: QUICK, machine: machineLine(), totalSeconds: total, results }, null, 2)}\n`);
process.exit(failed.length ? 1 : 0);
