// Several delivering instances on one PostgreSQL database (PGlite, in-process), on a fake clock:
// each sends its share of the global rate, a new instance waits until the others have seen it,
// and a crashed one's messages in flight are recorded unknown once its lease has run out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Delivery, botApi } from '../../src/delivery/index.ts';
import { InstanceMembership, sharedOutbox } from '../../src/delivery/instances.ts';
import { migrate, rootDb, type PgDb, type PgPool } from '../../src/store/pg/db.ts';
import { pgMigrations } from '../../src/store/pg/migrations.ts';
import { newDeliveryInstance, PgOutboxStore } from '../../src/store/pg/outbox.ts';
import { PgStore } from '../../src/store/pg/store.ts';
import { startTelegramEmulator } from '../support/telegram-emulator.ts';
import { emptyPglite } from '../support/engines.ts';
import { TestClock } from '../support/test-clock.ts';
import { addSubscribers, manySubscribers, memoryLogger, seedArticles, settings } from './helpers.ts';

const LEASE_MS = 3_000;
// Telegram's pace, enforced by the emulator on the same fake clock as the senders.
const TELEGRAM_RATE = 30;
const RATE = 29;
const SHARED_SUBSCRIBERS = 150;
let pool: PgPool;
let db: PgDb;

beforeAll(async () => {
  pool = await emptyPglite();
  db = rootDb(pool);
  await migrate(db, pgMigrations);
});

beforeEach(async () => {
  await db.query('TRUNCATE digests, outbox, delivery_instances RESTART IDENTITY CASCADE');
});

afterAll(async () => {
  await pool.end();
});

/** Waits (real time, bounded) for the renewal the clock just woke to finish its database calls. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function member(name: string, clock: TestClock) {
  const outbox = new PgOutboxStore(db, newDeliveryInstance(name));
  const { log, lines } = memoryLogger();
  return { outbox, lines, membership: new InstanceMembership({ outbox, log, leaseMs: LEASE_MS, time: clock }) };
}

describe('InstanceMembership', () => {
  it('is used only where the outbox is shared by instances', () => {
    expect(sharedOutbox(new PgOutboxStore(db))).toBe(true);
  });

  it('a new instance sends only after one renewal period, and each instance counts the others for its share', async () => {
    const clock = new TestClock('2026-03-02T08:00:00Z');
    const a = member('a', clock);
    const b = member('b', clock);
    await a.membership.start();
    expect(a.membership.count).toBe(1);
    expect(a.membership.valid).toBe(false);
    await clock.advance(LEASE_MS / 3);
    expect(a.membership.valid).toBe(true);

    await b.membership.start();
    expect(b.membership.count).toBe(2);
    expect(b.membership.valid).toBe(false);
    // a learns of b at its next renewal, before b may send.
    await clock.advance(LEASE_MS / 3);
    await until(() => a.membership.count === 2);
    expect(b.membership.valid).toBe(true);

    await b.membership.stop();
    await clock.advance(LEASE_MS / 3);
    await until(() => a.membership.count === 1);
    await a.membership.stop();
    expect(a.membership.valid).toBe(false);
  });

  it("records a crashed instance's message in flight as unknown once its lease has run out", async () => {
    const clock = new TestClock('2026-03-02T08:00:00Z');
    const crashed = member('crashed', clock);
    const survivor = member('survivor', clock);
    const now = new Date(clock.now());
    await crashed.outbox.heartbeat(now, LEASE_MS);
    await crashed.outbox.recordDecision(
      { chatId: 5, localDate: '2026-03-02', dueAt: now, cutoffAt: now, ingestedAfter: null, topic: null, storyCount: 1, messages: [{ html: 'hi', keyboard: [], stories: [] }] },
      now,
    );
    const [m] = await crashed.outbox.ready(now.toISOString(), 10);
    await crashed.outbox.takeForSending(m!.id, now);
    // The crashed instance renews no more; the survivor runs.
    await survivor.membership.start();
    await clock.advance(LEASE_MS / 3);
    expect((await survivor.outbox.items())[0]!.status).toBe('sending');
    await clock.advance(LEASE_MS);
    await until(async () => (await survivor.outbox.items())[0]!.status === 'unknown');
    expect(survivor.lines.some((l) => l.msg.includes('recorded as unknown') && l.recovered === 1)).toBe(true);
    await survivor.membership.stop();
  });
});

describe('two Delivery instances on one PostgreSQL database (fake clock)', () => {
  it('share the fan-out: each digest sent once, both send, and together they keep the global rate without a 429', async () => {
    // Now: the due check runs on the real date, and the news is from the last hour.
    const clock = new TestClock();
    const pool = await emptyPglite();
    const stores = [await PgStore.openOn(pool), await PgStore.openOn(pool)];
    const subs = manySubscribers(SHARED_SUBSCRIBERS);
    await seedArticles(stores[0]!, new Date(clock.now()), 20);
    await addSubscribers(stores[0]!, subs);
    const emulator = await startTelegramEmulator({
      now: () => clock.now(),
      chats: subs.map((s) => s.chatId),
      rateLimits: { global: { perSecond: TELEGRAM_RATE, burst: TELEGRAM_RATE }, perChat: { perSecond: 1, burst: 1 } },
    });
    const { log } = memoryLogger();
    const deliveries = stores.map(
      (store) =>
        new Delivery({
          store,
          log,
          api: botApi(emulator.token, emulator.apiRoot),
          settings: settings({ ratePerSecond: RATE, maxInFlight: 8, requestTimeoutMs: 30_000, instanceLeaseMs: 3_000 }),
          time: clock,
        }),
    );
    const stopClock = clock.autoAdvance(() => deliveries.every((d) => d.sender.inFlightCount === 0));
    try {
      await Promise.all(deliveries.map((d) => d.start()));
      const deciding = deliveries.find((d) => d.holdsLock)!;
      expect(deliveries.filter((d) => d.holdsLock)).toHaveLength(1);
      expect((await deciding.tick({ everyoneDue: true }))?.queued).toBe(SHARED_SUBSCRIBERS);
      await Promise.all(deliveries.map((d) => d.drain()));
      await Promise.all(deliveries.map((d) => d.stop()));
    } finally {
      await stopClock();
      await emulator.close();
      for (const store of stores) await store.close();
    }

    const sends = emulator.requests.filter((r) => r.method === 'sendMessage' && r.ok);
    const items = await stores[0]!.outbox.items();
    expect(sends).toHaveLength(items.length);
    expect(new Set(sends.map((s) => s.params.text + String(s.chatId))).size).toBe(items.length);
    expect(items.every((i) => i.status === 'sent')).toBe(true);
    expect(deliveries.every((d) => d.sender.stats.sent > 0)).toBe(true);
    expect(emulator.rejected.filter((r) => r.errorCode === 429)).toEqual([]);
    // In any one second of the fake clock, both instances together stay within the pace and its burst.
    const times = sends.map((r) => r.time).sort((a, b) => a - b);
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 1_000) j++;
      expect(i - j + 1).toBeLessThanOrEqual(RATE + 2);
    }
    const span = (times.at(-1)! - times[0]!) / 1000;
    console.log(
      `two instances: ${deliveries.map((d) => d.sender.stats.sent).join(' + ')} messages in ${span.toFixed(2)} s of fake time = ${(times.length / span).toFixed(1)}/s (pace ${RATE}/s shared, Telegram ${TELEGRAM_RATE}/s)`,
    );
  }, 180_000);
});
