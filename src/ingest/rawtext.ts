// Plain text -> article. Two inputs: an article as a naive scraper delivers it (site
// furniture on top, a dateline, the headline, the body), and whole-page visible text
// (menus, footers, cookie notices, related links left in) from which the body is kept.
// Hand-written line classification: the npm boilerplate removers all work on HTML, and
// none cleans plain text. The line rules are shared with page.ts, which applies them to
// Readability's output.
import type { ArticleDraft } from '../model.ts';

/** Runs of whitespace -> one space; /\s+/ would also replace every lone space, 3x slower. */
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** Words in a line whose whitespace is already collapsed: line.split(' ').length without the array. */
function spaceSeparatedWords(line: string): number {
  let words = 1;
  for (let at = line.indexOf(' '); at >= 0; at = line.indexOf(' ', at + 1)) words++;
  return words;
}

/** Lines that are page furniture whatever the markup: datelines, credits, calls to action. */
const BOILERPLATE_LINES: RegExp[] = [
  /^\|?\s*(?:updated|published|posted|first published|last updated|modified)\b.{0,60}$/i,
  /^by [^.!?]{2,60}$/i,
  /^\[?(?:read more|related(?: post| news| articles?| stories)?|see more|see also|also(?: on [\w.]+)?|more|don'?t miss|recommended|watch|listen|filed under|tags|topics|categories|posted in)\s*:/i,
  /^(?:you may also like|you might also like|more stories|recent articles|popular this week|latest news|breaking news|trending|related(?: posts?| news| articles| stories)?|more great [\w ]{1,20} stories|about the author|loading(?: content)?|advert(?:isement)?|comments?|share|tweet|email|print|subscribe|sign (?:in|up)|skip to (?:main )?content|close|caption|home)\W*$/i,
  /^(?:image|photo|picture|video) (?:copyright|caption|credit)\b/i,
  /^\(?(?:image|photo|picture|credit|source|foto|фото)s?(?: credit)?\s*:[^.]{0,80}\)?$/i,
  /^credit\.\.\./i,
  /^(?:image )?\d+ of \/? ?\d+$/i,
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b/i,
  /\bcontributed (?:to )?(?:this )?report(?:ing)?\.?$/i,
  /^(?:copyright|©)/i,
];
const CALL_TO_ACTION =
  /\b(?:subscribe|sign up|newsletters?|follow (?:us|him|her|them) on|click here|uses cookies|share (?:it|this)|affiliate)\b|\bfollow\b.{0,40}\bon (?:twitter|facebook|instagram)/i;
// A short line that ends with a photo credit in brackets is a caption.
const CAPTION_CREDIT = /\((?:[^()]*\b(?:photo|image|getty|reuters|afp|ap|epa|shutterstock)\b[^()]*)\)\s*$/i;
const PHOTO_AGENCY = /\b(?:getty images|shutterstock|ap photo|afp|reuters|epa)\b/i;
const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(?:am|pm|a\.m\.|p\.m\.|utc|gmt|est|edt|pst|pdt|cet|bst|ist)\b|\d+(?:[:./-]\d+)*|[,|/:–-]/gi;

// Both alternatives need the word "cookie": a plain substring test rules most lines out cheaply.
const MAY_BE_COOKIE_NOTICE = /cookie/i;
const COOKIE_NOTICE = /\bcookies?\b.*\b(?:website|browser|consent|experience|privacy)\b|\b(?:website|browser|consent|experience|privacy)\b.*\bcookies?\b/i;

export function isBoilerplateLine(line: string): boolean {
  if (BOILERPLATE_LINES.some((pattern) => pattern.test(line))) return true;
  if (MAY_BE_COOKIE_NOTICE.test(line) && COOKIE_NOTICE.test(line)) return true;
  if (line.length < 200 && CALL_TO_ACTION.test(line)) return true;
  if (line.length < 300 && CAPTION_CREDIT.test(line)) return true;
  if (line.length < 60 && PHOTO_AGENCY.test(line) && !/[.!?]$/.test(line)) return true;
  return line.length < 60 && /\d/.test(line) && isDateLine(line);
}

/** A line that is a date or time and at most one other word ("Tempo de leitura" and the like keep it). */
function isDateLine(line: string): boolean {
  const rest = line.replace(DATE_WORDS, ' ').trim();
  return rest.split(/\s+/).filter(Boolean).length <= 1;
}

// ---------------------------------------------------------------------------------------
// Whole-page text -> article body.

interface LineFacts {
  text: string;
  chars: number;
  words: number;
  /** Reads like running prose: long enough and with sentence punctuation. */
  prose: boolean;
}

/** Characters of a CJK line count like words elsewhere; this converts them to a word-like count. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/;

function describe(text: string): LineFacts {
  const chars = text.replace(/\s+/g, '').length;
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.split(/\s+/).filter(Boolean).length + Math.floor(cjk / 2);
  const prose = !isBoilerplateLine(text) && ((words >= 10 && SENTENCE_END.test(text)) || words >= 25 || (words >= 6 && /[.!?。]\s+\S/.test(text) && SENTENCE_END.test(text)));
  return { text, chars, words, prose };
}

/** Most non-prose lines between two prose lines that still belong to one article (sub-headings, a photo credit). */
const MAX_GAP_LINES = 4;

/**
 * The article body in a page's visible text: the run of prose lines with the most text,
 * allowing short gaps (sub-headings, captions), minus boilerplate lines inside it.
 */
export function cleanPageText(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.replace(WHITESPACE_TO_COLLAPSE, ' ').trim()).filter(Boolean).map(describe);
  const runs = proseRuns(lines);
  const headline = headlineIndex(lines);
  // The article starts soon after its headline; comments and teasers with as much prose do not.
  const weight = (run: Run): number => run.proseChars * (headline !== -1 && run.start > headline && run.start - headline <= HEADLINE_REACH ? 3 : 1);
  const best = runs.reduce<Run | undefined>((top, run) => (top === undefined || weight(run) > weight(top) ? run : top), undefined);
  if (best === undefined) return '';
  const kept: string[] = [];
  for (let i = best.start; i <= best.end; i++) {
    const line = lines[i]!;
    if (line.prose || !isBoilerplateLine(line.text)) kept.push(line.text);
  }
  return kept.join('\n\n');
}

/** How many lines after the headline the body may start (bylines, dates, share bars come between). */
const HEADLINE_REACH = 15;

/**
 * Where the headline is: the first later line that repeats the page title (the first line
 * of page text, usually the <title>), without its " - Site Name" part. -1 when not found.
 */
function headlineIndex(lines: LineFacts[]): number {
  const title = lines[0]?.text;
  if (!title) return -1;
  const core = title.split(/\s+[|\-–—:·•»]\s+/).reduce((a, b) => (b.length > a.length ? b : a), '').toLowerCase();
  if (core.length < 12) return -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.text.toLowerCase();
    if (line.length >= 12 && line.length <= core.length * 2 && (line.includes(core) || core.includes(line))) return i;
  }
  return -1;
}

interface Run {
  start: number;
  end: number;
  proseChars: number;
}

function proseRuns(lines: LineFacts[]): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  let gap = 0;
  lines.forEach((line, index) => {
    if (line.prose) {
      if (current && gap <= MAX_GAP_LINES) {
        current.end = index;
        current.proseChars += line.chars;
      } else {
        current = { start: index, end: index, proseChars: line.chars };
        runs.push(current);
      }
      gap = 0;
    } else gap++;
  });
  return runs;
}

// ---------------------------------------------------------------------------------------
// A scraped article -> title, dateline, sub-headings, paragraphs.

/** How many lines from the top the headline and dateline are looked for. */
const HEADER_LINES = 8;

export interface ParseRawTextOptions {
  url?: string;
}

/**
 * Article fields from a plain-text article: furniture lines on top are dropped, the first
 * dateline gives `published`, the first headline-like line the title; short lines in the
 * body without closing punctuation are sub-headings, kept apart from the paragraphs.
 */
export function parseRawText(text: string, options: ParseRawTextOptions = {}): ArticleDraft {
  const lines = text.split(/\r?\n/).map((line) => line.replace(WHITESPACE_TO_COLLAPSE, ' ').trim()).filter(Boolean);
  let title: string | undefined;
  let published: string | undefined;
  let bodyStart = 0;
  for (let i = 0; i < Math.min(lines.length, HEADER_LINES); i++) {
    const line = lines[i]!;
    const date = parseDateline(line);
    if (date !== undefined) {
      published ??= date;
      bodyStart = i + 1;
    } else if (isMenuLine(line) || isBoilerplateLine(line)) {
      if (title === undefined) bodyStart = i + 1;
    } else if (title === undefined && isHeadlineLike(line)) {
      title = line;
      bodyStart = i + 1;
    } else break;
  }
  const subheadings: string[] = [];
  const paragraphs: string[] = [];
  for (const line of lines.slice(bodyStart)) {
    if (isBoilerplateLine(line)) continue;
    if (paragraphs.length > 0 && isSubheading(line)) subheadings.push(line);
    else paragraphs.push(line);
  }
  const article: ArticleDraft = { title: title ?? paragraphs[0]?.slice(0, 120) ?? '', text: paragraphs.join('\n\n') };
  if (published) article.published = published;
  if (subheadings.length > 0) article.subheadings = subheadings;
  if (options.url) article.url = options.url;
  return article;
}

/** Site furniture flattened to one line: icon names, menus. Many words and no punctuation at all. */
function isMenuLine(line: string): boolean {
  const words = spaceSeparatedWords(line);
  return words >= 8 && !/[.,!?;:"“”'‘’()]/.test(line);
}

function isHeadlineLike(line: string): boolean {
  const words = spaceSeparatedWords(line);
  return words >= 2 && words <= 30 && line.length <= 250 && !/[.;,]$/.test(line);
}

/** A short line in the body that does not end like a sentence ("'To normalize relations, ...'", "What happens next"). */
function isSubheading(line: string): boolean {
  if (line.length > 160 || spaceSeparatedWords(line) > 20) return false;
  const unquoted = line.replace(/["'“”‘’«»]+$/, '');
  return !/[.!?:;,…]$/.test(unquoted);
}

// ---------------------------------------------------------------------------------------
// Datelines.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** Offsets of the zone names datelines use; a time without a zone is taken as UTC. */
const ZONE_HOURS: Record<string, number> = {
  utc: 0, gmt: 0, z: 0, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7, bst: 1, cet: 1, cest: 2, msk: 3,
};
const TIME = String.raw`(?:[,\s]+(?:at\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap])?\.?m?\.?)?(?:\s*\(?([a-z]{1,4}|[+-]\d{2}:?\d{2})\)?)?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})${TIME}`, 'i');
const MONTH_DAY_YEAR = new RegExp(String.raw`^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}`, 'i');
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[a-z]{3,4})?/i;
const DATELINE_PREFIX = /^(?:updated|published|posted|last updated|first published|date)\s*:?\s*(?:on\s+)?/i;
const WEEKDAY_PREFIX = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;

/**
 * The time a dateline line states, as ISO 8601 UTC, or undefined when the line is not a
 * dateline. Accepts "5 Sep, 2016 14:12", "September 5, 2016", "Sep. 5, 2016 2:12 PM EST",
 * "2016-09-05 14:12", "Updated: Monday, 5 September 2016". A time without a zone is UTC.
 */
export function parseDateline(line: string): string | undefined {
  const text = line.trim().replace(DATELINE_PREFIX, '').replace(WEEKDAY_PREFIX, '');
  let match = text.match(ISO_LIKE);
  if (match) {
    const [whole, y, mo, d, h, mi, se, zone] = match;
    return finish(whole, Number(y), Number(mo), Number(d), h, mi, se, undefined, zone);
  }
  match = text.match(DAY_MONTH_YEAR);
  if (match) {
    const [whole, d, monthName, y, h, mi, se, half, zone] = match;
    return finish(whole, Number(y), MONTHS[monthName!.slice(0, 3).toLowerCase()] ?? 0, Number(d), h, mi, se, half, zone, monthName);
  }
  match = text.match(MONTH_DAY_YEAR);
  if (match) {
    const [whole, monthName, d, y, h, mi, se, half, zone] = match;
    return finish(whole, Number(y), MONTHS[monthName!.slice(0, 3).toLowerCase()] ?? 0, Number(d), h, mi, se, half, zone, monthName);
  }
  return undefined;

  function finish(
    whole: string, year: number, month: number, day: number,
    hour?: string, minute?: string, second?: string, half?: string, zone?: string, monthName?: string,
  ): string | undefined {
    // Only a line that is (nearly) all date is a dateline: "5 Sep, 2016 14:12 | RT" yes, a sentence no.
    if (text.length - whole.length > 20) return undefined;
    if (monthName !== undefined && !(monthName.slice(0, 3).toLowerCase() in MONTHS)) return undefined;
    let h = hour === undefined ? 0 : Number(hour);
    if (half?.toLowerCase() === 'p' && h < 12) h += 12;
    if (half?.toLowerCase() === 'a' && h === 12) h = 0;
    const offsetMinutes = zoneOffsetMinutes(zone);
    if (offsetMinutes === null) return undefined;
    const time = Date.UTC(year, month - 1, day, h, minute === undefined ? 0 : Number(minute), second === undefined ? 0 : Number(second));
    const date = new Date(time - offsetMinutes * 60_000);
    // Date.UTC rolls over impossible dates (31 Feb); such a line is not a date.
    if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || new Date(time).getUTCDate() !== day) return undefined;
    return date.toISOString();
  }
}

/** Minutes east of UTC for a zone name or offset; 0 for none; null for a word that is not a zone. */
function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  const offset = zone.match(/^([+-])(\d{2}):?(\d{2})$/);
  if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  const hours = ZONE_HOURS[zone.toLowerCase()];
  // An unknown word after the date ("5 Sep, 2016 14:12 RT") is not a zone: the time stays UTC.
  return hours === undefined ? 0 : hours * 60;
}
