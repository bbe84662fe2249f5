// Kill test: a real `news-digest deliver --now` child process, SIGKILLed at random moments
// during a fan-out and restarted each time. At the end every subscriber has exactly one digest
// for the day, delivered once, except messages recorded 'unknown' (in flight at a kill), and
// the emulator's request log shows no chat got a message twice.
// The moments come from a seeded generator; the test prints the seed, and KILL_TEST_SEED=<seed>
// replays the same kill moments.
import { spawn, type ChildProcess } from 'node:child_process';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { startTelegramEmulator, type TelegramEmulator } from '../support/telegram-emulator.ts';
import { addSubscribers, manySubscribers, seedArticles, tempDir } from '../delivery/helpers.ts';
import { CLI } from './cli.ts';

const SEED = killTestSeed(process.env.KILL_TEST_SEED);

/** The seed to replay (KILL_TEST_SEED, an integer), or a fresh one. */
function killTestSeed(value: string | undefined): number {
  if (value === undefined || value === '') return Math.floor(Math.random() * 2 ** 31);
  if (!/^\d+$/.test(value.trim())) throw new Error(`KILL_TEST_SEED must be a non-negative integer, got ${JSON.stringify(value)}`);
  return Number(value.trim());
}

const TOKEN = '123456789:TEST-emulator-token-for-delivery';
const SUBSCRIBERS = 400;
const IN_FLIGHT = 4;
const KILLS = 6;

let emulator: TelegramEmulator;
const tmp = tempDir();
const db = `${tmp.dir}/news.db`;

beforeAll(async () => {
  const store = await openStore(db);
  await seedArticles(store, new Date(), 30);
  await addSubscribers(store, manySubscribers(SUBSCRIBERS));
  await store.close();
  emulator = await startTelegramEmulator({
    token: TOKEN,
    chats: manySubscribers(SUBSCRIBERS).map((s) => s.chatId),
    rateLimits: { global: { perSecond: 100, burst: 10 }, perChat: { perSecond: 1, burst: 1 } },
  });
});

afterAll(async () => {
  await emulator?.close();
  tmp.cleanup();
});

function deliver(): { child: ChildProcess; exit: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [CLI, 'deliver', '--now', '--db', db], {
    cwd: tmp.dir,
    env: {
      PATH: process.env.PATH,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      SEND_RATE_PER_SECOND: '90',
      SEND_MAX_IN_FLIGHT: String(IN_FLIGHT),
      SCHEDULER_LEASE_MS: '3000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.resume();
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, stderr: () => err };
}

const okSends = () => emulator.requests.filter((r) => r.method === 'sendMessage' && r.ok);

describe('deliver survives SIGKILL at random moments', () => {
  it(`${KILLS} kills during a ${SUBSCRIBERS}-subscriber fan-out: exactly one digest each, no duplicates`, async () => {
    console.log(`kill test seed: ${SEED} (KILL_TEST_SEED=${SEED} replays these kill moments)`);
    const random = xoroshiro128plus(SEED);
    for (let kill = 0; kill < KILLS; kill++) {
      const before = okSends().length;
      const run = deliver();
      // Wait until this run is sending, then kill it at a random moment.
      await emulator.waitFor(() => okSends().length > before + 5, 60_000);
      await new Promise((r) => setTimeout(r, uniformInt(random, 0, 300)));
      run.child.kill('SIGKILL');
      await run.exit;
    }
    const last = deliver();
    const code = await last.exit;
    expect(code, last.stderr()).toBe(0);

    const store = await openStore(db);
    try {
      const digests = await store.outbox.digests();
      const items = await store.outbox.items();
      const unknown = items.filter((i) => i.status === 'unknown');
      const sendsByChat = new Map<number, number>();
      for (const s of okSends()) sendsByChat.set(s.chatId!, (sendsByChat.get(s.chatId!) ?? 0) + 1);
      const duplicates = [...sendsByChat.entries()].filter(([chatId, n]) => n > items.filter((i) => i.chatId === chatId).length);
      console.log(
        `kill test: ${KILLS} kills, ${digests.length} digests, ${okSends().length} messages delivered, ${duplicates.length} duplicates, ${unknown.length} unknown (of which delivered: ${unknown.filter((u) => (sendsByChat.get(u.chatId) ?? 0) > 0).length})`,
      );
      expect(new Set(digests.map((d) => d.chatId)).size).toBe(SUBSCRIBERS);
      expect(digests).toHaveLength(SUBSCRIBERS);
      expect(duplicates).toEqual([]);
      expect(items.every((i) => i.status === 'sent' || i.status === 'unknown')).toBe(true);
      expect(unknown.length).toBeLessThanOrEqual(KILLS * IN_FLIGHT);
      for (const item of items.filter((i) => i.status === 'sent')) {
        expect(sendsByChat.get(item.chatId)).toBeGreaterThanOrEqual(1);
        expect(await store.subscribers.sentMessage(item.chatId, item.messageId!)).toBeDefined();
      }
      for (const d of digests) expect(['sent', 'unknown']).toContain(d.status);
    } finally {
      await store.close();
    }
  }, 300_000);
});
