// The bot's replies as Telegram HTML. Pure: values in, escaped HTML out, each within
// Telegram's 4096-character limit.
import type { SourceRef, Story, StoryQuote } from '../digest/model.ts';
import { escapeHtml, outletOf, quoteHtml, shortTime, sourceLinkHtml, truncateText, visibleLength } from '../digest/render.ts';
import type { Answer } from '../qa/index.ts';
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

function link(source: SourceRef): string {
  return sourceLinkHtml(source, source.outlet ?? source.title);
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

/** "RT, 5 Sep, 14:12 UTC" with the outlet linked to the article. */
function sourceHtml(source: SourceRef, now: Date): string {
  const time = shortTime(source.published, now);
  return `${link(source)}${time ? `, ${escapeHtml(time)}` : ''}`;
}

export function answerHtml(answer: Answer, now: Date): string {
  if (!answer.found) {
    const lines = [escapeHtml(answer.answer)];
    if (answer.related.length) lines.push('', 'Related stories that are there:', ...answer.related.map((s) => `• ${escapeHtml(truncateText(s.title, 200))} (${sourceHtml(s, now)})`));
    return fitLines(lines);
  }
  const lines: string[] = [];
  if (answer.sentences.length) {
    // Each sentence with its own source.
    for (const s of answer.sentences) {
      lines.push(`${escapeHtml(truncateText(s.text, 1200))}${s.speaker ? ` — ${escapeHtml(s.speaker)}` : ''} (${sourceHtml(s.source, now)})`);
    }
  } else {
    lines.push(escapeHtml(truncateText(answer.answer, 1500)));
  }
  for (const quote of answer.quotes) lines.push(quoteHtml(quote));
  if (!answer.sentences.length && answer.sources.length) lines.push(`📰 ${answer.sources.map((s) => sourceHtml(s, now)).join(' · ')}`);
  if (answer.age) lines.push(`<i>${escapeHtml(answer.age)}</i>`);
  return fitLines(lines);
}

export function storyDetailHtml(story: Story, allQuotes: StoryQuote[], now: Date): string {
  const lines = [`<b>${escapeHtml(truncateText(story.title, 300))}</b>`, escapeHtml(story.summary.join(' '))];
  if (allQuotes.length) lines.push('', '<b>Quotes</b>', ...allQuotes.map(quoteHtml));
  lines.push('', `📰 ${story.sources.map((s) => link(s)).join(' · ')}`);
  return fitLines(lines);
}

export function storySourcesHtml(story: Story, now: Date): string {
  const lines = [`<b>Sources: ${escapeHtml(truncateText(story.title, 200))}</b>`];
  for (const s of story.sources) {
    const time = shortTime(s.published, now);
    lines.push(`• ${link(s)}${time ? `, ${escapeHtml(time)}` : ''}: ${escapeHtml(truncateText(s.title, 200))}`);
  }
  return fitLines(lines);
}

/**
 * A story's whole coverage (the Coverage button): every article, grouped by outlet (the most
 * prolific first), each linked, with its time.
 */
export function coverageHtml(story: { title: string; first: string; last: string }, sources: SourceRef[], now: Date): string {
  const byOutlet = new Map<string, SourceRef[]>();
  for (const s of sources) byOutlet.set(outletOf(s), [...(byOutlet.get(outletOf(s)) ?? []), s]);
  const outlets = [...byOutlet].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const span = [shortTime(story.first, now), shortTime(story.last, now)].filter((t, i, all) => t && all.indexOf(t) === i).join(' – ');
  const lines = [
    `<b>Coverage: ${escapeHtml(truncateText(story.title, 200))}</b>`,
    `${sources.length} ${sources.length === 1 ? 'article' : 'articles'} from ${outlets.length} ${outlets.length === 1 ? 'outlet' : 'outlets'}${span ? `, ${escapeHtml(span)}` : ''}`,
  ];
  for (const [outlet, refs] of outlets) {
    lines.push('', `<b>${escapeHtml(truncateText(outlet, 100))}</b>`);
    for (const ref of refs) {
      const time = shortTime(ref.published, now);
      lines.push(`• ${sourceLinkHtml(ref, truncateText(ref.title, 200))}${time ? `, ${escapeHtml(time)}` : ''}`);
    }
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
    const href = escapeHtml(s.url).replace(/"/g, '&quot;');
    lines.push(`${isAdmin ? `${s.id}. ` : '• '}<a href="${href}">${escapeHtml(s.name)}</a>${state}`);
  }
  return fitLines(lines);
}
