// Shared pieces of the benchmarks (bench/*.ts): where the data is, the machine, statistics,
// and the result tables every benchmark prints (and saves under bench/out/ for bench/run.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Task } from 'tinybench';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared evaluation data (../shared/eval from the project root, or EVAL_DATA_DIR). */
export const DATA_DIR = resolve(PROJECT_ROOT, process.env.EVAL_DATA_DIR ?? '../shared/eval');
/** Git-ignored: results, the cached 100k store, profiles. */
export const OUT_DIR = resolve(PROJECT_ROOT, 'bench', 'out');
/** BENCH_QUICK=1: fewer iterations and smaller inputs, to check the harness (figures are not comparable). */
export const QUICK = /^(1|true|yes)$/i.test(process.env.BENCH_QUICK ?? '');

export interface Row {
  what: string;
  /** Median (or the single figure) with its unit. */
  median: string;
  p95?: string;
  target?: string;
  /** true/false when there is a target, undefined for context rows. */
  met?: boolean;
  note?: string;
}

export interface Table {
  title: string;
  rows: Row[];
  /** Load average (1 min) when the benchmark started and ended. */
  load?: [number, number];
}

export function machine(): { cpus: number; model: string; node: string; memoryGb: number; platform: string } {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform}-${process.arch}`,
  };
}

export function machineLine(): string {
  const m = machine();
  return `machine: ${m.cpus} CPUs, ${m.model}, ${m.memoryGb} GB, Node ${m.node} (${m.platform}); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}

export const load1 = (): number => loadavg()[0]!;

/** Linear-interpolated percentile (p in 0..100) of unsorted numbers. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** The run-phase samples (ms) of a tinybench task (the bench needs retainSamples: true). */
export function samplesOf(task: Task): number[] {
  const result = task.result;
  if (result.state === 'errored') throw result.error;
  if (result.state !== 'completed' && result.state !== 'aborted-with-statistics') throw new Error(`${task.name}: ${result.state}`);
  return [...(result.latency.samples ?? [])];
}

/** CPU milliseconds (user + system, all threads of this process) since `start` (process.cpuUsage()): steadier than wall time on a busy machine. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** USER_HZ: /proc reports CPU time in clock ticks of 10 ms. */
export const TICK_MS = 1000 / 100;

/** CPU ms (user + system) of one thread of this process, from /proc (Linux); the main thread by default. */
export function threadCpuMs(tid: number = process.pid): number {
  // Fields after the command (which is in parentheses and may hold spaces): utime is the 12th, stime the 13th.
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

export const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');
export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

export function printTable(table: Table): void {
  const header: Row = { what: 'measured', median: 'median', p95: 'p95', target: 'target', note: 'note' };
  const cells = (r: Row, isHeader = false): string[] => [
    r.what,
    r.median,
    r.p95 ?? '',
    r.target ?? '',
    isHeader ? 'met' : r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    r.note ?? '',
  ];
  const all = [cells(header, true), ...table.rows.map((r) => cells(r))];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((c) => c[i]!.length)));
  const line = (c: string[]): string => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [`\n${table.title}${table.load ? ` (load average ${fmt(table.load[0], 2)} at start, ${fmt(table.load[1], 2)} at end)` : ''}`, line(all[0]!)];
  out.push(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of all.slice(1)) out.push(line(c));
  console.log(out.join('\n'));
}

/** Saves a benchmark's tables as bench/out/<name>.json, which bench/run.ts gathers. */
export function saveTables(name: string, tables: Table[], extra: Record<string, unknown> = {}): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = resolve(OUT_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ name, date: new Date().toISOString(), quick: QUICK, machine: machine(), tables, ...extra }, null, 2)}\n`);
}

/** Peak resident set size of this process so far (bytes): VmHWM on Linux (see resetPeakRss), else maxRSS. */
export function peakRss(): number {
  try {
    const kb = /^VmHWM:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Resets the peak RSS to the current RSS (Linux: /proc/self/clear_refs); false where it cannot. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(url);
}
