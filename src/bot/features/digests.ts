// /summary and /digest, and the buttons under a digest's stories (More, Sources, Coverage).
import { Composer } from 'telegraf';
import { articleTime, quotesNotRepeating, sourceRef, storyQuotes, toStoryQuote } from '../../digest/compose.ts';
import { suggestTopics } from '../../digest/select.ts';
import type { Story, StoryQuote } from '../../model/digest.ts';
import { callbackPattern } from '../../telegram/callbacks.ts';
import { type Html, html } from '../../telegram/html.ts';
import { cutText } from '../../util/text.ts';
import { commandArgument, replyHtml, type BotContext } from '../context.ts';
import { replyWithSummary, sendDigest, topicButtons } from '../replies.ts';
import { coverageHtml, storyDetailHtml, storySourcesHtml } from '../views.ts';

const MAX_TOPIC_LENGTH = 200;

export const digests = new Composer<BotContext>();

digests.command('summary', async (ctx) => {
  const topic = cutText(commandArgument(ctx), { max: MAX_TOPIC_LENGTH });
  if (!topic) {
    const suggestions = suggestTopics(ctx.deps.store, ctx.deps.now(), 4);
    await replyHtml(ctx, html`Which topic? For example <code>/summary syria</code>.${suggestions.length ? ' Or pick one in the news now:' : ''}`, {
      ...(suggestions.length ? { reply_markup: { inline_keyboard: topicButtons(suggestions) } } : {}),
    });
    return;
  }
  await replyWithSummary(ctx, topic);
});

digests.command('digest', async (ctx) => {
  await ctx.sendChatAction('typing');
  const digest = await ctx.deps.app.digests.onDemand({ topics: ctx.deps.store.subscribers.topics(ctx.chat.id) });
  await sendDigest(ctx, digest, 'digest');
});

/** "More on N" and "Sources N": the story as the message that carried it recorded it. */
async function storyButton(ctx: BotContext & { match: RegExpExecArray }, view: 'more' | 'sources'): Promise<void> {
  const { store, now } = ctx.deps;
  const message = ctx.callbackQuery?.message;
  const sent = message ? store.subscribers.sentMessage<Story>(ctx.chat!.id, message.message_id) : undefined;
  const story = sent?.stories.find((s) => s.id === ctx.match[1]);
  if (!story) {
    await ctx.answerCbQuery('That digest is too old; ask again with /summary.');
    return;
  }
  await ctx.answerCbQuery();
  const at = now();
  let body: Html;
  if (view === 'more') {
    const articles = store.articles.getMany(story.sources.map((s) => s.articleId));
    // Every full quote of the story, none repeating the summary or another quote shown.
    const quotes: StoryQuote[] = quotesNotRepeating(
      storyQuotes(articles)
        .filter(({ quote }) => !quote.fragment)
        .map(({ quote, articleId }) => toStoryQuote(quote, articleId)),
      story.summary,
    );
    body = storyDetailHtml(story, quotes.length ? quotes : story.quotes, at);
  } else {
    body = storySourcesHtml(story, at);
  }
  const reply = await replyHtml(ctx, body, { reply_parameters: { message_id: message!.message_id } });
  store.subscribers.recordSentMessage({ chatId: ctx.chat!.id, messageId: reply.message_id, kind: 'story', topic: sent!.topic, stories: [story] }, at);
}

digests.action(callbackPattern('more'), (ctx) => storyButton(ctx, 'more'));
digests.action(callbackPattern('sources'), (ctx) => storyButton(ctx, 'sources'));

// Coverage: every article of a stored story as it stands now. The id may be one that was
// merged into another story since the message was sent: it leads to the survivor.
digests.action(callbackPattern('coverage'), async (ctx) => {
  const { store, now } = ctx.deps;
  const id = /^s(\d+)$/.exec(ctx.match[1]!)?.[1];
  const story = id ? store.stories.get(Number(id)) : undefined;
  if (!story) {
    await ctx.answerCbQuery('That story is no longer stored; ask again with /summary.');
    return;
  }
  await ctx.answerCbQuery();
  const articles = store.articles.getMany(store.stories.members([story.id]).get(story.id) ?? []);
  const sources = articles.sort((a, b) => articleTime(b) - articleTime(a)).map(sourceRef);
  const message = ctx.callbackQuery.message;
  const at = now();
  const reply = await replyHtml(ctx, coverageHtml(story, sources, at), message ? { reply_parameters: { message_id: message.message_id } } : {});
  // A reply to the list asks about these articles.
  const listed: Story = { id: `s${story.id}`, title: story.title, summary: [], quotes: [], sources, updated: story.last };
  store.subscribers.recordSentMessage({ chatId: ctx.chat!.id, messageId: reply.message_id, kind: 'coverage', topic: null, stories: [listed] }, at);
});
