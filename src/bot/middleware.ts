// What every update goes through before a feature sees it: per-user fairness, one queue per
// chat, and one friendly line when a handler fails.
import type { Logger } from '../log.ts';
import { english } from '../i18n/index.ts';
import type { BotContext } from './context.ts';
import { oneMomentText, type UserRateLimiter } from './rate-limit.ts';
import type { UpdateQueue } from './update-queue.ts';

/** Logs a failed update and tells the user once, without letting a failed reply escape. */
export function errorReporter(log: Logger): (error: unknown, ctx: BotContext) => Promise<void> {
  return async (error, ctx) => {
    log.error({ err: error, updateId: ctx.update.update_id, chatId: ctx.chat?.id }, 'update failed');
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
      if (ctx.chat) await ctx.telegram.sendMessage(ctx.chat.id, (ctx.tr ?? english).t('errors.friendly'));
    } catch (replyError) {
      log.warn({ err: replyError, updateId: ctx.update.update_id }, 'could not tell the user about the error');
    }
  };
}

/**
 * Fairness: a user past the rate limit is told once to wait and then ignored for a while;
 * everything else waits only for earlier updates of its own chat (update-queue.ts).
 */
export function fairnessMiddleware(options: {
  limiter: UserRateLimiter;
  updates: UpdateQueue;
  log: Logger;
  now: () => Date;
  onError: (error: unknown, ctx: BotContext) => Promise<void>;
}): (ctx: BotContext, next: () => Promise<void>) => Promise<void> {
  const { limiter, updates, log, now, onError } = options;
  return async (ctx, next) => {
    const chatKey = String(ctx.chat?.id ?? ctx.from?.id ?? 'none');
    const verdict = ctx.from ? limiter.take(ctx.from.id, now().getTime()) : { allowed: true, notify: false, retryAfterMs: 0 };
    if (!verdict.allowed) {
      log.info({ userId: ctx.from?.id, chatId: ctx.chat?.id, notify: verdict.notify }, 'rate limited');
      // A button press is always answered, or the user's client shows a spinner.
      if (ctx.callbackQuery) await ctx.answerCbQuery(oneMomentText(verdict.retryAfterMs, ctx.tr)).catch(() => undefined);
      else if (verdict.notify && ctx.chat) updates.run(chatKey, async () => void (await ctx.reply(oneMomentText(verdict.retryAfterMs, ctx.tr))));
      return;
    }
    updates.run(chatKey, async () => {
      try {
        await next();
      } catch (error) {
        await onError(error, ctx);
      }
    });
  };
}
