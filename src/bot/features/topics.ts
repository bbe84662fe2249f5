// /follow, /unfollow, /topics, and the topic buttons: what the daily digest is about.
import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { FollowResult } from '../../app/index.ts';
import type { Translator } from '../../i18n/index.ts';
import { callbackData, callbackPattern } from '../../telegram/callbacks.ts';
import { type Html, html } from '../../telegram/html.ts';
import { cutText, truncateText } from '../../util/text.ts';
import { chatIdentity, commandArgument, pausedNote, replyHtml, type BotContext } from '../context.ts';
import { groupAdminsOnly } from '../group-admin.ts';
import { followButton } from '../../digest/render.ts';
import { ignoringUnchanged, replyWithSummary } from '../replies.ts';
import { topicsHtml } from '../views.ts';

export const MAX_FOLLOWED_TOPIC_LENGTH = 100;

export const topics = new Composer<BotContext>();

/** What /follow (and a topic typed in /settings) answers: done, with this week's story count, or why not. */
export function followedHtml(outcome: FollowResult, topic: string, tr: Translator): Html {
  if (outcome.result === 'exists') return tr.html('topics.exists', { topic });
  if (outcome.result === 'limit') return tr.html('topics.limit');
  return outcome.storiesThisWeek ? tr.html('topics.followed', { topic, count: outcome.storiesThisWeek }) : tr.html('topics.followedNone', { topic });
}

topics.command('follow', groupAdminsOnly, async (ctx) => {
  const topic = cutText(commandArgument(ctx), { max: MAX_FOLLOWED_TOPIC_LENGTH });
  if (!topic) return void (await replyHtml(ctx, ctx.tr.html('topics.whichFollow')));
  const { subscriptions } = ctx.deps.app;
  const outcome = await subscriptions.follow(chatIdentity(ctx), topic);
  const paused = outcome.result === 'added' ? pausedNote((await subscriptions.get(ctx.chat.id))!, ctx.tr) : '';
  await replyHtml(ctx, html`${followedHtml(outcome, topic, ctx.tr)}${paused}`);
});

topics.command('unfollow', groupAdminsOnly, async (ctx) => {
  const { subscriptions } = ctx.deps.app;
  const topic = commandArgument(ctx);
  if (!topic) return void (await replyHtml(ctx, topicsHtml(await subscriptions.topics(ctx.chat.id), ctx.tr)));
  const removed = await subscriptions.unfollow(ctx.chat.id, topic);
  await replyHtml(ctx, removed ? ctx.tr.html('topics.removed', { topic }) : ctx.tr.html('topics.notFollowed', { topic: truncateText(topic, MAX_FOLLOWED_TOPIC_LENGTH) }));
});

topics.command('topics', async (ctx) => replyHtml(ctx, topicsHtml(await ctx.deps.app.subscriptions.topics(ctx.chat.id), ctx.tr)));

// A suggested topic's button: its /summary.
topics.action(callbackPattern('topic'), async (ctx) => {
  await ctx.answerCbQuery();
  await replyWithSummary(ctx, ctx.match[1]!);
});

/** The message's buttons with every Follow/Unfollow of `topic` turned to what is true now. */
async function toggledKeyboard(ctx: BotContext, keyboard: InlineKeyboardButton[][], topic: string): Promise<InlineKeyboardButton[][]> {
  const followed = await ctx.deps.app.subscriptions.topics(ctx.chat!.id);
  const ours = new Set([callbackData('follow', topic), callbackData('unfollow', topic)]);
  return keyboard.map((row) => row.map((button) => ('callback_data' in button && ours.has(button.callback_data) ? followButton(topic, followed, ctx.tr) : button)));
}

/** Follow / Unfollow under a story: the change, a short notice, and the button turned over. */
async function storyFollowButton(ctx: BotContext & { match: RegExpExecArray }, follow: boolean): Promise<void> {
  const topic = ctx.match[1]!;
  const { subscriptions } = ctx.deps.app;
  let notice: string;
  if (follow) {
    const outcome = await subscriptions.follow(chatIdentity(ctx), topic);
    notice = ctx.tr.t(outcome.result === 'added' ? 'callbacks.followed' : outcome.result === 'exists' ? 'callbacks.alreadyFollowed' : 'callbacks.limit', { topic });
  } else {
    notice = ctx.tr.t(await subscriptions.unfollow(ctx.chat!.id, topic) ? 'callbacks.unfollowed' : 'callbacks.notFollowed', { topic });
  }
  await ctx.answerCbQuery(truncateText(notice, 190));
  const message = ctx.callbackQuery?.message;
  const keyboard = message && 'reply_markup' in message ? message.reply_markup?.inline_keyboard : undefined;
  if (keyboard) await ignoringUnchanged(ctx.editMessageReplyMarkup({ inline_keyboard: await toggledKeyboard(ctx, keyboard, topic) }));
}

topics.action(callbackPattern('follow'), groupAdminsOnly, (ctx) => storyFollowButton(ctx as BotContext & { match: RegExpExecArray }, true));
topics.action(callbackPattern('unfollow'), groupAdminsOnly, (ctx) => storyFollowButton(ctx as BotContext & { match: RegExpExecArray }, false));
