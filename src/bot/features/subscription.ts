// /start, /stop and /help: subscribing to the daily digest and leaving it.
import { Composer } from 'telegraf';
import { suggestTopics } from '../../digest/select.ts';
import { chatIdentity, isAdmin, replyHtml, type BotContext } from '../context.ts';
import { groupAdminsOnly } from '../group-admin.ts';
import { topicButtons } from '../replies.ts';
import { greetingHtml, helpHtml } from '../views.ts';

export const subscription = new Composer<BotContext>();

// One of the two ways back in after /stop (the other is the /settings "on" button): other settings never resubscribe.
subscription.start(groupAdminsOnly, async (ctx) => {
  const { store, now, app } = ctx.deps;
  const { subscriber, created } = await app.subscriptions.subscribe(chatIdentity(ctx));
  const suggestions = await suggestTopics(store, now(), 4);
  await replyHtml(ctx, greetingHtml({ firstName: ctx.from.first_name, digestTime: subscriber.digestTime, timezone: subscriber.timezone, created, suggestions }, ctx.tr), {
    ...(suggestions.length ? { reply_markup: { inline_keyboard: topicButtons(suggestions) } } : {}),
  });
});

subscription.command('stop', groupAdminsOnly, async (ctx) => {
  const stopped = await ctx.deps.app.subscriptions.stop(ctx.chat.id);
  await ctx.reply(ctx.tr.t(stopped ? 'subscription.stopped' : 'subscription.notSubscribed'));
});

subscription.help((ctx) => replyHtml(ctx, helpHtml(isAdmin(ctx), ctx.tr)));
