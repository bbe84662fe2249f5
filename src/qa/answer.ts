// The answer a follow-up question gets, composed from ranked passages: 1 to 3 sentences, each
// with its source; the quotes in them with their speakers; no sentence twice. Or an honest
// "I don't find that", saying what was searched, with related stories that are there. Pure.
import { repeatEachOther, sourceRef, toStoryQuote } from '../digest/compose.ts';
import type { Answer, AnswerSentence } from '../model/answer.ts';
import type { StoryQuote } from '../model/digest.ts';
import { shortTime } from '../digest/render.ts';
import type { StoredArticle } from '../model.ts';
import { tokenize } from '../nlp/tokens.ts';
import type { QuestionAnalysis } from './question.ts';
import type { RankedPassage } from './rank.ts';

/** Most sentences in an answer; a "Who is X?" answer may use them all. */
const MAX_SENTENCES = 3;
/** A further passage joins the answer only when it scores close to the best. */
const CLOSE_TO_BEST = 0.8;
/**
 * A further passage of the same story joins a fact's answer only when it scores this close to the
 * best and both hold the kind of answer asked for: the right sentence often ranks a hair under
 * another of the same article ("who put X on the court": 0.529 vs 0.508).
 */
const SAME_STORY_CLOSE = 0.9;
/** An answer-type fit that passes: the kind asked for, or close to it (a date without its day: "at the end of this month"). */
const TYPE_PASSED = 0.8;

/** "the last 7 days", "the last 24 hours", "the last 3 weeks", or "since 5 Sep 2016". */
export function describeWindow(since: Date, now: Date): string {
  const hours = Math.round((now.getTime() - since.getTime()) / 3_600_000);
  if (hours <= 0) return `since ${shortTime(since.toISOString(), now)}`;
  if (hours < 48) return `the last ${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  if (days < 21 || days % 7) return `the last ${days} days`;
  return `the last ${days / 7} weeks`;
}

function words(text: string): Set<string> {
  return new Set(tokenize(text).filter((w) => w.length > 2));
}

/** Two passages say the same when most of the shorter one's words are in the other (wire copies, repeated paragraphs). */
function sameText(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared >= 0.7 * Math.min(wa.size, wb.size);
}

function sameStory(a: StoredArticle, b: StoredArticle): boolean {
  return a.id === b.id || a.nearDuplicateOf === b.id || b.nearDuplicateOf === a.id || (a.nearDuplicateOf !== null && a.nearDuplicateOf === b.nearDuplicateOf);
}

/** The passages an answer shows: the best, and up to two more that score close to it and say something else. */
export function choosePassages(ranked: RankedPassage[], question: QuestionAnalysis, threshold: number): RankedPassage[] {
  const best = ranked[0];
  if (!best) return [];
  // A description, or a who / which question that several stories answer differently ("who won the
  // debate": two debates), may take three passages; other answers two.
  const max = ['describe', 'person', 'organisation', 'place'].includes(question.kind) ? MAX_SENTENCES : 2;
  const floor = Math.max(threshold, best.score * CLOSE_TO_BEST);
  const chosen: RankedPassage[] = [best];
  let sentences = best.last - best.first + 1;
  // One passage per story for facts, or a runner-up of a chosen story when both hold the kind of
  // answer asked for and it scores close. A description, or what someone said, may use several
  // passages of one article.
  const oneStoryOnce = question.kind !== 'describe' && question.kind !== 'said';
  const sameStoryClose = (p: RankedPassage) => (best.parts.type ?? 0) >= TYPE_PASSED && (p.parts.type ?? 0) >= TYPE_PASSED && p.score >= best.score * SAME_STORY_CLOSE;
  // (A who / which question first hears from other stories: they may answer it differently.)
  const storiesFirst = oneStoryOnce && max === MAX_SENTENCES;
  for (const pass of storiesFirst ? [false, true] : [true]) {
    for (const p of ranked.slice(1)) {
      if (chosen.length >= max || sentences >= MAX_SENTENCES || p.score < floor) break;
      if (chosen.includes(p) || sentences + (p.last - p.first + 1) > MAX_SENTENCES) continue;
      if (chosen.some((c) => (c.article.id === p.article.id && c.first <= p.last && p.first <= c.last) || sameText(c.text, p.text))) continue;
      if (oneStoryOnce && chosen.some((c) => sameStory(c.article, p.article)) && !(pass && sameStoryClose(p))) continue;
      chosen.push(p);
      sentences += p.last - p.first + 1;
    }
  }
  return chosen;
}

/** The speaker of a quotation the passage holds without naming its speaker in the passage. */
function unnamedSpeaker(passage: RankedPassage): string | undefined {
  const text = new Set(tokenize(passage.text));
  for (const q of passage.quotes) {
    if (q.fragment || !q.speaker) continue;
    const name = tokenize(q.speaker);
    if (!name.some((w) => text.has(w))) return q.speaker;
  }
  return undefined;
}

/** The quotes less each one that another of them holds ("Don't shoot him," beside the whole "Don't shoot him. He has no weapon."). */
function withoutContainedQuotes(quotes: StoryQuote[]): StoryQuote[] {
  return quotes.filter((q, i) => !quotes.some((other, j) => j !== i && repeatEachOther(q.text, other.text) && (other.text.length > q.text.length || (other.text.length === q.text.length && j < i))));
}

export function composeAnswer(question: QuestionAnalysis, chosen: RankedPassage[], details: { searched: string; age?: string; scope?: Answer['scope'] }): Answer {
  const sentences: AnswerSentence[] = chosen.map((p) => {
    const speaker = unnamedSpeaker(p);
    return { text: p.text, source: sourceRef(p.article), ...(speaker ? { speaker } : {}) };
  });
  const quotes: StoryQuote[] = [];
  for (const p of chosen) {
    for (const q of p.quotes) {
      if (q.fragment || !q.speaker || quotes.some((x) => x.text === q.text)) continue;
      // For "what did X say", X's quotes; others only when the passage is theirs.
      if (question.kind === 'said' && !question.speaker!.every((w) => tokenize(q.speaker!).includes(w))) continue;
      quotes.push(toStoryQuote(q, p.article.id));
    }
  }
  const sources = [...new Map(chosen.map((p) => [p.article.id, sourceRef(p.article)])).values()];
  return {
    question: question.question,
    found: true,
    answer: sentences.map((s) => (s.speaker ? `${s.text} (${s.speaker})` : s.text)).join(' '),
    sentences,
    quotes: withoutContainedQuotes(quotes).slice(0, 2),
    sources,
    related: [],
    searched: details.searched,
    ...(details.age ? { age: details.age } : {}),
    ...(details.scope ? { scope: details.scope } : {}),
  };
}
