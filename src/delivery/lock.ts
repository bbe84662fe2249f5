// One scheduler per database: a lease in the store that its holder renews while it runs.
// A second process finds the lease held and sends nothing. A holder that died is replaced
// when its lease expires, or at once when it ran on this host and its pid is gone.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../log.ts';
import type { LockHolder, Store } from '../store/index.ts';
import { systemTime, type TimeSource } from '../util/time.ts';

export const SCHEDULER_LOCK = 'daily-digest-scheduler';

export interface LeaseOptions {
  name?: string;
  /** How long a lease lasts without renewal. */
  leaseMs: number;
  /** Renewal period; default a third of leaseMs. */
  renewEveryMs?: number;
  /** The lease's expiry and its renewals run on it (tests: a fake clock). */
  time?: TimeSource;
  log: Logger;
  /** Called once if the lease is lost (renewal failed): stop sending at once. */
  onLost?: () => void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A holder on this host whose process no longer exists. */
export function isStaleHolder(holder: LockHolder): boolean {
  return holder.host === hostname() && holder.pid !== process.pid && !processAlive(holder.pid);
}

export class SchedulerLease {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly name: string;
  private readonly time: TimeSource;
  private renewal: AbortController | undefined;
  private expiresAt = 0;
  private held = false;

  constructor(
    private readonly store: Store,
    private readonly options: LeaseOptions,
  ) {
    this.name = options.name ?? SCHEDULER_LOCK;
    this.time = options.time ?? systemTime;
  }

  /** Whether we hold the lease now (with a safety margin before its expiry). */
  get valid(): boolean {
    return this.held && this.time.now() < this.expiresAt - Math.min(1_000, this.options.leaseMs / 4);
  }

  /** Tries to take the lease; on success renews it in the background until release(). */
  async acquire(): Promise<{ acquired: boolean; holder: LockHolder }> {
    const now = this.time.now();
    const expiresAt = now + this.options.leaseMs;
    const result = await this.store.outbox.acquireLock(
      { name: this.name, owner: this.owner, host: hostname(), pid: process.pid, expiresAt },
      new Date(now),
      isStaleHolder,
    );
    if (result.acquired) {
      this.held = true;
      this.expiresAt = expiresAt;
      this.startRenewal();
    }
    return result;
  }

  private startRenewal(): void {
    if (this.renewal) return;
    const every = this.options.renewEveryMs ?? Math.max(100, Math.floor(this.options.leaseMs / 3));
    const renewal = new AbortController();
    this.renewal = renewal;
    void (async () => {
      for (;;) {
        await this.time.sleep(every, renewal.signal);
        if (renewal.signal.aborted) return;
        await this.renew();
      }
    })();
  }

  async renew(): Promise<boolean> {
    if (!this.held) return false;
    let ok = false;
    const expiresAt = this.time.now() + this.options.leaseMs;
    try {
      ok = await this.store.outbox.renewLock(this.name, this.owner, expiresAt);
    } catch (error) {
      this.options.log.warn({ err: error }, 'could not renew the scheduler lease');
      // Keep the old expiry: `valid` turns false before it runs out.
      return false;
    }
    if (ok) {
      this.expiresAt = expiresAt;
      return true;
    }
    this.lost();
    return false;
  }

  private lost(): void {
    if (!this.held) return;
    this.held = false;
    this.stopRenewal();
    this.options.log.error({ lock: this.name }, 'scheduler lease lost to another process; this process stops delivering');
    this.options.onLost?.();
  }

  private stopRenewal(): void {
    this.renewal?.abort();
    this.renewal = undefined;
  }

  async release(): Promise<void> {
    this.stopRenewal();
    if (!this.held) return;
    this.held = false;
    try {
      await this.store.outbox.releaseLock(this.name, this.owner);
    } catch (error) {
      this.options.log.warn({ err: error }, 'could not release the scheduler lease');
    }
  }
}
