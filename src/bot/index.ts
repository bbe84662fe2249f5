// createBot(deps): the Telegraf bot people talk to. Commands, buttons and follow-up
// questions; every reply is Telegram HTML built by views.ts or the digest renderer.
import { randomUUID } from 'node:crypto';
import { Markup, Telegraf, type Context } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { deliveryStatsLines } from '../delivery/index.ts';
import { articleTime, quotesNotRepeating, sourceRef, storyQuotes, toStoryQuote } from '../digest/compose.ts';
import { buildDigest } from '../digest/index.ts';
import type { Digest, Story, StoryQuote } from '../digest/model.ts';
import { capName, cutText, escapeHtml, renderTelegram, truncateText } from '../digest/render.ts';
import { suggestTopics } from '../digest/select.ts';
import { assertPublicUrl, type FetchOptions } from '../ingest/http.ts';
import { probeSource } from '../ingest/probe.ts';
import type { Logger } from '../log.ts';
import { ask } from '../qa/index.ts';
import { offlineSummarizer, type Summarizer } from '../summarize/index.ts';
import type { Store } from '../store/index.ts';
import type { Subscriber } from '../store/subscribers.ts';
import { redactUrl } from '../secrets.ts';
import { BOT_COMMANDS } from './commands.ts';
import { groupAdminsOnly } from './group-admin.ts';
import { UserRateLimiter, oneMomentText, type RateLimitSettings } from './rate-limit.ts';
import { withRetries, type RetryOptions } from './retry.ts';
import { UpdateQueue } from './update-queue.ts';
import { normaliseTimezone, suggestTimezones } from './settings.ts';
import { normaliseTimeOfDay } from '../util/time-of-day.ts';
import { isHttpUrl } from '../util/url.ts';
import { answerHtml, coverageHtml, greetingHtml, helpHtml, sourcesListHtml, storyDetailHtml, storySourcesHtml, topicsHtml } from './views.ts';

export interface BotSettings {
  defaultDigestTime: string;
  defaultTimezone: string;
  adminIds: number[];
  allowPrivateSources: boolean;
  fetchOptions: FetchOptions;
  /** How far back /summary and /digest look. */
  windowHours?: number;
  /** Most stories in one /summary or /digest. */
  maxStories?: number;
  /** Per-user limit (RATE_LIMIT_COMMANDS per RATE_LIMIT_WINDOW_SECONDS); none when unset. */
  rateLimit?: RateLimitSettings;
}

export interface BotDeps {
  token: string;
  apiRoot: string;
  store: Store;
  log: Logger;
  settings: BotSettings;
  now?: () => Date;
  retry?: RetryOptions;
  /** Offline by default; the LLM when configured. */
  summarizer?: Summarizer;
  /** Where updates wait for their chat's turn; pass one to wait for it to drain at shutdown. */
  updates?: UpdateQueue;
}

const HTML = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };
const MAX_TOPIC_LENGTH = 200;
/** Follow-up questions look a week back first (then further, saying how old the answer is). */
const QUESTION_WINDOW_DAYS = 7;
const FRIENDLY_ERROR = 'Sorry, something went wrong on my side. Please try again in a minute.';
const STALE_BUTTON = 'That button no longer works; send /summary or /help.';
/** Longest source name /addsource stores: a feed title can be any length. */
const MAX_SOURCE_NAME = 200;

/** A callback_data value within Telegram's 64 bytes, cut between graphemes. */
export function callbackData(prefix: string, value: string): string {
  return cutText(`${prefix}:${value}`, { maxBytes: 64 });
}

function commandArgument(ctx: Context): string {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
  return text.replace(/^\/\S+\s*/, '').trim();
}

/** Settings never restart a stopped digest (only /start does), so say how to resume it. */
function pausedNote(subscriber: Subscriber): string {
  return subscriber.active ? '' : '\nDaily digests are paused; send /start to resume them.';
}

function topicButtons(topics: string[]): InlineKeyboardButton[][] {
  return topics.map((t) => [Markup.button.callback(truncateText(t, 40), callbackData('topic', t))]);
}

export function createBot(deps: BotDeps): Telegraf {
  const { store, log, settings } = deps;
  const summarizer = deps.summarizer ?? offlineSummarizer;
  const now = deps.now ?? (() => new Date());
  const windowMs = (settings.windowHours ?? 24) * 3_600_000;
  const maxStories = settings.maxStories ?? 6;
  const onBlocked = (chatId: number) => {
    if (store.subscribers.unsubscribe(chatId, 'blocked', now())) log.info({ chatId }, 'user blocked the bot; unsubscribed');
  };
  const retry = { ...deps.retry, onBlocked };

  const bot = new Telegraf(deps.token, { telegram: { apiRoot: deps.apiRoot, webhookReply: false }, handlerTimeout: 60_000 });
  withRetries(bot.telegram, log, retry);
  bot.use((ctx, next) => {
    withRetries(ctx.telegram, log, retry);
    return next();
  });

  async function reportError(error: unknown, ctx: Context): Promise<void> {
    log.error({ err: error, updateId: ctx.update.update_id, chatId: ctx.chat?.id }, 'update failed');
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
      if (ctx.chat) await ctx.telegram.sendMessage(ctx.chat.id, FRIENDLY_ERROR);
    } catch (replyError) {
      log.warn({ err: replyError, updateId: ctx.update.update_id }, 'could not tell the user about the error');
    }
  }

  // Fairness: a user past the rate limit is told once to wait and then ignored for a while;
  // everything else waits only for earlier updates of its own chat (update-queue.ts).
  const limiter = new UserRateLimiter(settings.rateLimit ?? { commands: 0, windowMs: 1 });
  const updates = deps.updates ?? new UpdateQueue();
  bot.use(async (ctx, next) => {
    const chatKey = String(ctx.chat?.id ?? ctx.from?.id ?? 'none');
    const verdict = ctx.from ? limiter.take(ctx.from.id, now().getTime()) : { allowed: true, notify: false, retryAfterMs: 0 };
    if (!verdict.allowed) {
      log.info({ userId: ctx.from?.id, chatId: ctx.chat?.id, notify: verdict.notify }, 'rate limited');
      // A button press is always answered, or the user's client shows a spinner.
      if (ctx.callbackQuery) await ctx.answerCbQuery(oneMomentText(verdict.retryAfterMs)).catch(() => undefined);
      else if (verdict.notify && ctx.chat) updates.run(chatKey, async () => void (await ctx.reply(oneMomentText(verdict.retryAfterMs))));
      return;
    }
    updates.run(chatKey, async () => {
      try {
        await next();
      } catch (error) {
        await reportError(error, ctx);
      }
    });
  });

  const isAdmin = (ctx: Context) => ctx.from !== undefined && settings.adminIds.includes(ctx.from.id);

  /** Sends a digest as one or more messages and remembers which stories each carried. */
  async function sendDigest(ctx: Context, digest: Digest, kind: string): Promise<void> {
    const chatId = ctx.chat!.id;
    // One key for all the messages of this digest: a reply to any of them is about all its stories.
    const digestKey = `${kind}:${randomUUID()}`;
    for (const message of renderTelegram(digest)) {
      const sent = await ctx.telegram.sendMessage(chatId, message.html, {
        ...HTML,
        ...(message.keyboard.length ? { reply_markup: { inline_keyboard: message.keyboard } } : {}),
      });
      const stories = digest.stories.filter((s) => message.storyIds.includes(s.id));
      store.subscribers.recordSentMessage({ chatId, messageId: sent.message_id, kind, topic: digest.topic, stories, digestKey }, now());
    }
  }

  async function replyWithSummary(ctx: Context, topic: string): Promise<void> {
    await ctx.sendChatAction('typing');
    const at = now();
    const digest = await summarizer.improveDigest(buildDigest(store, { topic, since: new Date(at.getTime() - windowMs), now: at, maxStories }));
    if (ctx.chat) store.subscribers.setLastTopic(ctx.chat.id, topic);
    await sendDigest(ctx, digest, 'summary');
  }

  async function answerQuestion(ctx: Context, question: string, replyTo?: number): Promise<void> {
    await ctx.sendChatAction('typing');
    const at = now();
    const chatId = ctx.chat!.id;
    const since = new Date(at.getTime() - QUESTION_WINDOW_DAYS * 86_400_000);
    // A reply to any message of a digest is about all the digest's stories (it may be split in several messages).
    const replied = replyTo !== undefined ? store.subscribers.digestStories<Story>(chatId, replyTo) : undefined;
    const articleIds = [...new Set(replied?.stories.flatMap((s) => s.sources.map((src) => src.articleId)) ?? [])];
    const topic = articleIds.length ? null : (store.subscribers.get(chatId)?.lastTopic ?? null);
    const answer = await ask({ store, summarizer }, truncateText(question, 1000), { ...(articleIds.length ? { articleIds } : {}), topic, since, now: at });
    const sent = await ctx.reply(answerHtml(answer, at), { ...HTML, ...(ctx.message ? { reply_parameters: { message_id: ctx.message.message_id } } : {}) });
    if (answer.found) {
      // A reply to the answer continues the conversation over the same articles.
      const stories: Story[] = [{ id: 'answer', title: question, summary: [answer.answer], quotes: answer.quotes, sources: answer.sources, updated: at.toISOString() }];
      store.subscribers.recordSentMessage({ chatId, messageId: sent.message_id, kind: 'answer', topic, stories }, at);
    }
  }

  bot.start(groupAdminsOnly, async (ctx) => {
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
    await ctx.reply(greetingHtml({ firstName: ctx.from.first_name, digestTime: subscriber.digestTime, timezone: subscriber.timezone, created, suggestions }), {
      ...HTML,
      ...(suggestions.length ? { reply_markup: { inline_keyboard: topicButtons(suggestions) } } : {}),
    });
  });

  bot.command('stop', groupAdminsOnly, async (ctx) => {
    const stopped = store.subscribers.unsubscribe(ctx.chat.id, 'stop', now());
    await ctx.reply(
      stopped
        ? 'Done: no more daily digests. Your topics and settings are kept; send /start any time to come back.'
        : 'You are not subscribed. Send /start to get a daily digest.',
    );
  });

  bot.help((ctx) => ctx.reply(helpHtml(isAdmin(ctx)), HTML));

  bot.command('summary', async (ctx) => {
    const topic = cutText(commandArgument(ctx), { max: MAX_TOPIC_LENGTH });
    if (!topic) {
      const suggestions = suggestTopics(store, now(), 4);
      await ctx.reply(
        `Which topic? For example <code>/summary syria</code>.${suggestions.length ? ' Or pick one in the news now:' : ''}`,
        { ...HTML, ...(suggestions.length ? { reply_markup: { inline_keyboard: topicButtons(suggestions) } } : {}) },
      );
      return;
    }
    await replyWithSummary(ctx, topic);
  });

  bot.command('digest', async (ctx) => {
    await ctx.sendChatAction('typing');
    const at = now();
    const topics = store.subscribers.topics(ctx.chat.id);
    const digest = await summarizer.improveDigest(buildDigest(store, { topics, since: new Date(at.getTime() - windowMs), now: at, maxStories }));
    await sendDigest(ctx, digest, 'digest');
  });

  bot.command('follow', groupAdminsOnly, async (ctx) => {
    const topic = cutText(commandArgument(ctx), { max: 100 });
    if (!topic) return void (await ctx.reply('Which topic? For example <code>/follow climate</code>.', HTML));
    const subscriber = store.subscribers.ensure({ chatId: ctx.chat.id, userId: ctx.from.id, firstName: ctx.from.first_name, digestTime: settings.defaultDigestTime, timezone: settings.defaultTimezone }, now());
    const result = store.subscribers.follow(ctx.chat.id, topic, now());
    const text =
      result === 'added'
        ? `Following <b>${escapeHtml(topic)}</b>: it is in your daily digest from now on.${pausedNote(subscriber)}`
        : result === 'exists'
          ? `You already follow <b>${escapeHtml(topic)}</b>.`
          : 'You follow the maximum number of topics; /unfollow one first.';
    await ctx.reply(text, HTML);
  });

  bot.command('unfollow', groupAdminsOnly, async (ctx) => {
    const topic = commandArgument(ctx);
    if (!topic) return void (await ctx.reply(topicsHtml(store.subscribers.topics(ctx.chat.id)), HTML));
    const removed = store.subscribers.unfollow(ctx.chat.id, topic);
    await ctx.reply(removed ? `Stopped following <b>${escapeHtml(topic)}</b>.` : `You do not follow <b>${escapeHtml(truncateText(topic, 100))}</b>. See /topics.`, HTML);
  });

  bot.command('topics', (ctx) => ctx.reply(topicsHtml(store.subscribers.topics(ctx.chat.id)), HTML));

  bot.command('time', groupAdminsOnly, async (ctx) => {
    const input = commandArgument(ctx);
    const time = normaliseTimeOfDay(input);
    if (!time) return void (await ctx.reply('Please give a time as HH:MM in 24 hours, e.g. <code>/time 07:30</code>.', HTML));
    const subscriber = store.subscribers.ensure({ chatId: ctx.chat.id, userId: ctx.from.id, firstName: ctx.from.first_name, digestTime: time, timezone: settings.defaultTimezone }, now());
    store.subscribers.setDigestTime(ctx.chat.id, time, now());
    await ctx.reply(`Your daily digest now arrives at <b>${time}</b> (${escapeHtml(subscriber.timezone)}).${pausedNote(subscriber)}`, HTML);
  });

  bot.command('timezone', groupAdminsOnly, async (ctx) => {
    const input = commandArgument(ctx);
    const zone = normaliseTimezone(input);
    if (!zone) {
      const suggestions = suggestTimezones(input);
      const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `<code>${escapeHtml(s)}</code>`).join(', ')}?` : '';
      await ctx.reply(
        `${input ? `"${escapeHtml(truncateText(input, 64))}" is not a time zone I know.` : 'Which time zone?'} Use an Area/City name such as <code>/timezone Europe/Berlin</code> or <code>/timezone America/New_York</code>.${hint}`,
        HTML,
      );
      return;
    }
    const subscriber = store.subscribers.ensure({ chatId: ctx.chat.id, userId: ctx.from.id, firstName: ctx.from.first_name, digestTime: settings.defaultDigestTime, timezone: zone }, now());
    store.subscribers.setTimezone(ctx.chat.id, zone, now());
    await ctx.reply(`Time zone set to <b>${escapeHtml(zone)}</b>; your digest arrives at ${subscriber.digestTime} local time.${pausedNote(subscriber)}`, HTML);
  });

  bot.command('sources', (ctx) => ctx.reply(sourcesListHtml(store.sources.list(), isAdmin(ctx)), HTML));

  bot.command('addsource', async (ctx) => {
    if (!isAdmin(ctx)) return void (await ctx.reply('Sorry, only the administrators of this bot can add sources.'));
    const url = commandArgument(ctx);
    if (!isHttpUrl(url)) return void (await ctx.reply('Please give a feed URL, e.g. <code>/addsource https://example.org/rss.xml</code>.', HTML));
    await ctx.sendChatAction('typing');
    let source;
    try {
      await assertPublicUrl(url, settings.allowPrivateSources);
      const probed = await probeSource(url, settings.fetchOptions);
      source = store.sources.add({ url, name: truncateText(probed.title ?? new URL(url).hostname, MAX_SOURCE_NAME), kind: probed.kind });
    } catch (error) {
      log.info({ url: redactUrl(url), reason: (error as Error).message }, 'addsource refused');
      await ctx.reply(`I could not add that source: ${escapeHtml(truncateText((error as Error).message, 500))}`, HTML);
      return;
    }
    // Outside the try: a failed reply must not claim that adding failed.
    await ctx.reply(`Added source ${source.id}: <b>${escapeHtml(capName(source.name))}</b> (${source.kind}).`, HTML);
  });

  bot.command('removesource', async (ctx) => {
    if (!isAdmin(ctx)) return void (await ctx.reply('Sorry, only the administrators of this bot can remove sources.'));
    const arg = commandArgument(ctx);
    if (!arg) return void (await ctx.reply('Which one? Give its number or URL from /sources, e.g. <code>/removesource 3</code>.', HTML));
    const removed = store.sources.remove(/^\d+$/.test(arg) ? Number(arg) : arg);
    await ctx.reply(removed ? `Removed source ${escapeHtml(arg)}.` : `No source ${escapeHtml(truncateText(arg, 100))}; see /sources.`, HTML);
  });

  bot.command('stats', async (ctx) => {
    if (!isAdmin(ctx)) return void (await ctx.reply('Sorry, statistics are for the administrators of this bot.'));
    const at = now();
    const today = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())).toISOString();
    const sources = store.sources.list();
    const lastFetch = sources.map((s) => s.lastSuccessAt).filter((t): t is string => !!t).sort().pop();
    const lines = [
      '<b>Statistics</b>',
      `Subscribers: ${store.subscribers.countActive()}`,
      `Articles today (UTC): ${store.articles.countIngestedSince(today)} of ${store.articles.count()}`,
      `Sources: ${sources.length}, failing: ${sources.filter((s) => s.consecutiveFailures > 0).length}`,
      `Last fetch: ${lastFetch ? escapeHtml(lastFetch.slice(0, 16).replace('T', ' ')) + ' UTC' : 'never'}`,
      ...deliveryStatsLines(store, at).map(escapeHtml),
    ];
    await ctx.reply(lines.join('\n'), HTML);
  });

  bot.action(/^topic:(.+)$/s, async (ctx) => {
    await ctx.answerCbQuery();
    await replyWithSummary(ctx, ctx.match[1]!);
  });

  bot.action(/^(more|src):(.+)$/s, async (ctx) => {
    const message = ctx.callbackQuery.message;
    const sent = message ? store.subscribers.sentMessage<Story>(ctx.chat!.id, message.message_id) : undefined;
    const story = sent?.stories.find((s) => s.id === ctx.match[2]);
    if (!story) {
      await ctx.answerCbQuery('That digest is too old; ask again with /summary.');
      return;
    }
    await ctx.answerCbQuery();
    const at = now();
    let html: string;
    if (ctx.match[1] === 'more') {
      const articles = store.articles.getMany(story.sources.map((s) => s.articleId));
      // Every full quote of the story, none repeating the summary or another quote shown.
      const quotes: StoryQuote[] = quotesNotRepeating(
        storyQuotes(articles)
          .filter(({ quote }) => !quote.fragment)
          .map(({ quote, articleId }) => toStoryQuote(quote, articleId)),
        story.summary,
      );
      html = storyDetailHtml(story, quotes.length ? quotes : story.quotes, at);
    } else {
      html = storySourcesHtml(story, at);
    }
    const reply = await ctx.reply(html, { ...HTML, reply_parameters: { message_id: message!.message_id } });
    store.subscribers.recordSentMessage({ chatId: ctx.chat!.id, messageId: reply.message_id, kind: 'story', topic: sent!.topic, stories: [story] }, at);
  });

  // Coverage: every article of a stored story as it stands now. The id may be one that was
  // merged into another story since the message was sent: it leads to the survivor.
  bot.action(/^cov:s(\d+)$/, async (ctx) => {
    const story = store.stories.get(Number(ctx.match[1]));
    if (!story) {
      await ctx.answerCbQuery('That story is no longer stored; ask again with /summary.');
      return;
    }
    await ctx.answerCbQuery();
    const articles = store.articles.getMany(store.stories.members([story.id]).get(story.id) ?? []);
    const sources = articles.sort((a, b) => articleTime(b) - articleTime(a)).map(sourceRef);
    const message = ctx.callbackQuery.message;
    const at = now();
    const reply = await ctx.reply(coverageHtml(story, sources, at), { ...HTML, ...(message ? { reply_parameters: { message_id: message.message_id } } : {}) });
    // A reply to the list asks about these articles.
    const listed: Story = { id: `s${story.id}`, title: story.title, summary: [], quotes: [], sources, updated: story.last };
    store.subscribers.recordSentMessage({ chatId: ctx.chat!.id, messageId: reply.message_id, kind: 'coverage', topic: null, stories: [listed] }, at);
  });

  // Forged, stale or unknown button data: answered all the same, so the client's spinner stops.
  bot.on('callback_query', (ctx) => ctx.answerCbQuery(STALE_BUTTON));

  bot.on('text', async (ctx) => {
    const text = ctx.message.text;
    if (text.startsWith('/')) {
      await ctx.reply('I do not know that command. /help lists what I can do.');
      return;
    }
    if (ctx.chat.type !== 'private' && ctx.message.reply_to_message?.from?.id !== ctx.botInfo.id) return;
    await answerQuestion(ctx, text, ctx.message.reply_to_message?.message_id);
  });

  bot.catch(reportError);

  return bot;
}

/** The command menu: setMyCommands with what everyone may use. */
export async function registerCommands(bot: Telegraf): Promise<void> {
  await bot.telegram.setMyCommands(BOT_COMMANDS.filter((c) => !c.adminOnly).map(({ command, description }) => ({ command, description })));
}
