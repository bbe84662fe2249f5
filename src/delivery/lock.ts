// One scheduler per database: a lease in the store that its holder renews while it runs.
// A second process finds the lease held and sends nothing. A holder that died is replaced
// when its lease expires, or at once when it ran on this host and its pid is gone.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../log.ts';
import type { LockHolder, Store } from '../store/index.ts';
import { systemClock, type Clock } from './schedule.ts';

export const SCHEDULER_LOCK = 'daily-digest-scheduler';

export interface LeaseOptions {
  name?: string;
  /** How long a lease lasts without renewal. */
  leaseMs: number;
  /** Renewal period; default a third of leaseMs. */
  renewEveryMs?: number;
  clock?: Clock;
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
  private readonly clock: Clock;
  private timer: NodeJS.Timeout | undefined;
  private expiresAt = 0;
  private held = false;

  constructor(
    private readonly store: Store,
    private readonly options: LeaseOptions,
  ) {
    this.name = options.name ?? SCHEDULER_LOCK;
    this.clock = options.clock ?? systemClock;
  }

  /** Whether we hold the lease now (with a safety margin before its expiry). */
  get valid(): boolean {
    return this.held && Date.now() < this.expiresAt - Math.min(1_000, this.options.leaseMs / 4);
  }

  /** Tries to take the lease; on success renews it in the background until release(). */
  acquire(): { acquired: boolean; holder: LockHolder } {
    const now = this.clock.now();
    const result = this.store.outbox.acquireLock(
      { name: this.name, owner: this.owner, host: hostname(), pid: process.pid, expiresAt: now.getTime() + this.options.leaseMs },
      now,
      isStaleHolder,
    );
    if (result.acquired) {
      this.held = true;
      this.expiresAt = Date.now() + this.options.leaseMs;
      this.startRenewal();
    }
    return result;
  }

  private startRenewal(): void {
    if (this.timer) return;
    const every = this.options.renewEveryMs ?? Math.max(100, Math.floor(this.options.leaseMs / 3));
    this.timer = setInterval(() => this.renew(), every);
    this.timer.unref();
  }

  renew(): boolean {
    if (!this.held) return false;
    let ok = false;
    try {
      ok = this.store.outbox.renewLock(this.name, this.owner, this.clock.now().getTime() + this.options.leaseMs);
    } catch (error) {
      this.options.log.warn({ err: error }, 'could not renew the scheduler lease');
      // Keep the old expiry: `valid` turns false before it runs out.
      return false;
    }
    if (ok) {
      this.expiresAt = Date.now() + this.options.leaseMs;
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
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  release(): void {
    this.stopRenewal();
    if (!this.held) return;
    this.held = false;
    try {
      this.store.outbox.releaseLock(this.name, this.owner);
    } catch (error) {
      this.options.log.warn({ err: error }, 'could not release the scheduler lease');
    }
  }
}
