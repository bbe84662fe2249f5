// Where the article is in a page's plain text: a scraper's dump of a whole page keeps the
// menus, share bars, related links, comments and footer around the body. Each line is
// classified from its own features (length, sentence punctuation, page-furniture patterns,
// repetition), then revised by its neighbours as jusText does, and the body is the block
// with the most prose for the furniture it takes in (body text extraction, Finn et al. 2001).
// Hand-written: the npm boilerplate removers (Readability, article-extractor, trafilatura
// ports) all need the HTML, and none cleans text that has lost its markup.
import { isBoilerplateLine } from './boilerplate.ts';

/**
 * - prose: running text, a paragraph of the article or of something else;
 * - sentence: a short line that still ends like a sentence ("He declined to comment.");
 * - short: a label, a heading, a menu or list item, a caption without a full stop;
 * - furniture: never article text (datelines, credits, share bars, cookie notices).
 */
export type LineKind = 'prose' | 'sentence' | 'short' | 'furniture';

export interface PageLine {
  text: string;
  /** Words; CJK text, written without spaces, counts one word per two characters. */
  words: number;
  kind: LineKind;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
/** Most lines are ASCII: one test spares them the CJK count. */
const NON_ASCII = /[^\x00-\x7f]/;
/** Sentence-final punctuation, before closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/;
/** A teaser cut off mid-sentence ("Microsoft is now offering a deal on its Surface Go th..."). */
const TRUNCATED = /[\p{L}\p{N}](?:\.{3}|…)$/u;
/** A numbered item ("3) Blade Runner", "2. Ted Cruz"): like a short sentence, it belongs to the prose around it. */
const LIST_ITEM = /^\d{1,2}[.)]\s+\S/;
const LETTER = /\p{L}/u;
/** Where one sentence ends and the next begins inside a (trimmed) line. */
const SENTENCE_BREAK = /[.!?。！？]["'”’»)\]]*\s+/;
const FINAL_STOP = /[.!?。！？]["'”’»)\]]*$/;
/** Shorter sentences ("Yes.", "He said no.") repeat in any article. */
const MIN_REPEAT_CHARS = 20;
const ANY_PUNCTUATION = /[.,;:!?。，、！？]/;

/**
 * Each line's facts; `texts` must be trimmed with their whitespace collapsed to single spaces.
 * A paragraph whose sentences the page has mostly shown already weighs no more than a short
 * sentence: pages repeat their teasers, summaries and whole articles (in a meta description,
 * a print copy); an article seldom repeats itself (an interview its questions, in full).
 */
export function describeLines(texts: string[]): PageLine[] {
  const seen = new Set<string>();
  return texts.map((text) => {
    const line = describeLine(text);
    let repeated = 0;
    const sentences = text.split(SENTENCE_BREAK);
    // The split drops the stops between sentences; the last one's goes too, so all compare alike.
    sentences.push(sentences.pop()!.replace(FINAL_STOP, ''));
    for (const sentence of sentences) {
      if (sentence.length < MIN_REPEAT_CHARS) continue;
      if (seen.has(sentence)) repeated += sentence.length;
      else seen.add(sentence);
    }
    if (line.kind === 'prose' && repeated * 2 >= text.length) line.kind = 'sentence';
    return line;
  });
}

function describeLine(text: string): PageLine {
  let spaces = 0;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) spaces++;
  const words = spaces + 1 + (NON_ASCII.test(text) ? Math.floor((text.match(CJK)?.length ?? 0) / 2) : 0);
  return { text, words, kind: kindOf(text, words) };
}

function kindOf(text: string, words: number): LineKind {
  const ends = SENTENCE_END.test(text) && !TRUNCATED.test(text);
  if (isBoilerplateLine(text) || isMenuLine(text, words)) return 'furniture';
  if ((words >= 10 && ends) || (words >= 25 && ANY_PUNCTUATION.test(text)) || (words >= 6 && ends && SENTENCE_BREAK.test(text))) return 'prose';
  if ((words >= 3 && ends) || LIST_ITEM.test(text)) return 'sentence';
  return 'short';
}

/**
 * Site furniture flattened to one line: icon names, menus. Many words and no punctuation at
 * all (`minWords` 25 leaves headlines and list items to their context).
 */
export function isMenuLine(text: string, words: number, minWords = 25): boolean {
  return words >= minWords && !/[.,!?;:"“”'‘’()。，、]/.test(text);
}

// ---------------------------------------------------------------------------------------
// The body block.

export interface BodyBlock {
  /** First and last line of the body (inclusive). */
  start: number;
  end: number;
  /** Index of the headline line (the page title repeated above the body), -1 when not found. */
  headline: number;
  /** Per line of the page: article text by its own features and its neighbours'. */
  isBody: boolean[];
}

// The weights below were tuned on the tuning half of the extraction benchmark's pages
// (eval/extraction.ts); each sits in a plateau of equal scores, not on a peak.
/**
 * What one line outside the article costs a block, in words of prose: a block takes in a
 * share bar or a caption between two stretches of article, not a comment section or a list
 * of teasers, where every paragraph comes with its own name, date or title.
 */
const GAP_COST = 50;
/**
 * What a short line in the article's context costs: next to prose it is a sub-heading or a
 * list item (jusText keeps it), but runs of them between paragraphs are teasers' titles. Also
 * the cost of weak furniture: a line alone between article lines, or one without a letter.
 */
const SHORT_COST = 10;
/** How many lines below the headline the article's first paragraph may be (bylines, dates, share bars come between). */
const HEADLINE_REACH = 15;
/** The block that starts at the article's first paragraph wins unless another has this many times its weight. */
const HEADLINE_BONUS = 3;

/**
 * The article body among a page's lines: the block with the most words of prose, less what
 * its other lines cost (a maximum-sum segment, as in Finn et al.'s body text extraction),
 * favouring a block that starts just after the headline.
 * Undefined when the text has no prose at all.
 */
export function findBody(lines: PageLine[]): BodyBlock | undefined {
  const headline = headlineIndex(lines);
  const isBody = inContext(lines);
  const score = lines.map((line, i) => {
    if (line.kind === 'prose') return line.words;
    if (isBody[i]) return line.kind === 'short' ? -SHORT_COST : 0;
    // Weak evidence of furniture: a line alone between article lines (an "Advertisement", a
    // "Read more: ..." link, a photo credit), or a line without a letter (a counter, an item number).
    const alone = isBody[i - 1] !== false && isBody[i + 1] !== false;
    return alone || !LETTER.test(line.text) ? -SHORT_COST : -GAP_COST;
  });
  // The best block starting at each line, from the end: its sum and where it ends.
  const sum: number[] = new Array(lines.length);
  const end: number[] = new Array(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) {
    const goOn = i + 1 < lines.length && sum[i + 1]! > 0;
    sum[i] = score[i]! + (goOn ? sum[i + 1]! : 0);
    end[i] = goOn ? end[i + 1]! : i;
  }
  // The article's first paragraph: the first prose line after the headline, unless too far below it.
  const firstAfterHeadline = headline === -1 ? -1 : lines.findIndex((line, i) => i > headline && line.kind === 'prose');
  const nearHeadline = (i: number): boolean => i === firstAfterHeadline && i - headline <= HEADLINE_REACH;
  let best = -1;
  let bestWeight = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.kind !== 'prose') continue;
    const weight = sum[i]! * (nearHeadline(i) ? HEADLINE_BONUS : 1);
    if (weight > bestWeight) {
      best = i;
      bestWeight = weight;
    }
  }
  if (best === -1) return undefined;
  // A one-sentence first paragraph right above ("Ruth Bader Ginsburg regrets her insults of Donald
  // Trump.") is the lede, not header, when a line for the title stays above it.
  const lede = best - 1;
  if (lede > headline && lede > 0 && lines[lede]!.kind === 'sentence' && isBody[lede] && lines.slice(0, lede).some((line) => line.kind !== 'furniture')) best = lede;
  // Body lines right after the last prose line belong to it (a closing list, a last short sentence).
  let last = end[best]!;
  while (last + 1 < lines.length && isBody[last + 1]) last++;
  return { start: best, end: last, headline, isBody };
}

/**
 * Whether each line is article text judging by its neighbours, as jusText revises its
 * classes: prose is; furniture is not; a short sentence is unless both sides are furniture; a
 * short line is right before prose (a heading), when the nearest prose-or-furniture lines on
 * both sides are prose (a list between paragraphs), and when one side is prose and a short
 * sentence stands between it and the furniture. The start and end of the text count as furniture.
 */
function inContext(lines: PageLine[]): boolean[] {
  // Nearest class on each side, skipping short lines (strict) or short lines and sentences (loose).
  type Side = 'prose' | 'furniture';
  const n = lines.length;
  const before: Side[] = new Array(n);
  const beforeStrict: (Side | 'sentence')[] = new Array(n);
  const after: Side[] = new Array(n);
  const afterStrict: (Side | 'sentence')[] = new Array(n);
  let loose: Side = 'furniture';
  let strict: Side | 'sentence' = 'furniture';
  for (let i = 0; i < n; i++) {
    before[i] = loose;
    beforeStrict[i] = strict;
    const kind = lines[i]!.kind;
    if (kind === 'prose' || kind === 'furniture') loose = strict = kind;
    else if (kind === 'sentence') strict = kind;
  }
  loose = strict = 'furniture';
  for (let i = n - 1; i >= 0; i--) {
    after[i] = loose;
    afterStrict[i] = strict;
    const kind = lines[i]!.kind;
    if (kind === 'prose' || kind === 'furniture') loose = strict = kind;
    else if (kind === 'sentence') strict = kind;
  }
  return lines.map((line, i) => {
    switch (line.kind) {
      case 'prose':
        return true;
      case 'furniture':
        return false;
      case 'sentence':
        return before[i] === 'prose' || after[i] === 'prose';
      case 'short':
        // A heading: jusText keeps an <h> element that a paragraph follows; here, a short line right before prose.
        if (lines[i + 1]?.kind === 'prose') return true;
        if (before[i] === after[i]) return before[i] === 'prose';
        return (before[i] === 'furniture' && beforeStrict[i] === 'sentence') || (after[i] === 'furniture' && afterStrict[i] === 'sentence');
      default:
        return false;
    }
  });
}

/** Lower case, one kind of quote mark: a headline and its <title> differ in such details. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”«»„]/g, '"');
}

/**
 * Where the headline is: the first later line that repeats the page title (the first line
 * of a page's text is usually its <title>) without its " - Site Name" part, or most of it.
 * -1 when not found.
 */
function headlineIndex(lines: PageLine[]): number {
  const title = lines[0]?.text;
  if (!title) return -1;
  const core = comparable(title.split(/\s+[|\-–—:·•»]\s+/).reduce((a, b) => (b.length > a.length ? b : a), ''));
  if (core.length < 12) return -1;
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.length < 12 || text.length < core.length * 0.6 || text.length > core.length * 2) continue;
    const line = comparable(text);
    if (line.includes(core) || core.includes(line)) return i;
  }
  return -1;
}
