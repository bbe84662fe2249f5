// Several instances sharing one fan-out (PostgreSQL; docs/scaling.md). Every instance sends:
// the outbox hands each its own messages (claims, src/store/pg/outbox.ts), and this membership
// keeps the rest true across instances:
// - registration: the instance renews its row every third of the lease; its claims are valid
//   while it does. It sends only while its lease is safely ahead, and only one renewal period
//   after it first registered, when every other instance has seen it and lowered its share;
// - the global rate: each instance paces at SEND_RATE_PER_SECOND / (instances delivering), so
//   together they stay below it (an instance that died still counts until its lease runs out:
//   the total is lower meanwhile, never higher);
// - recovery: at each renewal, messages left 'sending' by an instance whose lease ran out are
//   recorded 'unknown' (never resent), and its queued messages become claimable again.
// Per-chat pacing needs nothing here: a chat's open messages are claimed by one instance, whose
// sender keeps the chat's interval.
// Chosen over a token bucket row in PostgreSQL: no write per message on one hot row, the
// sender's pace keeps running on its own clock (tests: a fake one), and a slow database slows
// the fan-out rather than letting it burst.
import type { Logger } from '../log.ts';
import type { OutboxStore } from '../store/api.ts';
import { systemTime, type TimeSource } from '../util/time.ts';

export const DEFAULT_INSTANCE_LEASE_MS = 15_000;

export interface MembershipOptions {
  outbox: OutboxStore;
  log: Logger;
  /** How long a registration (and so the instance's claims) lasts without renewal. */
  leaseMs?: number;
  time?: TimeSource;
  /** Told how many messages of stopped instances were recorded unknown. */
  onRecovered?: (count: number) => void;
}

/** True when the store is shared by several instances (its outbox has registrations). */
export function sharedOutbox(outbox: OutboxStore): boolean {
  return typeof outbox.heartbeat === 'function';
}

export class InstanceMembership {
  private readonly leaseMs: number;
  private readonly everyMs: number;
  private readonly time: TimeSource;
  private expiresAt = 0;
  private sendFrom = Infinity;
  private instances = 1;
  private loop: Promise<void> | undefined;
  private readonly stopped = new AbortController();

  constructor(private readonly options: MembershipOptions) {
    this.leaseMs = options.leaseMs ?? DEFAULT_INSTANCE_LEASE_MS;
    this.everyMs = Math.max(100, Math.floor(this.leaseMs / 3));
    this.time = options.time ?? systemTime;
  }

  /** Instances delivering now, this one included (at least 1). */
  get count(): number {
    return this.instances;
  }

  /** Whether this instance may take messages now: registered, seen by the others, lease well ahead. */
  get valid(): boolean {
    const now = this.time.now();
    return !this.stopped.signal.aborted && now >= this.sendFrom && now < this.expiresAt - Math.min(1_000, this.leaseMs / 4);
  }

  /** Registers, recovers what stopped instances left in flight, and keeps renewing until stop(). */
  async start(): Promise<void> {
    if (this.loop) return;
    await this.renew();
    this.sendFrom = this.time.now() + this.everyMs;
    this.options.log.info({ instances: this.instances, leaseMs: this.leaseMs }, 'delivering with the other instances of this database');
    this.loop = (async () => {
      while (!this.stopped.signal.aborted) {
        await this.time.sleep(this.everyMs, this.stopped.signal);
        if (this.stopped.signal.aborted) return;
        await this.renew();
      }
    })();
  }

  private async renew(): Promise<void> {
    const now = this.time.now();
    try {
      const instances = await this.options.outbox.heartbeat!(new Date(now), this.leaseMs);
      this.expiresAt = now + this.leaseMs;
      if (instances !== this.instances) this.options.log.info({ instances }, 'instances delivering changed; each sends its share of the rate');
      this.instances = instances;
      const recovered = await this.options.outbox.recoverInFlight(new Date(now));
      if (recovered) {
        this.options.log.warn({ recovered }, 'messages left in flight by a stopped instance recorded as unknown (not resent)');
        this.options.onRecovered?.(recovered);
      }
    } catch (error) {
      // Keep the old expiry: `valid` turns false before the others may take our messages.
      this.options.log.warn({ err: error }, 'could not renew this instance\'s delivery registration');
    }
  }

  /** Stops renewing and unregisters, so the others need not wait for the lease to run out. */
  async stop(): Promise<void> {
    this.stopped.abort();
    await this.loop;
    try {
      await this.options.outbox.leave?.();
    } catch (error) {
      this.options.log.warn({ err: error }, 'could not unregister this delivery instance');
    }
  }
}
