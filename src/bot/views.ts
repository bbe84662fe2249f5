// The bot's replies as Telegram HTML (the html template escapes every value). Pure: values in,
// Html out, each within Telegram's 4096-character limit.
import type { SourceArticle, Story, StoryQuote } from '../model/digest.ts';
import { capName, capTitle, quoteHtml, sourceDate, sourceLineHtml, sourceLinkHtml, sourceOutlet, windowText } from '../digest/render.ts';
import { quotesNotRepeating } from '../digest/compose.ts';
import { type Html, html, joinHtml, visibleLength, visibleText } from '../telegram/html.ts';
import { truncateText } from '../util/text.ts';
import type { Answer } from '../qa/index.ts';
import { publicUrl, redactUrl } from '../secrets.ts';
import type { Source } from '../store/index.ts';
import { english, type Translator } from '../i18n/index.ts';
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

export function helpHtml(isAdmin: boolean, tr: Translator = english): Html {
  const lines: Array<Html | string> = [tr.html('help.title'), ''];
  for (const c of BOT_COMMANDS.filter((c) => isAdmin || !c.adminOnly)) {
    lines.push(tr.html('help.line', { command: c.command, description: tr.t(`commands.${c.command}.description`), example: tr.t(`commands.${c.command}.example`) }));
  }
  lines.push('', tr.t('help.questions'));
  return joinHtml(lines, '\n');
}

export function greetingHtml(input: { firstName?: string | null; digestTime: string; timezone: string; created: boolean; suggestions: string[] }, tr: Translator = english): Html {
  const hello = input.firstName ? tr.t('greeting.helloName', { name: truncateText(input.firstName, 64) }) : tr.t('greeting.hello');
  const lines: Array<Html | string> = [
    tr.html(input.created ? 'greeting.subscribed' : 'greeting.resubscribed', { hello, time: input.digestTime, zone: input.timezone }),
    tr.t('greeting.settings'),
    tr.t('greeting.ask'),
  ];
  if (input.suggestions.length) lines.push('', tr.t('greeting.inTheNews'));
  return joinHtml(lines, '\n');
}

/** The window an answer searched, in the reader's language ("the last 7 days", "since 5 Sep"). */
function searchedWindow(scope: NonNullable<Answer['scope']>, tr: Translator): string {
  const since = new Date(scope.since);
  const now = new Date(scope.now);
  return since.getTime() >= now.getTime() ? tr.t('answers.since', { date: tr.date(scope.since, now) }) : windowText(since, now, tr);
}

/** "I don't find that ...: I searched ..." in the reader's language (the answerer's English when it gave no scope). */
function notFoundLine(answer: Answer, tr: Translator): string {
  if (!answer.scope) return answer.answer;
  const searched = tr.t(answer.scope.replying ? 'answers.searchedReplying' : 'answers.searched', { window: searchedWindow(answer.scope, tr) });
  return tr.t('answers.notFound', { searched });
}

export function answerHtml(answer: Answer, now: Date, tr: Translator = english): Html {
  if (!answer.found) {
    const lines: Array<Html | string> = [notFoundLine(answer, tr)];
    if (answer.related.length) lines.push('', tr.t('answers.related'), ...answer.related.map((s) => html`• ${truncateText(s.title, 200)} (${sourceLineHtml(s, now, { tr })})`));
    return fitLines(lines);
  }
  const lines: Array<Html | string> = [];
  if (answer.sentences.length) {
    // Each sentence with its own source.
    for (const s of answer.sentences) {
      lines.push(html`${truncateText(s.text, 1200)}${s.speaker ? ` — ${s.speaker}` : ''} (${sourceLineHtml(s.source, now, { tr })})`);
    }
  } else {
    lines.push(truncateText(answer.answer, 1500));
  }
  // A quote the answer's own sentence already holds ('“...,” he said.') is not listed again below it.
  for (const quote of quotesNotRepeating(answer.quotes, answer.sentences.map((s) => s.text))) lines.push(quoteHtml(quote, tr));
  if (!answer.sentences.length && answer.sources.length) lines.push(html`📰 ${joinHtml(answer.sources.map((s) => sourceLineHtml(s, now, { tr })), ' · ')}`);
  const age = answer.scope?.answeredFrom ? tr.t('answers.older', { date: tr.date(answer.scope.answeredFrom, now), window: searchedWindow(answer.scope, tr) }) : answer.age;
  if (age) lines.push(html`<i>${age}</i>`);
  return fitLines(lines);
}

export function storyDetailHtml(story: Story, allQuotes: StoryQuote[], now: Date, tr: Translator = english): Html {
  const lines: Array<Html | string> = [html`<b>${capTitle(story.title)}</b>`, story.summary.join(' ')];
  if (allQuotes.length) lines.push('', tr.html('story.quotes'), ...allQuotes.map((q) => quoteHtml(q, tr)));
  lines.push('', html`📰 ${joinHtml(story.sources.map((s) => sourceLineHtml(s, now, { tr })), ' · ')}`);
  return fitLines(lines);
}

export function storySourcesHtml(story: Story, now: Date, tr: Translator = english): Html {
  const lines = [tr.html('story.sourcesTitle', { title: truncateText(story.title, 200) })];
  // "Outlet, date: title" with the link, copies of it after ("also: AP, Reuters").
  for (const s of story.sources) lines.push(html`• ${sourceLineHtml(s, now, { title: true, tr })}`);
  return fitLines(lines);
}

/**
 * A story's whole coverage (the Coverage button): every article, grouped by outlet (the most
 * prolific first), each linked, with its date. Copies of wire stories are listed under their
 * own outlet: each outlet that ran it covered it.
 */
export function coverageHtml(story: { title: string; first: string; last: string }, articles: SourceArticle[], now: Date, tr: Translator = english): Html {
  const byOutlet = new Map<string, SourceArticle[]>();
  for (const a of articles) byOutlet.set(sourceOutlet(a, tr), [...(byOutlet.get(sourceOutlet(a, tr)) ?? []), a]);
  const outlets = [...byOutlet].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const span = [tr.date(story.first, now), tr.date(story.last, now)].filter((t, i, all) => t && all.indexOf(t) === i).join(' – ');
  const count = tr.t('story.fromOutlets', { articles: tr.t('story.articles', { count: articles.length }), count: outlets.length });
  const lines: Array<Html | string> = [tr.html('story.coverageTitle', { title: capTitle(story.title) }), `${count}${span ? `, ${span}` : ''}`];
  for (const [outlet, group] of outlets) {
    lines.push('', html`<b>${truncateText(outlet, 100)}</b>`);
    for (const a of group) lines.push(html`• ${sourceLinkHtml(a, truncateText(a.title, 200))}, ${sourceDate(a, now, tr)}`);
  }
  return fitLines(lines);
}

export function topicsHtml(topics: string[], tr: Translator = english): Html {
  if (!topics.length) return tr.html('topics.none');
  return fitLines([tr.html('topics.title'), ...topics.map((t) => `• ${t}`), '', tr.t('topics.removeHint')]);
}

export function sourcesListHtml(sources: Source[], isAdmin: boolean, tr: Translator = english): Html {
  if (!sources.length) return tr.html('sources.none');
  const lines = [tr.html('sources.title')];
  for (const s of sources) {
    const state = !s.enabled ? ` ${tr.t('sources.disabled')}` : s.consecutiveFailures ? ` ${tr.t('sources.failing')}` : '';
    // Credentials in a source URL stay with the operator; others see where the news comes from.
    const href = isAdmin ? redactUrl(s.url) : publicUrl(s.url);
    lines.push(html`${isAdmin ? `${s.id}. ` : '• '}<a href="${href}">${capName(s.name)}</a>${state}`);
  }
  return fitLines(lines);
}
