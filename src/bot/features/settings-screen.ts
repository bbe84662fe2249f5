// /settings: one message, edited in place as the reader presses its buttons (delivery time,
// time zone, topics, daily digest on/off, stories per digest, language). Two buttons wait for
// a text ("add topic", a typed time zone); what is awaited is kept on the chat's row, so a
// restart between the press and the message loses nothing. A shared location sets the zone.
import { Composer, TelegramError } from 'telegraf';
import { STORIES_PER_DIGEST_CHOICES } from '../../app/index.ts';
import { isLanguage, translator } from '../../i18n/index.ts';
import type { PendingInput } from '../../store/index.ts';
import { callbackPattern } from '../../telegram/callbacks.ts';
import { html } from '../../telegram/html.ts';
import { normaliseTimeOfDay } from '../../util/time-of-day.ts';
import { cutText } from '../../util/text.ts';
import { chatIdentity, ensureSubscriber, htmlMessage, readerLanguage, replyHtml, type BotContext } from '../context.ts';
import { groupAdminsOnly, mayChangeChatSettings } from '../group-admin.ts';
import { timezoneAt } from '../location.ts';
import { ignoringUnchanged } from '../replies.ts';
import { normaliseTimezone } from '../settings.ts';
import { type SettingsPage, type SettingsState, settingsScreen as screenOf } from '../settings-view.ts';
import { followedHtml, MAX_FOLLOWED_TOPIC_LENGTH } from './topics.ts';
import { unknownTimezoneHtml } from './settings.ts';

export const settingsScreen = new Composer<BotContext>();

async function settingsState(ctx: BotContext): Promise<SettingsState> {
  const subscriber = await ensureSubscriber(ctx);
  return { subscriber, topics: await ctx.deps.app.subscriptions.topics(subscriber.chatId), defaultStories: ctx.deps.app.digests.daily.maxStories };
}

async function markup(page: SettingsPage, ctx: BotContext) {
  const screen = screenOf(page, await settingsState(ctx), ctx.tr);
  return htmlMessage(screen.html, { reply_markup: { inline_keyboard: screen.keyboard } });
}

/** The settings message pressed, showing `page`. */
async function show(ctx: BotContext, page: SettingsPage): Promise<void> {
  const { text, extra } = await markup(page, ctx);
  await ignoringUnchanged(ctx.editMessageText(text, extra));
}

/** The settings message that asked for a text, updated after the text came; it may have been deleted meanwhile. */
async function refresh(ctx: BotContext, messageId: number, page: SettingsPage): Promise<void> {
  const { text, extra } = await markup(page, ctx);
  try {
    await ignoringUnchanged(ctx.telegram.editMessageText(ctx.chat!.id, messageId, undefined, text, extra));
  } catch (error) {
    if (!(error instanceof TelegramError && error.code === 400)) throw error;
    ctx.deps.log.info({ chatId: ctx.chat?.id, messageId, reason: error.description }, 'settings message not updated');
  }
}

settingsScreen.command('settings', groupAdminsOnly, async (ctx) => {
  await ctx.deps.app.subscriptions.setPendingInput(chatIdentity(ctx), null);
  const { text, extra } = await markup('main', ctx);
  await ctx.reply(text, extra);
});

/** A press: what it changes, the notice it gets, and the page shown after it. */
async function press(ctx: BotContext, action: string, messageId: number): Promise<{ notice?: string; page: SettingsPage } | 'handled' | 'unknown'> {
  const { subscriptions } = ctx.deps.app;
  const chat = chatIdentity(ctx);
  const wait = async (kind: PendingInput['kind']) => await subscriptions.setPendingInput(chat, { kind, messageId });
  const saved = ctx.tr.t('settings.saved');
  let match: RegExpExecArray | null;
  if (action === 'main') return { page: 'main' };
  if (action === 'time') return { page: 'hour' };
  if ((match = /^hour:(\d{1,2})$/.exec(action)) && Number(match[1]) < 24) return { page: { minuteOf: Number(match[1]) } };
  if ((match = /^at:(\d\d:\d\d)$/.exec(action))) {
    const time = normaliseTimeOfDay(match[1]!);
    if (!time) return 'unknown';
    await subscriptions.setTime(chat, time);
    return { notice: saved, page: 'main' };
  }
  if (action === 'zone') {
    await wait('timezone');
    return { page: 'zone' };
  }
  if ((match = /^tz:(.+)$/.exec(action))) {
    const zone = normaliseTimezone(match[1]!);
    if (!zone) return 'unknown';
    await subscriptions.setTimezone(chat, zone);
    return { notice: saved, page: 'main' };
  }
  if (action === 'loc') {
    await wait('timezone');
    await ctx.answerCbQuery();
    // Only a reply keyboard can ask for a location, and only a new message carries one.
    await ctx.reply(ctx.tr.t('settings.locationPrompt'), {
      reply_markup: { keyboard: [[{ text: ctx.tr.t('settings.buttonLocation'), request_location: true }]], resize_keyboard: true, one_time_keyboard: true },
    });
    return 'handled';
  }
  if (action === 'topics') return { page: 'topics' };
  if (action === 'add') {
    await wait('topic');
    return { page: 'add-topic' };
  }
  if ((match = /^rm:(\d+):(.*)$/s.exec(action))) {
    // The index and the start of the topic (callback data is cut at 64 bytes) must both match: a stale screen removes nothing.
    const topic = (await subscriptions.topics(chat.chatId))[Number(match[1])];
    if (!topic?.startsWith(match[2]!)) return { notice: ctx.tr.t('errors.staleButton'), page: 'topics' };
    await subscriptions.unfollow(chat.chatId, topic);
    return { notice: ctx.tr.t('callbacks.unfollowed', { topic }), page: 'topics' };
  }
  if (action === 'stories') return { page: 'stories' };
  if ((match = /^n:(\d+)$/.exec(action))) {
    const stories = Number(match[1]);
    if (!(STORIES_PER_DIGEST_CHOICES as readonly number[]).includes(stories)) return 'unknown';
    await subscriptions.setStoriesPerDigest(chat, stories);
    return { notice: saved, page: 'main' };
  }
  if (action === 'on') {
    await subscriptions.resume(chat.chatId);
    return { notice: ctx.tr.t('settings.resumed'), page: 'main' };
  }
  if (action === 'off') {
    await subscriptions.stop(chat.chatId);
    return { notice: ctx.tr.t('settings.stoppedNotice'), page: 'main' };
  }
  if (action === 'language') return { page: 'language' };
  if ((match = /^lang:(\w+)$/.exec(action)) && (match[1] === 'auto' || isLanguage(match[1]))) {
    await subscriptions.setLanguage(chat, match[1] === 'auto' ? null : match[1]!);
    ctx.tr = translator(await readerLanguage(ctx));
    return { notice: saved, page: 'main' };
  }
  if (action === 'done') {
    await ctx.answerCbQuery();
    await ignoringUnchanged(ctx.editMessageText(ctx.tr.t('settings.closed')));
    return 'handled';
  }
  return 'unknown';
}

settingsScreen.action(callbackPattern('settings'), groupAdminsOnly, async (ctx) => {
  const messageId = ctx.callbackQuery.message?.message_id;
  if (messageId === undefined) return void (await ctx.answerCbQuery(ctx.tr.t('errors.staleButton')));
  // Any press ends a wait for a typed topic or zone; the presses that start one set it again.
  await ctx.deps.app.subscriptions.setPendingInput(chatIdentity(ctx), null);
  const outcome = await press(ctx, ctx.match[1]!, messageId);
  if (outcome === 'handled') return;
  if (outcome === 'unknown') return void (await ctx.answerCbQuery(ctx.tr.t('errors.staleButton')));
  await ctx.answerCbQuery(outcome.notice);
  await show(ctx, outcome.page);
});

// The text a settings button waits for: a topic to follow, or a time zone's name. A command
// instead ends the wait and goes on as a command.
settingsScreen.on('text', async (ctx, next) => {
  const pending = (await ctx.deps.app.subscriptions.get(ctx.chat.id))?.pendingInput;
  if (!pending) return next();
  const chat = chatIdentity(ctx);
  const text = ctx.message.text.trim();
  if (text.startsWith('/') || !(await mayChangeChatSettings(ctx))) {
    if (text.startsWith('/')) await ctx.deps.app.subscriptions.setPendingInput(chat, null);
    return next();
  }
  const { subscriptions } = ctx.deps.app;
  if (pending.kind === 'topic') {
    const topic = cutText(text, { max: MAX_FOLLOWED_TOPIC_LENGTH });
    await subscriptions.setPendingInput(chat, null);
    await replyHtml(ctx, followedHtml(await subscriptions.follow(chat, topic), topic, ctx.tr));
    await refresh(ctx, pending.messageId, 'topics');
    return;
  }
  const zone = normaliseTimezone(text);
  // Not a zone: say so and keep waiting, so the next try counts.
  if (!zone) return void (await replyHtml(ctx, unknownTimezoneHtml(text, ctx.tr)));
  await subscriptions.setPendingInput(chat, null);
  const subscriber = await subscriptions.setTimezone(chat, zone);
  await replyHtml(ctx, ctx.tr.html('timezone.set', { zone, time: subscriber.digestTime }));
  await refresh(ctx, pending.messageId, 'main');
});

// A shared location: its time zone (the reply keyboard that asked for it goes away).
settingsScreen.on('location', groupAdminsOnly, async (ctx) => {
  const { latitude, longitude } = ctx.message.location;
  const zone = await timezoneAt(latitude, longitude);
  const removeKeyboard = { reply_markup: { remove_keyboard: true as const } };
  if (!zone) return void (await replyHtml(ctx, html`${ctx.tr.t('settings.locationNoZone')}`, removeKeyboard));
  const chat = chatIdentity(ctx);
  const pending = (await ctx.deps.app.subscriptions.get(chat.chatId))?.pendingInput;
  await ctx.deps.app.subscriptions.setPendingInput(chat, null);
  const subscriber = await ctx.deps.app.subscriptions.setTimezone(chat, zone);
  await replyHtml(ctx, ctx.tr.html('settings.zoneFromLocation', { zone, time: subscriber.digestTime }), removeKeyboard);
  if (pending) await refresh(ctx, pending.messageId, 'main');
});
