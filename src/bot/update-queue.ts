// Updates are handled one at a time per chat, in the order they came, and never hold up the
// others. telegraf waits for a whole batch of updates before it asks for the next one, so one
// chat whose replies wait on Telegram's per-chat limit (429) used to delay every other user;
// here each chat has its own queue and telegraf's poll (or the webhook's answer) goes on at once.
// A task that runs past `taskTimeoutMs` stops holding its chat's queue (it finishes on its own).

export interface UpdateQueueOptions {
  /** Longest time one update may hold its chat's queue. */
  taskTimeoutMs?: number;
  /** Told about a task that threw or ran too long; the queue goes on. */
  onError?: (error: unknown, key: string) => void;
}

export class UpdateQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly taskTimeoutMs: number;

  constructor(private readonly options: UpdateQueueOptions = {}) {
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
  }

  /** Tasks queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Runs `task` after the tasks queued before it for the same key; returns at once. */
  run(key: string, task: () => Promise<void>): void {
    this.pending++;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous
      .then(() => this.bounded(task))
      .catch((error: unknown) => this.options.onError?.(error, key))
      .finally(() => {
        if (this.tails.get(key) === current) this.tails.delete(key);
        if (--this.pending === 0) this.settle();
      });
    this.tails.set(key, current);
  }

  /** Resolves when nothing is queued or running, or after `timeoutMs`; true when idle. */
  idle(timeoutMs = Infinity): Promise<boolean> {
    if (this.pending === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = Number.isFinite(timeoutMs) ? setTimeout(() => resolve(false), timeoutMs) : undefined;
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private settle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private bounded(task: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`update still running after ${this.taskTimeoutMs} ms; its chat goes on`)), this.taskTimeoutMs);
    });
    return Promise.race([task(), timeout]).finally(() => clearTimeout(timer));
  }
}
