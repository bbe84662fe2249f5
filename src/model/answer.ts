// What a follow-up question gets back, shared by the offline answerer (qa/) and the LLM (llm/).
import type { SourceRef, StoryQuote } from './digest.ts';

export interface AnswerSentence {
  text: string;
  source: SourceRef;
  /** Who speaks in the sentence when it is a quotation that does not name its speaker. */
  speaker?: string;
}

export interface Answer {
  question: string;
  /** True when the articles hold an answer. */
  found: boolean;
  /** The answer's sentences as one text, or the not-found message. */
  answer: string;
  /** Each sentence of the answer with its source (the LLM's answer has none: its sources cover it whole). */
  sentences: AnswerSentence[];
  quotes: StoryQuote[];
  sources: SourceRef[];
  /** When nothing answers: stories that are there and come closest. */
  related: SourceRef[];
  /** What was searched, e.g. "the last 7 days of news, then older articles". */
  searched: string;
  /** When the answer comes from before the window: how old it is. */
  age?: string;
  /**
   * The same facts for a front end that says them in the reader's language: the window searched
   * (and whether a replied-to digest's stories came first), and the time of an answer from before it.
   */
  scope?: { since: string; now: string; replying: boolean; answeredFrom?: string };
}

/** A passage as the LLM is given it: the answer's sentence with a sentence either side, and its article. */
export interface AnswerPassage {
  articleId: number;
  title: string;
  text: string;
}

/** The short form, also what the LLM is told to answer when the passages do not hold the answer. */
export const NOT_FOUND_ANSWER = "I don't find that in the articles.";

export function notFoundAnswer(question: string, searched: string, related: SourceRef[], scope?: Answer['scope']): Answer {
  return { question, found: false, answer: `${NOT_FOUND_ANSWER.slice(0, -1)}: I searched ${searched}.`, sentences: [], quotes: [], sources: [], related, searched, ...(scope ? { scope } : {}) };
}
