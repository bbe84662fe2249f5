// /follow, /unfollow, /topics, and the topic buttons: what the daily digest is about.
import { Composer } from 'telegraf';
import { escapeHtml } from '../../digest/render.ts';
import { callbackPattern } from '../../telegram/callbacks.ts';
import { HTML_MESSAGE } from '../../telegram/policy.ts';
import { cutText, truncateText } from '../../util/text.ts';
import { commandArgument, ensureSubscriber, pausedNote, type BotContext } from '../context.ts';
import { groupAdminsOnly } from '../group-admin.ts';
import { replyWithSummary } from '../replies.ts';
import { topicsHtml } from '../views.ts';

const MAX_FOLLOWED_TOPIC_LENGTH = 100;

export const topics = new Composer<BotContext>();

topics.command('follow', groupAdminsOnly, async (ctx) => {
  const topic = cutText(commandArgument(ctx), { max: MAX_FOLLOWED_TOPIC_LENGTH });
  if (!topic) return void (await ctx.reply('Which topic? For example <code>/follow climate</code>.', HTML_MESSAGE));
  const subscriber = ensureSubscriber(ctx);
  const result = ctx.deps.store.subscribers.follow(ctx.chat.id, topic, ctx.deps.now());
  const text =
    result === 'added'
      ? `Following <b>${escapeHtml(topic)}</b>: it is in your daily digest from now on.${pausedNote(subscriber)}`
      : result === 'exists'
        ? `You already follow <b>${escapeHtml(topic)}</b>.`
        : 'You follow the maximum number of topics; /unfollow one first.';
  await ctx.reply(text, HTML_MESSAGE);
});

topics.command('unfollow', groupAdminsOnly, async (ctx) => {
  const { store } = ctx.deps;
  const topic = commandArgument(ctx);
  if (!topic) return void (await ctx.reply(topicsHtml(store.subscribers.topics(ctx.chat.id)), HTML_MESSAGE));
  const removed = store.subscribers.unfollow(ctx.chat.id, topic);
  await ctx.reply(
    removed ? `Stopped following <b>${escapeHtml(topic)}</b>.` : `You do not follow <b>${escapeHtml(truncateText(topic, MAX_FOLLOWED_TOPIC_LENGTH))}</b>. See /topics.`,
    HTML_MESSAGE,
  );
});

topics.command('topics', (ctx) => ctx.reply(topicsHtml(ctx.deps.store.subscribers.topics(ctx.chat.id)), HTML_MESSAGE));

// A suggested topic's button: its /summary.
topics.action(callbackPattern('topic'), async (ctx) => {
  await ctx.answerCbQuery();
  await replyWithSummary(ctx, ctx.match[1]!);
});
