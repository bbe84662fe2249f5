// Replies several features send: a digest (one or more messages, remembered for follow-ups),
// the /summary of a topic, the answer to a question, topic buttons.
import { randomUUID } from 'node:crypto';
import { Markup, TelegramError } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { followButtons, noStoriesMessage, renderTelegram } from '../digest/render.ts';
import type { Digest, Story } from '../model/digest.ts';
import { callbackData } from '../telegram/callbacks.ts';
import { html } from '../telegram/html.ts';
import { truncateText } from '../util/text.ts';
import { replyHtml, sendRenderedHtml, type BotContext } from './context.ts';
import { answerHtml } from './views.ts';

/** The windows a not-found /summary offers, in hours (24 h, 7 days, 30 days). */
export const WIDER_WINDOWS_HOURS = [24, 7 * 24, 30 * 24] as const;
const WINDOW_LABELS = ['buttons.last24h', 'buttons.last7d', 'buttons.last30d'] as const;
export function topicButtons(topics: string[]): InlineKeyboardButton[][] {
  return topics.map((t) => [Markup.button.callback(truncateText(t, 40), callbackData('topic', t))]);
}

/** Sends a digest as one or more messages and remembers which stories each carried. */
export async function sendDigest(ctx: BotContext, digest: Digest, kind: string, options: { summaryTopic?: string | null } = {}): Promise<void> {
  const { store, now } = ctx.deps;
  const chatId = ctx.chat!.id;
  if (!digest.stories.length) return sendNothingFound(ctx, digest);
  const extraButtons = followButtons(options.summaryTopic ?? null, await ctx.deps.app.subscriptions.topics(chatId), ctx.tr);
  // One key for all the messages of this digest: a reply to any of them is about all its stories.
  const digestKey = `${kind}:${randomUUID()}`;
  for (const message of renderTelegram(digest, { tr: ctx.tr, extraButtons })) {
    const sent = await sendRenderedHtml(ctx, chatId, message);
    const stories = digest.stories.filter((s) => message.storyIds.includes(s.id));
    await store.subscribers.recordSentMessage({ chatId, messageId: sent.message_id, kind, topic: digest.topic, stories, digestKey }, now());
  }
}

/** Nothing found: what was searched, and for a topic, buttons that search a wider window. */
async function sendNothingFound(ctx: BotContext, digest: Digest): Promise<void> {
  const topic = digest.topic;
  const buttons = topic
    ? [WIDER_WINDOWS_HOURS.map((hours, i) => Markup.button.callback(ctx.tr.t(WINDOW_LABELS[i]!), callbackData('window', `${hours}:${topic}`)))]
    : [];
  await replyHtml(ctx, html`${noStoriesMessage(digest, ctx.tr, { widerHint: buttons.length > 0 })}`, buttons.length ? { reply_markup: { inline_keyboard: buttons } } : {});
}

/** The /summary of a topic, over the default window or from `since`. */
export async function replyWithSummary(ctx: BotContext, topic: string, since?: Date): Promise<void> {
  await ctx.sendChatAction('typing');
  const digest = await ctx.deps.app.digests.onDemand({ topic, ...(since ? { since } : {}) });
  if (ctx.chat) await ctx.deps.store.subscribers.setLastTopic(ctx.chat.id, topic);
  await sendDigest(ctx, digest, 'summary', { summaryTopic: topic });
}

/** An edit that may change nothing (the same button pressed twice): Telegram's "not modified" is no error. */
export async function ignoringUnchanged(edit: Promise<unknown>): Promise<void> {
  try {
    await edit;
  } catch (error) {
    if (!(error instanceof TelegramError && /message is not modified/i.test(error.description))) throw error;
  }
}

export async function answerQuestion(ctx: BotContext, question: string, replyTo?: number): Promise<void> {
  const { store, now, app } = ctx.deps;
  await ctx.sendChatAction('typing');
  const at = now();
  const chatId = ctx.chat!.id;
  // A reply to any message of a digest is about all the digest's stories (it may be split in several messages).
  const replied = replyTo !== undefined ? await store.subscribers.digestStories<Story>(chatId, replyTo) : undefined;
  const articleIds = [...new Set(replied?.stories.flatMap((s) => s.sources.map((src) => src.articleId)) ?? [])];
  const topic = articleIds.length ? null : ((await store.subscribers.get(chatId))?.lastTopic ?? null);
  const answer = await app.answers.answer({ question, articleIds, topic });
  const sent = await replyHtml(ctx, answerHtml(answer, at, ctx.tr), ctx.message ? { reply_parameters: { message_id: ctx.message.message_id } } : {});
  if (answer.found) {
    // A reply to the answer continues the conversation over the same articles.
    const stories: Story[] = [{ id: 'answer', title: question, summary: [answer.answer], quotes: answer.quotes, sources: answer.sources, updated: at.toISOString() }];
    await store.subscribers.recordSentMessage({ chatId, messageId: sent.message_id, kind: 'answer', topic, stories }, at);
  }
}
