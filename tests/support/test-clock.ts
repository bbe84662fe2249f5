// A fake TimeSource for tests: time moves only when the test (or autoAdvance) moves it, and
// sleepers wake in the order of their wake-up times. Tests of pacing, backoff and leases
// assert on fake time, so a busy machine can make them slower but never wrong.
import type { TimeSource } from '../../src/util/time.ts';

interface Sleeper {
  at: number;
  order: number;
  wake(): void;
}

/** One turn of the real event loop: what the woken code does next (I/O callbacks included) runs first. */
const realTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const realPause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class TestClock implements TimeSource {
  private current: number;
  private sleepers: Sleeper[] = [];
  private order = 0;
  /** Every wait asked for, in ms, in order. */
  readonly sleeps: number[] = [];

  constructor(start: number | string | Date = Date.now()) {
    this.current = typeof start === 'number' ? start : new Date(start).getTime();
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper: Sleeper = {
        at: this.current + Math.max(0, ms),
        order: this.order++,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        sleeper.wake();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push(sleeper);
    });
  }

  /** How many waits are pending. */
  get pending(): number {
    return this.sleepers.length;
  }

  /** Moves time forward by `ms`, waking each sleeper at its own time, in order, and letting it run before the next. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await realTurn(); // what is ready to run at the current time runs first
    for (let next = this.earliest(); next && next.at <= target; next = this.earliest()) await this.wake(next);
    this.current = Math.max(this.current, target);
  }

  /** Jumps to the earliest wake-up and wakes that sleeper. False when nobody sleeps. */
  async advanceToNext(): Promise<boolean> {
    const next = this.earliest();
    if (!next) return false;
    await this.wake(next);
    return true;
  }

  /**
   * Lets time run by itself: whenever `idle()` says the code under test waits for nothing but
   * the clock (no real I/O in flight), jumps to the next wake-up. Returns a function that stops it.
   */
  autoAdvance(idle: () => boolean = () => true): () => Promise<void> {
    let running = true;
    const loop = (async () => {
      while (running) {
        await realTurn();
        if (!running) break;
        if (idle() && this.sleepers.length) await this.advanceToNext();
        else await realPause(1);
      }
    })();
    return async () => {
      running = false;
      await loop;
    };
  }

  private earliest(): Sleeper | undefined {
    let best: Sleeper | undefined;
    for (const s of this.sleepers) if (!best || s.at < best.at || (s.at === best.at && s.order < best.order)) best = s;
    return best;
  }

  private async wake(sleeper: Sleeper): Promise<void> {
    this.sleepers = this.sleepers.filter((s) => s !== sleeper);
    this.current = Math.max(this.current, sleeper.at);
    sleeper.wake();
    await realTurn();
  }
}
