// /summary and /digest, the buttons under a digest's stories (More, Sources, Coverage), and the
// wider-window buttons under a not-found reply.
import { Composer } from 'telegraf';
import { articleTime, quotesNotRepeating, sourceRef, storyQuotes, toStoryQuote } from '../../digest/compose.ts';
import { suggestTopics } from '../../digest/select.ts';
import type { Story, StoryQuote } from '../../model/digest.ts';
import { callbackPattern } from '../../telegram/callbacks.ts';
import { type Html, html } from '../../telegram/html.ts';
import { windowStart } from '../../digest/window.ts';
import { cutText } from '../../util/text.ts';
import { commandArgument, replyHtml, type BotContext } from '../context.ts';
import { replyWithSummary, sendDigest, topicButtons } from '../replies.ts';
import { coverageHtml, storyDetailHtml, storySourcesHtml } from '../views.ts';

const MAX_TOPIC_LENGTH = 200;

export const digests = new Composer<BotContext>();

/** A trailing window after the topic: "syria 3d", "kessel dam 12h", "election 2w". */
const TRAILING_WINDOW = /\s+(\d{1,4}\s*[hdw])$/i;

/** "/summary syria 3d" -> topic "syria", window "3d"; no window when the last word is not one. */
export function summaryRequest(argument: string): { topic: string; window: string | null } {
  const match = TRAILING_WINDOW.exec(argument);
  if (!match) return { topic: argument, window: null };
  return { topic: argument.slice(0, match.index).trim(), window: match[1]!.replace(/\s+/g, '') };
}

digests.command('summary', async (ctx) => {
  const { topic, window } = summaryRequest(cutText(commandArgument(ctx), { max: MAX_TOPIC_LENGTH }));
  if (!topic) {
    const suggestions = await suggestTopics(ctx.deps.store, ctx.deps.now(), 4);
    await replyHtml(ctx, html`${ctx.tr.html('summary.which')}${suggestions.length ? ` ${ctx.tr.t('summary.orPick')}` : ''}`, {
      ...(suggestions.length ? { reply_markup: { inline_keyboard: topicButtons(suggestions) } } : {}),
    });
    return;
  }
  await replyWithSummary(ctx, topic, window ? windowStart(window, ctx.deps.now()) : undefined);
});

digests.command('digest', async (ctx) => {
  await ctx.sendChatAction('typing');
  const subscriber = await ctx.deps.app.subscriptions.get(ctx.chat.id);
  const digest = await ctx.deps.app.digests.onDemand({ topics: await ctx.deps.app.subscriptions.topics(ctx.chat.id), maxStories: subscriber?.storiesPerDigest ?? ctx.deps.app.digests.daily.maxStories });
  await sendDigest(ctx, digest, 'digest');
});

// "Last 24 h / 7 days / 30 days" under a not-found reply: the same search over that window.
digests.action(callbackPattern('window'), async (ctx) => {
  const match = /^(\d+):(.+)$/s.exec(ctx.match[1]!);
  if (!match) return void (await ctx.answerCbQuery(ctx.tr.t('errors.staleButton')));
  await ctx.answerCbQuery();
  await replyWithSummary(ctx, match[2]!, new Date(ctx.deps.now().getTime() - Number(match[1]) * 3_600_000));
});

/** "More on N" and "Sources N": the story as the message that carried it recorded it. */
async function storyButton(ctx: BotContext & { match: RegExpExecArray }, view: 'more' | 'sources'): Promise<void> {
  const { store, now } = ctx.deps;
  const message = ctx.callbackQuery?.message;
  const sent = message ? await store.subscribers.sentMessage<Story>(ctx.chat!.id, message.message_id) : undefined;
  const story = sent?.stories.find((s) => s.id === ctx.match[1]);
  if (!story) {
    await ctx.answerCbQuery(ctx.tr.t('errors.expired'));
    return;
  }
  await ctx.answerCbQuery();
  const at = now();
  let body: Html;
  if (view === 'more') {
    const articles = await store.articles.getMany(story.sources.map((s) => s.articleId));
    // Every full quote of the story, none repeating the summary or another quote shown.
    const quotes: StoryQuote[] = quotesNotRepeating(
      storyQuotes(articles)
        .filter(({ quote }) => !quote.fragment)
        .map(({ quote, articleId }) => toStoryQuote(quote, articleId)),
      story.summary,
    );
    body = storyDetailHtml(story, quotes.length ? quotes : story.quotes, at, ctx.tr);
  } else {
    body = storySourcesHtml(story, at, ctx.tr);
  }
  const reply = await replyHtml(ctx, body, { reply_parameters: { message_id: message!.message_id } });
  await store.subscribers.recordSentMessage({ chatId: ctx.chat!.id, messageId: reply.message_id, kind: 'story', topic: sent!.topic, stories: [story] }, at);
}

digests.action(callbackPattern('more'), (ctx) => storyButton(ctx, 'more'));
digests.action(callbackPattern('sources'), (ctx) => storyButton(ctx, 'sources'));

// Coverage: every article of a stored story as it stands now. The id may be one that was
// merged into another story since the message was sent: it leads to the survivor.
digests.action(callbackPattern('coverage'), async (ctx) => {
  const { store, now } = ctx.deps;
  const id = /^s(\d+)$/.exec(ctx.match[1]!)?.[1];
  const story = id ? await store.stories.get(Number(id)) : undefined;
  if (!story) {
    await ctx.answerCbQuery(ctx.tr.t('errors.expired'));
    return;
  }
  await ctx.answerCbQuery();
  const articles = await store.articles.getMany((await store.stories.members([story.id])).get(story.id) ?? []);
  const sources = articles.sort((a, b) => articleTime(b) - articleTime(a)).map(sourceRef);
  const message = ctx.callbackQuery.message;
  const at = now();
  const reply = await replyHtml(ctx, coverageHtml(story, sources, at, ctx.tr), message ? { reply_parameters: { message_id: message.message_id } } : {});
  // A reply to the list asks about these articles.
  const listed: Story = { id: `s${story.id}`, title: story.title, summary: [], quotes: [], sources, updated: story.last };
  await store.subscribers.recordSentMessage({ chatId: ctx.chat!.id, messageId: reply.message_id, kind: 'coverage', topic: null, stories: [listed] }, at);
});
