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

export const TELEGRAM_MESSAGE_LIMIT = 4096;
/** Room kept below the limit, for safety against counting differences. */
const MESSAGE_BUDGET = 4000;

/** A link Telegram accepts: an absolute http(s) URL, percent-encoded; null for anything else. */
function webUrl(url: string | undefined): string | null {
  if (!url || !isHttpUrl(url.trim())) return null;
  return new URL(url.trim()).href;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "5 Sep 2016, 14:12 UTC" (the year only when it is not the current one). */
export function shortTime(iso: string | undefined, now?: Date): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const year = now && d.getUTCFullYear() === now.getUTCFullYear() ? '' : ` ${d.getUTCFullYear()}`;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year}, ${hh}:${mm} UTC`;
}

// ---- source lines: every renderer names the outlet and the date of each source ----

/** The outlet a source line names (articles stored before outlets were cleaned get theirs here too). */
export function sourceOutlet(source: SourceArticle): string {
  return capName(outletName(source.outlet, source.url) ?? 'unknown outlet');
}

/** The publication time; else the ingest time, said to be one; "date unknown" only without either. */
export function sourceDate(source: SourceArticle, now?: Date): string {
  const published = shortTime(source.published, now);
  if (published) return published;
  const ingested = shortTime(source.ingested, now);
  return ingested ? `ingested ${ingested}` : 'date unknown';
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
  const also = copies.length ? ` (also: ${copies.map(sourceOutlet).join(', ')})` : '';
  return `${sourceOutlet(source)}, ${sourceDate(source, now)}${source.url ? `: ${source.url}` : ''}${also}`;
}

/**
 * "<a>Valmora Post</a>, 3 Mar, 11:20 UTC (also: <a>AP</a>, <a>Reuters</a>)", the outlets
 * linked; with `title`, the headline after the date ("…, 3 Mar, 11:20 UTC: Dock strike…").
 */
export function sourceLineHtml(source: SourceRef, now?: Date, options: { title?: boolean } = {}): Html {
  const copies = alsoCopies(source);
  const links = joinHtml(copies.map((copy) => sourceLinkHtml(copy, sourceOutlet(copy))), ', ');
  const also = copies.length ? html` (also: ${links})` : '';
  const title = options.title ? html`: ${truncateText(source.title, 200)}` : '';
  return html`${sourceLinkHtml(source, sourceOutlet(source))}, ${sourceDate(source, now)}${title}${also}`;
}

/** A source and its folded copies: the articles one source line stands for. */
const withCopies = (source: SourceRef): SourceArticle[] => [source, ...(source.also ?? [])];

function outletTotal(story: Story): number {
  // An update counts the outlets of what is new; a whole story, all its outlets.
  return story.coverage && !story.update ? story.coverage.outlets : new Set(story.sources.flatMap(withCopies).map(sourceOutlet)).size;
}

/** Articles the story stands for: the stored story's count (its sources may be only its newest), else its sources with their copies. */
function articleTotal(story: Story): number {
  const listed = story.sources.flatMap(withCopies).length;
  return story.coverage && !story.update ? Math.max(story.coverage.articles, listed) : listed;
}

/** "· 4 outlets" when more than one outlet covered the story: how widely it was reported. */
function outletCount(story: Story): string {
  const outlets = outletTotal(story);
  return outlets > 1 ? ` · ${outlets} outlets` : '';
}

/** The headline a story is shown under: an update says so. */
function storyHeadline(story: Story): string {
  return story.update ? `Update: ${story.title}` : story.title;
}

/** A quote without the comma or colon that led into the attribution. */
function quoteText(quote: StoryQuote): string {
  return quote.text.trim().replace(/[,:;]$/, '');
}

function quoteLine(quote: StoryQuote): string {
  return `“${quoteText(quote)}” — ${quote.speaker ?? 'unattributed'}`;
}

export function quoteHtml(quote: StoryQuote): Html {
  return html`<i>“${quoteText(quote)}”</i> — ${quote.speaker ? capName(quote.speaker) : 'unattributed'}`;
}

/** The label linked to the source's page when it has a valid web URL, else the label alone. */
export function sourceLinkHtml(source: SourceArticle, label: string): Html {
  const href = webUrl(source.url);
  const text = capName(label);
  return href ? html`<a href="${href}">${text}</a>` : html`${text}`;
}

function headline(digest: Digest): string {
  const what = digest.topic ? digest.topic : 'Top stories';
  const count = digest.stories.length;
  return `${what}: ${count} ${count === 1 ? 'story' : 'stories'}`;
}

// ---- plain text ----

export function renderText(digest: Digest): string {
  const now = new Date(digest.generatedAt);
  const lines: string[] = [];
  if (!digest.stories.length) {
    lines.push(noStoriesMessage(digest));
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${headline(digest)} (since ${shortTime(digest.since, now)})`);
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

export function noStoriesMessage(digest: Digest): string {
  const what = digest.topic ? `about "${digest.topic}"` : 'in the news';
  let text = `I found nothing ${what}.`;
  if (digest.suggestions?.length) text += ` Recent topics: ${digest.suggestions.map(capName).join(', ')}.`;
  if (digest.topic) text += ' Try other words or a wider window (e.g. --since 7d).';
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
function sourcesHtml(sources: SourceRef[], now: Date, max: number, articles: number): Html {
  const first = sources.slice(0, max);
  const shown = first.map((s) => sourceLineHtml(s, now));
  const hidden = articles - first.flatMap(withCopies).length;
  const more = hidden > 0 ? ` and ${hidden} more` : '';
  return html`${joinHtml(shown, ' · ')}${more}`;
}

export function storyHtml(story: Story, index: number, now: Date, options: { quotes?: number; sentences?: number } = {}): Html {
  const when = story.outsideWindow ? html` <i>(${shortTime(story.updated, now)})</i>` : '';
  const parts = [html`<b>${index}. ${capTitle(storyHeadline(story))}</b>${when}`];
  if (story.update) parts.push(html`<i>Follow-up to “${truncateText(story.update.storyTitle, 200)}”</i>`);
  const summary = story.summary.slice(0, options.sentences ?? story.summary.length);
  if (summary.length) parts.push(html`${summary.join(' ')}`);
  for (const quote of story.quotes.slice(0, options.quotes ?? story.quotes.length)) {
    parts.push(quoteHtml(quote));
  }
  parts.push(html`📰 ${sourcesHtml(story.sources, now, 3, articleTotal(story))}${outletCount(story)}`);
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
function fittingStoryHtml(story: Story, index: number, now: Date, budget: number): Html {
  for (let quotes = story.quotes.length; quotes >= 0; quotes--) {
    const html = storyHtml(story, index, now, { quotes });
    if (visibleLength(html) <= budget) return html;
  }
  for (let sentences = story.summary.length - 1; sentences >= 0; sentences--) {
    const html = storyHtml(story, index, now, { quotes: 0, sentences });
    if (visibleLength(html) <= budget) return html;
  }
  const shortened: Story = { ...story, summary: [], quotes: [], sources: story.sources.slice(0, 1) };
  return storyHtml(shortened, index, now);
}

export function storyButtons(story: Story, index: number): InlineButton[] {
  return [
    { text: `More on ${index}`, callback_data: callbackData('more', story.id) },
    // A stored story ("s<id>") lists its whole coverage, as it stands when pressed.
    story.id.startsWith('s')
      ? { text: `Coverage ${index}`, callback_data: callbackData('coverage', story.id) }
      : { text: `Sources ${index}`, callback_data: callbackData('sources', story.id) },
  ];
}

export function renderTelegram(digest: Digest, options: { budget?: number } = {}): TelegramMessage[] {
  const budget = options.budget ?? MESSAGE_BUDGET;
  const now = new Date(digest.generatedAt);
  if (!digest.stories.length) return [{ html: html`${noStoriesMessage(digest)}`.toString(), storyIds: [], keyboard: [] }];

  const header = joinHtml(
    [
      html`<b>${truncateText(headline(digest), 300)}</b>`,
      ...(digest.headline ? [html`${truncateText(digest.headline, 300)}`] : []),
      ...(digest.note ? [html`<i>${truncateText(digest.note, 500)}</i>`] : []),
    ],
    '\n',
  );

  // Built as Html, handed on as the string the outbox stores and the Bot API takes.
  const messages: TelegramMessage[] = [];
  let current: { html: Html; storyIds: string[]; keyboard: InlineButton[][] } = { html: header, storyIds: [], keyboard: [] };
  const finish = (): void => void messages.push({ ...current, html: current.html.toString() });
  digest.stories.forEach((story, i) => {
    const block = fittingStoryHtml(story, i + 1, now, budget - visibleLength(header) - 2);
    const candidate = html`${current.html}\n\n${block}`;
    if (current.storyIds.length && visibleLength(candidate) > budget) {
      finish();
      current = { html: block, storyIds: [story.id], keyboard: [storyButtons(story, i + 1)] };
    } else {
      current.html = candidate;
      current.storyIds.push(story.id);
      current.keyboard.push(storyButtons(story, i + 1));
    }
  });
  finish();
  return messages;
}
