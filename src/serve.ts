// `serve`: the Telegram bot (long polling, or a webhook with WEBHOOK_URL) and the
// scheduler (src/scheduler.ts) that polls the sources and delivers the daily digests. Shuts down cleanly on SIGINT/SIGTERM.
import { createServer, type Server } from 'node:http';
import type { Telegraf } from 'telegraf';
import { createBot, registerCommands } from './bot/index.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { startScheduler, type RunningScheduler } from './scheduler.ts';
import type { Store } from './store/index.ts';
import type { FetchOptions } from './ingest/http.ts';
import { createSummarizer } from './summarize/index.ts';

export interface ServeDeps {
  config: Config;
  log: Logger;
  store: Store;
  fetchOptions: FetchOptions;
}

export interface Running {
  stop(reason: string): Promise<void>;
}

export interface WebhookOptions {
  url: string;
  secret?: string | undefined;
  port: number;
}

export async function startWebhook(bot: Telegraf, options: WebhookOptions, log: Logger): Promise<Server> {
  const url = new URL(options.url);
  const handler = bot.webhookCallback(url.pathname, options.secret ? { secretToken: options.secret } : {});
  const server = createServer((req, res) => {
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(options.port, '0.0.0.0', resolve));
  await bot.telegram.setWebhook(url.href, { ...(options.secret ? { secret_token: options.secret } : {}), drop_pending_updates: false });
  log.info({ port: options.port, path: url.pathname }, 'webhook server listening');
  return server;
}

export async function serve(deps: ServeDeps): Promise<Running> {
  const { config, log, store } = deps;
  const summarizer = createSummarizer({ config, store, log });
  // Source polling and daily-digest delivery (one delivering scheduler per database).
  const scheduler: RunningScheduler = startScheduler({ ...deps, summarizer });
  let bot: Telegraf | undefined;
  let server: Server | undefined;

  if (!config.BOT_TOKEN) {
    log.warn('BOT_TOKEN is not set, so the Telegram bot and daily digests are off (create a bot with @BotFather, see README). Fetching news only.');
  } else {
    bot = createBot({
      token: config.BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      store,
      log,
      summarizer,
      settings: {
        defaultDigestTime: config.DEFAULT_DIGEST_TIME,
        defaultTimezone: config.DEFAULT_TIMEZONE,
        adminIds: config.ADMIN_IDS,
        allowPrivateSources: config.ALLOW_PRIVATE_SOURCES,
        fetchOptions: deps.fetchOptions,
      },
    });
    await registerCommands(bot);
    if (config.WEBHOOK_URL) {
      server = await startWebhook(bot, { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET, port: config.WEBHOOK_PORT }, log);
    } else {
      // launch() resolves only when polling stops; errors are logged, not thrown away.
      bot.launch({ dropPendingUpdates: false }).catch((error: unknown) => log.fatal({ err: error }, 'bot stopped'));
      log.info('bot started (long polling)');
    }
  }

  let stopping: Promise<void> | undefined;
  return {
    stop(reason: string) {
      stopping ??= (async () => {
        log.info({ reason }, 'shutting down');
        if (bot && !config.WEBHOOK_URL) {
          try {
            bot.stop(reason);
          } catch (error) {
            // A stop right after start, before polling began.
            log.debug({ err: error }, 'bot was not polling yet');
          }
        }
        await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
        await scheduler.stop();
        summarizer.close();
        store.close();
        log.info('stopped');
      })();
      return stopping;
    },
  };
}
