// /follow, /unfollow, /topics, and the topic buttons: what the daily digest is about.
import { Composer } from 'telegraf';
import { callbackPattern } from '../../telegram/callbacks.ts';
import { html } from '../../telegram/html.ts';
import { cutText, truncateText } from '../../util/text.ts';
import { commandArgument, ensureSubscriber, pausedNote, replyHtml, type BotContext } from '../context.ts';
import { groupAdminsOnly } from '../group-admin.ts';
import { replyWithSummary } from '../replies.ts';
import { topicsHtml } from '../views.ts';

const MAX_FOLLOWED_TOPIC_LENGTH = 100;

export const topics = new Composer<BotContext>();

topics.command('follow', groupAdminsOnly, async (ctx) => {
  const topic = cutText(commandArgument(ctx), { max: MAX_FOLLOWED_TOPIC_LENGTH });
  if (!topic) return void (await replyHtml(ctx, html`Which topic? For example <code>/follow climate</code>.`));
  const subscriber = ensureSubscriber(ctx);
  const result = ctx.deps.store.subscribers.follow(ctx.chat.id, topic, ctx.deps.now());
  const text =
    result === 'added'
      ? html`Following <b>${topic}</b>: it is in your daily digest from now on.${pausedNote(subscriber)}`
      : result === 'exists'
        ? html`You already follow <b>${topic}</b>.`
        : html`You follow the maximum number of topics; /unfollow one first.`;
  await replyHtml(ctx, text);
});

topics.command('unfollow', groupAdminsOnly, async (ctx) => {
  const { store } = ctx.deps;
  const topic = commandArgument(ctx);
  if (!topic) return void (await replyHtml(ctx, topicsHtml(store.subscribers.topics(ctx.chat.id))));
  const removed = store.subscribers.unfollow(ctx.chat.id, topic);
  await replyHtml(
    ctx,
    removed ? html`Stopped following <b>${topic}</b>.` : html`You do not follow <b>${truncateText(topic, MAX_FOLLOWED_TOPIC_LENGTH)}</b>. See /topics.`,
  );
});

topics.command('topics', (ctx) => replyHtml(ctx, topicsHtml(ctx.deps.store.subscribers.topics(ctx.chat.id))));

// A suggested topic's button: its /summary.
topics.action(callbackPattern('topic'), async (ctx) => {
  await ctx.answerCbQuery();
  await replyWithSummary(ctx, ctx.match[1]!);
});
