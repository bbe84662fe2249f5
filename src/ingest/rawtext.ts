// Plain text -> article. Two inputs, one path: an article as a naive scraper delivers it (site
// furniture on top, a dateline, the headline, the body) and a whole page's visible text
// (menus, share bars, related links, comments and footer around the body). The body is found
// by text-body.ts; the title and dateline are read from the lines above it.
import type { ArticleDraft } from '../model.ts';
import { describeLines, findBody, isMenuLine, type PageLine } from './text-body.ts';

/** Runs of whitespace -> one space; /\s+/ would also replace every lone space, 3x slower. */
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** How many lines from the top the headline and dateline are looked for, when the page title is not repeated. */
const HEADER_LINES = 8;

export interface ParseRawTextOptions {
  url?: string;
}

/**
 * Article fields from plain text: the body block (text-body.ts) gives the paragraphs, with
 * the lines inside it that are not article text dropped, and a short line without closing
 * punctuation that stands alone before a paragraph kept apart as a sub-heading; the lines
 * above it give the title (the headline, else the first headline-like line) and
 * `published` (the first dateline).
 */
export function parseRawText(text: string, options: ParseRawTextOptions = {}): ArticleDraft {
  const lines = describeLines(text.split(/\r?\n/).map((line) => line.replace(WHITESPACE_TO_COLLAPSE, ' ').trim()).filter(Boolean));
  const body = findBody(lines);
  const bodyStart = body?.start ?? lines.length;
  const { title, published } = readHeader(lines, bodyStart, body?.headline ?? -1);
  // Without a single line of prose (a short note, a list) every line but furniture and the title is the text.
  const kept = body
    ? lines.slice(body.start, body.end + 1).filter((_, i) => body.isBody[body.start + i])
    : lines.filter((line) => line.kind !== 'furniture' && line.text !== title);
  const subheadings: string[] = [];
  const paragraphs: string[] = [];
  kept.forEach((line, i) => {
    // A sub-heading stands alone before a paragraph; short lines in a row are a list, part of the text.
    const alone = kept[i + 1] !== undefined && !isHeadingShaped(kept[i - 1]) && !isHeadingShaped(kept[i + 1]);
    if (paragraphs.length > 0 && alone && isHeadingShaped(line)) subheadings.push(line.text);
    else paragraphs.push(line.text);
  });
  // A text of one line (a short wire item) is its own title and its only paragraph: never drop it.
  if (paragraphs.length === 0 && title !== undefined && lines.length === 1) paragraphs.push(title);
  const article: ArticleDraft = { title: title ?? paragraphs[0]?.slice(0, 120) ?? '', text: paragraphs.join('\n\n') };
  if (published) article.published = published;
  if (subheadings.length > 0) article.subheadings = subheadings;
  if (options.url) article.url = options.url;
  return article;
}

/**
 * Title and dateline from the lines above the body. With a headline (the page title repeated
 * above the body) the title is that line and the dateline is looked for between it and the
 * body; otherwise both come from the first few lines, furniture skipped.
 */
function readHeader(lines: PageLine[], bodyStart: number, headline: number): { title?: string; published?: string } {
  if (headline !== -1 && headline < bodyStart) {
    const dateline = lines.slice(headline + 1, bodyStart).find((line) => parseDateline(line.text) !== undefined);
    return { title: lines[headline]!.text, ...(dateline ? { published: parseDateline(dateline.text) } : {}) };
  }
  let title: string | undefined;
  let published: string | undefined;
  for (const line of lines.slice(0, Math.min(bodyStart, HEADER_LINES))) {
    const date = parseDateline(line.text);
    if (date !== undefined) published ??= date;
    else if (title === undefined && line.kind !== 'furniture' && !isMenuLine(line.text, line.words, 8) && isHeadlineLike(line)) title = line.text;
  }
  return { ...(title !== undefined ? { title } : {}), ...(published !== undefined ? { published } : {}) };
}

function isHeadlineLike(line: PageLine): boolean {
  return line.words >= 2 && line.words <= 30 && line.text.length <= 250 && !/[;,]$/.test(line.text);
}

/** A short line in the body that does not end like a sentence ("'To normalize relations, ...'", "What happens next"). */
function isHeadingShaped(line: PageLine | undefined): boolean {
  if (line === undefined || line.text.length > 160 || line.words > 20) return false;
  const unquoted = line.text.replace(/["'“”‘’«»]+$/, '');
  return !/[.!?:;,…。！？：；，]$/.test(unquoted);
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
