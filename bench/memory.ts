// Memory of `serve` with 100,000 articles stored while a fan-out runs: what `npm start` runs
// (its prestart build, then the command of package.json's "start" script: the dist/ bundle)
// as a child process, its Bot API pointed at the Telegram emulator of tests/support (in this
// process), on a copy of the bench store with 10,000 subscribers due now. The scheduler's
// first due check decides every digest into the outbox and the sender drains it; peak RSS is
// the child's VmHWM (Linux), sampled with VmRSS. Idle RSS comes from a first, separate run on
// the same copy before any subscriber exists (bot polling, nothing due).
// BENCH_SERVE_ARGS="bin/news-digest.js serve" measures the tsx entry instead.
//
// The copy's article times are shifted so the newest article is an hour old (daily digests
// take what was ingested in the last 24 hours by the real clock). Subscribers: chat ids
// 1..N, digest time 00:00 UTC, topics from the 50 most frequent named entities (one or two
// each, one in ten none = top stories).
// Pace: by default the emulator allows 300 msg/s and the sender sends at 290/s, so the whole
// fan-out of 10,000 digests fits the time budget; BENCH_MEMORY_RATE=29 runs it at Telegram's
// pace (30 msg/s, about 6 minutes). The fan-out speed itself is bench/fanout.ts's figure.
// Run: npx tsx bench/memory.ts   (Linux; BENCH_QUICK=1: 20,000 articles, 1,000 subscribers)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/index.ts';
import { startTelegramEmulator } from '../tests/support/telegram-emulator.ts';
import { PROJECT_ROOT, QUICK, fmt, isMain, load1, machineLine, mb, printTable, saveTables, type Table } from './common.ts';
import { BENCH_DATABASE_URL, BENCH_NOW } from './store100k.ts';
import { ARTICLES, ensureStoreInChild, frequentTopics } from './summary.ts';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? (QUICK ? 1_000 : 10_000));
const RATE = Number(process.env.BENCH_MEMORY_RATE ?? 290);
const TARGET_MB = 250;
const TOKEN = '123456789:BENCH-emulator-token-for-memory';
const TIMEOUT_MS = Number(process.env.BENCH_MEMORY_TIMEOUT_MS ?? 12 * 60_000);

function procStatus(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** The copy: article times shifted to end an hour ago. */
function prepareCopy(source: string, target: string): void {
  copyFileSync(source, target);
  const shiftSeconds = Math.round((Date.now() - 3_600_000 - BENCH_NOW.getTime()) / 1000);
  // Bench-only surgery on the copy (the store has no API to move time): same ISO format.
  const db = new Database(target);
  // The bench store was ingested in bulk when it was built: each article counts as ingested
  // when it was published, as a running bot would have stored it.
  db.prepare(
    `UPDATE articles SET published_at = strftime('%Y-%m-%dT%H:%M:%fZ', published_at, ?), ingested_at = strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(published_at, ingested_at), ?)`,
  ).run(`${shiftSeconds} seconds`, `${shiftSeconds} seconds`);
  // The stored stories carry their members' times too (ISO on the story, ms on each member).
  db.prepare(`UPDATE stories SET first_at = strftime('%Y-%m-%dT%H:%M:%fZ', first_at, ?), last_at = strftime('%Y-%m-%dT%H:%M:%fZ', last_at, ?)`).run(
    `${shiftSeconds} seconds`,
    `${shiftSeconds} seconds`,
  );
  db.prepare('UPDATE story_articles SET at = at + ?, ingested = at + ?').run(shiftSeconds * 1000, shiftSeconds * 1000);
  db.prepare('UPDATE article_keys SET at = at + ?').run(shiftSeconds * 1000);
  db.close();
}

/** Subscribers 1..N, due now, with topics. */
async function addSubscribers(target: string, topics: string[]): Promise<void> {
  const store = await openStore(target);
  const now = new Date(Date.now() - 86_400_000);
  await store.transaction(async (tx) => {
    for (let chatId = 1; chatId <= SUBSCRIBERS; chatId++) {
      await tx.subscribers.subscribe({ chatId, userId: chatId, firstName: `Reader ${chatId}`, digestTime: '00:00', timezone: 'UTC' }, now);
      if (chatId % 10 === 0) continue; // top stories
      await tx.subscribers.follow(chatId, topics[chatId % topics.length]!, now);
      if (chatId % 3 === 0) await tx.subscribers.follow(chatId, topics[(chatId * 7 + 3) % topics.length]!, now);
    }
  });
  await store.close();
}

/** The serve command: BENCH_SERVE_ARGS, else what `npm start` runs (after its prestart build). */
function serveArgs(): string[] {
  if (process.env.BENCH_SERVE_ARGS) return process.env.BENCH_SERVE_ARGS.trim().split(/\s+/);
  const { scripts } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string | undefined> };
  const argsOf = (script = ''): string[] => {
    const [command, ...args] = script.trim().split(/\s+/);
    if (command !== 'node') throw new Error(`bench/memory.ts runs "node ..." npm scripts, not "${script}"`);
    return args;
  };
  if (scripts.prestart) {
    const build = spawnSync(process.execPath, argsOf(scripts.prestart), { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`prestart failed (exit ${build.status})`);
  }
  return argsOf(scripts.start);
}

interface Serve {
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

function startServe(args: string[], env: NodeJS.ProcessEnv): Serve {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

export async function runMemoryBench(): Promise<Table[]> {
  if (process.platform !== 'linux') throw new Error('bench/memory.ts reads /proc: Linux only');
  const loadStart = load1();
  if (BENCH_DATABASE_URL) throw new Error('bench/memory.ts measures serve on a copy of the SQLite store file: unset BENCH_DATABASE_URL');
  const build = ensureStoreInChild(ARTICLES);
  const work = mkdtempSync(join(tmpdir(), 'news-digest-bench-memory-'));
  const dbPath = join(work, 'news.db');
  let topics: string[];
  {
    const store = await openStore(build.path);
    topics = await frequentTopics(store, 50);
    await store.close();
  }
  prepareCopy(build.path, dbPath);
  const args = serveArgs();

  const emulator = await startTelegramEmulator({
    token: TOKEN,
    chats: Array.from({ length: SUBSCRIBERS }, (_, i) => i + 1),
    rateLimits: { global: { perSecond: RATE + 10, burst: RATE + 10 } },
    detectEntities: false,
  });
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_PATH: dbPath,
    SOURCES_FILE: '/nonexistent/sources.json',
    LOG_LEVEL: 'warn',
    SEND_RATE_PER_SECOND: String(RATE),
    // For experiments with V8's heap limits (e.g. --max-old-space-size=96); unset by default.
    ...(process.env.BENCH_SERVE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVE_NODE_OPTIONS } : {}),
  };

  // Idle: no subscribers yet; RSS once the bot polls and a few seconds have passed.
  let idleRss = NaN;
  {
    const serve = startServe(args, env);
    try {
      const polling = Date.now();
      while (emulator.getUpdatesCalls === 0 && Date.now() - polling < 60_000) {
        if (serve.child.exitCode !== null) throw new Error(`serve exited early (${serve.child.exitCode}): ${serve.stderr()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 3_000));
      idleRss = procStatus(serve.child.pid!)?.rss ?? NaN;
    } finally {
      await serve.stop();
    }
  }
  await addSubscribers(dbPath, topics);

  const serve = startServe(args, env);
  const { child } = serve;
  const started = Date.now();
  const samples: { t: number; rss: number }[] = [];
  let decidedAt = NaN;
  let peakDuringDecide = 0;
  let finished = false;
  const monitor = await openStore(dbPath);
  try {
    while (Date.now() - started < TIMEOUT_MS) {
      await new Promise((r) => setTimeout(r, 250));
      if (child.exitCode !== null) throw new Error(`serve exited early (${child.exitCode}): ${serve.stderr()}`);
      const status = procStatus(child.pid!);
      if (status) samples.push({ t: Date.now() - started, rss: status.rss });
      const counts = await monitor.outbox.counts();
      const decided = Object.values(counts.digests).reduce((a, b) => a + b, 0);
      if (Number.isNaN(decidedAt) && status) peakDuringDecide = Math.max(peakDuringDecide, status.hwm);
      if (decided >= SUBSCRIBERS && Number.isNaN(decidedAt)) decidedAt = Date.now() - started;
      if (decided >= SUBSCRIBERS && counts.messages.pending === 0 && counts.messages.sending === 0) {
        finished = true;
        break;
      }
    }
    const final = procStatus(child.pid!);
    const counts = await monitor.outbox.counts();
    const elapsed = (Date.now() - started) / 1000;
    await serve.stop();
    const peak = final?.hwm ?? Math.max(...samples.map((s) => s.rss));
    const sent = counts.messages.sent;
    const table: Table = {
      title: `Memory of serve (child process: node ${args.join(' ')}) with ${ARTICLES} articles while the fan-out of ${SUBSCRIBERS} daily digests runs (sender ${RATE} msg/s, emulator ${RATE + 10} msg/s${process.env.BENCH_SERVE_NODE_OPTIONS ? `, NODE_OPTIONS=${process.env.BENCH_SERVE_NODE_OPTIONS}` : ''})`,
      rows: [
        {
          what: 'peak RSS of serve (VmHWM), whole run',
          median: mb(peak),
          target: `<= ${TARGET_MB} MB`,
          met: finished && peak <= TARGET_MB * 2 ** 20,
          note: finished ? `fan-out finished in ${fmt(elapsed, 0)} s` : `NOT finished within ${TIMEOUT_MS / 1000} s`,
        },
        { what: 'RSS of serve idle (bot polling, no subscribers)', median: Number.isNaN(idleRss) ? '-' : mb(idleRss) },
        { what: 'RSS of serve when the fan-out finished', median: final ? mb(final.rss) : '-' },
        {
          what: 'peak RSS while digests are decided',
          median: mb(peakDuringDecide),
          note: Number.isNaN(decidedAt) ? '' : `all ${SUBSCRIBERS} decided after ${fmt(decidedAt / 1000, 0)} s`,
        },
        {
          what: 'messages sent / digests',
          median: `${sent} / ${Object.values(counts.digests).reduce((a, b) => a + b, 0)}`,
          note: `skipped empty ${counts.digests['skipped-empty']}, failed ${counts.messages.failed}, unknown ${counts.messages.unknown}; emulator rejected ${emulator.rejected.length} requests`,
        },
      ],
      load: [loadStart, load1()],
    };
    printTable(table);
    return [table];
  } finally {
    await monitor.close();
    await serve.stop();
    await emulator.close();
    if (existsSync(work)) rmSync(work, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  console.log(machineLine());
  const tables = await runMemoryBench();
  saveTables('memory', tables);
  process.exit(0);
}
