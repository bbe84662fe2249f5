// The bot's replies as Telegram HTML. Pure: values in, escaped HTML out, each within
// Telegram's 4096-character limit.
import type { SourceArticle, Story, StoryQuote } from '../digest/model.ts';
import { capName, capTitle, escapeHtml, quoteHtml, shortTime, sourceDate, sourceLineHtml, sourceLinkHtml, sourceOutlet, truncateText, visibleLength } from '../digest/render.ts';
import type { Answer } from '../qa/index.ts';
import { publicUrl, redactUrl } from '../secrets.ts';
import type { Source } from '../store/index.ts';
import { BOT_COMMANDS } from './commands.ts';

const LIMIT = 4000;

/** Keeps a reply within Telegram's limit by dropping whole lines from the end. */
export function fitLines(lines: string[]): string {
  const kept = [...lines];
  while (kept.length > 1 && visibleLength(kept.join('\n')) > LIMIT) kept.pop();
  const html = kept.join('\n');
  return visibleLength(html) > LIMIT ? escapeHtml(truncateText(kept[0]!.replace(/<[^>]*>/g, ''), LIMIT)) : html;
}

export function helpHtml(isAdmin: boolean): string {
  const lines = ['<b>What I can do</b>', ''];
  for (const c of BOT_COMMANDS.filter((c) => isAdmin || !c.adminOnly)) {
    lines.push(`/${c.command}: ${escapeHtml(c.description)}. Example: <code>${escapeHtml(c.example)}</code>`);
  }
  lines.push('', 'Reply to a digest with a question (e.g. "What did Putin say?") and I answer from its articles, with sources. Any other message is a question about your last topic.');
  return lines.join('\n');
}

export function greetingHtml(input: { firstName?: string | null; digestTime: string; timezone: string; created: boolean; suggestions: string[] }): string {
  const hello = input.firstName ? `Hello, ${escapeHtml(truncateText(input.firstName, 64))}!` : 'Hello!';
  const lines = [
    `<b>${hello}</b> ${input.created ? 'You are subscribed' : 'Welcome back: you are subscribed again'}: a daily digest at <b>${escapeHtml(input.digestTime)}</b> (${escapeHtml(input.timezone)}), top stories with key quotes and sources.`,
    'Change it with /time 07:30 and /timezone Europe/Berlin; pick topics with /follow climate.',
    'Ask for any topic now with /summary syria, or reply to a digest with a question.',
  ];
  if (input.suggestions.length) lines.push('', 'In the news now:');
  return lines.join('\n');
}

export function answerHtml(answer: Answer, now: Date): string {
  if (!answer.found) {
    const lines = [escapeHtml(answer.answer)];
    if (answer.related.length) lines.push('', 'Related stories that are there:', ...answer.related.map((s) => `• ${escapeHtml(truncateText(s.title, 200))} (${sourceLineHtml(s, now)})`));
    return fitLines(lines);
  }
  const lines: string[] = [];
  if (answer.sentences.length) {
    // Each sentence with its own source.
    for (const s of answer.sentences) {
      lines.push(`${escapeHtml(truncateText(s.text, 1200))}${s.speaker ? ` — ${escapeHtml(s.speaker)}` : ''} (${sourceLineHtml(s.source, now)})`);
    }
  } else {
    lines.push(escapeHtml(truncateText(answer.answer, 1500)));
  }
  for (const quote of answer.quotes) lines.push(quoteHtml(quote));
  if (!answer.sentences.length && answer.sources.length) lines.push(`📰 ${answer.sources.map((s) => sourceLineHtml(s, now)).join(' · ')}`);
  if (answer.age) lines.push(`<i>${escapeHtml(answer.age)}</i>`);
  return fitLines(lines);
}

export function storyDetailHtml(story: Story, allQuotes: StoryQuote[], now: Date): string {
  const lines = [`<b>${escapeHtml(capTitle(story.title))}</b>`, escapeHtml(story.summary.join(' '))];
  if (allQuotes.length) lines.push('', '<b>Quotes</b>', ...allQuotes.map(quoteHtml));
  lines.push('', `📰 ${story.sources.map((s) => sourceLineHtml(s, now)).join(' · ')}`);
  return fitLines(lines);
}

export function storySourcesHtml(story: Story, now: Date): string {
  const lines = [`<b>Sources: ${escapeHtml(truncateText(story.title, 200))}</b>`];
  // "Outlet, date: title" with the link, copies of it after ("also: AP, Reuters").
  for (const s of story.sources) lines.push(`• ${sourceLineHtml(s, now, { title: true })}`);
  return fitLines(lines);
}

/**
 * A story's whole coverage (the Coverage button): every article, grouped by outlet (the most
 * prolific first), each linked, with its date. Copies of wire stories are listed under their
 * own outlet: each outlet that ran it covered it.
 */
export function coverageHtml(story: { title: string; first: string; last: string }, articles: SourceArticle[], now: Date): string {
  const byOutlet = new Map<string, SourceArticle[]>();
  for (const a of articles) byOutlet.set(sourceOutlet(a), [...(byOutlet.get(sourceOutlet(a)) ?? []), a]);
  const outlets = [...byOutlet].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const span = [shortTime(story.first, now), shortTime(story.last, now)].filter((t, i, all) => t && all.indexOf(t) === i).join(' – ');
  const lines = [
    `<b>Coverage: ${escapeHtml(capTitle(story.title))}</b>`,
    `${articles.length} ${articles.length === 1 ? 'article' : 'articles'} from ${outlets.length} ${outlets.length === 1 ? 'outlet' : 'outlets'}${span ? `, ${escapeHtml(span)}` : ''}`,
  ];
  for (const [outlet, group] of outlets) {
    lines.push('', `<b>${escapeHtml(truncateText(outlet, 100))}</b>`);
    for (const a of group) lines.push(`• ${sourceLinkHtml(a, truncateText(a.title, 200))}, ${escapeHtml(sourceDate(a, now))}`);
  }
  return fitLines(lines);
}

export function topicsHtml(topics: string[]): string {
  if (!topics.length) return 'You follow no topics, so your daily digest has the top stories. Add one with /follow climate.';
  return fitLines(['<b>Your topics</b>', ...topics.map((t) => `• ${escapeHtml(t)}`), '', 'Remove one with /unfollow &lt;topic&gt;.']);
}

export function sourcesListHtml(sources: Source[], isAdmin: boolean): string {
  if (!sources.length) return 'No news sources are configured yet.';
  const lines = ['<b>News sources</b>'];
  for (const s of sources) {
    const state = !s.enabled ? ' (disabled)' : s.consecutiveFailures ? ' (failing)' : '';
    // Credentials in a source URL stay with the operator; others see where the news comes from.
    const href = escapeHtml(isAdmin ? redactUrl(s.url) : publicUrl(s.url)).replace(/"/g, '&quot;');
    lines.push(`${isAdmin ? `${s.id}. ` : '• '}<a href="${href}">${escapeHtml(capName(s.name))}</a>${state}`);
  }
  return fitLines(lines);
}
