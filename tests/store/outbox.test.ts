// The outbox contract, on every engine: what a subscriber would notice if it broke (a second
// digest on one day, parts out of order, a message sent twice, a digest never settled, a
// blocked chat still written to) and what an operator reads (/stats counts, the scheduler lock).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestDecision, Store } from '../../src/store/api.ts';
import { engines } from '../support/engines.ts';

const NOW = new Date('2026-03-02T08:00:00Z');
const iso = NOW.toISOString();

function decision(chatId: number, parts: number, localDate = '2026-03-02'): DigestDecision {
  return {
    chatId,
    localDate,
    dueAt: NOW,
    cutoffAt: NOW,
    ingestedAfter: null,
    topic: 'syria',
    storyCount: parts,
    messages: Array.from({ length: parts }, (_, i) => ({ html: `<b>part ${i + 1}</b>`, keyboard: [[{ text: 'More', callback_data: `m:${i}` }]], stories: [{ id: `s${i + 1}` }] })),
  };
}

describe.each(engines())('outbox on $name', ({ open }) => {
  let store: Store;

  beforeEach(async () => {
    store = await open();
  });

  afterEach(async () => {
    await store.close();
  });

  it('records one digest per subscriber and local date; a second decision writes nothing', async () => {
    const id = await store.outbox.recordDecision(decision(1, 2), NOW);
    expect(id).not.toBeNull();
    expect(await store.outbox.recordDecision(decision(1, 3), NOW)).toBeNull();
    expect(await store.outbox.hasDigest(1, '2026-03-02')).toBe(true);
    expect(await store.outbox.digestKeysSince('2026-03-01')).toEqual(new Set(['1|2026-03-02']));
    expect(await store.outbox.items(id!)).toMatchObject([
      { seq: 0, html: '<b>part 1</b>', keyboard: [[{ text: 'More', callback_data: 'm:0' }]], stories: [{ id: 's1' }], status: 'pending', topic: 'syria' },
      { seq: 1, html: '<b>part 2</b>', status: 'pending' },
    ]);
    expect(await store.outbox.digest(1, '2026-03-02')).toMatchObject({ status: 'pending', messageCount: 2, storyCount: 2, cutoffAt: iso });
    expect(await store.outbox.lastCutoff(1)).toEqual(NOW);
  });

  it('records an empty digest as skipped, with nothing to send', async () => {
    await store.outbox.recordDecision(decision(2, 0), NOW);
    expect(await store.outbox.digest(2, '2026-03-02')).toMatchObject({ status: 'skipped-empty', messageCount: 0, finishedAt: iso });
    expect(await store.outbox.ready(iso, 10)).toEqual([]);
  });

  it('offers the parts of a digest in order, each taken once; the digest is sent when all are, and a reply to any part sees all its stories', async () => {
    const digestId = (await store.outbox.recordDecision(decision(3, 2), NOW))!;
    const first = await store.outbox.ready(iso, 10);
    expect(first).toHaveLength(1);
    expect(await store.outbox.takeForSending(first[0]!.id, NOW)).toMatchObject({ html: '<b>part 1</b>', attempts: 1 });
    expect(await store.outbox.takeForSending(first[0]!.id, NOW)).toBeUndefined();
    expect(await store.outbox.ready(iso, 10)).toEqual([]);
    await store.outbox.markSent(first[0]!.id, 701, NOW);
    const second = await store.outbox.ready(iso, 10);
    expect(second).toEqual([{ id: expect.any(Number), chatId: 3 }]);
    expect(await store.outbox.openCount()).toBe(1);
    await store.outbox.takeForSending(second[0]!.id, NOW);
    await store.outbox.markSent(second[0]!.id, 702, NOW);
    expect(await store.outbox.digest(3, '2026-03-02')).toMatchObject({ status: 'sent', finishedAt: iso });
    expect(await store.outbox.openCount()).toBe(0);
    const reply = await store.subscribers.digestStories(3, 702);
    expect(reply).toMatchObject({ kind: 'daily', topic: 'syria', digestKey: `digest:${digestId}`, stories: [{ id: 's1' }, { id: 's2' }] });
  });

  it('a rescheduled message waits for its time; a failed one with cancelRest cancels the later parts and fails the digest', async () => {
    await store.outbox.recordDecision(decision(4, 3), NOW);
    const [m] = await store.outbox.ready(iso, 10);
    await store.outbox.takeForSending(m!.id, NOW);
    const retryAt = new Date(NOW.getTime() + 60_000);
    await store.outbox.reschedule(m!.id, retryAt, '502 Bad Gateway', NOW);
    expect(await store.outbox.ready(iso, 10)).toEqual([]);
    expect(await store.outbox.nextRetryAt()).toBe(retryAt.toISOString());
    const [again] = await store.outbox.ready(retryAt.toISOString(), 10);
    expect(again!.id).toBe(m!.id);
    expect(await store.outbox.takeForSending(m!.id, retryAt)).toMatchObject({ attempts: 2 });
    await store.outbox.markFailed(m!.id, '403 Forbidden: bot was blocked by the user', retryAt, { cancelRest: true });
    expect((await store.outbox.items()).map((i) => i.status)).toEqual(['failed', 'cancelled', 'cancelled']);
    expect(await store.outbox.digest(4, '2026-03-02')).toMatchObject({ status: 'failed', error: '403 Forbidden: bot was blocked by the user' });
    expect(await store.outbox.lastCutoff(4)).toBeNull();
  });

  it("cancels a blocked chat's unsent messages and counts by state for /stats", async () => {
    await store.outbox.recordDecision(decision(5, 2), NOW);
    await store.outbox.recordDecision(decision(6, 1), NOW);
    await store.outbox.recordDecision(decision(7, 0), NOW);
    expect(await store.outbox.cancelChat(5, 'blocked', NOW)).toBe(2);
    const [m] = await store.outbox.ready(iso, 10);
    await store.outbox.takeForSending(m!.id, NOW);
    await store.outbox.markUnknown(m!.id, 'abandoned at shutdown', NOW);
    const counts = await store.outbox.counts({ localDate: '2026-03-02' });
    expect(counts.digests).toEqual({ pending: 0, sent: 0, failed: 1, unknown: 1, 'skipped-empty': 1 });
    expect(counts.messages).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0, unknown: 1, cancelled: 2 });
    expect((await store.outbox.counts({ localDate: '2026-03-01' })).digests.failed).toBe(0);
  });

  it('the scheduler lock: held by one owner until it expires or is released', async () => {
    const lock = (owner: string, expiresAt: number, at = NOW) =>
      store.outbox.acquireLock({ name: 'daily-digest-scheduler', owner, host: 'h', pid: 1, expiresAt }, at);
    expect((await lock('a', NOW.getTime() + 5_000)).acquired).toBe(true);
    expect(await lock('b', NOW.getTime() + 5_000)).toMatchObject({ acquired: false, holder: { owner: 'a' } });
    expect(await store.outbox.renewLock('daily-digest-scheduler', 'a', NOW.getTime() + 10_000)).toBe(true);
    expect(await store.outbox.renewLock('daily-digest-scheduler', 'b', NOW.getTime() + 10_000)).toBe(false);
    const later = new Date(NOW.getTime() + 10_001);
    expect(await lock('b', later.getTime() + 5_000, later)).toMatchObject({ acquired: true, holder: { owner: 'b', acquiredAt: later.toISOString() } });
    expect(await store.outbox.releaseLock('daily-digest-scheduler', 'b')).toBe(true);
    expect(await store.outbox.lockHolder('daily-digest-scheduler')).toBeUndefined();
  });
});
