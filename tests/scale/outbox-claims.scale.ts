// `npm run test:scale`, part 1: the outbox claims under real concurrency. PGlite (npm test) runs
// one session at a time, so only a real server shows FOR UPDATE SKIP LOCKED at work: three
// instances, each with its own connection pool and four claim loops at once, drain 5,000
// digests. No message may be claimed or taken twice, none may be left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, pgPool, rootDb, type PgPool } from '../../src/store/pg/db.ts';
import { pgMigrations } from '../../src/store/pg/migrations.ts';
import { newDeliveryInstance, PgOutboxStore } from '../../src/store/pg/outbox.ts';
import { startPgServer, type PgServer } from '../support/pg-server.ts';

const DIGESTS = 5_000;
const INSTANCES = 3;
const LOOPS = 4;
const NOW = new Date();

let server: PgServer;
const pools: PgPool[] = [];

beforeAll(async () => {
  server = await startPgServer({ database: 'claims' });
  const setup = pgPool(server.url);
  pools.push(setup);
  const db = rootDb(setup);
  await migrate(db, pgMigrations);
  const outbox = new PgOutboxStore(db);
  for (let start = 0; start < DIGESTS; start += 500) {
    await db.atomic(async (tx) => {
      const store = new PgOutboxStore(tx);
      for (let chatId = start; chatId < start + 500; chatId++) {
        await store.recordDecision(
          { chatId, localDate: '2026-03-02', dueAt: NOW, cutoffAt: NOW, ingestedAfter: null, topic: null, storyCount: 1, messages: [{ html: `for ${chatId}`, keyboard: [], stories: [] }] },
          NOW,
        );
      }
    });
  }
  expect(await outbox.openCount()).toBe(DIGESTS);
});

afterAll(async () => {
  for (const pool of pools) await pool.end();
  await server?.stop();
});

describe('outbox claims on a real PostgreSQL server', () => {
  it(`${INSTANCES} instances x ${LOOPS} claim loops drain ${DIGESTS} messages: each taken exactly once`, async () => {
    const taken = new Map<number, string>();
    const twice: number[] = [];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: INSTANCES }, async (_, i) => {
        const pool = pgPool(server.url);
        pools.push(pool);
        const outbox = new PgOutboxStore(rootDb(pool), newDeliveryInstance(`instance-${i}`));
        await outbox.heartbeat(new Date(), 60_000);
        await Promise.all(
          Array.from({ length: LOOPS }, async () => {
            for (;;) {
              const batch = await outbox.ready(new Date().toISOString(), 50);
              if (!batch.length) return;
              for (const m of batch) {
                if (!(await outbox.takeForSending(m.id))) continue;
                if (taken.has(m.id)) twice.push(m.id);
                taken.set(m.id, outbox.instance.owner);
                await outbox.markSent(m.id, m.id);
              }
            }
          }),
        );
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const perInstance = [...new Set(taken.values())].map((owner) => [...taken.values()].filter((o) => o === owner).length);
    console.log(
      `outbox claims: ${taken.size} messages taken by ${INSTANCES} instances (${perInstance.join(' / ')}), ${twice.length} twice, ${(taken.size / seconds).toFixed(0)} messages/s through claim + take + markSent`,
    );
    expect(twice).toEqual([]);
    expect(taken.size).toBe(DIGESTS);
    expect(perInstance.every((n) => n > 0)).toBe(true);
  });
});
