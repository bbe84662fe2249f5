// Replies several features send: a digest (one or more messages, remembered for follow-ups),
// the /summary of a topic, the answer to a question, topic buttons.
import { randomUUID } from 'node:crypto';
import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { renderTelegram } from '../digest/render.ts';
import type { Digest, Story } from '../model/digest.ts';
import { callbackData } from '../telegram/callbacks.ts';
import { truncateText } from '../util/text.ts';
import { replyHtml, sendRenderedHtml, type BotContext } from './context.ts';
import { answerHtml } from './views.ts';

export function topicButtons(topics: string[]): InlineKeyboardButton[][] {
  return topics.map((t) => [Markup.button.callback(truncateText(t, 40), callbackData('topic', t))]);
}

/** Sends a digest as one or more messages and remembers which stories each carried. */
export async function sendDigest(ctx: BotContext, digest: Digest, kind: string): Promise<void> {
  const { store, now } = ctx.deps;
  const chatId = ctx.chat!.id;
  // One key for all the messages of this digest: a reply to any of them is about all its stories.
  const digestKey = `${kind}:${randomUUID()}`;
  for (const message of renderTelegram(digest)) {
    const sent = await sendRenderedHtml(ctx, chatId, message);
    const stories = digest.stories.filter((s) => message.storyIds.includes(s.id));
    store.subscribers.recordSentMessage({ chatId, messageId: sent.message_id, kind, topic: digest.topic, stories, digestKey }, now());
  }
}

export async function replyWithSummary(ctx: BotContext, topic: string): Promise<void> {
  await ctx.sendChatAction('typing');
  const digest = await ctx.deps.app.digests.onDemand({ topic });
  if (ctx.chat) ctx.deps.store.subscribers.setLastTopic(ctx.chat.id, topic);
  await sendDigest(ctx, digest, 'summary');
}

export async function answerQuestion(ctx: BotContext, question: string, replyTo?: number): Promise<void> {
  const { store, now, app } = ctx.deps;
  await ctx.sendChatAction('typing');
  const at = now();
  const chatId = ctx.chat!.id;
  // A reply to any message of a digest is about all the digest's stories (it may be split in several messages).
  const replied = replyTo !== undefined ? store.subscribers.digestStories<Story>(chatId, replyTo) : undefined;
  const articleIds = [...new Set(replied?.stories.flatMap((s) => s.sources.map((src) => src.articleId)) ?? [])];
  const topic = articleIds.length ? null : (store.subscribers.get(chatId)?.lastTopic ?? null);
  const answer = await app.answers.answer({ question, articleIds, topic });
  const sent = await replyHtml(ctx, answerHtml(answer, at), ctx.message ? { reply_parameters: { message_id: ctx.message.message_id } } : {});
  if (answer.found) {
    // A reply to the answer continues the conversation over the same articles.
    const stories: Story[] = [{ id: 'answer', title: question, summary: [answer.answer], quotes: answer.quotes, sources: answer.sources, updated: at.toISOString() }];
    store.subscribers.recordSentMessage({ chatId, messageId: sent.message_id, kind: 'answer', topic, stories }, at);
  }
}
