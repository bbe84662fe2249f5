// Waits for an asynchronous condition (a store read) to hold: the emulator's waitFor checks a
// synchronous one on each of its changes, but a store read is a promise, so this polls.
import { setTimeout as sleep } from 'node:timers/promises';

export async function waitUntil<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, everyMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}
