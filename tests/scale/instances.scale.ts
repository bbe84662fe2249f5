// `npm run test:scale`, part 2: three real `news-digest serve` processes on one throwaway
// PostgreSQL server (DATABASE_URL), in webhook mode as behind a load balancer, against the Bot
// API emulator. 10,000 subscribers are due at once. Mid-fan-out the instance holding the
// scheduler lease (the one deciding the digests) is SIGKILLed, then restarted.
// Expected: every subscriber gets exactly one digest for the day; no chat gets a message twice;
// nothing is lost (every message ends sent, or unknown: in flight at the kill, never resent);
// unknown at most the killed instance's messages in flight. Prints sent, duplicates, lost,
// unknown and msg/s. SCALE_SUBSCRIBERS and SCALE_RATE change the size and the emulator's rate.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { manySubscribers, seedArticles } from '../delivery/helpers.ts';
import { CLI, PROJECT_ROOT } from '../e2e/cli.ts';
import { freePort } from '../support/free-port.ts';
import { startPgServer, type PgServer } from '../support/pg-server.ts';
import { startTelegramEmulator, type TelegramEmulator } from '../support/telegram-emulator.ts';

const SUBSCRIBERS = Number(process.env.SCALE_SUBSCRIBERS ?? 10_000);
/** The emulator's global limit (Telegram's is 30/s; paid broadcasts up to 1,000/s); the instances share 95% of it. */
const RATE = Number(process.env.SCALE_RATE ?? 100);
/** `serve` processes sharing the database (the fan-out figures compare 1 and 3). */
const INSTANCES = Number(process.env.SCALE_INSTANCES ?? 3);
const IN_FLIGHT = 8;
const TOKEN = '123456789:TEST-emulator-token-for-scale';
const WEBHOOK_SECRET = 'scale_webhook-secret_1';

let server: PgServer;
let emulator: TelegramEmulator;
const children: ChildProcess[] = [];

interface Instance {
  child: ChildProcess;
  exit: Promise<number | null>;
  stderr: () => string;
}

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: server.url,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      // Every instance is behind the same (here unused) load balancer address; each listens on its own port.
      WEBHOOK_URL: 'http://127.0.0.1:9/telegram',
      WEBHOOK_SECRET,
      WEBHOOK_PORT: String(port),
      SOURCES_FILE: '/nonexistent/sources.json',
      FETCH_CRON: '0 0 1 1 *',
      SEND_RATE_PER_SECOND: String(Math.floor(RATE * 0.95)),
      SEND_MAX_IN_FLIGHT: String(IN_FLIGHT),
      SEND_TIMEOUT_MS: '10000',
      SCHEDULER_LEASE_MS: '4000',
      DELIVERY_INSTANCE_LEASE_MS: '4000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, stderr: () => stderr };
}

beforeAll(async () => {
  server = await startPgServer();
  const store = await openStore(server.url);
  try {
    await seedArticles(store, new Date(), 30);
    const started = Date.now();
    const specs = manySubscribers(SUBSCRIBERS);
    for (let i = 0; i < specs.length; i += 500) {
      await store.transaction(async (tx) => {
        for (const s of specs.slice(i, i + 500)) {
          // Due at once: delivery time midnight UTC has passed today for everyone.
          await tx.subscribers.subscribe({ chatId: s.chatId, digestTime: '00:00', timezone: 'UTC' });
          for (const topic of s.topics ?? []) await tx.subscribers.follow(s.chatId, topic);
        }
      });
    }
    console.log(`scale test: ${SUBSCRIBERS} subscribers stored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await store.close();
  }
  emulator = await startTelegramEmulator({
    token: TOKEN,
    chats: manySubscribers(SUBSCRIBERS).map((s) => s.chatId),
    rateLimits: { global: { perSecond: RATE, burst: RATE }, perChat: { perSecond: 1, burst: 1 } },
  });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await emulator?.close();
  await server?.stop();
});

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 10 ms). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

interface WriteStats {
  commits: number;
  inserted: number;
  updated: number;
}

/** The database's commits and row writes so far (pg_stat_database, read over its own connection). */
async function writeStats(): Promise<WriteStats> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    // Statistics reach pg_stat_database within a second or so of each commit.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const { rows } = await client.query<{ commits: string; inserted: string; updated: string }>(
      'SELECT xact_commit AS commits, tup_inserted AS inserted, tup_updated AS updated FROM pg_stat_database WHERE datname = current_database()',
    );
    return { commits: Number(rows[0]!.commits), inserted: Number(rows[0]!.inserted), updated: Number(rows[0]!.updated) };
  } finally {
    await client.end();
  }
}

const okSends = () => emulator.requests.filter((r) => r.method === 'sendMessage' && r.ok);

async function schedulerHolderPid(store: Store): Promise<number | undefined> {
  return (await store.outbox.lockHolder('daily-digest-scheduler'))?.pid;
}

describe(`${INSTANCES} serve instances on one PostgreSQL`, () => {
  it(`${SUBSCRIBERS} subscribers due at once, the deciding instance SIGKILLed mid-fan-out and restarted: no duplicate, nothing lost`, async () => {
    const store = await openStore(server.url);
    try {
      const before = await writeStats();
      const instances = await Promise.all(Array.from({ length: INSTANCES }, () => startInstance()));
      // Mid-fan-out: a third of the messages delivered.
      await emulator.waitFor(() => okSends().length >= SUBSCRIBERS / 3, 600_000);
      const holder = await schedulerHolderPid(store);
      const victim = instances.find((i) => i.child.pid === holder) ?? instances[0]!;
      const atKill = okSends().length;
      const killedAt = Date.now();
      let cpu = cpuSeconds(victim.child.pid);
      victim.child.kill('SIGKILL');
      await victim.exit;
      console.log(`scale test: SIGKILLed instance pid ${victim.child.pid} (scheduler holder: ${victim.child.pid === holder}) after ${atKill} messages`);
      const restarted = await startInstance();
      const running = [...instances.filter((i) => i !== victim), restarted];

      // Until every subscriber has a digest and nothing is pending or in flight.
      const deadline = Date.now() + 900_000;
      for (;;) {
        const counts = await store.outbox.counts();
        const decided = Object.values(counts.digests).reduce((a, b) => a + b, 0);
        if (decided >= SUBSCRIBERS && counts.messages.pending === 0 && counts.messages.sending === 0) break;
        if (Date.now() > deadline) throw new Error(`fan-out did not finish: ${JSON.stringify(counts)}; ${running.map((i) => i.stderr().slice(-2000)).join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      for (const i of running) cpu += cpuSeconds(i.child.pid);
      const after = await writeStats();
      for (const i of running) i.child.kill('SIGTERM');
      const codes = await Promise.all(running.map((i) => i.exit));

      const digests = await store.outbox.digests();
      const items = await store.outbox.items();
      const sends = okSends();
      const sendsByChat = new Map<number, number>();
      for (const s of sends) sendsByChat.set(s.chatId!, (sendsByChat.get(s.chatId!) ?? 0) + 1);
      const itemsByChat = new Map<number, number>();
      for (const item of items) itemsByChat.set(item.chatId, (itemsByChat.get(item.chatId) ?? 0) + 1);
      const duplicates = [...sendsByChat].filter(([chatId, n]) => n > (itemsByChat.get(chatId) ?? 0));
      const unknown = items.filter((i) => i.status === 'unknown');
      const sentItems = items.filter((i) => i.status === 'sent');
      const lostItems = items.filter((i) => i.status !== 'sent' && i.status !== 'unknown');
      const undelivered = sentItems.filter((i) => !sendsByChat.has(i.chatId));
      const withoutDigest = SUBSCRIBERS - new Set(digests.map((d) => d.chatId)).size;
      const times = sends.map((s) => s.time);
      const first = Math.min(...times);
      const seconds = (Math.max(...times) - first) / 1000;
      // Before the kill: all three instances sending, the steady rate.
      const steady = atKill / ((killedAt - first) / 1000);
      const rateLimited = emulator.requests.filter((r) => r.method === 'sendMessage' && r.errorCode === 429).length;
      console.log(
        [
          `scale test (${INSTANCES} instances, emulator limit ${RATE} msg/s, sender rate ${Math.floor(RATE * 0.95)} msg/s shared):`,
          `  subscribers ${SUBSCRIBERS}, digests ${digests.length}, messages ${items.length}`,
          `  sent ${sends.length}, duplicates ${duplicates.length}, lost ${lostItems.length + undelivered.length + withoutDigest}, unknown ${unknown.length} (bound: ${IN_FLIGHT} in flight at the kill)`,
          `  ${steady.toFixed(1)} msg/s before the kill (${INSTANCES} instance${INSTANCES === 1 ? "" : "s"}); ${(sends.length / seconds).toFixed(1)} msg/s over the whole ${seconds.toFixed(1)} s, failover included; 429 answers from the emulator: ${rateLimited}`,
          `  CPU of the instances: ${cpu.toFixed(1)} s = ${((cpu * 1000) / Math.max(1, sends.length)).toFixed(2)} ms per message sent (deciding, rendering and sending; the killed instance until its kill)`,
          `  PostgreSQL: ${((after.commits - before.commits) / Math.max(1, sends.length)).toFixed(1)} commits, ${((after.inserted + after.updated - before.inserted - before.updated) / Math.max(1, sends.length)).toFixed(1)} row writes per message (decisions included)`,
          `  exit codes after SIGTERM: ${codes.join(', ')}`,
        ].join('\n'),
      );
      expect(withoutDigest).toBe(0);
      expect(digests).toHaveLength(SUBSCRIBERS);
      expect(duplicates).toEqual([]);
      expect(lostItems).toEqual([]);
      expect(undelivered).toEqual([]);
      expect(unknown.length).toBeLessThanOrEqual(IN_FLIGHT);
      expect(codes.every((c) => c === 0)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
