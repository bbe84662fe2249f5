// render: a Digest to plain text (terminal), JSON (--json) and Telegram HTML messages.
// Telegram HTML: built with the html template (src/telegram/html.ts), so every value is escaped;
// only allowed tags, each message at most 4096 characters after entity parsing, split between
// stories and never inside a tag.
import { outletName } from '../util/outlet.ts';
import type { Digest, SourceArticle, SourceRef, Story, StoryQuote } from '../model/digest.ts';
import { isHttpUrl } from '../util/url.ts';
import { callbackData } from '../telegram/callbacks.ts';
import { truncateText } from '../util/text.ts';
import { type Html, html, joinHtml, visibleLength } from '../telegram/html.ts';
import { english, formatDate, type Translator } from '../i18n/index.ts';
import { namedEntities } from '../nlp/tokens.ts';

export const TELEGRAM_MESSAGE_LIMIT = 4096;
/** Room kept below the limit, for safety against counting differences. */
const MESSAGE_BUDGET = 4000;

/** A link Telegram accepts: an absolute http(s) URL, percent-encoded; null for anything else. */
function webUrl(url: string | undefined): string | null {
  if (!url || !isHttpUrl(url.trim())) return null;
  return new URL(url.trim()).href;
}

/** "5 Sep 2016, 14:12 UTC" (the year only when it is not the current one), in English. */
export function shortTime(iso: string | undefined, now?: Date): string {
  return formatDate(iso, 'en', now);
}

// ---- source lines: every renderer names the outlet and the date of each source ----

/** The outlet a source line names (articles stored before outlets were cleaned get theirs here too). */
export function sourceOutlet(source: SourceArticle, tr: Translator = english): string {
  return capName(outletName(source.outlet, source.url) ?? tr.t('digest.unknownOutlet'));
}

/** The publication time; else the ingest time, said to be one; "date unknown" only without either. */
export function sourceDate(source: SourceArticle, now?: Date, tr: Translator = english): string {
  const published = tr.date(source.published, now);
  if (published) return published;
  const ingested = tr.date(source.ingested, now);
  return ingested ? tr.t('digest.ingested', { date: ingested }) : tr.t('digest.dateUnknown');
}

/** The copies' outlets other than the source's own, each once. */
function alsoCopies(source: SourceRef): SourceArticle[] {
  const seen = new Set([sourceOutlet(source)]);
  return (source.also ?? []).filter((copy) => {
    const outlet = sourceOutlet(copy);
    if (seen.has(outlet)) return false;
    seen.add(outlet);
    return true;
  });
}

/** "Valmora Post, 3 Mar, 11:20 UTC: https://... (also: AP, Reuters)" */
export function sourceLine(source: SourceRef, now?: Date): string {
  const copies = alsoCopies(source);
  const also = copies.length ? ` (also: ${copies.map((s) => sourceOutlet(s)).join(', ')})` : '';
  return `${sourceOutlet(source)}, ${sourceDate(source, now)}${source.url ? `: ${source.url}` : ''}${also}`;
}

/**
 * "<a>Valmora Post</a>, 3 Mar, 11:20 UTC (also: <a>AP</a>, <a>Reuters</a>)", the outlets
 * linked; with `title`, the headline after the date ("…, 3 Mar, 11:20 UTC: Dock strike…").
 */
export function sourceLineHtml(source: SourceRef, now?: Date, options: { title?: boolean; tr?: Translator } = {}): Html {
  const tr = options.tr ?? english;
  const copies = alsoCopies(source);
  const links = joinHtml(copies.map((copy) => sourceLinkHtml(copy, sourceOutlet(copy, tr))), ', ');
  const also = copies.length ? html` (${tr.html('digest.also', { outlets: links })})` : '';
  const title = options.title ? html`: ${truncateText(source.title, 200)}` : '';
  return html`${sourceLinkHtml(source, sourceOutlet(source, tr))}, ${sourceDate(source, now, tr)}${title}${also}`;
}

/** A source and its folded copies: the articles one source line stands for. */
const withCopies = (source: SourceRef): SourceArticle[] => [source, ...(source.also ?? [])];

function outletTotal(story: Story): number {
  // An update counts the outlets of what is new; a whole story, all its outlets.
  return story.coverage && !story.update ? story.coverage.outlets : new Set(story.sources.flatMap(withCopies).map((s) => sourceOutlet(s))).size;
}

/** Articles the story stands for: the stored story's count (its sources may be only its newest), else its sources with their copies. */
function articleTotal(story: Story): number {
  const listed = story.sources.flatMap(withCopies).length;
  return story.coverage && !story.update ? Math.max(story.coverage.articles, listed) : listed;
}

/** "· 4 outlets" when more than one outlet covered the story: how widely it was reported. */
function outletCount(story: Story, tr: Translator): string {
  const outlets = outletTotal(story);
  return outlets > 1 ? ` · ${tr.t('digest.outlets', { count: outlets })}` : '';
}

/** The headline a story is shown under: an update says so. */
function storyHeadline(story: Story, tr: Translator = english): string {
  return story.update ? tr.t('digest.update', { title: story.title }) : story.title;
}

/** A quote without the comma or colon that led into the attribution. */
function quoteText(quote: StoryQuote): string {
  return quote.text.trim().replace(/[,:;]$/, '');
}

function quoteLine(quote: StoryQuote): string {
  return `“${quoteText(quote)}” — ${quote.speaker ?? 'unattributed'}`;
}

export function quoteHtml(quote: StoryQuote, tr: Translator = english): Html {
  return html`<i>“${quoteText(quote)}”</i> — ${quote.speaker ? capName(quote.speaker) : tr.t('digest.unattributed')}`;
}

/** The label linked to the source's page when it has a valid web URL, else the label alone. */
export function sourceLinkHtml(source: SourceArticle, label: string): Html {
  const href = webUrl(source.url);
  const text = capName(label);
  return href ? html`<a href="${href}">${text}</a>` : html`${text}`;
}

/**
 * "syria: 2 stories"; when nothing matched in the window and older stories stand in (each
 * shown with its date), "The 2 most recent stories about syria", so header and stories agree.
 */
function headline(digest: Digest, tr: Translator = english): string {
  const count = digest.stories.length;
  if (digest.topic && count && digest.stories.every((s) => s.outsideWindow)) return tr.t('digest.recent', { topic: digest.topic, count });
  return tr.t('digest.headline', { topic: digest.topic ? digest.topic : tr.t('digest.topStories'), count });
}

/** Only when the stories are in the window does the header say which window it was. */
function headerWindow(digest: Digest, now: Date): string {
  return digest.stories.every((s) => s.outsideWindow) ? '' : ` (since ${shortTime(digest.since, now)})`;
}

// ---- plain text ----

export function renderText(digest: Digest): string {
  const now = new Date(digest.generatedAt);
  const lines: string[] = [];
  if (!digest.stories.length) {
    lines.push(noStoriesMessage(digest));
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${headline(digest)}${headerWindow(digest, now)}`);
  if (digest.headline) lines.push(digest.headline);
  if (digest.note) lines.push(digest.note);
  digest.stories.forEach((story, i) => {
    lines.push('', `${i + 1}. ${storyHeadline(story)}${story.outsideWindow ? ` [${shortTime(story.updated, now)}]` : ''}`);
    if (story.update) lines.push(`   (follow-up to "${story.update.storyTitle}")`);
    for (const sentence of story.summary) lines.push(`   ${sentence}`);
    for (const quote of story.quotes) lines.push(`   ${quoteLine(quote)}`);
    const outlets = outletTotal(story);
    lines.push(outlets > 1 ? `   Sources (${outlets} outlets):` : '   Sources:');
    for (const source of story.sources) lines.push(`   - ${sourceLine(source, now)}`);
  });
  return `${lines.join('\n')}\n`;
}

/** "the last 24 hours", "the last 7 days", "the last 2 weeks" in the reader's language. */
export function windowText(since: Date, now: Date, tr: Translator = english): string {
  const hours = Math.max(1, Math.round((now.getTime() - since.getTime()) / 3_600_000));
  if (hours < 48) return tr.t('window.hours', { count: hours });
  const days = Math.round(hours / 24);
  if (days < 21 || days % 7) return tr.t('window.days', { count: days });
  return tr.t('window.weeks', { count: days / 7 });
}

/** Nothing found: what was searched, topics there are, and (for the bot) that a wider window may help. */
export function noStoriesMessage(digest: Digest, tr: Translator = english, options: { widerHint?: boolean } = {}): string {
  const window = windowText(new Date(digest.since), new Date(digest.generatedAt), tr);
  let text = digest.topic ? tr.t('digest.nothingAbout', { topic: digest.topic, window }) : tr.t('digest.nothingInNews');
  if (digest.suggestions?.length) text += ` ${tr.t('digest.recentTopics', { topics: digest.suggestions.map(capName).join(', ') })}`;
  if (digest.topic && options.widerHint) text += ` ${tr.t('digest.tryWider')}`;
  return text;
}

// ---- JSON (DESIGN.md §3 shape, plus ids that the bot uses) ----

export function renderJson(digest: Digest): string {
  return JSON.stringify(digest);
}

// ---- Telegram HTML ----

export interface InlineButton {
  text: string;
  callback_data: string;
}

export interface TelegramMessage {
  html: string;
  /** The stories this message carries: follow-up questions that reply to it use them. */
  storyIds: string[];
  /** One row of buttons per story in the message. */
  keyboard: InlineButton[][];
}

/** The first `max` source lines, then how many more articles the story has ("and 4 more"). */
function sourcesHtml(sources: SourceRef[], now: Date, max: number, articles: number, tr: Translator): Html {
  const first = sources.slice(0, max);
  const shown = first.map((s) => sourceLineHtml(s, now, { tr }));
  const hidden = articles - first.flatMap(withCopies).length;
  const more = hidden > 0 ? ` ${tr.t('digest.andMore', { count: hidden })}` : '';
  return html`${joinHtml(shown, ' · ')}${more}`;
}

export function storyHtml(story: Story, index: number, now: Date, options: { quotes?: number; sentences?: number; tr?: Translator } = {}): Html {
  const tr = options.tr ?? english;
  const when = story.outsideWindow ? html` <i>(${tr.date(story.updated, now)})</i>` : '';
  const parts = [html`<b>${index}. ${capTitle(storyHeadline(story, tr))}</b>${when}`];
  if (story.update) parts.push(html`<i>${tr.t('digest.followUpTo', { title: truncateText(story.update.storyTitle, 200) })}</i>`);
  const summary = story.summary.slice(0, options.sentences ?? story.summary.length);
  if (summary.length) parts.push(html`${summary.join(' ')}`);
  for (const quote of story.quotes.slice(0, options.quotes ?? story.quotes.length)) {
    parts.push(quoteHtml(quote, tr));
  }
  parts.push(html`📰 ${sourcesHtml(story.sources, now, 3, articleTotal(story), tr)}${outletCount(story, tr)}`);
  return joinHtml(parts, '\n');
}

/** Longest title and name (outlet, source, speaker) shown in a message: a feed can claim any. */
export const MAX_TITLE_LENGTH = 300;
export const MAX_NAME_LENGTH = 100;

export function capTitle(title: string): string {
  return truncateText(title, MAX_TITLE_LENGTH);
}

export function capName(name: string): string {
  return truncateText(name, MAX_NAME_LENGTH);
}

/** A story block that fits one message: drop quotes, then sentences, then shorten the text. */
function fittingStoryHtml(story: Story, index: number, now: Date, budget: number, tr: Translator): Html {
  for (let quotes = story.quotes.length; quotes >= 0; quotes--) {
    const html = storyHtml(story, index, now, { quotes, tr });
    if (visibleLength(html) <= budget) return html;
  }
  for (let sentences = story.summary.length - 1; sentences >= 0; sentences--) {
    const html = storyHtml(story, index, now, { quotes: 0, sentences, tr });
    if (visibleLength(html) <= budget) return html;
  }
  const shortened: Story = { ...story, summary: [], quotes: [], sources: story.sources.slice(0, 1) };
  return storyHtml(shortened, index, now, { tr });
}

export function storyButtons(story: Story, index: number, tr: Translator = english): InlineButton[] {
  return [
    { text: tr.t('buttons.more', { n: index }), callback_data: callbackData('more', story.id) },
    // A stored story ("s<id>") lists its whole coverage, as it stands when pressed.
    story.id.startsWith('s')
      ? { text: tr.t('buttons.coverage', { n: index }), callback_data: callbackData('coverage', story.id) }
      : { text: tr.t('buttons.sources', { n: index }), callback_data: callbackData('sources', story.id) },
  ];
}

/** The note under the header, in the reader's language when it is the bot's own ("Nothing new since …"). */
function noteText(digest: Digest, tr: Translator, now: Date): string {
  if (digest.stories.length && digest.stories.every((s) => s.outsideWindow)) return tr.t('digest.nothingNewSince', { date: tr.date(digest.since, now) });
  return digest.note ?? '';
}

/** A topic in a button label is cut to this: the label must stay readable on a phone. */
const TOPIC_LABEL_LENGTH = 24;

/**
 * What "Follow" under a story follows: the /summary's topic; in a personal digest, the followed
 * topic the story is about, else the first name in its headline; null when there is none.
 */
export function storyTopic(story: Story, summaryTopic: string | null, followed: readonly string[]): string | null {
  if (summaryTopic) return summaryTopic;
  const text = `${story.title} ${story.summary.join(' ')}`.toLowerCase();
  return followed.find((t) => text.includes(t.toLowerCase())) ?? namedEntities(story.title)[0] ?? null;
}

/** "Follow <topic>", or "Unfollow <topic>" when the chat follows it already. */
export function followButton(topic: string, followed: readonly string[], tr: Translator = english): InlineButton {
  const following = followed.some((t) => t.toLowerCase() === topic.toLowerCase());
  const label = truncateText(topic, TOPIC_LABEL_LENGTH);
  return following
    ? { text: tr.t('buttons.unfollow', { topic: label }), callback_data: callbackData('unfollow', topic) }
    : { text: tr.t('buttons.follow', { topic: label }), callback_data: callbackData('follow', topic) };
}

/** The Follow / Unfollow button under each story of a digest for a reader who follows `followed`. */
export function followButtons(summaryTopic: string | null, followed: readonly string[], tr: Translator = english): (story: Story) => InlineButton[] {
  return (story) => {
    const topic = storyTopic(story, summaryTopic, followed);
    return topic ? [followButton(topic, followed, tr)] : [];
  };
}

export interface RenderTelegramOptions {
  budget?: number;
  /** The reader's language for the bot's words around the stories (English by default). */
  tr?: Translator;
  /** Extra buttons after a story's own (the bot's Follow / Unfollow). */
  extraButtons?: (story: Story) => InlineButton[];
}

export function renderTelegram(digest: Digest, options: RenderTelegramOptions = {}): TelegramMessage[] {
  const budget = options.budget ?? MESSAGE_BUDGET;
  const tr = options.tr ?? english;
  const now = new Date(digest.generatedAt);
  if (!digest.stories.length) return [{ html: html`${noStoriesMessage(digest, tr)}`.toString(), storyIds: [], keyboard: [] }];
  const buttons = (story: Story, index: number): InlineButton[] => [...storyButtons(story, index, tr), ...(options.extraButtons?.(story) ?? [])];

  const header = joinHtml(
    [
      html`<b>${truncateText(headline(digest, tr), 300)}</b>`,
      ...(digest.headline ? [html`${truncateText(digest.headline, 300)}`] : []),
      ...(noteText(digest, tr, now) ? [html`<i>${truncateText(noteText(digest, tr, now), 500)}</i>`] : []),
    ],
    '\n',
  );

  // Built as Html, handed on as the string the outbox stores and the Bot API takes.
  const messages: TelegramMessage[] = [];
  let current: { html: Html; storyIds: string[]; keyboard: InlineButton[][] } = { html: header, storyIds: [], keyboard: [] };
  const finish = (): void => void messages.push({ ...current, html: current.html.toString() });
  digest.stories.forEach((story, i) => {
    const block = fittingStoryHtml(story, i + 1, now, budget - visibleLength(header) - 2, tr);
    const candidate = html`${current.html}\n\n${block}`;
    if (current.storyIds.length && visibleLength(candidate) > budget) {
      finish();
      current = { html: block, storyIds: [story.id], keyboard: [buttons(story, i + 1)] };
    } else {
      current.html = candidate;
      current.storyIds.push(story.id);
      current.keyboard.push(buttons(story, i + 1));
    }
  });
  finish();
  return messages;
}
