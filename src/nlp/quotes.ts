// Direct quotations in news articles, with their speakers resolved to full names, and key-quote
// ranking.
//
// This is hand-written logic, not a wrapped package: no npm package does quote attribution well
// (the NLP libraries offer tokenizers and NER, not "who said this"), and the published tools that do
// (Gender Gap Tracker, Citron) are Python pipelines around large models. The approach follows the
// classic rule-based recipe: find quote spans with a mark-aware scanner, find the attribution cue
// next to each span (speech verb + subject), then resolve the subject (name, role, pronoun) against
// the people the article names. Quote spans: this file; cues: attribution.ts; resolution:
// coreference.ts; the person registry: people.ts; ranking: key-quotes.ts.

import { CAPTION_MARKER, MONTHS, NAME_TITLE_ABBREVIATIONS, QUOTE_MARKS, STARTS_LOWER, STARTS_UPPER, STOP_WORDS, WEEKDAYS } from './lexicon.ts';
import type { CuePosition, FoundQuote } from '../model.ts';
import { type Cue, cueAtVerb, leadingCue, speechVerbs, subjectAfter, trailingCue, wellFormedSpeaker } from './attribution.ts';
import { type ResolveContext, resolveSubject, sentencesSinceNamed, spokenOf } from './coreference.ts';
import { type Person, indexPeople, parseNameRun, personGender, verbLike } from './people.ts';
import { OrganisationIndex } from './organisations.ts';
export { containsQuote, rankKeyQuotes } from './key-quotes.ts';

// ---------------------------------------------------------------------------------------------
// Quotation spans: which quote marks open and close, across straight, curly and mixed marks,
// nested quotes, apostrophes, and quotes that run over paragraphs.

export interface QuoteSpan {
  /** Offsets of the inner text, without the quote marks. */
  start: number;
  end: number;
  /** Offset of the opening mark and just after the closing mark (end when unclosed). */
  open: number;
  close: number;
  /** Paragraph (line) index, and the group of pieces of one quotation that runs over paragraphs. */
  paragraph: number;
  group: number;
  /** True for the later pieces of a multi-paragraph quotation. */
  continuation: boolean;
  /** True when the paragraph ended before a closing mark was found. */
  unclosed: boolean;
  single: boolean;
}

export interface Paragraph {
  start: number;
  end: number;
}

const DOUBLE_MARKS = QUOTE_MARKS.double;
const SINGLE_MARKS = QUOTE_MARKS.single;
const OPENING_GLYPHS = new Set(['“', '„', '«', '‘']);
const CLOSING_GLYPHS = new Set(['”', '»', '’']);
/** Marks that open only: never read as closing after punctuation. */
const CLOSING_PUNCTUATION_BEFORE_NOTHING = new Set(['“', '„', '«']);

/** Paragraphs are lines: feeds and scrapes use blank lines or single newlines between them. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) paragraphs.push({ start, end });
  }
  return paragraphs;
}

const isSpace = (c: string | undefined) => c === undefined || /[\s\u00a0\u200b]/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** A mark that looks like it opens: start or space/bracket before, something after. */
function openerLike(text: string, i: number, p: Paragraph): boolean {
  const prev = i > p.start ? text[i - 1] : undefined;
  const next = text[i + 1];
  const prevOk = prev === undefined || isSpace(prev) || /[([{—–\-/:;,…]/.test(prev) || DOUBLE_MARKS.has(prev) || SINGLE_MARKS.has(prev);
  return prevOk && i + 1 < p.end && !isSpace(next);
}

/** A mark that looks like it closes: something before, end/space/punctuation after. */
function closerLike(text: string, i: number, p: Paragraph): boolean {
  const prev = i > p.start ? text[i - 1] : undefined;
  const next = i + 1 < p.end ? text[i + 1] : undefined;
  const nextOk = next === undefined || isSpace(next) || /[.,;:!?)\]}—–\-…]/.test(next) || DOUBLE_MARKS.has(next) || SINGLE_MARKS.has(next);
  return prev !== undefined && !isSpace(prev) && nextOk;
}

interface OpenMark {
  index: number;
  glyph: string;
}

/** Scans one paragraph for double-quoted spans at depth 1 (nested quotes stay inside the text). */
/** A double-quoted span: opening mark, closing mark (or the piece's end when unclosed), and whether it continues the piece before. */
type DoubleSpan = [open: number, close: number, unclosed: boolean, continuation: boolean];

function scanDouble(text: string, p: Paragraph, startOpen: OpenMark | null): { spans: DoubleSpan[]; openAtEnd: OpenMark | null; openContinues: boolean } {
  const spans: DoubleSpan[] = [];
  const stack: OpenMark[] = startOpen ? [startOpen] : [];
  let continues = false;
  for (let i = p.start; i < p.end; i++) {
    // Every double mark but '"' is at or above U+00AB: most characters are ruled out by code.
    const code = text.charCodeAt(i);
    if (code < 0xab && code !== 0x22) continue;
    const c = text[i]!;
    if (!DOUBLE_MARKS.has(c)) continue;
    const opens = openerLike(text, i, p);
    const closes = closerLike(text, i, p);
    let role: 'open' | 'close' | null;
    if (opens && !closes) role = 'open';
    else if (closes && !opens) role = 'close';
    else if (OPENING_GLYPHS.has(c)) role = 'open';
    else if (CLOSING_GLYPHS.has(c)) role = 'close';
    else role = stack.length > 0 ? 'close' : 'open';
    const top = stack[stack.length - 1];
    if (role === 'open' && top && top.glyph === c && c === '"' && !opens) role = 'close';
    // `...audiences,"Katie Packer said`: a mark glued to the next word after the quotation's own
    // closing punctuation still closes it (a missing space, common in scraped text).
    if (role === 'open' && top && (c === '"') === (top.glyph === '"') && !CLOSING_PUNCTUATION_BEFORE_NOTHING.has(c) && /[,.!?]/.test(text[i - 1] ?? '') && i - 1 > top.index + 1) role = 'close';
    if (role === 'open' && top && (c === '"') === (top.glyph === '"') && closes) role = 'close';
    // `..."I'm not angry. "Now it's winter...`: an opening mark at a sentence's start inside an open
    // quotation is the next piece of it; the paragraph break between them was lost.
    if (role === 'open' && stack.length === 1 && !closes && /[.!?]['’]?\s+$/.test(text.slice(Math.max(p.start, i - 3), i))) {
      const end = pieceEnd(text, top!.index + 1, i);
      if (end > top!.index + 1) spans.push([top!.index, end, true, continues]);
      stack[0] = { index: i, glyph: c };
      continues = true;
      continue;
    }
    if (role === 'open') {
      // The same kind of mark inside an open quote usually means the previous quote lost its
      // closing mark only when it cannot be a nested quote; keep nesting for different glyph families.
      stack.push({ index: i, glyph: c });
    } else if (stack.length > 0) {
      const opened = stack.pop()!;
      if (stack.length === 0) {
        spans.push([opened.index, i, false, continues]);
        continues = false;
      }
    }
  }
  const outer = stack[0] ?? null;
  return { spans, openAtEnd: outer, openContinues: outer !== null && continues };
}

/** Single-quoted spans in a paragraph: apostrophes inside words never count. */
function scanSingle(text: string, p: Paragraph): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  for (let i = p.start; i < p.end; i++) {
    // Every single mark but "'" is at or above U+2018: most characters are ruled out by code.
    const code = text.charCodeAt(i);
    if (code < 0x2018 && code !== 0x27) continue;
    const c = text[i]!;
    if (!SINGLE_MARKS.has(c)) continue;
    const prev = i > p.start ? text[i - 1] : undefined;
    const next = i + 1 < p.end ? text[i + 1] : undefined;
    if (isWordChar(prev) && isWordChar(next)) continue; // Putin's, don't, rock 'n' roll's inner marks
    if (open < 0) {
      if ((prev === undefined || isSpace(prev) || /[([:—–-]/.test(prev)) && isWordChar(next) && !/\d/.test(next!)) open = i;
    } else if (!isSpace(prev) && (next === undefined || isSpace(next) || /[.,;:!?)\]—–-]/.test(next))) {
      if (!/s$/i.test(prev!) || next === undefined || /[.,;:!?]/.test(next) || i - open > 3) {
        const inner = text.slice(open + 1, i);
        // 'n' and other one-word bits are not quotations.
        if (inner.trim().split(/\s+/).length >= 2) spans.push([open, i]);
        open = -1;
      }
    }
  }
  return spans;
}

// --- Articles that quote in single marks (British outlets: 'straight' or ‘curly’) ---------------

/** After an opening single mark: elisions and years, not quotations ('em, 'til, 'n', '90s). */
const ELISION_AFTER = /^(?:em|til|cause|cos|n|tis|twas|bout|round|ere|ow|nuff|kay)\b|^\d0s\b|^\d{2}\b/i;

/** Where single marks could open speech (followed by a capital) or close it (after its punctuation). */
interface SingleMarks {
  openers: number[];
  closers: number[];
}

/** A single mark opening a quotation before a capital. A constant for speed (see STARTS_LOWER); matchAll copies it, so its lastIndex stays 0. */
const SINGLE_OPENER = /(?:^|[:,.!?]\s+)(['‘])\p{Lu}/gu;

/** SingleMarks of every paragraph, inside double quotes or not. */
function singleMarks(text: string, paragraphs: Paragraph[]): SingleMarks {
  const marks: SingleMarks = { openers: [], closers: [] };
  for (const p of paragraphs) {
    const line = text.slice(p.start, p.end);
    for (const m of line.matchAll(SINGLE_OPENER)) marks.openers.push(p.start + m.index + m[0].length - 2);
    for (const m of line.matchAll(/[.,!?](['’])(?=\s|$)/g)) marks.closers.push(p.start + m.index + 1);
  }
  return marks;
}

/**
 * Whether the article quotes speech in single marks: at least two opening marks where speech
 * starts (after "said:", at a paragraph's start, after "said," or a sentence's end) followed by a
 * capital, and at least one closing mark after the quotation's own punctuation, outside every
 * double-quoted span, and no fewer than its double-quoted spans. Nested quotes in a US article
 * ("He said, 'No.'") sit inside double quotes and do not count.
 */
function quotesInSingleMarks(marks: SingleMarks, doubleSpans: Array<[number, number]>): boolean {
  const outside = (i: number) => !doubleSpans.some(([o, c]) => i >= o && i <= c);
  const openers = marks.openers.filter(outside).length;
  return openers >= 2 && marks.closers.some(outside) && openers >= doubleSpans.length;
}

/** Offset of the start of the sentence holding `i`, not before `from` (a full stop, ! or ? and space before it). */
function sentenceStartBefore(text: string, from: number, i: number): number {
  for (let j = i - 1; j > from; j--) if (/\s/.test(text[j]!) && /[.!?]["'’”)]?$/.test(text.slice(Math.max(from, j - 2), j))) return j + 1;
  return from;
}

/**
 * The end of an unclosed piece of quotation that ran from `start` to `end`: before the first
 * sentence that is a picture caption run into the text, never past `end`; trailing space trimmed.
 */
function pieceEnd(text: string, start: number, end: number): number {
  end = beforeOuterParenthesisCloses(text, start, end);
  const m = CAPTION_MARKER.exec(text.slice(start, end));
  if (m) end = Math.max(start, sentenceStartBefore(text, start, start + m.index));
  // A caption that opens with a short heading ("Royal souvenirs: Cups to mark the birth ...").
  const heading = CAPTION_HEADING.exec(text.slice(start, end));
  if (heading) end = start + heading.index + heading[0].indexOf(heading[1]!);
  // Daily Mail ends a picture caption with a stop after a space ("... from the age of 12 . 'I
  // wasn't"): a sentence that ends so, after the quotation's own first sentence, is a caption run
  // into the text, not quoted words. (A stray stop inside a sentence is no such end.)
  const seg = withoutStrayStops(text.slice(start, end));
  for (const spaced of seg.matchAll(SPACED_STOP)) {
    const from = sentenceStartBefore(seg, 0, spaced.index);
    // A caption speaks of people in the third person: "My name is . Yuri" is the speaker's own.
    if (from > 0 && !FIRST_PERSON.test(seg.slice(from, spaced.index))) {
      end = start + from;
      break;
    }
  }
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/**
 * `(... among those who are “somewhat liberal), education (...)`: a parenthesis opened before an
 * unclosed quotation and closed inside it ends the quotation, whose closing mark the page left out.
 */
function beforeOuterParenthesisCloses(text: string, start: number, end: number): number {
  // Parentheses left open before the quotation, in its own paragraph.
  const from = Math.max(0, start - 300, text.lastIndexOf('\n', start) + 1);
  let open = 0;
  for (let i = from; i < start; i++) {
    if (text[i] === '(') open++;
    else if (text[i] === ')' && open > 0) open--;
  }
  if (open === 0) return end;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return end;
}

const SPACED_STOP = /(?<=[\p{L}\p{N}]) \.(?=\s|$)/gu;
const FIRST_PERSON = /(?<![\p{L}'’])(?:I|I['’](?:m|ve|d|ll)|me|my|we|we['’](?:re|ve|d|ll)|us|our)(?![\p{L}'’])/iu;

/** A caption's heading: one to three words, the first capitalised ("Scene", "Pictured with her son"). */
const HEADING_WORDS = String.raw`\p{Lu}[\p{L}'’-]*(?:\s[\p{L}'’-]+){0,2}`;

/** A heading that opens a sentence, right before a caption's colon. */
const CAPTION_HEADING_BEFORE = new RegExp(String.raw`(?:^|[.!?]\s+)${HEADING_WORDS}$`, 'u');

/** A sentence that starts with a heading and a colon before a capital: a caption. */
const CAPTION_HEADING = new RegExp(String.raw`[.!?]\s+(${HEADING_WORDS}:\s+\p{Lu})`, 'u');

/** "..., said Thea", "...,' she said", "...,' Mrs Leigh added" right after a closing mark. */
const CUE_AFTER_CLOSE = /^[\s\u00a0]+(?:(?:said|says|added|adds|told|tells|explained|continued|recalled)[\s\u00a0]+\p{Lu}|(?:he|she|they)[\s\u00a0]+(?:said|says|added|adds|told|explained|continued)\b|(?:\p{Lu}[\p{L}'’-]*[\s\u00a0]+){1,3}(?:said|says|added|adds|told|explained|continued)\b)/u;

interface Piece {
  /** Opening mark, and the end of the piece (after its closing mark when closed). */
  open: number;
  close: number;
  start: number;
  end: number;
  unclosed: boolean;
  /** A later piece of the quotation before it (the paragraph break between them lost or kept). */
  continuation: boolean;
}

/**
 * Single-quoted quotations in one paragraph of an article that quotes in single marks. A mark
 * between letters is an apostrophe (don't); an opening mark needs space or a bracket before it
 * and a letter after it, not an elision ('90s, 'n'); "players' union" (s, space, lower case) is a
 * possessive. Inside an open quotation another opening mark at a sentence's start, or after a
 * colon, starts the next piece: the earlier one ended at the previous sentence (a lost paragraph
 * break in Daily Mail style: `...scruffy. 'What makes me...`, or narration `X said: '...`). Other
 * opening marks inside are nested quotes. `carried` is a quotation left open by the paragraph before.
 */
function scanSingleStyle(text: string, p: Paragraph, carried: boolean): { pieces: Piece[]; openAtEnd: boolean } {
  const pieces: Piece[] = [];
  let open = -1;
  let continuation = false;
  let nested = 0;
  const endPiece = (cut: number) => {
    const end = pieceEnd(text, open + 1, cut);
    if (end > open + 1) pieces.push({ open, close: end, start: open + 1, end, unclosed: true, continuation });
  };
  for (let i = p.start; i < p.end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x2018 && code !== 0x27) continue;
    const c = text[i]!;
    const prev = i > p.start ? text[i - 1] : undefined;
    const next = i + 1 < p.end ? text[i + 1] : undefined;
    // `'... because she fancies you.”`: a closing double mark that no double mark in the quotation
    // opened ends it (a mismatched pair).
    if (c === '”' && open >= 0 && nested === 0 && !isSpace(prev) && (next === undefined || isSpace(next)) && !text.slice(open, i).includes('“')) {
      if (wordCount(text.slice(open + 1, i)) >= 2) pieces.push({ open, close: i + 1, start: open + 1, end: i, unclosed: false, continuation });
      open = -1;
      continue;
    }
    if (!SINGLE_MARKS.has(c)) continue;
    if (isWordChar(prev) && isWordChar(next)) continue;
    const opens = c !== '’' && (prev === undefined || isSpace(prev) || /[([{—–\-/:"“]/.test(prev)) &&
      next !== undefined && (isWordChar(next) || /["“…[]/.test(next)) && !ELISION_AFTER.test(text.slice(i + 1, i + 6));
    const closes = c !== '‘' && prev !== undefined && !isSpace(prev) &&
      (next === undefined || isSpace(next) || /[.,;:!?)\]—–\-…"”]/.test(next)) &&
      // "the students' union" inside a quotation is a possessive; "own 'future princess' with" closes
      // a quotation of a few words.
      // ("...expected this' she added": a cue after it, so a closing mark.)
      !(/s/i.test(prev) && /^\s\p{Ll}/u.test(text.slice(i + 1, i + 3)) && wordCount(text.slice(open + 1, i)) > 3 && !CUE_AFTER_CLOSE.test(text.slice(i + 1, i + 40)));
    if (open < 0) {
      if (opens) { open = i; continuation = carried && i === p.start; nested = 0; }
      continue;
    }
    if (closes && !opens) {
      // `'We were talking, and someone said, 'Don't worry,' said Thea.`: a closing mark right before
      // the cue closes the whole quotation, whatever the page did to the nested one.
      if (nested > 0 && !CUE_AFTER_CLOSE.test(text.slice(i + 1, i + 40))) { nested--; continue; }
      if (wordCount(text.slice(open + 1, i)) >= 2) pieces.push({ open, close: i + 1, start: open + 1, end: i, unclosed: false, continuation });
      open = -1;
      continue;
    }
    if (!opens) continue;
    const before = text.slice(Math.max(p.start, i - 3), i);
    const atSentenceStart = /[.!?]["'’”)]?\s+$/.test(before);
    if (atSentenceStart || /:\s*$/.test(before)) {
      // The next piece begins: the open one ended before this sentence (its narration is not quoted).
      endPiece(atSentenceStart ? i : sentenceStartBefore(text, open + 1, i));
      open = i;
      continuation = atSentenceStart;
      nested = 0;
    } else nested++;
  }
  if (open >= 0) endPiece(p.end);
  return { pieces, openAtEnd: open >= 0 };
}

function isHeadingLike(text: string, p: Paragraph): boolean {
  const line = text.slice(p.start, p.end);
  return line.length <= 200 && !/[.!?]["”’']?$/.test(line.replace(/['’]$/, '').trimEnd()) || /^['‘][^'‘’]+['’]$/.test(line);
}

/**
 * Every quotation span in the text. Double quotes are the quote marks of body text; single quotes
 * count in headline-like lines, and everywhere when an article uses no double quotes at all.
 */
export function findQuoteSpans(text: string, paragraphs: Paragraph[] = splitParagraphs(text)): QuoteSpan[] {
  // `‘‘...’’` and `''...''`: two single marks written for one double mark (some sites, and the
  // AP's plain-text style). The spans are found on a copy that reads them as double marks, then
  // widened over both characters of each pair.
  const scan = doubledSingleMarksAsDouble(text);
  if (scan === text) return findSpans(text, paragraphs);
  return findSpans(scan, paragraphs).map((s) => ({
    ...s,
    open: scan[s.open - 1] === PAIR_FILLER ? s.open - 1 : s.open,
    close: scan[s.close] === PAIR_FILLER ? s.close + 1 : s.close,
  }));
}

/** Stands for the other character of a doubled mark in the scanning copy; reads as a space there. */
const PAIR_FILLER = '\u200b';
// A single mark may sit inside the pair, nested: `'''We'll ...`, `... them,'''`.
const DOUBLED_OPENER = /(^|[\s\u00a0([{—–-])(‘‘|'')(?=['‘]?[^\s\u00a0'‘’])/gmu;
const DOUBLED_CLOSER = /([^\s\u00a0'‘’]['’]?)(’’|'')(?=[\s\u00a0.,;:!?)\]}—–-]|$)/gmu;

/**
 * The text with each doubled single mark that opens or closes like a double one replaced, length
 * for length, by a double mark and a filler on its outer side: `‘‘Yes,’’ he said` scans as
 * `\u200b“Yes,”\u200b he said`. The text itself when it has none.
 */
function doubledSingleMarksAsDouble(text: string): string {
  if (!text.includes("''") && !text.includes('‘‘') && !text.includes('’’')) return text;
  return text
    .replace(DOUBLED_OPENER, (_m, before: string) => `${before}${PAIR_FILLER}“`)
    .replace(DOUBLED_CLOSER, (_m, before: string) => `${before}”${PAIR_FILLER}`);
}

function findSpans(text: string, paragraphs: Paragraph[]): QuoteSpan[] {
  const singleStyle = /['‘]/.test(text) && findSingleStyle(text, paragraphs);
  if (singleStyle) return singleStyle;
  const spans: QuoteSpan[] = [];
  const usesDouble = /["“”]/.test(text);
  let carry: OpenMark | null = null;
  let group = 0;
  let carriedGroup = -1;
  paragraphs.forEach((p, index) => {
    const first = text[p.start]!;
    // A quotation left open continues only in a paragraph that opens with a quote mark.
    const startOpen: OpenMark | null = null;
    let continuing = false;
    if (carry && DOUBLE_MARKS.has(first)) {
      continuing = true;
    }
    carry = null;
    const lineHasDouble = /["“”„«»]/.test(text.slice(p.start, p.end));
    if (lineHasDouble) {
      const { spans: found, openAtEnd, openContinues } = scanDouble(text, p, startOpen);
      for (const [o, c, unclosed, cont] of found) {
        const isCont = (continuing && o === p.start) || cont;
        if (!isCont) group++;
        const g = continuing && o === p.start ? carriedGroup : group;
        if (unclosed) spans.push(makeSpan(text, o, c, o + 1, c, index, g, isCont, true, false));
        else spans.push(makeSpan(text, o, c + 1, o + 1, c, index, g, isCont, false, false));
      }
      if (openAtEnd) {
        const fromBefore = continuing && openAtEnd.index === p.start;
        const isCont = fromBefore || openContinues;
        if (!isCont) group++;
        const g = fromBefore ? carriedGroup : group;
        const end = pieceEnd(text, openAtEnd.index + 1, p.end);
        spans.push(makeSpan(text, openAtEnd.index, end, openAtEnd.index + 1, end, index, g, isCont, true, false));
        carry = openAtEnd;
        carriedGroup = g;
      }
    } else if (!usesDouble || isHeadingLike(text, p)) {
      for (const [o, c] of scanSingle(text, p)) {
        group++;
        spans.push(makeSpan(text, o, c + 1, o + 1, c, index, group, false, false, true));
      }
    }
  });
  return spans.filter((s) => s.end > s.start);
}

/**
 * The spans of an article that quotes in single marks, or null when it does not: single-quoted
 * quotations and their pieces (scanSingleStyle), and double-quoted ones that lie outside them
 * (inside them, double marks are nested quotes).
 */
function findSingleStyle(text: string, paragraphs: Paragraph[]): QuoteSpan[] | null {
  const marks = singleMarks(text, paragraphs);
  // Most articles (any with an apostrophe comes here) fail on the counts alone, before the double
  // quotes, which findQuoteSpans then scans for their own path, are scanned here too.
  if (marks.openers.length < 2 || marks.closers.length === 0) return null;
  const doubles = paragraphs.map((p) => (/["“”„«»]/.test(text.slice(p.start, p.end)) ? scanDouble(text, p, null).spans : []));
  if (!quotesInSingleMarks(marks, doubles.flat().map(([o, c]) => [o, c] as [number, number]))) return null;
  const spans: QuoteSpan[] = [];
  let group = 0;
  let carried = false;
  paragraphs.forEach((p, index) => {
    // A quotation left open continues only in a paragraph that opens with a quote mark.
    const { pieces, openAtEnd } = scanSingleStyle(text, p, carried && SINGLE_MARKS.has(text[p.start]!));
    const found = pieces.map((x) => ({ ...x, single: true }));
    for (const [o, c] of doubles[index]!) {
      if (!pieces.some((x) => o < x.close && c >= x.open)) found.push({ open: o, close: c + 1, start: o + 1, end: c, unclosed: false, continuation: false, single: false });
    }
    found.sort((a, b) => a.open - b.open);
    for (const x of found) {
      if (!x.continuation) group++;
      spans.push(makeSpan(text, x.open, x.close, x.start, x.end, index, group, x.continuation, x.unclosed, x.single));
    }
    carried = openAtEnd;
  });
  return spans.filter((s) => s.end > s.start);
}

function makeSpan(
  text: string, open: number, close: number, start: number, end: number,
  paragraph: number, group: number, continuation: boolean, unclosed: boolean, single: boolean,
): QuoteSpan {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end, open, close, paragraph, group, continuation, unclosed, single };
}

// ---------------------------------------------------------------------------------------------
// Attribution over the spans.

const ABBREVIATION = new RegExp(String.raw`(?:\b(?:${NAME_TITLE_ABBREVIATIONS}|Inc|Corp|Co|No|vs|etc|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|a\.m|p\.m)|\b\p{Lu}|\b(?:\p{Lu}\.)+\p{Lu})$`, 'u');

/** Paragraph text with every quotation replaced by "Q" and padding, so offsets still line up. */
function maskQuotes(text: string, p: Paragraph, spans: QuoteSpan[]): string {
  if (spans.length === 0) return text.slice(p.start, p.end);
  // Spans normally arrive in order without overlap: the masked text is then built from
  // slices, which is much cheaper than editing an array of characters.
  let masked = '';
  let cursor = p.start;
  for (const s of spans) {
    const from = Math.max(s.open, p.start);
    const to = Math.min(s.close, p.end);
    if (from < cursor || to <= from) return maskQuotesByChar(text, p, spans);
    let region = s.open >= p.start ? `Q${' '.repeat(to - from - 1)}` : ' '.repeat(to - from);
    if (s.end > s.start && isSentenceEnd(text.charCodeAt(s.end - 1)) && to - 1 > from) region = `${region.slice(0, -1)}.`;
    masked += text.slice(cursor, from) + region;
    cursor = to;
  }
  return masked + text.slice(cursor, p.end);
}

/** . ! ? */
function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f;
}

/** maskQuotes for any spans, character by character. */
function maskQuotesByChar(text: string, p: Paragraph, spans: QuoteSpan[]): string {
  const chars = text.slice(p.start, p.end).split('');
  for (const s of spans) {
    const from = Math.max(s.open, p.start);
    const to = Math.min(s.close, p.end);
    for (let i = from; i < to; i++) chars[i - p.start] = ' ';
    if (s.open >= p.start) chars[s.open - p.start] = 'Q';
    // A quotation that ends its own sentence ends the reporter's sentence too, unless a cue follows.
    if (/[.!?]$/.test(text.slice(s.start, s.end)) && to - 1 > from) chars[to - 1 - p.start] = '.';
  }
  return chars.join('');
}

// Letters and "." by UTF-16 code unit, filled lazily; surrogates count too, so that a pair is never split.
const letterOrDot = new Int8Array(65536).fill(-1);
function isLetterOrDot(code: number): boolean {
  let kind = letterOrDot[code]!;
  if (kind < 0) {
    kind = code === 0x2e || (code >= 0xd800 && code <= 0xdfff) || /\p{L}/u.test(String.fromCharCode(code)) ? 1 : 0;
    letterOrDot[code] = kind;
  }
  return kind === 1;
}

/**
 * ABBREVIATION.test(text.slice(0, end)) without scanning the whole prefix (a regex ending in $
 * is tried from every position). A match is made of letters and dots, so it lies in the run of
 * those that ends at `end`; the one character before the run keeps \b right.
 */
function endsWithAbbreviation(text: string, end: number): boolean {
  let start = end;
  while (start > 0 && isLetterOrDot(text.charCodeAt(start - 1))) start--;
  return ABBREVIATION.test(text.slice(Math.max(0, start - 1), end));
}

/**
 * After a masked quotation ("Q" and a space for each of its characters): perhaps its closing mark,
 * then a capitalised word (group 1). Tried (sticky) right after each Q; written so that no run of
 * spaces is matched two ways ("\s*'?\s+" backtracks over the padding, quadratic in the quotation).
 */
const CAPTION_RUN_IN = /(?:[\s\u00a0]*['’"”»][\s\u00a0]+|[\s\u00a0]+)(\p{Lu}\p{Ll}*)(?![\p{L}\p{N}'’-])/uy;

/** Sentence start offsets (absolute) in a masked paragraph. */
function sentenceStarts(text: string, masked: string, p: Paragraph): number[] {
  const starts = [p.start];
  for (const m of masked.matchAll(/[.!?]+[)\]]*(?=[\s\u00a0]+[\p{Lu}\d(Q])/gu)) {
    if (m[0] === '.' && endsWithAbbreviation(masked, m.index)) continue;
    let next = m.index + m[0].length;
    while (next < masked.length && /[\s\u00a0]/.test(masked[next]!)) next++;
    starts.push(p.start + next);
  }
  // A caption run into the text with no stop ("... after the 'angry comments' On his show, ..."): a
  // quotation closed without punctuation before a capitalised word that opens sentences.
  for (let q = masked.indexOf('Q'); q >= 0; q = masked.indexOf('Q', q + 1)) {
    if (q > 0 && !/[\s\u00a0([]/.test(masked[q - 1]!)) continue;
    CAPTION_RUN_IN.lastIndex = q + 1;
    const m = CAPTION_RUN_IN.exec(masked);
    if (!m) continue;
    const word = p.start + q + 1 + m[0].length - m[1]!.length;
    let close = word - 1;
    while (close > p.start && /[\s\u00a0]/.test(text[close]!)) close--;
    if (m[1] === 'I' || !STOP_WORDS.has(m[1]!.toLowerCase()) || !/['’"”»]/.test(text[close]!) || !/[\p{L}\p{N}]/u.test(text[close - 1] ?? '')) continue;
    starts.push(word);
  }
  return starts.length > 1 ? [...new Set(starts)].sort((a, b) => a - b) : starts;
}

/** Where a cue stands, as a FoundQuote's attribution records it. */
const CUE_POSITION: Record<NonNullable<Working['cueKind']>, CuePosition> = {
  trailing: 'after',
  leading: 'before',
  inherited: 'carried',
  later: 'elsewhere',
  'previous-paragraph': 'elsewhere',
  'previous-sentence': 'elsewhere',
  'next-paragraph': 'elsewhere',
};

interface Working {
  span: QuoteSpan;
  cue: Cue | null;
  /** Where the cue came from; immediate trailing cues mark full statements. */
  cueKind: 'trailing' | 'leading' | 'later' | 'previous-paragraph' | 'previous-sentence' | 'next-paragraph' | 'inherited' | null;
  sentenceStart: number;
  sentenceEnd: number;
  masked: string;
  paragraph: Paragraph;
  speaker: string | null;
  /** For a pronoun or description resolved to a named person: how many sentences back the article last named them. */
  sentencesSinceNamed?: number;
  /**
   * The quote's own sentence reports it with a verb before the opening mark whose subject was not
   * read ("Globe magazine alleges that the monarch is '...'"): someone else said it, so it takes no
   * neighbour's cue (null rather than the wrong name).
   */
  ownUnreadCue?: boolean;
}

/**
 * Every direct quotation in an article body (paragraphs separated by newlines), with its speaker.
 * `text` is exactly `article.slice(start, end)`: the words inside the marks, with any punctuation
 * the article put inside them (`"...intensified,"` keeps its comma).
 */
export function extractQuotes(original: string, options: { title?: string } = {}): FoundQuote[] {
  const paragraphs = splitParagraphs(original);
  const spans = findQuoteSpans(original, paragraphs);
  if (spans.length === 0) return [];
  // Names, cues and speakers are read on a copy without stray stops ("Roger Kellet . said"); the
  // quotations keep the article's own text.
  const text = withoutStrayStops(original);
  const index = indexPeople(text, spans.map((s) => [s.open, s.close] as [number, number]), options.title);

  const spansByParagraph = new Map<number, QuoteSpan[]>();
  for (const s of spans) spansByParagraph.set(s.paragraph, [...(spansByParagraph.get(s.paragraph) ?? []), s]);
  const masks = new Map<number, string>();
  const maskOf = (pi: number): string => {
    let m = masks.get(pi);
    if (m === undefined) {
      const p = paragraphs[pi]!;
      m = maskQuotes(text, p, spansByParagraph.get(pi) ?? []);
      masks.set(pi, m);
    }
    return m;
  };

  const startsCache = new Map<number, number[]>();
  const startsOf = (pi: number): number[] => {
    let st = startsCache.get(pi);
    if (!st) {
      st = sentenceStarts(text, maskOf(pi), paragraphs[pi]!);
      startsCache.set(pi, st);
    }
    return st;
  };
  const work: Working[] = spans.map((span) => {
    const paragraph = paragraphs[span.paragraph]!;
    const masked = maskOf(span.paragraph);
    const starts = startsOf(span.paragraph);
    const sentenceStart = [...starts].reverse().find((s) => s <= span.open) ?? paragraph.start;
    const sentenceEnd = starts.find((s) => s > span.open) ?? paragraph.end;
    return { span, cue: null, cueKind: null, sentenceStart, sentenceEnd, masked, paragraph, speaker: null };
  });

  for (const w of work) findCue(text, w, work, paragraphs, maskOf, startsOf);
  inheritCues(text, work);

  // Sentence starts of the whole article are needed only to resolve "he"/"she": computed on first use.
  let allStarts: number[] | undefined;
  const inQuote = (pos: number): boolean => {
    // Spans are in text order and do not overlap: binary search.
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid]!;
      if (pos < s.open) hi = mid - 1;
      else if (pos >= s.close) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const ctx: ResolveContext = {
    text,
    get sentenceStarts() {
      return (allStarts ??= paragraphs.flatMap((_, pi) => startsOf(pi)));
    },
    index,
    speakers: [],
    lastDescriptor: null,
    quoteSpeakers: [],
    // Found only as far as attribution asks: most articles never need all of them.
    organisations: new OrganisationIndex(text, inQuote),
    inQuote,
    quotation: '',
  };
  const quotes: FoundQuote[] = [];
  for (const w of work) {
    let speaker: string | null = null;
    let person: Person | null = null;
    // "As X, author of ''America's Unwritten Constitution,'' put it": a title inside its own cue's words
    // is part of the subject, not what the cue reports.
    if (w.cue && w.span.open > w.cue.pos && w.span.close < w.cue.pos + w.cue.text.length && TITLE_BEFORE.test(text.slice(Math.max(0, w.span.open - 20), w.span.open))) w.cue = null;
    if (w.cue?.subject) {
      ctx.quotation = text.slice(w.span.start, w.span.end);
      let r = resolveSubject(w.cue.subject, ctx);
      const other = r.person ? namesakeNotSpokenOf(r.person, w.cue.subject, Math.min(w.span.start, w.cue.subject.pos), ctx) : null;
      if (other) r = { speaker: other.fullName, person: other };
      speaker = r.speaker;
      person = r.person;
      if (r.person) {
        r.person.evidence++;
        ctx.speakers.push({ pos: w.cue.subject.pos, person: r.person });
      }
      else if (speaker && w.cue.subject.kind !== 'pronoun') ctx.lastDescriptor = { pos: w.cue.subject.pos, text: speaker };
      ctx.speakers.sort((a, b) => a.pos - b.pos);
    }
    w.speaker = wellFormedSpeaker(speaker);
    if (person && w.cue?.subject && w.cue.subject.kind !== 'name') w.sentencesSinceNamed = sentencesSinceNamed(person, w.cue.subject.pos, ctx);
    if (w.speaker && w.cue?.subject) ctx.quoteSpeakers.push({ pos: w.cue.subject.pos, speaker: w.speaker, person, subject: w.cue.subject.text });
  }
  // Pieces that inherited a cue take the resolved speaker of the quote they inherited from.
  for (const w of work) {
    const q: FoundQuote = {
      text: original.slice(w.span.start, w.span.end),
      speaker: w.speaker,
      verified: true,
      start: w.span.start,
      end: w.span.end,
      fragment: isFragment(text, w),
    };
    if (w.cue) q.cue = text === original ? w.cue.text : w.cue.text.replace(/ {2,}/g, ' ');
    if (w.speaker && w.cue?.subject) {
      const found = `${CUE_POSITION[w.cueKind ?? 'later']}/${w.cue.subject.kind}` as const;
      q.attribution = w.sentencesSinceNamed === undefined ? found : `${found}/${w.sentencesSinceNamed}`;
    }
    // Words in quotation marks inside the reporter's own sentence, which no one in the text is said
    // to have said, are scare quotes, titles and nicknames ("Celebrity Apprentice", "self-deportation"),
    // not quotations of speech.
    if (q.fragment && !w.cue && q.speaker === null) continue;
    // "her book ''A Choice, Not an Echo''", "the album “Blue”": a title (capitalised) right after the
    // work it names. Not "called the show “the conservative news show of record”", which is speech.
    if (q.fragment && /^[\p{Lu}\p{N}]/u.test(q.text) && WORK_BEFORE.test(text.slice(Math.max(0, w.span.open - 30), w.span.open))) continue;
    // "His new memoir, “The Containable Hour,” is ...": a title set off after the work it names.
    if (q.fragment && TITLE_CASE.test(q.text.replace(/[.,]$/, '')) && WORK_SET_OFF_BEFORE.test(text.slice(Math.max(0, w.span.open - 30), w.span.open)) &&
      APPOSITIVE_GOES_ON.test(text.slice(w.span.close - 1, w.span.close + 20))) continue;
    // His “Keepin' It Real” radio program: a capitalised title right before the work it names.
    if (q.fragment && TITLE_CASE.test(q.text) && WORK_AFTER.test(text.slice(w.span.close, w.span.close + 40))) continue;
    // `the "Pose" actor`: a title that modifies a noun; `said on "Meet the Press."`: the show it was said on.
    if (q.fragment && (titleInNounPhrase(text, w.span) || (TITLE_CASE.test(q.text.replace(/[.,]$/, '')) && SAID_ON_BEFORE.test(text.slice(Math.max(0, w.span.open - 40), w.span.open))))) continue;
    // `In her 2016 book, "Margins of Error," Fontaine wrote`, `an op-ed titled "End the Fed's
    // Monopoly on Money," Graves wrote`: a short title right after the work it names, though a cue
    // follows it (the cue is for what the work says after).
    if (!q.fragment && wordCount(q.text) <= 8 && TITLE_CASE.test(q.text.replace(/[.,]$/, '')) && TITLE_OF_WORK_BEFORE.test(text.slice(Math.max(0, w.span.open - 30), w.span.open))) continue;
    // `an interview for “Dateline on Assignment” broadcast on ...`: a capitalised title as the object
    // of a preposition, with the sentence going on after it.
    if (q.fragment && TITLE_CASE.test(q.text.replace(/[.,]$/, '')) && PREPOSITION_BEFORE_TITLE.test(text.slice(Math.max(0, w.span.open - 6), w.span.open)) && SPACE_THEN_LOWER.test(text.slice(w.span.close, w.span.close + 3))) continue;
    // `a group called the “We The People Foundation”`: the name of the thing just brought in.
    if (q.fragment && TITLE_CASE.test(q.text.replace(/[.,]$/, '')) && THING_CALLED_BEFORE.test(text.slice(Math.max(0, w.span.open - 60), w.span.open))) continue;
    quotes.push(q);
  }
  return quotes;
}

const SPACE_THEN_LOWER = /^[\s\u00a0]+\p{Ll}/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/** A capitalised title in marks between a determiner and a lower-case noun: `the "Pose" actor`, `a “Today” show segment`. */
function titleInNounPhrase(text: string, span: QuoteSpan): boolean {
  return /(?:^|[\s\u00a0])(?:the|a|an)[\s\u00a0]+$/i.test(text.slice(Math.max(0, span.open - 5), span.open)) &&
    SPACE_THEN_LOWER.test(text.slice(span.close, span.close + 3)) &&
    TITLE_CASE.test(text.slice(span.start, span.end));
}

/** A preposition right before a quoted title: "for ", "on ". */
const PREPOSITION_BEFORE_TITLE = /(?:^|[\s\u00a0])(?:for|on|in|from|at)[\s\u00a0]+$/;

/** A thing brought in by an article, then "called" (or named, dubbed) and perhaps "the": "a group called the ", "an app named ". */
const THING_CALLED_BEFORE = /(?:^|[\s\u00a0])(?:[Aa]n?|[Tt]he|[Oo]ne)[\s\u00a0]+(?:[\p{L}\p{N}-]+[\s\u00a0]+){0,3}?(?:called|named|dubbed)[\s\u00a0]+(?:the[\s\u00a0]+)?$/u;

/** Words a quoted title follows: "author of ", "the book ", "titled ". */
const TITLE_BEFORE = /\b(?:of|book|film|show|series|novel|memoir|titled|entitled)[ \u00a0]*$/;
/** A work named right after its quoted title: "“Keepin' It Real” radio program", "''Morning Joe'' show". */
const WORK_AFTER = /^[ \u00a0]+(?:(?:radio|TV|television|talk|cable|news|web|online|reality|cooking|comedy|hit)[ \u00a0]+)?(?:show|program|programme|podcast|series|book|memoir|novel|album|song|single|film|movie|documentary|column|blog|newsletter|tour|host|anchor)\b/;
/**
 * Every word capitalised but small ones: "Keepin' It Real", "Law and Order". Each capitalised word
 * is read whole (the lookahead): a run of capitals ("AAAA ... x") could otherwise be split in
 * exponentially many ways before the match fails.
 */
const TITLE_CASE = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*(?![\p{L}\p{N}'’.-])[ \u00a0,:]*|(?:a|an|the|and|of|in|on|to|for|at|or|with)[ \u00a0]+)+$/u;
/** The show a thing was said on: `said on "Meet the Press"`, `told ABC's "Good Morning America"`. */
const SAID_ON_BEFORE = /\b(?:said|says|told|tells|[Aa]ppeared|[Aa]ppearing|[Ss]peaking|spoke|interview|interviewed)[ \u00a0]+(?:[\p{L}'’]+[ \u00a0]+)?(?:on|to)[ \u00a0]*$|\btold[ \u00a0]+\p{Lu}[\p{L}.]*['’]s[ \u00a0]*$|\b(?:on|host[ \u00a0]+of)[ \u00a0]+(?:(?:\p{Lu}[\p{L}.&]*[ \u00a0]+){0,2}\p{Lu}[\p{L}.&]*(?:['’]s|s['’])[ \u00a0]+)?$/u;
/** A work named before its title set off by a comma: "His new memoir, ". */
const WORK_SET_OFF_BEFORE = /\b(?:book|film|movie|novel|memoir|album|song|documentary|poem|podcast|play|single|record)s?,[ \u00a0]*$/;
/** What follows an appositive that closes: `," is`, `” was`, a comma then a lower-case word. */
const APPOSITIVE_GOES_ON = /^[,]?["”'’]*[,]?[ \u00a0]+\p{Ll}/u;
/** A work named right before its quoted title (no comma or colon between, which would open a passage of it). */
const WORK_BEFORE = /\b(?:(?:book|film|movie|show|series|novel|memoir|album|song|documentary|poem|podcast|newsletter|column|essay|play)(?:[ \u00a0]+(?:called|named))?|titled|entitled|headlined|headline)[ \u00a0]*$/;
/** A work, then perhaps a comma, right before a quoted title: "book, ", "op-ed titled ". */
const TITLE_OF_WORK_BEFORE = new RegExp(`(?:${WORK_BEFORE.source})|(?:${WORK_SET_OFF_BEFORE.source})`);

// A stop written with a space before it that cannot end a sentence: CNN/DailyMail's text breaks
// lines inside sentences as " . " ("Roger Kellet . said", "the . 61-year-old", "A . later
// message"). One before a lower-case word or a digit (as sentences.ts reads it), or after an
// article, a preposition or a title, which no sentence ends on.
const STRAY_STOP = /(?<=[\p{L}\p{N},] )\.(?= +[\p{Ll}\p{N}])|(?<=(?:^|[\s\u00a0])(?:a|an|the|of|for|and|or|to|in|on|at|by|with|from|A|An|The|Mr|Mrs|Ms|Dr) )\.(?= +\S)/gu;

/** The text with each stray stop (STRAY_STOP, strayBetweenNames) read as a space: the same length, so offsets hold. */
export function withoutStrayStops(text: string): string {
  if (!text.includes(' . ')) return text;
  return text.replace(STRAY_STOP, ' ').replace(STOP_BEFORE_CAPITAL, (stop, at: number) => (strayBetweenNames(text, at) ? ' ' : stop));
}

const STOP_BEFORE_CAPITAL = /(?<=\p{Lu}[\p{L}'’-]* )\.(?= \p{Lu})/gu;

/**
 * A stray stop between two capitalised words ("John Tully, of the Met Police . Federation, said",
 * "Richard Harrington of the Marine . Conservation Society said"): what it would end is a few words
 * since the last stop, colon or quotation mark, with no verb, so no sentence; and the word after
 * is not one that opens sentences ("And", "The", "He"). A picture caption run into the text ends
 * in a stop too, but has more words or a verb ("... poses with the creature, measuring 3ft . Richard").
 */
function strayBetweenNames(text: string, at: number): boolean {
  const next = /^ (\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(at + 1, at + 40))?.[1] ?? '';
  if (next === 'I' || STOP_WORDS.has(next.toLowerCase())) return false;
  let from = at - 1;
  while (from > 0 && at - from < 80 && !/[.!?:;\n'‘’"“”()]/.test(text[from - 1]!)) from--;
  if (from > 0 && at - from >= 80) return false;
  // "Scene: Officers outside the house in Bolton . Janet Wood said": a picture caption under a short
  // heading needs no verb; its stop is its end.
  if (text[from - 1] === ':' && CAPTION_HEADING_BEFORE.test(text.slice(Math.max(0, from - 40), from - 1))) return false;
  const words = text.slice(from, at).split(/[\s\u00a0,]+/).filter(Boolean);
  return words.length <= 6 && !words.some((w) => STARTS_LOWER.test(w) && (verbLike(w) || /ing$/.test(w)));
}

/** Between a speech verb and the quotation it introduces: a comma or colon, perhaps after whom it was told to. */
const VERB_THEN_MARK = /^(?:[\s\u00a0]+(?:him|her|them|us|me|reporters))?[\s\u00a0]*[,:][\s\u00a0]*$/;

/** The cue of the sentence right after a quotation (from `at`), whose subject is `who`. */
function sentenceAfterCue(at: number, sentence: string, who: string, kind: 'name' | 'pronoun'): Cue {
  return { text: sentence.trim(), subject: { kind, text: who, pos: at + sentence.indexOf(who) }, pos: at + sentence.search(/\S/) };
}

/** "That was Lyle, a few minutes later", "That was Gaskill's response when asked": whose the words before were. */
const THAT_WAS_NAME = /^[\s\u00a0]+(?:That|This)(?:[ \u00a0]+(?:was|is)|['’]s)[ \u00a0]+((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]+){0,3}?\p{Lu}[\p{L}-]*)(?:['’]s[ \u00a0]+(?:response|reply|answer|verdict|view|assessment|take|explanation|reaction|comment)\b|(?=[,.;:!?]|$))/u;
/** One short sentence that opens with a name (not possessive) or he/she, up to the next quotation. */
const BEAT = /^[\s\u00a0]+(?:(He|She)|((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){0,2}\p{Lu}[\p{L}-]*))(?:,|[ \u00a0]+\p{Ll})[^.!?;:"“”]{0,90}[.!?][\s\u00a0]*$/u;
/** Capitalised words that name no speaker after "That was": days, months, places of time. */
const NOT_A_SPEAKER_NAME = new RegExp(`^(?:${WEEKDAYS}|${MONTHS}|Christmas|Easter|Then|It|Him|Her)$`);
const SPACE_THEN_CAPITAL = /^[\s\u00a0]+\p{Lu}/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
function findCue(text: string, w: Working, all: Working[], paragraphs: Paragraph[], maskOf: (pi: number) => string, startsOf: (pi: number) => number[]): void {
  const { span, masked, paragraph } = w;
  const local = (abs: number) => abs - paragraph.start;
  // 0. "When someone in the audience shouted, “Cruz,” Beck joked, “Amen!”": a speech verb right
  // before the opening mark is this quote's own cue; the one after it introduces the next quote.
  const lead = masked.slice(local(w.sentenceStart), local(span.open));
  // The cue before the opening mark, read once: steps 0, 1 and 2 all ask for it.
  let leading: Cue | null | undefined;
  const ownLeadingCue = () => (leading === undefined ? (leading = leadingCue(text, lead, w.sentenceStart)) : leading);
  const leadEnd = lead.trimEnd();
  const lastVerb = leadEnd.endsWith(',') || leadEnd.endsWith(':') ? speechVerbs(lead, w.sentenceStart).pop() : undefined;
  // "telling her, “...”", "told reporters: “...”": whom the words were told to may stand between.
  if (lastVerb && VERB_THEN_MARK.test(text.slice(lastVerb.end, span.open))) {
    const cue = ownLeadingCue();
    // "''I said, 'No daylight,''' he recalled": inside a quotation, "I" is whoever the cue after it names.
    if (cue && !/^(?:I|we|you)$/i.test(cue.subject?.text ?? '')) {
      w.cue = cue;
      w.cueKind = 'leading';
      return;
    }
  }
  // 1. Right after the closing mark, up to the next quotation.
  // (A title in marks inside a noun phrase, `the "Pose" actor said`, is part of the cue, not the next quotation.)
  const nextOpen = all.find((o) => o.span.paragraph === span.paragraph && o.span.open >= span.close && !titleInNounPhrase(text, o.span))?.span.open ?? paragraph.end;
  if (!span.unclosed) {
    const seg = masked.slice(local(span.close), local(nextOpen));
    // A quotation that ends its sentence ("... Before.") before a capital starts a new sentence.
    // (Also after a quotation nested at its end: `...to help her."' Lee added: '`.)
    const newSentence = /[.!?]['"‘’“”]*$/.test(text.slice(span.start, span.end)) && SPACE_THEN_CAPITAL.test(seg);
    // `X warned that "...". A senior official said "..."`: a new sentence whose verb introduces the
    // next quote is no cue for one that has its own before it.
    const hasOwnCue = newSentence && nextOpen < paragraph.end && lead.trim() !== '' && !!ownLeadingCue();
    // `'...' Mr Dunn said in a statement: '...'`: a new sentence that ends in a colon introduces the next quote.
    const cue = (newSentence && /:[\s\u00a0]*$/.test(seg) && nextOpen < paragraph.end) || hasOwnCue ? null : trailingCue(text, seg, span.close, newSentence);
    if (cue) {
      w.cue = cue;
      w.cueKind = 'trailing';
      return;
    }
    // `"We're not going to do what Dad did." That was Lyle, a few minutes later`: a sentence that
    // says whose the quotation before it was.
    const that = newSentence && lead.trim() === '' ? THAT_WAS_NAME.exec(seg) : null;
    if (that && parseNameRun(that[1]!) && !NOT_A_SPEAKER_NAME.test(that[1]!)) {
      w.cue = sentenceAfterCue(span.close, that[0], that[1]!, 'name');
      w.cueKind = 'trailing';
      return;
    }
    // `"I heard that." Szabo, two rows over, had been listening. "I am not slower."`, `"I do not
    // sing." She paused. "I hum."`: a paragraph that opens with a quotation, then one short sentence
    // about someone, then more quotation: a feature's beat in one person's words.
    const beat = newSentence && span.open === paragraph.start && nextOpen < paragraph.end ? BEAT.exec(seg) : null;
    const beatName = beat?.[2] && !STOP_WORDS.has(beat[2].toLowerCase()) && parseNameRun(beat[2]) ? beat[2] : null;
    if (beat && (beatName || beat[1])) {
      w.cue = sentenceAfterCue(span.close, beat[0], beatName ?? beat[1]!, beatName ? 'name' : 'pronoun');
      w.cueKind = 'trailing';
      return;
    }
  }
  // 2. Before the opening mark, in the same sentence.
  if (lead.trim() !== '') {
    const cue = ownLeadingCue();
    if (cue) {
      w.cue = cue;
      w.cueKind = 'leading';
      return;
    }
    // A reporting verb before the quote that opens a clause of its own ("alleges that", "said:"),
    // with a subject we could not read.
    const verb = speechVerbs(lead, w.sentenceStart).pop();
    // Not after "to" ("as if to say"), a relative pronoun ("who added that") or a pronoun: whoever
    // that is may well be the neighbour's speaker.
    if (verb && REPORTING_AFTER_VERB.test(text.slice(verb.end, span.open + 1)) && !PARTICIPLE_VERB.test(verb.verb) &&
      !WORD_BEFORE_NEIGHBOURS_VERB.test(lead.slice(Math.max(0, verb.start - w.sentenceStart - 20), verb.start - w.sentenceStart))) w.ownUnreadCue = true;
  }
  // 3. Later in the same sentence ("... relief” to the Syrian people, Obama told the media").
  if (!span.unclosed) {
    const sentence = masked.slice(local(w.sentenceStart), local(w.sentenceEnd));
    const all = speechVerbs(sentence, w.sentenceStart);
    const verbs = all.filter((v) => v.start >= span.close);
    for (const v of verbs) {
      const before = all.filter((e) => e.start < v.start);
      const cue = cueAtVerb(text, sentence, w.sentenceStart, v, before);
      if (cue) {
        w.cue = cue;
        w.cueKind = 'later';
        return;
      }
    }
  }
  // 4a. A paragraph of quotation that the next paragraph hands to someone ("Those are the
  // words of bride-to-be Hollie Sandford", "So says Megan Tulloch", "Carol Dufresne said it while").
  if (!w.cue && !span.continuation && span.paragraph + 1 < paragraphs.length && onlyQuotation(masked)) {
    const next = paragraphs[span.paragraph + 1]!;
    const cue = wordsHandedOn(next.start, maskOf(span.paragraph + 1));
    if (cue) {
      w.cue = cue;
      w.cueKind = 'next-paragraph';
      return;
    }
  }
  // 4. A paragraph of quotation after "Caddell continued:", "Trump said:", or a last sentence that
  // names the speaker ("..., noted NBC's Dante Chinni.").
  if (span.open === paragraph.start && span.paragraph > 0 && !span.continuation) {
    const prevIndex = span.paragraph - 1;
    const prev = paragraphs[prevIndex]!;
    const quotesBefore = all.some((o) => o.span.paragraph === prevIndex);
    if (text[prev.end - 1] === ':' || (!quotesBefore && onlyQuotation(masked))) {
      const prevMasked = maskOf(prevIndex);
      const starts = startsOf(prevIndex);
      const from = starts[starts.length - 1] ?? prev.start;
      const cue = leadingCue(text, prevMasked.slice(from - prev.start), from);
      if (cue) {
        w.cue = cue;
        w.cueKind = 'previous-paragraph';
      }
    }
  }
  // 5. A quotation that opens its sentence, right after a sentence of the same paragraph that
  // reports a named person's words and quotes nothing ("The tuft cell, Herbert said, is always
  // sensing ... . 'Once ...'"): that person goes on, as after a quote of theirs.
  if (!w.cue && !w.ownUnreadCue && !span.continuation && w.sentenceStart > paragraph.start && masked.slice(local(w.sentenceStart), local(span.open)).trim() === '') {
    w.cue = reportInSentenceBefore(text, w, all, startsOf(span.paragraph));
    if (w.cue) w.cueKind = 'previous-sentence';
  }
}

/**
 * The cue of a paragraph that opens by saying whose the quotation before it was: "Those are the
 * words of bride-to-be Hollie Sandford", "So says Megan Tulloch, one of ...", "Carol Dufresne said
 * it while ...". A feature's opening; hand-written, as no package reads it.
 */
function wordsHandedOn(start: number, masked: string): Cue | null {
  const opening = WORDS_OF.exec(masked) ?? SO_SAYS.exec(masked);
  if (opening) {
    const subject = subjectAfter(masked.slice(opening[0].length), start + opening[0].length);
    return subject && subject.kind !== 'pronoun' ? { text: `${opening[0].trim()} ${subject.text}`, subject, pos: start } : null;
  }
  const said = SAID_IT.exec(masked);
  if (!said) return null;
  return { text: said[0].trim(), subject: { kind: 'name', text: said[1]!, pos: start + said[0].indexOf(said[1]!) }, pos: start };
}
const WORDS_OF = /^[\s\u00a0]*(?:Those|These|They)[ \u00a0]+(?:are|were)[ \u00a0]+the[ \u00a0]+words[ \u00a0]+of[ \u00a0]+/;
const SO_SAYS = /^[\s\u00a0]*So[ \u00a0]+(?:says|said)[ \u00a0]+/;
const SAID_IT = /^[\s\u00a0]*(\p{Lu}[\p{L}'’-]+(?:[ \u00a0]\p{Lu}[\p{L}'’-]+){1,2})[ \u00a0]+(?:said|says)[ \u00a0]+(?:it|this|that)\b/u;

/** The cue of the sentence before w's, in its paragraph, when a plain reporting verb there has a named subject and the sentence holds no quotation. */
function reportInSentenceBefore(text: string, w: Working, all: Working[], starts: number[]): Cue | null {
  const { masked, paragraph } = w;
  const from = [...starts].reverse().find((s) => s < w.sentenceStart) ?? paragraph.start;
  if (all.some((o) => o.span.paragraph === w.span.paragraph && o.span.open >= from && o.span.open < w.sentenceStart)) return null;
  const sentence = masked.slice(from - paragraph.start, w.sentenceStart - paragraph.start);
  const verbs = speechVerbs(sentence, from);
  for (let k = verbs.length - 1; k >= 0; k--) {
    if (!REPORTS_WORDS.test(verbs[k]!.verb) && !RECOUNTS.test(verbs[k]!.verb)) continue;
    const cue = cueAtVerb(text, sentence, from, verbs[k]!, verbs.slice(0, k));
    return cue?.subject?.kind === 'name' ? cue : null;
  }
  return null;
}

/** After a reporting verb: "that ... '", ": '", ", '", "after Ray brought her home: '" (a quote it introduces). */
const REPORTING_AFTER_VERB = /^(?:[\s\u00a0]+that\b[^.!?;]*|[\s\u00a0]*[:,][\s\u00a0]*|[\s\u00a0][^.!?;:,'‘’"“”]{1,80}:[\s\u00a0]*)['‘"“]$/u;
const PARTICIPLE_VERB = /ing$/;
const WORD_BEFORE_NEIGHBOURS_VERB = /(?:^|[\s\u00a0])(?:to|who|which|that|he|she|they|it|we|I|also|then)[\s\u00a0]+(?:\p{Ll}+ly[\s\u00a0]+)?$/u;

const REPORTS_WORDS = /^(?:said|says|told|tells|added|adds|wrote|writes|explained|explains)$/i;
/** Verbs that open someone's own account or answer, which the quotation after them goes on with: "Sarah Lee described the moment the wave hit. '...'", "Senator Rand Paul disagreed. '...'" */
const RECOUNTS = /^(?:recalled|recalls|recounted|recounts|described|describes|disagreed|disagrees)$/i;

/**
 * The cue of a sentence between two quotes of one paragraph whose verb reports the words of a named
 * person other than the earlier quote's speaker, or null.
 */
function reporterBetween(text: string, prev: Working, w: Working): Cue | null {
  const from = Math.max(prev.span.close, prev.cue!.pos + prev.cue!.text.length);
  if (w.span.open - from < 12) return null;
  const between = w.masked.slice(from - w.paragraph.start, w.span.open - w.paragraph.start);
  const verbs = speechVerbs(between, from);
  for (let k = verbs.length - 1; k >= 0; k--) {
    // Plain reporting verbs only ("attacked", "claimed" report opinions, not the words quoted next),
    // with their own subject (not one shared with an earlier verb: "X ... claimed").
    if (!REPORTS_WORDS.test(verbs[k]!.verb)) continue;
    const cue = cueAtVerb(text, between, from, verbs[k]!, verbs.slice(0, k));
    if (!cue?.subject) continue;
    return cue.subject.kind === 'name' && !cue.text.includes(' ... ') && cue.subject.text !== prev.cue!.subject?.text ? cue : null;
  }
  return null;
}

/**
 * '"Kieran was the funniest person I have ever known," Mr Lusted said': no one speaks of themselves
 * by their first name. When a surname alone (with or without a title) was read as the one the
 * quotation names, and one other person of that surname and gender, named before, is not named in
 * it, that one speaks (a relative the article brings in later is not yet who "Mr Lusted" means).
 * The quotation is the one the context is resolving; `before` is where it or its cue begins.
 */
function namesakeNotSpokenOf(person: Person, subject: { kind: string; text: string }, before: number, ctx: ResolveContext): Person | null {
  const { quotation } = ctx;
  if (subject.kind !== 'name' || person.nameTokens.length < 2 || !spokenOf(person, quotation)) return null;
  const parsed = parseNameRun(subject.text);
  if (parsed?.tokens.length !== 1) return null;
  const gender = parsed.gender ?? personGender(person);
  const namedBefore = (p: Person) => ctx.index.mentions.some((m) => m.person === p && m.start < before);
  const others = ctx.index.people.filter((p) => p !== person && p.surname === person.surname && p.nameTokens.length > 1 && (!gender || personGender(p) === gender) && !spokenOf(p, quotation) && namedBefore(p));
  return others.length === 1 ? others[0]! : null;
}


/** Quotes without their own cue take one from their neighbours. */
function inheritCues(text: string, work: Working[]): void {
  // Pieces of one multi-paragraph quotation share the first cue found among them.
  const byGroup = new Map<number, Working[]>();
  for (const w of work) byGroup.set(w.span.group, [...(byGroup.get(w.span.group) ?? []), w]);
  for (const pieces of byGroup.values()) {
    const withCue = pieces.find((p) => p.cue);
    if (!withCue) continue;
    for (const p of pieces) if (!p.cue && !p.ownUnreadCue) { p.cue = withCue.cue; p.cueKind = 'inherited'; }
  }
  for (let i = 0; i < work.length; i++) {
    const w = work[i]!;
    if (w.cue || w.ownUnreadCue) continue;
    const next = work[i + 1];
    const prev = work[i - 1];
    // `"A." "B," he said.`: nothing but punctuation between this quote and the next one that has a cue.
    if (next?.cue && next.span.paragraph === w.span.paragraph && next.cueKind !== 'inherited' &&
      w.masked.slice(w.span.close - w.paragraph.start, next.span.open - w.paragraph.start).trim().replace(/[.,;:—–-]/g, '') === '') {
      w.cue = next.cue; w.cueKind = 'inherited';
      continue;
    }
    // `"A," he said. "B."`: the speaker goes on in the same paragraph, unless a sentence between
    // reports someone else's words ("Richard Barradell, defending, said the couple ... it became
    // clear 'things were getting to him'"): then that person goes on.
    if (prev?.cue && prev.span.paragraph === w.span.paragraph) {
      const reporter = reporterBetween(text, prev, w);
      if (!reporter && wovenIntoOthers(prev, w)) continue;
      w.cue = reporter ?? prev.cue; w.cueKind = 'inherited';
      continue;
    }
    // A paragraph of nothing but quotation, right after a paragraph whose last quotation has a cue:
    // news writing leaves the attribution out when the same speaker goes on.
    if (prev?.cue && prev.span.paragraph === w.span.paragraph - 1 && w.span.open === w.paragraph.start && onlyQuotation(w.masked)) {
      // Unless it is an exchange of questions and answers, one paragraph each: '"Did you call
      // her?" Goldberg asked. / "No," Moretti said. / "Did you call the office?"' goes back to the
      // one asking, and the answer after that to the one answering.
      const before = work[i - 2];
      const exchange = before?.cue && before.cue !== prev.cue && before.span.paragraph === prev.span.paragraph - 1 && (asks(text, before) || asks(text, prev));
      w.cue = exchange && asks(text, w) !== asks(text, prev) ? before.cue : prev.cue;
      w.cueKind = 'inherited';
    }
  }
  void text;
}

/** Whether a quotation ends with a question mark. */
function asks(text: string, w: Working): boolean {
  return /\?[\s"”'’)\]]*$/.test(text.slice(w.span.start, w.span.end));
}

/** A pronoun that can stand for the speaker of the quote before ("her" is left out: it is as often the object). */
const REFERS_BACK = /\b(?:he|she|his|him|they|their|them)\b/i;

/**
 * A cue-less quote woven into a narration sentence of four words or more, after the previous
 * quote's sentence, whose narration neither names that quote's speaker nor refers back with a
 * pronoun ("Lammily also looks at magazines which ask her '...'", "a page was set up by the
 * women to fly him to LA for '...'"): the words belong to someone that sentence is about, not to
 * whoever spoke before. Weak evidence for the neighbour's speaker, so no speaker.
 */
function wovenIntoOthers(prev: Working, w: Working): boolean {
  if (w.sentenceStart < prev.span.close) return false;
  const lead = w.masked.slice(w.sentenceStart - w.paragraph.start, w.span.open - w.paragraph.start).trim();
  if (wordCount(lead) < 4 || /[,:]$/.test(lead) || REFERS_BACK.test(lead)) return false;
  const words = new Set(lead.split(/[^\p{L}\p{N}'’-]+/u));
  return !(prev.cue!.subject?.text ?? '').split(/[\s\u00a0]+/).some((t) => STARTS_UPPER.test(t) && t.length > 1 && words.has(t));
}

/** A masked paragraph with no words of the reporter's own: quotations and punctuation only. */
function onlyQuotation(masked: string): boolean {
  return !/[\p{L}\p{N}]/u.test(masked.replace(/(?:^|\s)Q(?=\s|$|[.,;:!?])/g, ' '));
}

const WORD_WITH_LETTER = /\S*[\p{L}\p{N}]\S*/gu;

/** Whitespace-separated words with a letter or digit: s.split(/\s+/).filter(has a letter or digit).length. */
function wordCount(s: string): number {
  return s.match(WORD_WITH_LETTER)?.length ?? 0;
}

/** A fragment is a short quotation woven into the reporter's own sentence. */
function isFragment(text: string, w: Working): boolean {
  const { span, masked, paragraph } = w;
  const words = wordCount(text.slice(span.start, span.end));
  const before = masked.slice(w.sentenceStart - paragraph.start, span.open - paragraph.start).trim();
  const startsStatement = before === '' || /[:,]$/.test(before) || span.continuation || span.open <= paragraph.start;
  const after = masked.slice(span.close - paragraph.start, w.sentenceEnd - paragraph.start).trim();
  const endsSentence = after === '' || /^[.!?]/.test(after) || span.unclosed || /^[―—–-]/.test(after);
  const followedByCue = w.cueKind === 'trailing';
  if (startsStatement && (endsSentence || followedByCue || words >= 8)) return false;
  if (followedByCue && words >= 6) return false;
  return words < 15;
}
