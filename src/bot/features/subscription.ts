// /start, /stop and /help: subscribing to the daily digest and leaving it.
import { Composer } from 'telegraf';
import { suggestTopics } from '../../digest/select.ts';
import { isAdmin, replyHtml, type BotContext } from '../context.ts';
import { groupAdminsOnly } from '../group-admin.ts';
import { topicButtons } from '../replies.ts';
import { greetingHtml, helpHtml } from '../views.ts';

export const subscription = new Composer<BotContext>();

// The only way back in after /stop: settings commands never resubscribe.
subscription.start(groupAdminsOnly, async (ctx) => {
  const { store, settings, now } = ctx.deps;
  const { subscriber, created } = store.subscribers.subscribe(
    {
      chatId: ctx.chat.id,
      userId: ctx.from.id,
      firstName: ctx.from.first_name,
      username: ctx.from.username ?? null,
      digestTime: settings.defaultDigestTime,
      timezone: settings.defaultTimezone,
    },
    now(),
  );
  const suggestions = suggestTopics(store, now(), 4);
  await replyHtml(ctx, greetingHtml({ firstName: ctx.from.first_name, digestTime: subscriber.digestTime, timezone: subscriber.timezone, created, suggestions }), {
    ...(suggestions.length ? { reply_markup: { inline_keyboard: topicButtons(suggestions) } } : {}),
  });
});

subscription.command('stop', groupAdminsOnly, async (ctx) => {
  const stopped = ctx.deps.store.subscribers.unsubscribe(ctx.chat.id, 'stop', ctx.deps.now());
  await ctx.reply(
    stopped
      ? 'Done: no more daily digests. Your topics and settings are kept; send /start any time to come back.'
      : 'You are not subscribed. Send /start to get a daily digest.',
  );
});

subscription.help((ctx) => replyHtml(ctx, helpHtml(isAdmin(ctx))));
