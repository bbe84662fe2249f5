// node-cron jobs of `serve`: poll the sources (FETCH_CRON, runs never overlap), prune old rows
// daily (RETENTION_CRON) and, every minute, decide the daily digests that are due into the
// outbox, drained by the sender.
// Only the holder of the database's scheduler lease delivers; another process retries the
// lease every minute, so it takes over when the holder stops.
import cron from 'node-cron';
import type { Config, FetchConfig, StorageConfig } from './config.ts';
import { Delivery, botApi, type DeliverySettings } from './delivery/index.ts';
import type { BotApi } from './delivery/sender.ts';
import type { Clock } from './delivery/schedule.ts';
import type { FetchOptions } from './ingest/http.ts';
import { fetchJobPool, pollAndStore, pollOptionsOf } from './ingest/pipeline.ts';
import type { Logger } from './log.ts';
import type { Store } from './store/index.ts';
import type { Summarizer } from './llm/summarizer.ts';
import type { Metrics } from './util/metrics.ts';

export interface SchedulerDeps {
  config: Config;
  log: Logger;
  store: Store;
  fetchOptions: FetchOptions;
  /** Bot API client for digests; default: telegraf's, from BOT_TOKEN and TELEGRAM_API_ROOT. */
  api?: BotApi;
  clock?: Clock;
  /** Overrides of the delivery settings from config. */
  delivery?: Partial<DeliverySettings>;
  /** Poll the sources (default true). */
  fetch?: boolean;
  /** The due check's cron expression (default every minute). */
  dueCron?: string;
  /** Offline by default; the LLM when configured. */
  summarizer?: Summarizer;
  /** serve's monitoring (METRICS_PORT): fetches, new articles, digests; none by default. */
  metrics?: Metrics;
}

export interface RunningScheduler {
  readonly delivery: Delivery | undefined;
  /** 'running'; 'stopped'; or 'stalled' when the every-minute due check has not run for 3 minutes. */
  state(now?: number): 'running' | 'stopped' | 'stalled';
  /** Runs the due check now (what the every-minute job does). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startFetchSchedule(deps: Pick<SchedulerDeps, 'log' | 'store' | 'fetchOptions' | 'metrics'> & { fetch: FetchConfig }): { stop(): Promise<void> } {
  // Feeds and pages are parsed in worker threads with a time and memory limit, so the bot and
  // the other jobs keep running while a hostile document is cut off.
  const jobs = fetchJobPool(deps.fetch.parse);
  // Aborted by stop(): requests in flight end at once and the poll returns.
  const shutdown = new AbortController();
  let running: Promise<unknown> | null = null;
  const runOnce = async () => {
    if (running) {
      deps.log.info('previous fetch still running; skipping this one');
      return;
    }
    running = pollAndStore({ ...deps, jobs }, pollOptionsOf(deps.fetch.poll, deps.fetchOptions, shutdown.signal))
      .then((report) => deps.log.info({ sources: report.sources, new: report.new, failed: report.failed.length, deferred: report.deferred }, 'fetch finished'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'fetch run failed'))
      .finally(() => {
        running = null;
      });
    await running;
  };
  const task = cron.schedule(deps.fetch.cron, runOnce, { noOverlap: true, name: 'fetch-sources' });
  // First poll right away, so a fresh install has news before the first cron tick.
  void runOnce();
  return {
    async stop() {
      shutdown.abort();
      await task.stop();
      await running;
      await jobs.close();
    },
  };
}

/** Daily retention (RETENTION_CRON): old articles, sent messages, digests and LLM results go. */
export function startRetentionSchedule(deps: Pick<SchedulerDeps, 'log' | 'store' | 'clock'> & { storage: StorageConfig }): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const runOnce = async () => {
    running = deps.store.retention
      .prune(deps.storage.retention, deps.clock ? deps.clock.now() : new Date())
      .then((report) => deps.log.info(report, 'retention finished'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'retention run failed'))
      .finally(() => {
        running = null;
      });
    await running;
  };
  const task = cron.schedule(deps.storage.retentionCron, runOnce, { noOverlap: true, name: 'retention' });
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}

/** The due check runs every minute: three missed runs mean the scheduler is stuck. */
const STALLED_AFTER_MS = 3 * 60_000;

export function startScheduler(deps: SchedulerDeps): RunningScheduler {
  const { config, log, store } = deps;
  const fetching = deps.fetch === false ? undefined : startFetchSchedule({ ...deps, fetch: config.fetch });
  const retention = startRetentionSchedule({ ...deps, storage: config.storage });

  let delivery: Delivery | undefined;
  const api = deps.api ?? (config.bot.token ? botApi(config.bot.token, config.bot.apiRoot) : undefined);
  if (!api) {
    log.debug('no Bot API client (BOT_TOKEN is not set): daily digests are not delivered');
  } else {
    const summarizer = deps.summarizer;
    delivery = new Delivery({
      store,
      log,
      api,
      settings: { ...config.delivery, ...deps.delivery },
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(summarizer && summarizer.name !== 'offline' ? { improve: (digest) => summarizer.improveDigest(digest) } : {}),
      ...(deps.metrics ? { metrics: deps.metrics } : {}),
    });
  }

  let stopped = false;
  let lastTickAt = Date.now();
  let ticking = false;
  const tick = async () => {
    lastTickAt = Date.now();
    if (!delivery || stopped) return;
    ticking = true;
    try {
      // Not the holder (yet): try to take the lease, e.g. after the holder stopped.
      if (!delivery.holdsLock) await delivery.start();
      await delivery.tick();
    } catch (error) {
      log.error({ err: error }, 'daily digest check failed');
    } finally {
      ticking = false;
    }
  };

  const dueTask = delivery ? cron.schedule(deps.dueCron ?? '* * * * *', tick, { noOverlap: true, name: 'deliver-due-digests' }) : undefined;
  // Right away: digests missed while the process was down go out now, once.
  void tick();

  return {
    delivery,
    tick,
    state(now = Date.now()) {
      if (stopped) return 'stopped';
      // Without delivery there is no every-minute job to watch; a long run (a big fan-out being decided) is not stuck.
      return delivery && !ticking && now - lastTickAt > STALLED_AFTER_MS ? 'stalled' : 'running';
    },
    async stop() {
      stopped = true;
      await dueTask?.stop();
      await delivery?.stop();
      await fetching?.stop();
      await retention.stop();
    },
  };
}
