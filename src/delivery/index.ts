// Delivery wiring: the scheduler lease, due decisions into the outbox, and the sender that
// drains it. Used by the scheduler (every minute, in `serve`) and by `news-digest deliver`.
import { Telegram } from 'telegraf';
import { dailyDigestSettings } from '../app/index.ts';
import type { DeliveryConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { DeliveryCounts, LockHolder, Store } from '../store/index.ts';
import type { Digest } from '../model/digest.ts';
import { decideDue, type DecideReport } from './decide.ts';
import { SchedulerLease } from './lock.ts';
import { localDate, systemClock, type Clock } from './schedule.ts';
import { Sender, type BotApi, type SenderSettings, type SenderStats } from './sender.ts';
import type { Metrics } from '../util/metrics.ts';
import { systemTime, type TimeSource } from '../util/time.ts';

export { decideDue, findDue, dailyDigest, type DecideReport } from './decide.ts';
export { SchedulerLease, SCHEDULER_LOCK } from './lock.ts';
export { dueToday, nextDueAt, zonedTimeToUtc, localDate, localParts, fixedClock, systemClock, type Clock } from './schedule.ts';
export { Sender, Pacer, type BotApi, type SenderSettings, type SenderStats } from './sender.ts';

/** The configured delivery slice, plus the sender's finer settings (tests tune them). */
export type DeliverySettings = SenderSettings & DeliveryConfig;

/** A raw Bot API client for the sender (its own retry logic; no telegraf middleware). */
export function botApi(token: string, apiRoot: string): BotApi {
  return new Telegram(token, { apiRoot, webhookReply: false }) as unknown as BotApi;
}

export interface DeliveryDeps {
  store: Store;
  log: Logger;
  api: BotApi;
  settings: DeliverySettings;
  /** Due-time clock: which daily digests are due (tests set the date). */
  clock?: Clock;
  /** Time that passes: the lease, pacing, retries and timeouts (tests: a fake clock that never sleeps). */
  time?: TimeSource;
  /** Improves each digest before it is recorded (the LLM, when configured). */
  improve?: (digest: Digest) => Promise<Digest>;
  /** Told digests decided, messages sent, failed or unknown, and send latency (serve's monitoring). */
  metrics?: Pick<Metrics, 'digestsDecided' | 'digestMessages' | 'sendLatency'>;
}

export interface StartResult {
  acquired: boolean;
  holder: LockHolder;
  /** Messages found in flight from a previous run, now recorded as unknown. */
  recoveredUnknown: number;
}

export interface DeliveryStats {
  counts: DeliveryCounts;
  sender: SenderStats;
  /** Ambiguous messages found at start of this process (not resent). */
  recoveredUnknown: number;
  holdsLock: boolean;
}

export class Delivery {
  readonly lease: SchedulerLease;
  readonly sender: Sender;
  private readonly clock: Clock;
  private readonly time: TimeSource;
  private recoveredUnknown = 0;
  private started = false;
  private deciding: Promise<DecideReport | null> | null = null;
  private stopping = false;

  constructor(private readonly deps: DeliveryDeps) {
    this.clock = deps.clock ?? systemClock;
    const time = deps.time ?? systemTime;
    this.time = time;
    this.lease = new SchedulerLease(deps.store, {
      leaseMs: deps.settings.leaseMs,
      log: deps.log,
      time,
      onLost: () => deps.log.warn('delivery paused: the scheduler lease is held by another process'),
    });
    this.sender = new Sender({
      store: deps.store,
      api: deps.api,
      log: deps.log,
      settings: deps.settings,
      time,
      canSend: () => this.lease.valid && !this.stopping,
      ...(deps.metrics ? { metrics: deps.metrics } : {}),
    });
  }

  get holdsLock(): boolean {
    return this.lease.valid;
  }

  /**
   * Takes the scheduler lease. The holder records what a dead predecessor left in flight as
   * unknown, then starts the sender. Without the lease nothing is sent (and the log says why).
   */
  async start(): Promise<StartResult> {
    const result = await this.lease.acquire();
    if (!result.acquired) {
      if (!this.started) {
        this.deps.log.warn(
          { holder: { host: result.holder.host, pid: result.holder.pid, expiresAt: new Date(result.holder.expiresAt).toISOString() } },
          'another scheduler holds the delivery lock for this database; this process sends no digests',
        );
      }
      return { ...result, recoveredUnknown: 0 };
    }
    const recovered = await this.deps.store.outbox.recoverInFlight(new Date(this.time.now()));
    this.recoveredUnknown += recovered;
    this.deps.metrics?.digestMessages('unknown', recovered);
    const counts = await this.deps.store.outbox.counts();
    this.deps.log.info(
      { recoveredUnknown: recovered, unknownTotal: counts.messages.unknown, pending: counts.messages.pending },
      recovered ? 'delivery lock taken; messages left in flight by a stopped process recorded as unknown (not resent)' : 'delivery lock taken',
    );
    this.started = true;
    this.sender.start();
    return { ...result, recoveredUnknown: recovered };
  }

  /** Decides every due subscriber into the outbox and wakes the sender. Null without the lease. */
  tick(options: { everyoneDue?: boolean } = {}): Promise<DecideReport | null> {
    if (this.deciding) return this.deciding;
    if (!this.lease.valid || this.stopping) return Promise.resolve(null);
    this.deciding = decideDue(this.deps.store, {
      now: this.clock.now(),
      everyoneDue: options.everyoneDue ?? false,
      // The one place a daily digest's story count is decided: the app's default, or DIGEST_MAX_STORIES.
      ...dailyDigestSettings(this.deps.settings),
      shouldStop: () => this.stopping || !this.lease.valid,
      log: this.deps.log,
      ...(this.deps.improve ? { improve: this.deps.improve } : {}),
    })
      .then((report) => {
        this.deps.metrics?.digestsDecided('queued', report.queued);
        this.deps.metrics?.digestsDecided('empty', report.skippedEmpty);
        this.sender.poke();
        return report;
      })
      .finally(() => {
        this.deciding = null;
      });
    return this.deciding;
  }

  /** Resolves when nothing is pending or in flight. */
  drain(): Promise<void> {
    return this.sender.drain();
  }

  async stats(): Promise<DeliveryStats> {
    return {
      counts: await this.deps.store.outbox.counts(),
      sender: { ...this.sender.stats },
      recoveredUnknown: this.recoveredUnknown,
      holdsLock: this.lease.valid,
    };
  }

  /** Stops taking new work, lets calls in flight finish (or records them unknown), releases the lease. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.deciding?.catch(() => null);
    await this.sender.stop();
    await this.lease.release();
  }
}

/** Lines for the admin /stats command: today's (UTC) daily digests by state. */
export async function deliveryStatsLines(store: Store, now = new Date()): Promise<string[]> {
  const today = await store.outbox.counts({ localDate: localDate(now, 'UTC') });
  const all = await store.outbox.counts();
  return [
    `Digests today: sent ${today.digests.sent}, pending ${today.digests.pending}, empty ${today.digests['skipped-empty']}, failed ${today.digests.failed}, unknown ${today.digests.unknown}`,
    `Messages unknown (ambiguous after a crash, not resent): ${all.messages.unknown}; failed: ${all.messages.failed}`,
  ];
}
