import { describe, expect, it } from 'vitest';
import { UpdateQueue } from '../../src/bot/update-queue.ts';

/** A task that finishes when the test says so. */
function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('UpdateQueue', () => {
  it('runs one chat in order while another chat goes on', async () => {
    const queue = new UpdateQueue();
    const log: string[] = [];
    const slow = gate();
    queue.run('a', async () => {
      await slow.promise;
      log.push('a1');
    });
    queue.run('a', async () => void log.push('a2'));
    queue.run('b', async () => void log.push('b1'));
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['b1']);
    expect(queue.size).toBe(2);
    slow.open();
    expect(await queue.idle()).toBe(true);
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('a task that throws or hangs does not stop its chat; the error is reported', async () => {
    const errors: string[] = [];
    const queue = new UpdateQueue({ taskTimeoutMs: 50, onError: (error, key) => errors.push(`${key}: ${(error as Error).message}`) });
    const log: string[] = [];
    queue.run('a', async () => {
      throw new Error('boom');
    });
    queue.run('a', () => new Promise<void>(() => undefined)); // never settles
    queue.run('a', async () => void log.push('after'));
    expect(await queue.idle(5_000)).toBe(true);
    expect(log).toEqual(['after']);
    expect(errors).toEqual(['a: boom', 'a: update still running after 50 ms; its chat goes on']);
  });

  it('idle() gives up after its timeout and says so', async () => {
    const queue = new UpdateQueue();
    const never = gate();
    queue.run('a', () => never.promise);
    expect(await queue.idle(20)).toBe(false);
    never.open();
    expect(await queue.idle()).toBe(true);
  });
});
