// Feeds (RSS 2.0, Atom, RDF/RSS 1.0, JSON Feed) -> items with clean plain text. Pure: text in,
// values out. feedsmith does the format work; it is lenient about broken XML, so a
// well-formedness check runs first to reject what is truly malformed with a clear reason.
import { parseFeed as parseAnyFeed, type AnyFeed } from 'feedsmith';
import { isHttpUrl, resolveHttpUrl } from '../util/url.ts';
import { htmlToText } from './html-text.ts';
import { MAX_OUTLET_CHARS, MAX_TITLE_CHARS, capLength, stripControlCharacters } from './sanitize.ts';

export { htmlToText };

export interface FeedItem {
  guid?: string;
  url?: string;
  title: string;
  /** ISO 8601 UTC. */
  published?: string;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  /** True when the text is only a teaser: its full article should be fetched. */
  isTeaser: boolean;
  author?: string;
}

export interface ParsedFeed {
  title?: string;
  items: FeedItem[];
}

export class FeedError extends Error {
  override readonly name = 'FeedError';
}

/** Fewer words than this and an item's text is taken as a teaser, not the article. */
export const TEASER_MAX_WORDS = 80;

/** Parses a feed body. Throws FeedError with a one-line reason when it is not a usable feed. */
export function parseFeed(body: string, feedUrl?: string): ParsedFeed {
  const text = body.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new FeedError('empty body: not a feed');
  const head = text.trimStart();

  let parsed: AnyFeed;
  if (head.startsWith('{') || head.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new FeedError(`malformed JSON: ${(err as Error).message}`);
    }
    try {
      parsed = parseAnyFeed(json);
    } catch {
      throw new FeedError('not a feed: JSON without a JSON Feed "version" and "items"');
    }
  } else {
    if (!head.startsWith('<')) throw new FeedError(`not a feed: the body starts with "${head.slice(0, 30).replace(/\s+/g, ' ')}"`);
    if (looksLikeHtml(head)) throw new FeedError(htmlNotFeedReason(text, feedUrl));
    const problem = xmlWellFormednessProblem(text);
    if (problem) throw new FeedError(`malformed XML: ${problem}`);
    const external = externalEntityDeclaration(text);
    if (external) throw new FeedError(`refusing a feed that declares an external entity (${external}): such entities are never fetched (XXE)`);
    try {
      parsed = parseAnyFeed(text);
    } catch {
      const root = /<([A-Za-z_][\w:.-]*)/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, ''))?.[1];
      throw new FeedError(`not a feed: XML root element <${root ?? '?'}> is not RSS, Atom or RDF`);
    }
  }
  return toParsedFeed(parsed, feedUrl);
}

function toParsedFeed(parsed: AnyFeed, feedUrl?: string): ParsedFeed {
  const raw: RawItem[] = [];
  let title: string | undefined;
  switch (parsed.format) {
    case 'rss': {
      const f = parsed.feed;
      title = f.title;
      for (const it of f.items ?? []) {
        const guid = it.guid?.value;
        raw.push({
          guid,
          // A permalink GUID is the item's URL when <link> is missing.
          url: it.link ?? (guid && it.guid?.isPermaLink !== false && isHttpUrl(guid) ? guid : undefined),
          title: it.title,
          titleIsHtml: true,
          date: it.pubDate ?? it.dc?.dates?.[0] ?? it.dcterms?.issued?.[0] ?? it.dcterms?.modified?.[0] ?? it.atom?.published ?? it.atom?.updated,
          bodies: [it.content?.encoded, it.description, it.atom?.content?.value, it.atom?.summary?.value],
          author: it.authors?.[0]?.name ?? it.authors?.[0]?.email ?? it.dc?.creators?.[0],
        });
      }
      break;
    }
    case 'atom': {
      const f = parsed.feed;
      title = f.title?.value;
      for (const e of f.entries ?? []) {
        const links = e.links ?? [];
        const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
        raw.push({
          guid: e.id,
          url: link?.href,
          title: e.title?.value,
          titleIsHtml: e.title?.type === 'html' || e.title?.type === 'xhtml',
          date: e.published ?? e.updated ?? e.dc?.dates?.[0],
          bodies: [atomText(e.content), atomText(e.summary)],
          author: e.authors?.[0]?.name ?? e.dc?.creators?.[0],
        });
      }
      break;
    }
    case 'rdf': {
      const f = parsed.feed;
      title = f.title;
      for (const it of f.items ?? []) {
        raw.push({
          guid: it.rdf?.about ?? it.link,
          url: it.link ?? it.rdf?.about,
          title: it.title,
          titleIsHtml: true,
          date: it.dc?.dates?.[0] ?? it.dcterms?.issued?.[0] ?? it.dcterms?.modified?.[0],
          bodies: [it.content?.encoded, it.description, ...(it.dc?.descriptions ?? [])],
          author: it.dc?.creators?.[0],
        });
      }
      break;
    }
    case 'json': {
      const f = parsed.feed;
      title = f.title;
      for (const it of f.items ?? []) {
        const legacyAuthor = (it as { author?: { name?: string } }).author?.name;
        raw.push({
          guid: it.id === undefined ? undefined : String(it.id),
          url: it.url ?? it.external_url,
          title: it.title,
          titleIsHtml: false,
          date: it.date_published ?? it.date_modified,
          bodies: [it.content_html, it.content_text === undefined ? undefined : escapeHtml(it.content_text), it.summary === undefined ? undefined : escapeHtml(it.summary)],
          author: it.authors?.[0]?.name ?? legacyAuthor,
        });
      }
      break;
    }
  }
  const items = raw.map((r) => toItem(r, feedUrl)).filter((i): i is FeedItem => i !== undefined);
  const feedTitle = title ? oneLine(htmlToText(title, { inline: true }), MAX_OUTLET_CHARS) : '';
  return feedTitle ? { title: feedTitle, items } : { items };
}

interface RawItem {
  guid: string | undefined;
  url: string | undefined;
  title: string | undefined;
  titleIsHtml: boolean;
  date: string | undefined;
  bodies: (string | undefined)[];
  author: string | undefined;
}

function atomText(t: { value?: string; type?: string; src?: string } | undefined): string | undefined {
  if (!t?.value) return undefined;
  return t.type === 'html' || t.type === 'xhtml' || t.type?.includes('html') ? t.value : escapeHtml(t.value);
}

function toItem(r: RawItem, feedUrl?: string): FeedItem | undefined {
  // The longest cleaned body: some feeds put the full text in content:encoded, others only
  // a summary, and a few the reverse.
  let text = '';
  for (const body of r.bodies) {
    if (!body?.trim()) continue;
    const t = htmlToText(body);
    if (t.length > text.length) text = t;
  }
  const isTeaser = isTeaserText(text);
  text = stripReadMore(text);

  text = stripControlCharacters(text);
  let title = r.title ? oneLine(r.titleIsHtml ? htmlToText(r.title, { inline: true }) : r.title, MAX_TITLE_CHARS) : '';
  if (!title) title = titleFromText(text);
  if (!title) return undefined;

  const item: FeedItem = { title, text, isTeaser };
  const url = resolveHttpUrl(r.url, feedUrl);
  if (url) item.url = url;
  const guid = globalGuid(r.guid, feedUrl);
  if (guid) item.guid = guid;
  const published = toIsoUtc(r.date);
  if (published) item.published = published;
  const author = r.author ? oneLine(htmlToText(r.author, { inline: true }), MAX_OUTLET_CHARS) : '';
  if (author) item.author = author;
  return item;
}

/** A title-like field: one line, no control characters, capped (a feed may send 2,000,000 characters). */
function oneLine(text: string, max: number): string {
  return capLength(stripControlCharacters(text).replace(/\s+/g, ' ').trim(), max);
}

/** Short texts, and texts that end in an ellipsis or a "read more" link, are teasers. */
export function isTeaserText(text: string): boolean {
  const words = text.match(/\S+/g)?.length ?? 0;
  if (words < TEASER_MAX_WORDS) return true;
  return /(\.\.\.|…|\[\s*(…|\.\.\.)\s*\])\s*$/.test(text) || READ_MORE.test(text);
}

const READ_MORE = /\s*(?:\[\s*)?\b(read more|continue reading|read the full (?:story|article)|full story|more\.\.\.)\b[^\n]{0,40}$/i;

/** Drops a trailing "Continue reading..." / "[…]" marker: it is navigation, not article text. */
function stripReadMore(text: string): string {
  return text
    .replace(READ_MORE, '')
    .replace(/\s*\[\s*(…|\.\.\.)\s*\]\s*$/, '')
    .trim();
}

function titleFromText(text: string): string {
  const first = text.split(/\n|(?<=[.!?])\s/)[0]?.trim() ?? '';
  return first.length > 120 ? `${first.slice(0, 117).replace(/\s+\S*$/, '')}...` : first;
}

/**
 * GUIDs identify articles across all sources in the store, but feeds often use local ids
 * ("12345"); those are prefixed with the feed's host so two feeds' ids never collide.
 */
function globalGuid(guid: string | undefined, feedUrl: string | undefined): string | undefined {
  const g = guid?.trim();
  if (!g) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(g)) return g; // URL, urn:, tag:
  if (!feedUrl) return g;
  try {
    return `${new URL(feedUrl).host}:${g}`;
  } catch {
    return g;
  }
}

/** Feed dates (RFC 822, RFC 3339, W3C-DTF) -> ISO 8601 UTC; undefined when unreadable. */
export function toIsoUtc(date: string | undefined): string | undefined {
  if (!date?.trim()) return undefined;
  let d = date.trim();
  // RFC 822 allows two-digit years and "UT"; Date.parse handles the rest, incl. EST/PDT.
  d = d.replace(/\bUT$/, 'GMT');
  const ms = Date.parse(d);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString();
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n\s*\n/g, '<p>');
}

// ---------------------------------------------------------------------------------------
// XML sanity checks.

function looksLikeHtml(head: string): boolean {
  const start = head.slice(0, 2048);
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!doctype\s+html/i.test(start)) return true;
  if (/<(rss|feed|rdf:RDF)[\s>]/i.test(start)) return false;
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(start);
}

function htmlNotFeedReason(html: string, base?: string): string {
  // A page that advertises its feed: tell the user where it is.
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel\s*=\s*["']?alternate/i.test(tag)) continue;
    if (!/\btype\s*=\s*["']?application\/(rss|atom|feed)\+(xml|json)/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const url = resolveHttpUrl(htmlToText(href?.[1] ?? href?.[2] ?? href?.[3] ?? '', { inline: true }), base);
    if (url) return `not a feed: got an HTML page (it links to a feed at ${url})`;
  }
  return 'not a feed: got an HTML page';
}

/**
 * The first external or parameter entity declared in the DOCTYPE's internal subset, as
 * written ("<!ENTITY xxe SYSTEM"), or undefined. Internal entities are harmless here: the
 * parser leaves them unexpanded, so an entity bomb stays a few bytes.
 */
export function externalEntityDeclaration(xml: string): string | undefined {
  const head = xml.slice(0, 200_000);
  const doctype = head.search(/<!DOCTYPE/i);
  const root = head.search(/<[A-Za-z_]/);
  if (doctype === -1 || (root !== -1 && root < doctype)) return undefined;
  const end = xml.indexOf(']>', doctype);
  const subset = xml.slice(doctype, end === -1 ? xml.length : end);
  return /<!ENTITY\s+(?:%\s*[^\s>]+|[^\s>]+\s+(?:SYSTEM|PUBLIC))\b/i.exec(subset)?.[0];
}

const MAX_XML_DEPTH = 256;
const DECLARATION = /<![A-Za-z]+[^[>]*(\[[\s\S]*?\]\s*)?>/y;
const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/y;

/**
 * Checks that tags nest and close properly (the part of well-formedness that decides
 * whether items can be trusted); returns a reason with a line number, or undefined.
 * Bare "&" in text is tolerated: many real feeds have it and it loses nothing.
 */
export function xmlWellFormednessProblem(xml: string): string | undefined {
  const stack: { name: string; line: number }[] = [];
  let i = 0;
  let line = 1;
  let sawRoot = false;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (xml.charCodeAt(k) === 10) line++;
    i = to;
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) break;
    advance(lt);
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end === -1) return `unterminated comment at line ${line}`;
      advance(end + 3);
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end === -1) return `unterminated CDATA section at line ${line}`;
      advance(end + 3);
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end === -1) return `unterminated processing instruction at line ${line}`;
      advance(end + 2);
    } else if (xml.startsWith('<!', i)) {
      // DOCTYPE, possibly with an internal subset in [...].
      DECLARATION.lastIndex = i;
      const m = DECLARATION.exec(xml);
      if (!m) return `unterminated declaration at line ${line}`;
      advance(i + m[0].length);
    } else {
      TAG.lastIndex = i;
      const m = TAG.exec(xml);
      if (!m) return `invalid markup "${xml.slice(i, i + 20).replace(/\s+/g, ' ')}" at line ${line}`;
      const [whole, closing, name = '', , selfClosing] = m;
      if (closing) {
        const open = stack.pop();
        if (!open) return `unexpected </${name}> at line ${line}`;
        if (open.name !== name) return `expected </${open.name}> (opened at line ${open.line}) but found </${name}> at line ${line}`;
      } else if (!selfClosing) {
        if (stack.length === 0 && sawRoot) return `content after the root element at line ${line}`;
        // A feed is a few levels deep (XHTML content a few dozen); the parser recurses per level.
        if (stack.length >= MAX_XML_DEPTH) return `elements nested more than ${MAX_XML_DEPTH} levels deep at line ${line}`;
        stack.push({ name, line });
        sawRoot = true;
      } else {
        sawRoot = true;
      }
      advance(i + whole.length);
    }
  }
  const open = stack.pop();
  if (open) return `<${open.name}> opened at line ${open.line} is never closed (truncated document?)`;
  if (!sawRoot) return 'no root element';
  return undefined;
}
