// Several delivering instances on one PostgreSQL database (PGlite, in-process), on a fake clock:
// each sends its share of the global rate, a new instance waits until the others have seen it,
// and a crashed one's messages in flight are recorded unknown once its lease has run out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InstanceMembership, sharedOutbox } from '../../src/delivery/instances.ts';
import { migrate, rootDb, type PgDb, type PgPool } from '../../src/store/pg/db.ts';
import { pgMigrations } from '../../src/store/pg/migrations.ts';
import { newDeliveryInstance, PgOutboxStore } from '../../src/store/pg/outbox.ts';
import { emptyPglite } from '../support/engines.ts';
import { TestClock } from '../support/test-clock.ts';
import { memoryLogger } from './helpers.ts';

const LEASE_MS = 3_000;
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
