// Time that passes: the current instant and waiting. Code that paces, backs off or holds a
// lease takes a TimeSource, so that its tests run on a fake clock (tests/support/test-clock.ts)
// instead of sleeping and hoping the machine keeps up.

export interface TimeSource {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Resolves after `ms`, or as soon as `signal` aborts: without an error, so that a waker
   * can cut a wait short; a caller that must stop on abort checks the signal afterwards.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemTime: TimeSource = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};
