// createBot(deps): the Telegraf bot people talk to. Each feature is a Composer in features/;
// here are only what every update goes through (retries, fairness, errors) and the list of features.
import { Telegraf } from 'telegraf';
import { createServices, type AppServices } from '../app/index.ts';
import type { Logger } from '../log.ts';
import { offlineSummarizer, type Summarizer } from '../llm/summarizer.ts';
import type { Store } from '../store/index.ts';
import { LANGUAGES, translator } from '../i18n/index.ts';
import { commandMenu } from './commands.ts';
import { readerLanguage, type BotContext, type BotDependencies, type BotSettings } from './context.ts';
import { admin } from './features/admin.ts';
import { digests } from './features/digests.ts';
import { language } from './features/language.ts';
import { settingsScreen } from './features/settings-screen.ts';
import { questions } from './features/questions.ts';
import { settings as settingsFeature } from './features/settings.ts';
import { sources } from './features/sources.ts';
import { subscription } from './features/subscription.ts';
import { topics } from './features/topics.ts';
import { unhandled } from './features/unhandled.ts';
import { errorReporter, fairnessMiddleware } from './middleware.ts';
import { UserRateLimiter } from './rate-limit.ts';
import { withRetries, type RetryOptions } from './retry.ts';
import { UpdateQueue } from './update-queue.ts';

export type { BotContext, BotSettings } from './context.ts';

/** The bot createBot makes: Telegraf over our context. */
export type Bot = Telegraf<BotContext>;

export interface BotDeps {
  token: string;
  apiRoot: string;
  store: Store;
  log: Logger;
  settings: BotSettings;
  now?: () => Date;
  retry?: RetryOptions;
  /** Offline by default; the LLM when configured. */
  summarizer?: Summarizer;
  /** The digests and answers; made from the store and summarizer when not given. */
  services?: AppServices;
  /** Where updates wait for their chat's turn; pass one to wait for it to drain at shutdown. */
  updates?: UpdateQueue;
}

export function createBot(deps: BotDeps): Bot {
  const { store, log, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const app =
    deps.services ??
    createServices({
      store,
      summarizer: deps.summarizer ?? offlineSummarizer,
      now,
      digestDefaults: { ...(settings.windowHours ? { windowHours: settings.windowHours } : {}), ...(settings.maxStories ? { maxStories: settings.maxStories } : {}) },
      ...(settings.dailyMaxStories !== undefined ? { dailyDigest: { maxStories: settings.dailyMaxStories } } : {}),
      sourceChecks: { fetchOptions: settings.fetchOptions, allowPrivate: settings.allowPrivateSources },
      subscriberDefaults: { digestTime: settings.defaultDigestTime, timezone: settings.defaultTimezone },
    });
  const dependencies: BotDependencies = { store, log, settings, now, app };
  // The same rule as delivery: a chat the bot may no longer write to is unsubscribed.
  const onDeactivated = async (chatId: number, reason: string) => {
    try {
      if (await app.subscriptions.stop(chatId, reason)) log.info({ chatId, reason }, 'subscriber deactivated');
    } catch (error) {
      // The Telegram error that told us is what the caller sees; this one is only logged.
      log.error({ err: error, chatId }, 'could not deactivate the subscriber');
    }
  };
  const retry = { ...deps.retry, onDeactivated };

  const bot = new Telegraf<BotContext>(deps.token, { telegram: { apiRoot: deps.apiRoot, webhookReply: false }, handlerTimeout: 60_000 });
  withRetries(bot.telegram, log, retry);

  const reportError = errorReporter(log);
  const limiter = new UserRateLimiter(settings.rateLimit ?? { commands: 0, windowMs: 1 });
  const fairness = fairnessMiddleware({ limiter, updates: deps.updates ?? new UpdateQueue(), log, now, onError: reportError });

  bot.use(async (ctx, next) => {
    // telegraf makes a Telegram object per update: each gets the retries too.
    withRetries(ctx.telegram, log, retry);
    ctx.deps = dependencies;
    ctx.tr = translator(await readerLanguage(ctx));
    return next();
  });
  bot.use(fairness);
  // settingsScreen first: a text it waits for (a topic, a time zone) is not a question, and a command ends the wait.
  bot.use(settingsScreen, subscription, settingsFeature, language, topics, digests, sources, admin, questions, unhandled);
  bot.catch(reportError);
  return bot;
}

/**
 * The command menu, description and short description in every language: English is the
 * default (no language_code), the others are shown to users whose Telegram is set to them.
 */
export async function registerCommands(bot: Bot): Promise<void> {
  for (const lang of LANGUAGES) {
    const tr = translator(lang);
    const languageCode = lang === 'en' ? undefined : lang;
    await bot.telegram.setMyCommands(commandMenu(tr), languageCode ? { language_code: languageCode } : {});
    await bot.telegram.setMyDescription(tr.t('bot.description'), languageCode);
    await bot.telegram.setMyShortDescription(tr.t('bot.shortDescription'), languageCode);
  }
}
