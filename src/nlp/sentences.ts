// Sentence splitting tuned for news text. Hand-written rather than a package: the JS
// options (sbd, compromise, Intl.Segmenter) split inside quotations, glue sub-headings
// to the next sentence, or break on "U.S. officials"; we also need character offsets
// and a single linear pass, since this runs on every article at ingest.
//
// Rules, in short:
// - a line break ends a unit unless the next line starts lower-case (a hard-wrapped
//   line), so headings, datelines and captions never merge with the next sentence;
// - ". ! ? ..." (plus closing quotes/brackets) end a sentence when whitespace and a
//   plausible sentence start follow (capital, digit, opening quote or bracket);
// - no split after titles (Mr., Gen., Sen.), nor after initials, dotted acronyms or
//   weak abbreviations (U.S., W., Inc., Jan., No.) unless a typical sentence opener
//   ("The", "He", "But") follows;
// - no split inside a quotation that closes within the same paragraph, so a sentence
//   never starts in the middle of a quote.
import { ABBREVIATED_TITLES, SENTENCE_QUOTE_MARKS, STOP_WORDS, WEAK_ABBREVIATIONS } from './lexicon.ts';

export interface SentenceSpan {
  text: string;
  /** Offset of the first character in the input. */
  start: number;
  /** Offset just past the last character (exclusive). */
  end: number;
}

// Capitalised stop words ("The", "He", "But", "In") usually open a sentence, whereas
// "Bush" after "George W." or "officials" after "U.S." do not.
function isTypicalOpener(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase()) || word === 'A' || word === 'I';
}

const CLOSERS = new Set(['"', '”', "'", '’', ')', ']', '}', '»', '›']);
const OPENERS_START = /[\p{Lu}\p{N}"“‘'«([¿¡\p{Lo}]/u;
// A word that is one capital, or initials ("U.S", "J.K"). Module constants for speed: esbuild (tsx, the
// bundle's target Node 20) compiles a Unicode-property literal inside a function on every call.
const ONE_CAPITAL = /^\p{Lu}$/u;
const INITIALS = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
const TERMINALS = new Set(['.', '!', '?', '…']);

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || ch === '\f' || ch === '\v';
}
function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/**
 * Spans [open, close] of quotations that close within the same paragraph. Quote marks
 * are typed by context (an opening mark follows a space or start, a closing one
 * precedes a space or punctuation), so apostrophes ("don't", "nations' ") are skipped.
 * An opening mark while the same kind is already open means the earlier quote ran on
 * into a new paragraph (common when line breaks were flattened): it is dropped.
 */
function quotationSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let openDouble = -1;
  let openSingle = -1;
  const maxSpan = 1500; // longer "quotes" are almost surely mis-paired marks
  const marks = /["“”„«»'‘’‚‹›\n]/g;
  for (let match = marks.exec(text); match; match = marks.exec(text)) {
    const i = match.index;
    const ch = match[0];
    if (ch === '\n') {
      openDouble = -1;
      openSingle = -1;
      continue;
    }
    const isDouble = SENTENCE_QUOTE_MARKS.double.has(ch);
    const isSingle = !isDouble && SENTENCE_QUOTE_MARKS.single.has(ch);
    if (!isDouble && !isSingle) continue;
    const before = text[i - 1];
    const after = text[i + 1];
    if (isSingle && isLetterOrDigit(before) && isLetterOrDigit(after)) continue; // apostrophe
    const opensByContext = (before === undefined || isSpace(before) || /[([{—–\-/"“‘]/.test(before)) && after !== undefined && !isSpace(after);
    const opening = ch === '“' || ch === '‘' || ch === '«' || ch === '„' || (ch !== '”' && ch !== '»' && opensByContext);
    if (isDouble) {
      if (opening) openDouble = i;
      else if (openDouble >= 0) {
        if (i - openDouble <= maxSpan) spans.push([openDouble, i]);
        openDouble = -1;
      }
    } else {
      if (opening) openSingle = i;
      else if (openSingle >= 0) {
        if (i - openSingle <= maxSpan) spans.push([openSingle, i]);
        openSingle = -1;
      }
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** The word just before the terminal at `end` (exclusive), without leading quotes or brackets. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !isSpace(text[start - 1]) && !/["“‘([{]/.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

function wordAfter(text: string, start: number): string {
  const match = /^["“‘'([]*([\p{L}\p{N}]+)/u.exec(text.slice(start, start + 40));
  return match?.[1] ?? '';
}

/** Whether a period at `dot` ends a sentence, given the next non-space text starts at `next`. */
function periodEndsSentence(text: string, dot: number, next: number): boolean {
  const word = wordBefore(text, dot);
  const nextChar = text[next]!;
  if (word === '') return !/\p{Ll}/u.test(nextChar); // tokenised " ." style, as in CNN/DailyMail
  if (!OPENERS_START.test(nextChar)) return false;
  const lower = word.toLowerCase();
  if (ABBREVIATED_TITLES.has(lower)) return false;
  const nextWord = wordAfter(text, next);
  const initialOrAcronym = ONE_CAPITAL.test(word) || INITIALS.test(word);
  if (initialOrAcronym || WEAK_ABBREVIATIONS.has(lower)) return isTypicalOpener(nextWord);
  return true;
}

/** Sentences with their offsets in `text`; see the rules at the top of this file. */
export function splitSentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const quotes = quotationSpans(text);
  let quoteIndex = 0;
  let unitStart = 0;

  const push = (start: number, end: number): void => {
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) spans.push({ text: text.slice(start, end), start, end });
  };
  // True if a quotation opened before `at` is still open after it.
  const insideQuote = (at: number): boolean => {
    while (quoteIndex < quotes.length && quotes[quoteIndex]![1] < at) quoteIndex++;
    for (let q = quoteIndex; q < quotes.length && quotes[q]![0] < at; q++) {
      if (quotes[q]![1] >= at) return true;
    }
    return false;
  };

  const stops = /[.!?…\n]/g;
  for (let match = stops.exec(text); match; match = stops.exec(text)) {
    const i = match.index;
    const ch = match[0];
    if (ch === '\n') {
      // Line break: a unit of its own unless the next line continues lower-case.
      let next = i + 1;
      while (next < text.length && isSpace(text[next])) next++;
      const blankLine = /\n[^\S\n]*\n/.test(text.slice(i, next + 1));
      if (next >= text.length || blankLine || !/\p{Ll}/u.test(text[next]!)) {
        push(unitStart, i);
        unitStart = next;
        stops.lastIndex = next;
      }
      continue;
    }
    if (!TERMINALS.has(ch)) continue;
    // Take the whole run of terminals ("?!", "...") and closing quotes/brackets.
    let end = i + 1;
    while (end < text.length && (TERMINALS.has(text[end]!) || text[end] === '.')) end++;
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    if (end < text.length && !isSpace(text[end])) {
      stops.lastIndex = end;
      continue; // "3.5", "example.com", "U.S.-led": no whitespace, no boundary
    }
    let next = end;
    while (next < text.length && isSpace(text[next]) && text[next] !== '\n') next++;
    if (next >= text.length || text[next] === '\n') {
      stops.lastIndex = end;
      continue; // the line break handles it
    }
    const terminalRun = text.slice(i, end).replace(/[^.!?…]/g, '');
    const nextChar = text[next]!;
    let boundary: boolean;
    if (terminalRun === '.') boundary = periodEndsSentence(text, i, next);
    else boundary = OPENERS_START.test(nextChar); // "!", "?", "...": a capital must follow
    if (boundary && insideQuote(end)) boundary = false;
    if (boundary) {
      push(unitStart, end);
      unitStart = next;
    }
    stops.lastIndex = end;
  }
  push(unitStart, text.length);
  return spans;
}

/** Sentences of `text`, trimmed, in order. */
export function splitSentences(text: string): string[] {
  return splitSentenceSpans(text).map((span) => span.text);
}
