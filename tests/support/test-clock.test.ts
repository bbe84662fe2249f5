import { describe, expect, it } from 'vitest';
import { TestClock } from './test-clock.ts';

describe('TestClock', () => {
  it('wakes sleepers in the order of their times, each at its time, and only when moved', async () => {
    const clock = new TestClock(1_000);
    const woke: [string, number][] = [];
    void clock.sleep(300).then(() => woke.push(['b', clock.now()]));
    void clock.sleep(100).then(() => woke.push(['a', clock.now()]));
    void clock.sleep(900).then(() => woke.push(['c', clock.now()]));
    await clock.advance(299);
    expect(woke).toEqual([['a', 1_100]]);
    await clock.advance(1_000);
    expect(woke).toEqual([['a', 1_100], ['b', 1_300], ['c', 1_900]]);
    expect(clock.now()).toBe(2_299);
    expect(clock.sleeps).toEqual([300, 100, 900]);
  });

  it('an aborted sleep resolves at once and leaves nothing pending', async () => {
    const clock = new TestClock(0);
    const waker = new AbortController();
    const slept = clock.sleep(10_000, waker.signal);
    expect(clock.pending).toBe(1);
    waker.abort();
    await slept;
    expect(clock.pending).toBe(0);
    expect(clock.now()).toBe(0);
  });

  it('autoAdvance runs time forward while the code under test is idle', async () => {
    const clock = new TestClock(0);
    const stop = clock.autoAdvance();
    for (let i = 0; i < 5; i++) await clock.sleep(60_000);
    await stop();
    expect(clock.now()).toBe(300_000);
  });
});
