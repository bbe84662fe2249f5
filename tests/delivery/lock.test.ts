// The scheduler lease on a fake clock: who may send, renewal, expiry and loss, without waiting.
import { afterEach, describe, expect, it } from 'vitest';
import { SchedulerLease } from '../../src/delivery/lock.ts';
import { openStore } from '../../src/store/index.ts';
import { TestClock } from '../support/test-clock.ts';
import { memoryLogger, tempDir } from './helpers.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Two stores on one database file, as two processes would have. */
async function twoProcesses() {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const a = await openStore(`${dir}/db.sqlite`);
  const b = await openStore(`${dir}/db.sqlite`);
  cleanups.push(async () => await a.close(), async () => await b.close());
  return { a, b };
}

describe('scheduler lease (fake clock)', () => {
  it('one holder at a time; renewals keep it for as long as the holder runs', async () => {
    const clock = new TestClock('2026-05-01T09:00:00Z');
    const { a, b } = await twoProcesses();
    const first = new SchedulerLease(a, { leaseMs: 3_000, time: clock, log: memoryLogger().log });
    const second = new SchedulerLease(b, { leaseMs: 3_000, time: clock, log: memoryLogger().log });
    cleanups.push(async () => await first.release(), async () => await second.release());
    expect((await first.acquire()).acquired).toBe(true);
    expect(first.valid).toBe(true);
    const refused = await second.acquire();
    expect(refused.acquired).toBe(false);
    expect(refused.holder.owner).toBe(first.owner);
    // A minute later (renewed every second), the first still holds it.
    await clock.advance(60_000);
    expect(first.valid).toBe(true);
    expect((await second.acquire()).acquired).toBe(false);
    await first.release();
    expect(first.valid).toBe(false);
    expect((await second.acquire()).acquired).toBe(true);
  });

  it('a holder that stops renewing is no longer valid before its lease ends; another takes over at the end and the first learns it lost', async () => {
    const clock = new TestClock('2026-05-01T09:00:00Z');
    const { a, b } = await twoProcesses();
    const lost: string[] = [];
    const log = memoryLogger();
    // Renewals far apart: this holder seems hung (as with a blocked event loop).
    const stuck = new SchedulerLease(a, { leaseMs: 4_000, renewEveryMs: 60_000, time: clock, log: log.log, onLost: () => lost.push('lost') });
    const other = new SchedulerLease(b, { leaseMs: 4_000, time: clock, log: memoryLogger().log });
    cleanups.push(async () => await stuck.release(), async () => await other.release());
    expect((await stuck.acquire()).acquired).toBe(true);
    await clock.advance(2_999);
    expect(stuck.valid).toBe(true);
    // The last second of the lease is a safety margin: it stops sending before it may be replaced.
    await clock.advance(1);
    expect(stuck.valid).toBe(false);
    expect((await other.acquire()).acquired).toBe(false);
    await clock.advance(1_000);
    expect((await other.acquire()).acquired).toBe(true);
    expect(await stuck.renew()).toBe(false);
    expect(lost).toEqual(['lost']);
    expect(log.lines.some((l) => /scheduler lease lost/.test(l.msg))).toBe(true);
  });
});
