// The bot's replies as Telegram HTML (the html template escapes every value). Pure: values in,
// Html out, each within Telegram's 4096-character limit.
import type { SourceArticle, Story, StoryQuote } from '../model/digest.ts';
import { capName, capTitle, quoteHtml, shortTime, sourceDate, sourceLineHtml, sourceLinkHtml, sourceOutlet } from '../digest/render.ts';
import { type Html, html, joinHtml, visibleLength, visibleText } from '../telegram/html.ts';
import { truncateText } from '../util/text.ts';
import type { Answer } from '../qa/index.ts';
import { publicUrl, redactUrl } from '../secrets.ts';
import type { Source } from '../store/index.ts';
import { BOT_COMMANDS } from './commands.ts';

const LIMIT = 4000;

/** Keeps a reply within Telegram's limit by dropping whole lines from the end. */
export function fitLines(lines: Array<Html | string>): Html {
  const kept = [...lines];
  while (kept.length > 1 && visibleLength(joinHtml(kept, '\n')) > LIMIT) kept.pop();
  const whole = joinHtml(kept, '\n');
  // One line alone too long: its text, cut, without the markup a cut could break.
  return visibleLength(whole) > LIMIT ? html`${truncateText(visibleText(joinHtml([kept[0]!])), LIMIT)}` : whole;
}

export function helpHtml(isAdmin: boolean): Html {
  const lines: Array<Html | string> = [html`<b>What I can do</b>`, ''];
  for (const c of BOT_COMMANDS.filter((c) => isAdmin || !c.adminOnly)) {
    lines.push(html`/${c.command}: ${c.description}. Example: <code>${c.example}</code>`);
  }
  lines.push('', 'Reply to a digest with a question (e.g. "What did Putin say?") and I answer from its articles, with sources. Any other message is a question about your last topic.');
  return joinHtml(lines, '\n');
}

export function greetingHtml(input: { firstName?: string | null; digestTime: string; timezone: string; created: boolean; suggestions: string[] }): Html {
  const hello = input.firstName ? `Hello, ${truncateText(input.firstName, 64)}!` : 'Hello!';
  const lines: Array<Html | string> = [
    html`<b>${hello}</b> ${input.created ? 'You are subscribed' : 'Welcome back: you are subscribed again'}: a daily digest at <b>${input.digestTime}</b> (${input.timezone}), top stories with key quotes and sources.`,
    'Change it with /time 07:30 and /timezone Europe/Berlin; pick topics with /follow climate.',
    'Ask for any topic now with /summary syria, or reply to a digest with a question.',
  ];
  if (input.suggestions.length) lines.push('', 'In the news now:');
  return joinHtml(lines, '\n');
}

export function answerHtml(answer: Answer, now: Date): Html {
  if (!answer.found) {
    const lines: Array<Html | string> = [answer.answer];
    if (answer.related.length) lines.push('', 'Related stories that are there:', ...answer.related.map((s) => html`• ${truncateText(s.title, 200)} (${sourceLineHtml(s, now)})`));
    return fitLines(lines);
  }
  const lines: Array<Html | string> = [];
  if (answer.sentences.length) {
    // Each sentence with its own source.
    for (const s of answer.sentences) {
      lines.push(html`${truncateText(s.text, 1200)}${s.speaker ? ` — ${s.speaker}` : ''} (${sourceLineHtml(s.source, now)})`);
    }
  } else {
    lines.push(truncateText(answer.answer, 1500));
  }
  for (const quote of answer.quotes) lines.push(quoteHtml(quote));
  if (!answer.sentences.length && answer.sources.length) lines.push(html`📰 ${joinHtml(answer.sources.map((s) => sourceLineHtml(s, now)), ' · ')}`);
  if (answer.age) lines.push(html`<i>${answer.age}</i>`);
  return fitLines(lines);
}

export function storyDetailHtml(story: Story, allQuotes: StoryQuote[], now: Date): Html {
  const lines: Array<Html | string> = [html`<b>${capTitle(story.title)}</b>`, story.summary.join(' ')];
  if (allQuotes.length) lines.push('', html`<b>Quotes</b>`, ...allQuotes.map(quoteHtml));
  lines.push('', html`📰 ${joinHtml(story.sources.map((s) => sourceLineHtml(s, now)), ' · ')}`);
  return fitLines(lines);
}

export function storySourcesHtml(story: Story, now: Date): Html {
  const lines = [html`<b>Sources: ${truncateText(story.title, 200)}</b>`];
  // "Outlet, date: title" with the link, copies of it after ("also: AP, Reuters").
  for (const s of story.sources) lines.push(html`• ${sourceLineHtml(s, now, { title: true })}`);
  return fitLines(lines);
}

/**
 * A story's whole coverage (the Coverage button): every article, grouped by outlet (the most
 * prolific first), each linked, with its date. Copies of wire stories are listed under their
 * own outlet: each outlet that ran it covered it.
 */
export function coverageHtml(story: { title: string; first: string; last: string }, articles: SourceArticle[], now: Date): Html {
  const byOutlet = new Map<string, SourceArticle[]>();
  for (const a of articles) byOutlet.set(sourceOutlet(a), [...(byOutlet.get(sourceOutlet(a)) ?? []), a]);
  const outlets = [...byOutlet].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const span = [shortTime(story.first, now), shortTime(story.last, now)].filter((t, i, all) => t && all.indexOf(t) === i).join(' – ');
  const lines: Array<Html | string> = [
    html`<b>Coverage: ${capTitle(story.title)}</b>`,
    `${articles.length} ${articles.length === 1 ? 'article' : 'articles'} from ${outlets.length} ${outlets.length === 1 ? 'outlet' : 'outlets'}${span ? `, ${span}` : ''}`,
  ];
  for (const [outlet, group] of outlets) {
    lines.push('', html`<b>${truncateText(outlet, 100)}</b>`);
    for (const a of group) lines.push(html`• ${sourceLinkHtml(a, truncateText(a.title, 200))}, ${sourceDate(a, now)}`);
  }
  return fitLines(lines);
}

export function topicsHtml(topics: string[]): Html {
  if (!topics.length) return html`You follow no topics, so your daily digest has the top stories. Add one with /follow climate.`;
  return fitLines([html`<b>Your topics</b>`, ...topics.map((t) => `• ${t}`), '', 'Remove one with /unfollow <topic>.']);
}

export function sourcesListHtml(sources: Source[], isAdmin: boolean): Html {
  if (!sources.length) return html`No news sources are configured yet.`;
  const lines = [html`<b>News sources</b>`];
  for (const s of sources) {
    const state = !s.enabled ? ' (disabled)' : s.consecutiveFailures ? ' (failing)' : '';
    // Credentials in a source URL stay with the operator; others see where the news comes from.
    const href = isAdmin ? redactUrl(s.url) : publicUrl(s.url);
    lines.push(html`${isAdmin ? `${s.id}. ` : '• '}<a href="${href}">${capName(s.name)}</a>${state}`);
  }
  return fitLines(lines);
}
