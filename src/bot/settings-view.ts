// The /settings screen: one message, edited in place, one page at a time. Pure: the chat's
// settings in, the message's HTML and buttons out. The buttons' actions are read by
// features/settings-screen.ts.
import type { InlineKeyboardButton } from 'telegraf/types';
import { STORIES_PER_DIGEST_CHOICES } from '../app/index.ts';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Translator } from '../i18n/index.ts';
import type { Subscriber } from '../store/index.ts';
import { callbackData } from '../telegram/callbacks.ts';
import { type Html, joinHtml } from '../telegram/html.ts';
import { truncateText } from '../util/text.ts';

/** The zones offered as buttons: the most populous zones of the readers we expect; any other is typed or located. */
export const COMMON_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Kyiv',
  'Europe/Moscow',
  'Asia/Yekaterinburg',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
] as const;

export const MINUTE_CHOICES = [0, 15, 30, 45] as const;

export type SettingsPage = 'main' | 'hour' | { minuteOf: number } | 'zone' | 'topics' | 'stories' | 'language' | 'add-topic';

export interface SettingsState {
  subscriber: Subscriber;
  topics: string[];
  /** Stories per digest when the chat has not chosen. */
  defaultStories: number;
}

export interface SettingsScreen {
  html: Html;
  keyboard: InlineKeyboardButton[][];
}

const button = (text: string, action: string): InlineKeyboardButton => ({ text, callback_data: callbackData('settings', action) });

function rows<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function settingsScreen(page: SettingsPage, state: SettingsState, tr: Translator): SettingsScreen {
  const { subscriber, topics } = state;
  const back = [button(tr.t('settings.buttonBack'), 'main')];
  if (page === 'hour') {
    return { html: tr.html('settings.chooseHour', { zone: subscriber.timezone }), keyboard: [...rows(Array.from({ length: 24 }, (_, h) => button(pad(h), `hour:${h}`)), 6), back] };
  }
  if (typeof page === 'object') {
    const hour = page.minuteOf;
    return {
      html: tr.html('settings.chooseMinute', { hour: pad(hour) }),
      keyboard: [MINUTE_CHOICES.map((m) => button(`${pad(hour)}:${pad(m)}`, `at:${pad(hour)}:${pad(m)}`)), [button(tr.t('settings.buttonBack'), 'time')]],
    };
  }
  if (page === 'zone') {
    const zones = COMMON_ZONES.map((zone) => button(zone === subscriber.timezone ? `✓ ${zone}` : zone, `tz:${zone}`));
    return { html: tr.html('settings.chooseZone', { zone: subscriber.timezone }), keyboard: [[button(tr.t('settings.buttonLocation'), 'loc')], ...rows(zones, 2), back] };
  }
  if (page === 'topics' || page === 'add-topic') {
    const remove = topics.map((topic, i) => [button(tr.t('settings.buttonRemoveTopic', { topic: truncateText(topic, 40) }), `rm:${i}:${topic}`)]);
    const title = page === 'add-topic' ? tr.html('settings.addTopic') : tr.html('settings.topicsTitle');
    return { html: title, keyboard: [...remove, [button(tr.t('settings.buttonAddTopic'), 'add')], back] };
  }
  if (page === 'stories') {
    const current = subscriber.storiesPerDigest ?? state.defaultStories;
    return { html: tr.html('settings.chooseStories'), keyboard: [STORIES_PER_DIGEST_CHOICES.map((n) => button(n === current ? `✓ ${n}` : String(n), `n:${n}`)), back] };
  }
  if (page === 'language') {
    const chosen = isLanguage(subscriber.language) ? subscriber.language : null;
    const languages = LANGUAGES.map((lang) => button(lang === chosen ? `✓ ${LANGUAGE_NAMES[lang]}` : LANGUAGE_NAMES[lang], `lang:${lang}`));
    return { html: tr.html('language.choose'), keyboard: [languages, [button(chosen ? tr.t('language.auto') : `✓ ${tr.t('language.auto')}`, 'lang:auto')], back] };
  }
  return mainScreen(state, tr);
}

function mainScreen(state: SettingsState, tr: Translator): SettingsScreen {
  const { subscriber, topics } = state;
  const stories = subscriber.storiesPerDigest ?? state.defaultStories;
  const lines = [
    tr.html('settings.title'),
    tr.html('settings.delivery', { state: tr.t(subscriber.active ? 'settings.on' : 'settings.off') }),
    tr.html('settings.time', { time: subscriber.digestTime, zone: subscriber.timezone }),
    tr.html('settings.stories', { count: stories }),
    tr.html('settings.topics', { topics: topics.length ? truncateText(topics.join(', '), 1000) : tr.t('settings.noTopics') }),
    tr.html('settings.language', { language: LANGUAGE_NAMES[tr.language] }),
  ];
  return {
    html: joinHtml(lines, '\n'),
    keyboard: [
      [button(tr.t('settings.buttonTime'), 'time'), button(tr.t('settings.buttonZone'), 'zone')],
      [button(tr.t('settings.buttonTopics'), 'topics'), button(tr.t('settings.buttonStories', { count: stories }), 'stories')],
      [subscriber.active ? button(tr.t('settings.buttonOff'), 'off') : button(tr.t('settings.buttonOn'), 'on')],
      [button(tr.t('settings.buttonLanguage'), 'language'), button(tr.t('settings.buttonDone'), 'done')],
    ],
  };
}
