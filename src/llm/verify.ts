// Quote verification: a quote the model returns is shown only when it appears verbatim in
// the article it cites (after normalising quote marks, whitespace and case), and then with
// the article's own characters. Everything else is dropped and counted.
import { VERIFY_QUOTE_MARKS } from '../nlp/lexicon.ts';
import type { StoredArticle } from '../model.ts';
import type { StoryQuote } from '../model/digest.ts';
import type { LlmQuote } from './schemas.ts';

/** A key quote needs a few words: a two-word "quote" matches almost any article by chance. */
export const MIN_QUOTE_WORDS = 3;

export type DropReason = 'unknown-article' | 'not-verbatim' | 'too-short';

export interface DroppedQuote {
  reason: DropReason;
  text: string;
  articleId: number;
}

export interface VerifiedQuotes {
  quotes: StoryQuote[];
  dropped: DroppedQuote[];
  /** Speakers we replaced because the article does not name them. */
  speakersCorrected: number;
}


export interface Normalised {
  text: string;
  /** For each UTF-16 unit of `text`: the index in the original string it came from. */
  from: number[];
  /** For each UTF-16 unit of `text`: the index just past the original character. */
  to: number[];
}

/** Quote marks unified, whitespace runs made one space, lower case; with a map back to the original. */
export function normaliseForMatch(input: string): Normalised {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  let pendingSpace = -1;
  for (const ch of input) {
    const start = index;
    index += ch.length;
    if (/\s/u.test(ch)) {
      if (pendingSpace < 0) pendingSpace = start;
      continue;
    }
    if (pendingSpace >= 0) {
      if (text.length) {
        text += ' ';
        from.push(pendingSpace);
        to.push(start);
      }
      pendingSpace = -1;
    }
    const mapped = VERIFY_QUOTE_MARKS.double.has(ch) ? '"' : VERIFY_QUOTE_MARKS.single.has(ch) ? "'" : ch.toLowerCase();
    for (let i = 0; i < mapped.length; i++) {
      from.push(start);
      to.push(index);
    }
    text += mapped;
  }
  return { text, from, to };
}

const EDGE_MARKS = /^[\s"'\u201C\u201D\u201E\u201F\u2018\u2019\u201A\u201B\u00AB\u00BB\u2039\u203A`]+|[\s"'\u201C\u201D\u201E\u201F\u2018\u2019\u201A\u201B\u00AB\u00BB\u2039\u203A`]+$/g;

/** The forms of a model's quote to look for: as given without its quote marks, then without closing punctuation. */
function candidates(quote: string): string[] {
  const bare = quote.replace(EDGE_MARKS, '');
  const forms = [bare];
  const trimmed = bare.replace(/[\s,.;:!?\u2026]+$/u, '').replace(EDGE_MARKS, '');
  if (trimmed && trimmed !== bare) forms.push(trimmed);
  return forms.filter((f) => f.length > 0);
}

export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Where the quote stands in the text (original offsets), or null when it is not there verbatim. */
export function findVerbatim(quote: string, text: string, normalisedText: Normalised = normaliseForMatch(text)): { start: number; end: number } | null {
  for (const form of candidates(quote)) {
    const needle = normaliseForMatch(form).text;
    if (!needle) continue;
    const at = normalisedText.text.indexOf(needle);
    if (at < 0) continue;
    return { start: normalisedText.from[at]!, end: normalisedText.to[at + needle.length - 1]! };
  }
  return null;
}

function nameWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** True when every word of the speaker's name appears in the article (title or text). */
export function articleNames(article: Pick<StoredArticle, 'title' | 'text'>, speaker: string): boolean {
  const words = nameWords(speaker);
  if (!words.length) return false;
  const present = new Set(nameWords(`${article.title}\n${article.text}`));
  return words.every((w) => present.has(w));
}

/** The analyser's speaker for a quote overlapping [start, end), if it found one. */
function analysedSpeaker(article: StoredArticle, start: number, end: number): string | null {
  const overlapping = (article.analysis?.quotes ?? []).filter((q) => q.start < end && q.end > start && q.speaker);
  return overlapping[0]?.speaker ?? null;
}

function dedupeKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Checks each quote against the article it cites. `sentIds` are the articles the model saw:
 * a citation of any other id is dropped. Kept quotes carry the article's exact text.
 */
export function verifyQuotes(quotes: LlmQuote[], articles: Map<number, StoredArticle>, sentIds: Set<number>): VerifiedQuotes {
  const out: StoryQuote[] = [];
  const dropped: DroppedQuote[] = [];
  const seen = new Set<string>();
  const normalised = new Map<number, Normalised>();
  let speakersCorrected = 0;
  for (const quote of quotes) {
    const article = sentIds.has(quote.articleId) ? articles.get(quote.articleId) : undefined;
    if (!article) {
      dropped.push({ reason: 'unknown-article', text: quote.text, articleId: quote.articleId });
      continue;
    }
    let norm = normalised.get(article.id);
    if (!norm) normalised.set(article.id, (norm = normaliseForMatch(article.text)));
    const span = findVerbatim(quote.text, article.text, norm);
    if (!span) {
      dropped.push({ reason: 'not-verbatim', text: quote.text, articleId: quote.articleId });
      continue;
    }
    const text = article.text.slice(span.start, span.end).trim();
    if (wordCount(text) < MIN_QUOTE_WORDS) {
      dropped.push({ reason: 'too-short', text: quote.text, articleId: quote.articleId });
      continue;
    }
    const key = dedupeKey(text);
    if (seen.has(key)) continue;
    seen.add(key);
    let speaker = quote.speaker?.trim() ? quote.speaker.trim() : null;
    if (speaker === null || !articleNames(article, speaker)) {
      const analysed = analysedSpeaker(article, span.start, span.end);
      if (speaker !== null) speakersCorrected++;
      speaker = analysed;
    }
    out.push({ text, speaker, verified: true, articleId: article.id });
  }
  return { quotes: out, dropped, speakersCorrected };
}

const QUOTATIONS = /["\u201C\u201E\u00AB]([^"\u201C\u201D\u201E\u00AB\u00BB\n]{1,600})["\u201D\u00BB]|\u2018([^\u2018\u2019\n]{2,600})\u2019(?![\p{L}\p{N}])/gu;

/** The quotations (text in quote marks) inside a model's own sentence. */
export function quotationsIn(sentence: string): string[] {
  return [...sentence.matchAll(QUOTATIONS)].map((m) => (m[1] ?? m[2] ?? '').trim()).filter((q) => /[\p{L}\p{N}]/u.test(q));
}

/**
 * The sentences of a summary or answer whose quotations all appear verbatim in one of `texts`;
 * a sentence that puts words in someone's mouth is left out.
 */
export function keepSentencesWithVerbatimQuotations(sentences: string[], texts: string[]): { kept: string[]; dropped: string[] } {
  const normalised = texts.map((t) => normaliseForMatch(t));
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const sentence of sentences) {
    const ok = quotationsIn(sentence).every((q) => texts.some((t, i) => findVerbatim(q, t, normalised[i]) !== null));
    (ok ? kept : dropped).push(sentence);
  }
  return { kept, dropped };
}
