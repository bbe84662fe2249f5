// The context every handler gets: telegraf's, plus the bot's dependencies (`ctx.deps`), so that
// a feature is a Composer that needs nothing from a closure.
import type { Context, MiddlewareFn } from 'telegraf';
import type { AppServices, ChatIdentity } from '../app/index.ts';
import type { TelegramMessage } from '../digest/render.ts';
import { isLanguage, languageOf, type Language, type Translator } from '../i18n/index.ts';
import type { FetchOptions } from '../ingest/http.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import { type Html, html } from '../telegram/html.ts';
import { HTML_MESSAGE } from '../telegram/policy.ts';
import type { Subscriber } from '../store/index.ts';
import type { RateLimitSettings } from './rate-limit.ts';

export interface BotSettings {
  defaultDigestTime: string;
  defaultTimezone: string;
  adminIds: readonly number[];
  allowPrivateSources: boolean;
  fetchOptions: FetchOptions;
  /** How far back /summary and /digest look. */
  windowHours?: number;
  /** Most stories in one /summary. */
  maxStories?: number;
  /** Stories in a reader's digest (/digest and the daily one) unless they chose a number: DIGEST_MAX_STORIES. */
  dailyMaxStories?: number;
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
  /** The bot's words in the reader's language (/language, else Telegram's language_code). */
  tr: Translator;
}

/**
 * A reply in Telegram HTML. It takes Html only (made by the html template), so no feature can
 * send a string it forgot to escape.
 */
export function replyHtml(ctx: Context, body: Html, extra: Parameters<Context['reply']>[1] = {}) {
  return ctx.reply(body.toString(), { ...HTML_MESSAGE, ...extra });
}

/**
 * An Html body with the HTML send options, for an edit or a send with other extras (the settings
 * screen edits its message in place). Takes Html only, as replyHtml does.
 */
export function htmlMessage<Extra extends object>(body: Html, extra: Extra): { text: string; extra: Extra & typeof HTML_MESSAGE } {
  return { text: body.toString(), extra: { ...extra, ...HTML_MESSAGE } };
}

/**
 * A digest message as renderTelegram made it (with the html template, kept as text for the
 * outbox), with its buttons. With replyHtml and htmlMessage, the only sends of HTML in the bot
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

/** The admin guard, written once: others get a polite refusal (a locale key) that says what they tried. */
export function adminsOnly(refusalKey: string): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (isAdmin(ctx)) return next();
    await ctx.reply(ctx.tr.t(refusalKey));
  };
}

/** The chat and its user as Telegram reports them, for the subscription service. */
export function chatIdentity(ctx: BotContext): ChatIdentity {
  return { chatId: ctx.chat!.id, userId: ctx.from?.id ?? null, firstName: ctx.from?.first_name ?? null, username: ctx.from?.username ?? null };
}

/**
 * The chat's subscriber row, made on first use with the default settings. It never reactivates
 * a stopped subscriber: only /start or the settings "on" button do (src/app/subscriptions.ts).
 */
export async function ensureSubscriber(ctx: BotContext): Promise<Subscriber> {
  return await ctx.deps.app.subscriptions.ensure(chatIdentity(ctx));
}

/** Settings never restart a stopped digest, so say how to resume it. */
export function pausedNote(subscriber: Subscriber, tr: Translator): Html {
  return subscriber.active ? html`` : html`\n${tr.t('subscription.paused')}`;
}

/**
 * The language the bot speaks in this update: the chat's /language choice, else the sender's
 * Telegram language_code, else the one Telegram last reported for the chat. Telegram's is kept
 * on the chat's row for daily digests, which are sent without an update to read it from.
 */
export async function readerLanguage(ctx: BotContext): Promise<Language> {
  const chatId = ctx.chat?.id;
  const row = chatId !== undefined ? await ctx.deps.store.subscribers.get(chatId) : undefined;
  const reported = ctx.from?.language_code ? languageOf(ctx.from.language_code) : undefined;
  if (row && reported && ctx.chat?.type === 'private') await ctx.deps.app.subscriptions.noteClientLanguage(row.chatId, reported);
  if (isLanguage(row?.language)) return row.language;
  if (reported) return reported;
  return isLanguage(row?.clientLanguage) ? row.clientLanguage : 'en';
}
