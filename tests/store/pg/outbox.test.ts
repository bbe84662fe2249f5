// The PostgreSQL outbox as several instances share it (PGlite: the real PostgreSQL engine,
// in-process): two store objects on one database are two delivering instances. What a user
// would notice: a message sent twice (two instances claiming one row), a chat getting two
// messages at once from two instances, or a crashed instance's messages never finishing.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DigestDecision } from '../../../src/store/api.ts';
import { migrate, pglitePool, pgliteParsers, rootDb, type PgDb, type PgPool } from '../../../src/store/pg/db.ts';
import { pgMigrations } from '../../../src/store/pg/migrations.ts';
import { newDeliveryInstance, PgOutboxStore } from '../../../src/store/pg/outbox.ts';
import { PgSubscriberStore } from '../../../src/store/pg/subscribers.ts';

const NOW = new Date('2026-03-02T08:00:00Z');
const LEASE_MS = 30_000;

let pool: PgPool;
let db: PgDb;

// One in-process database for the file (starting PGlite takes seconds), emptied before each test.
beforeAll(async () => {
  pool = pglitePool(new PGlite({ parsers: pgliteParsers }));
  db = rootDb(pool);
  await migrate(db, pgMigrations);
});

beforeEach(async () => {
  await db.query('TRUNCATE digests, outbox, sent_messages, delivery_instances, scheduler_locks RESTART IDENTITY CASCADE');
});

afterAll(async () => {
  await pool.end();
});

function decision(chatId: number, parts = 1): DigestDecision {
  return {
    chatId,
    localDate: '2026-03-02',
    dueAt: NOW,
    cutoffAt: NOW,
    ingestedAfter: null,
    topic: null,
    storyCount: parts,
    messages: Array.from({ length: parts }, (_, i) => ({ html: `<b>part ${i + 1}</b> for ${chatId}`, keyboard: [], stories: [{ id: `s${i}` }] })),
  };
}

async function decideMany(store: PgOutboxStore, chats: number[], parts = 1): Promise<void> {
  for (const chatId of chats) await store.recordDecision(decision(chatId, parts), NOW);
}

const instance = (name: string) => new PgOutboxStore(db, newDeliveryInstance(name));

describe('PostgreSQL outbox: several instances on one database', () => {
  it('two instances claiming at once never get the same message, and together get them all', async () => {
    const a = instance('a');
    const b = instance('b');
    await a.heartbeat(NOW, LEASE_MS);
    await b.heartbeat(NOW, LEASE_MS);
    const chats = Array.from({ length: 60 }, (_, i) => 1000 + i);
    await decideMany(a, chats);
    const iso = NOW.toISOString();
    const [fromA, fromB] = await Promise.all([a.ready(iso, 25), b.ready(iso, 25)]);
    const [moreA, moreB] = await Promise.all([a.ready(iso, 25, fromA.map((m) => m.id)), b.ready(iso, 25, fromB.map((m) => m.id))]);
    const idsA = [...fromA, ...moreA].map((m) => m.id);
    const idsB = [...fromB, ...moreB].map((m) => m.id);
    expect(idsA.filter((id) => idsB.includes(id))).toEqual([]);
    expect(new Set([...idsA, ...idsB]).size).toBe(60);
    // A message claimed by the other instance cannot be taken.
    expect(await a.takeForSending(idsB[0]!, NOW)).toBeUndefined();
    expect(await b.takeForSending(idsB[0]!, NOW)).toMatchObject({ html: expect.stringContaining('part 1'), attempts: 1 });
  });

  it("a chat's later parts stay with the instance that sent its first part", async () => {
    const a = instance('a');
    const b = instance('b');
    await a.heartbeat(NOW, LEASE_MS);
    await b.heartbeat(NOW, LEASE_MS);
    await decideMany(a, [7], 2);
    const iso = NOW.toISOString();
    const [first] = await a.ready(iso, 10);
    expect(first).toMatchObject({ chatId: 7 });
    await a.takeForSending(first!.id, NOW);
    await a.markSent(first!.id, 501, NOW);
    // Part 2 is ready now; b may not take the chat while a holds it.
    expect(await b.ready(iso, 10)).toEqual([]);
    const [second] = await a.ready(iso, 10);
    expect(second).toMatchObject({ chatId: 7 });
    expect(second!.id).not.toBe(first!.id);
  });

  it("a crashed instance's message in flight becomes unknown once its lease runs out, and its queued ones go to another", async () => {
    const crashed = instance('crashed');
    const survivor = instance('survivor');
    await crashed.heartbeat(NOW, LEASE_MS);
    await survivor.heartbeat(NOW, LEASE_MS);
    await decideMany(crashed, [1, 2]);
    const iso = NOW.toISOString();
    const claimed = await crashed.ready(iso, 10);
    expect(claimed).toHaveLength(2);
    await crashed.takeForSending(claimed[0]!.id, NOW);
    // While the crashed instance's lease runs, nothing of it moves.
    expect(await survivor.recoverInFlight(NOW)).toBe(0);
    expect(await survivor.ready(iso, 10)).toEqual([]);

    const later = new Date(NOW.getTime() + LEASE_MS + 1);
    await survivor.heartbeat(later, LEASE_MS);
    expect(await survivor.recoverInFlight(later)).toBe(1);
    const items = await survivor.items();
    expect(items.find((i) => i.id === claimed[0]!.id)).toMatchObject({ status: 'unknown' });
    expect((await survivor.digests()).find((d) => d.chatId === claimed[0]!.chatId)).toMatchObject({ status: 'unknown' });
    // Its queued message goes to the survivor; the unknown one is never offered again.
    expect((await survivor.ready(later.toISOString(), 10)).map((m) => m.id)).toEqual([claimed[1]!.id]);
  });

  it('a message recorded unknown meanwhile is never put back to pending by its late instance', async () => {
    const slow = instance('slow');
    const other = instance('other');
    await slow.heartbeat(NOW, LEASE_MS);
    await decideMany(slow, [3]);
    const [m] = await slow.ready(NOW.toISOString(), 10);
    await slow.takeForSending(m!.id, NOW);
    const later = new Date(NOW.getTime() + LEASE_MS + 1);
    expect(await other.recoverInFlight(later)).toBe(1);
    // The slow instance's call failed with a 5xx: it would retry, but the row is no longer its to retry.
    await slow.reschedule(m!.id, later, '502 Bad Gateway', later);
    await slow.release(m!.id, later);
    expect((await other.items())[0]).toMatchObject({ status: 'unknown' });
    // Its call went through after all: recorded sent, with what it carried.
    await slow.markSent(m!.id, 900, later);
    expect((await other.items())[0]).toMatchObject({ status: 'sent', messageId: 900 });
    expect(await new PgSubscriberStore(db).sentMessage(3, 900)).toMatchObject({ stories: [{ id: 's0' }], digestKey: `digest:${(await other.digests())[0]!.id}` });
  });

  it('counts the live instances for their share of the global rate, and forgets one that left', async () => {
    const a = instance('a');
    const b = instance('b');
    expect(await a.heartbeat(NOW, LEASE_MS)).toBe(1);
    expect(await b.heartbeat(NOW, LEASE_MS)).toBe(2);
    await b.leave();
    expect(await a.heartbeat(NOW, LEASE_MS)).toBe(1);
    expect(await b.heartbeat(new Date(NOW.getTime() + LEASE_MS + 1), LEASE_MS)).toBe(1);
  });

  it('the scheduler lock: two instances asking at once, one gets it', async () => {
    const a = instance('a');
    const b = instance('b');
    const ask = (store: PgOutboxStore, owner: string) =>
      store.acquireLock({ name: 'daily-digest-scheduler', owner, host: 'h', pid: 1, expiresAt: NOW.getTime() + 5_000 }, NOW);
    const results = await Promise.all([ask(a, 'owner-a'), ask(b, 'owner-b')]);
    expect(results.filter((r) => r.acquired)).toHaveLength(1);
    expect(results[0]!.holder.owner).toBe(results[1]!.holder.owner);
  });

  it('decides a page of subscribers at once as one by one: a subscriber decided meanwhile gets no second digest, the others their messages in order', async () => {
    const outbox = instance('a');
    await outbox.recordDecision(decision(2), NOW);
    const ids = await outbox.recordDecisions([decision(1, 3), decision(2, 2), decision(3, 0)], NOW);
    expect(ids[0]).toEqual(expect.any(Number));
    expect(ids[1]).toBeNull();
    expect(ids[2]).toEqual(expect.any(Number));
    const digests = await outbox.digests();
    expect(digests.map((d) => [d.chatId, d.status, d.messageCount])).toEqual([
      [2, 'pending', 1],
      [1, 'pending', 3],
      [3, 'skipped-empty', 0],
    ]);
    expect((await outbox.items(ids[0]!)).map((i) => [i.seq, i.html, i.stories])).toEqual([
      [0, '<b>part 1</b> for 1', [{ id: 's0' }]],
      [1, '<b>part 2</b> for 1', [{ id: 's1' }]],
      [2, '<b>part 3</b> for 1', [{ id: 's2' }]],
    ]);
    // Chat 2 keeps its first digest's one message.
    expect((await outbox.items()).filter((i) => i.chatId === 2).map((i) => i.html)).toEqual(['<b>part 1</b> for 2']);
    expect(await outbox.recordDecisions([], NOW)).toEqual([]);
  });

  it("reads a page's decision inputs at once, as hasDigest, topics and lastCutoff give them one by one", async () => {
    const outbox = instance('a');
    const subscribers = new PgSubscriberStore(db);
    await db.query('TRUNCATE subscribers, subscriber_topics CASCADE');
    for (const chatId of [1, 2, 3]) await subscribers.subscribe({ chatId, digestTime: '08:00', timezone: 'UTC' }, NOW);
    await subscribers.follow(1, 'Syria', new Date('2026-03-01T10:00:00Z'));
    await subscribers.follow(1, 'Climate', new Date('2026-03-01T11:00:00Z'));
    const yesterday = new Date('2026-03-01T08:00:00Z');
    await outbox.recordDecision({ ...decision(1), localDate: '2026-03-01', cutoffAt: yesterday }, yesterday);
    // A failed digest does not move the cutoff.
    const failed = (await outbox.recordDecision({ ...decision(2), localDate: '2026-03-01', cutoffAt: yesterday }, yesterday))!;
    const [item] = await outbox.items(failed);
    await outbox.markFailed(item!.id, 'chat not found', yesterday);
    await outbox.recordDecision(decision(3), NOW);
    const due = [1, 2, 3].map((chatId) => ({ chatId, localDate: '2026-03-02' }));
    const inputs = await outbox.decisionInputs(due);
    for (const { chatId, localDate } of due) {
      expect(inputs.get(chatId)).toEqual({
        decided: await outbox.hasDigest(chatId, localDate),
        topics: await subscribers.topics(chatId),
        lastCutoff: await outbox.lastCutoff(chatId),
      });
    }
    expect(inputs.get(1)).toEqual({ decided: false, topics: ['Syria', 'Climate'], lastCutoff: yesterday });
    expect(inputs.get(2)).toEqual({ decided: false, topics: [], lastCutoff: null });
    expect(inputs.get(3)).toMatchObject({ decided: true });
  });
});
