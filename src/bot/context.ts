// The context every handler gets: telegraf's, plus the bot's dependencies (`ctx.deps`), so that
// a feature is a Composer that needs nothing from a closure.
import type { Context, MiddlewareFn } from 'telegraf';
import type { AppServices } from '../app/index.ts';
import type { TelegramMessage } from '../digest/render.ts';
import type { FetchOptions } from '../ingest/http.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import type { Html } from '../telegram/html.ts';
import { HTML_MESSAGE } from '../telegram/policy.ts';
import type { Subscriber } from '../store/subscribers.ts';
import type { RateLimitSettings } from './rate-limit.ts';

export interface BotSettings {
  defaultDigestTime: string;
  defaultTimezone: string;
  adminIds: readonly number[];
  allowPrivateSources: boolean;
  fetchOptions: FetchOptions;
  /** How far back /summary and /digest look. */
  windowHours?: number;
  /** Most stories in one /summary or /digest. */
  maxStories?: number;
  /** Per-user limit (RATE_LIMIT_COMMANDS per RATE_LIMIT_WINDOW_SECONDS); none when unset. */
  rateLimit?: RateLimitSettings;
}

export interface BotDependencies {
  store: Store;
  log: Logger;
  settings: BotSettings;
  now: () => Date;
  /** Digests and answers: the same services the CLI and delivery use. */
  app: AppServices;
}

export interface BotContext extends Context {
  deps: BotDependencies;
}

/**
 * A reply in Telegram HTML. It takes Html only (made by the html template), so no feature can
 * send a string it forgot to escape.
 */
export function replyHtml(ctx: Context, body: Html, extra: Parameters<Context['reply']>[1] = {}) {
  return ctx.reply(body.toString(), { ...HTML_MESSAGE, ...extra });
}

/**
 * A digest message as renderTelegram made it (with the html template, kept as text for the
 * outbox), with its buttons. With replyHtml, the only sends of HTML in the bot
 * (tests/architecture.test.ts fails on any other).
 */
export function sendRenderedHtml(ctx: Context, chatId: number, message: TelegramMessage) {
  return ctx.telegram.sendMessage(chatId, message.html, {
    ...HTML_MESSAGE,
    ...(message.keyboard.length ? { reply_markup: { inline_keyboard: message.keyboard } } : {}),
  });
}

/** The text after the command ("/summary syria" -> "syria"). */
export function commandArgument(ctx: Context): string {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
  return text.replace(/^\/\S+\s*/, '').trim();
}

export function isAdmin(ctx: BotContext): boolean {
  return ctx.from !== undefined && ctx.deps.settings.adminIds.includes(ctx.from.id);
}

/** The admin guard, written once: others get a polite refusal that says what they tried. */
export function adminsOnly(refusal: string): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (isAdmin(ctx)) return next();
    await ctx.reply(refusal);
  };
}

/**
 * The chat's subscriber row, made on first use with the default settings. It never reactivates
 * a stopped subscriber: only /start does (subscription.ts).
 */
export function ensureSubscriber(ctx: BotContext): Subscriber {
  const { store, settings, now } = ctx.deps;
  return store.subscribers.ensure(
    { chatId: ctx.chat!.id, userId: ctx.from?.id ?? null, firstName: ctx.from?.first_name ?? null, digestTime: settings.defaultDigestTime, timezone: settings.defaultTimezone },
    now(),
  );
}

/** Settings never restart a stopped digest, so say how to resume it. */
export function pausedNote(subscriber: Subscriber): string {
  return subscriber.active ? '' : '\nDaily digests are paused; send /start to resume them.';
}
