// HTML page -> article: main text via @mozilla/readability over linkedom, plus the
// metadata (title, time, canonical URL, outlet, language) read from meta tags and JSON-LD.
//
// Why linkedom: measured on the 181 pages of the Zyte article-extraction benchmark
// (../shared/eval/extraction), Readability 0.6 + the same text conversion, one run,
// 2 shared cores (wall time, so the absolute figures are noisy; the order was stable):
//   DOM package   pages/s   F1     (P / R)
//   linkedom      21.6      0.952  (0.918 / 0.988)
//   jsdom 26       4.6      0.952  (0.918 / 0.988)
//   happy-dom 20   3.0      0.952  (0.918 / 0.988)   also wants a URL and settings to stay offline
// Same F1, so the fastest wins. This module (pre-DOM stripping + Readability + cleaning):
// F1 0.975 (P 0.965 / R 0.985); CPU time vs Readability+jsdom in the same run 7.8-8.5x
// (Readability+linkedom alone 5.7-6.9x). `npx tsx eval/extraction.ts` reproduces F1.
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import type { ArticleDraft } from '../model.ts';
import { resolveHttpUrl } from '../util/url.ts';
import { isBoilerplateLine } from './boilerplate.ts';
import { capNestingDepth } from './html-text.ts';

// linkedom and Readability load with the first page, not with every command that imports
// ingest (serve keeps about 7 MB less until a page is extracted). CommonJS builds, so
// extractPage stays synchronous.
const require = createRequire(import.meta.url);
let domLibraries: { parseHTML: typeof ParseHtml; Readability: typeof ReadabilityClass } | undefined;
function dom(): { parseHTML: typeof ParseHtml; Readability: typeof ReadabilityClass } {
  return (domLibraries ??= {
    parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
    Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
  });
}

/** The few DOM members we use; linkedom's own typings depend on the DOM lib we do not load. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  getAttribute?(name: string): string | null;
}

/** Less text than this (visible characters, so CJK counts fairly) is a teaser, a login wall or an index page. */
const MIN_ARTICLE_CHARS = 120;

export interface ExtractPageOptions {
  url?: string;
}

export function extractPage(html: string, options: ExtractPageOptions = {}): ArticleDraft {
  const { html: stripped, jsonLd } = stripInertBlocks(html);
  // Before the DOM: parsing and Readability slow down steeply with depth (a 2,000-deep table took 12 s).
  const lean = capNestingDepth(stripped);
  const { parseHTML, Readability } = dom();
  // linkedom builds no <html> element for a fragment (or nothing); a wrapper gives it one.
  const { document } = parseHTML(/<html[\s>]/i.test(lean) ? lean : `<!DOCTYPE html><html><body>${lean}</body></html>`);
  // Read before Readability, which rewrites the document.
  const { jsonLdBody, ...meta } = readMetadata(document, jsonLd, options.url);
  const parsed = new Readability<DomNode>(document, {
    serializer: (node) => node as unknown as DomNode,
    // Classes and ids tell captions, share bars and related links apart (see blockTexts).
    keepClasses: true,
  }).parse();
  let paragraphs = parsed?.content ? blockTexts(parsed.content).filter((line) => !isBoilerplateLine(line)) : [];
  // When Readability finds little or nothing, the publisher's own JSON-LD articleBody may hold the text.
  if (jsonLdBody && jsonLdBody.length > 2 * paragraphs.join(' ').length) paragraphs = splitParagraphs(jsonLdBody);
  if (paragraphs.join('').replace(/\s+/g, '').length < MIN_ARTICLE_CHARS) throw new Error('no article content found');
  const title = meta.title ?? (parsed?.title ? normaliseSpace(parsed.title) : '');
  return { ...meta, title, text: paragraphs.join('\n\n') };
}

// ---------------------------------------------------------------------------------------
// Pre-DOM stripping. Blocks whose content never shows as article text (scripts, styles,
// SVG, templates, comments...) are cut out of the markup before the DOM is built: they are
// often most of a page's bytes and every node costs linkedom time. Hand-written because
// no package does a cheap, linear, pre-parse cut; it scans with indexOf, never backtracks,
// so a 10 MB page with unclosed blocks stays linear. JSON-LD blocks are kept aside for metadata.

// Raw-text elements: their content is not markup, and it ends at the first closing tag.
const RAW_TEXT_TAGS = ['script', 'style', 'textarea', 'title', 'xmp'];
// Never article text: dropped with everything inside (nesting counted).
// (Not <form>: ASP.NET pages wrap the whole page in one.)
const INERT_TAGS = ['svg', 'noscript', 'template', 'iframe', 'math', 'object', 'select', 'button', 'nav', 'aside', 'footer'];

/** Markup without inert blocks, and the JSON-LD blocks (read before they are cut). */
export function stripInertBlocks(html: string): { html: string; jsonLd: string[] } {
  const lower = html.toLowerCase();
  const find = forwardSearch(lower);
  const jsonLd = jsonLdBlocks(html, lower);
  const parts: string[] = [];
  const unclosed = new Set<string>();
  let copiedUpTo = 0;
  let at = lower.indexOf('<');
  while (at !== -1) {
    let cutEnd = -1;
    if (lower.startsWith('<!--', at)) {
      const end = lower.indexOf('-->', at + 4);
      cutEnd = end === -1 ? html.length : end + 3;
    } else {
      const tag = tagNameAt(lower, at);
      if (tag === 'title') {
        // Kept, but skipped whole: a "<" in a title is text.
        const close = find('</title', at);
        at = lower.indexOf('<', close === -1 ? at + 1 : close + 1);
        continue;
      }
      if (tag !== null && RAW_TEXT_TAGS.includes(tag)) {
        const close = lower.indexOf(`</${tag}`, at);
        const closeEnd = close === -1 ? -1 : lower.indexOf('>', close);
        // Unclosed, it swallows the rest of the page, as in a browser.
        cutEnd = closeEnd === -1 ? html.length : closeEnd + 1;
      } else if (tag !== null && INERT_TAGS.includes(tag) && !unclosed.has(tag)) {
        cutEnd = matchingCloseEnd(lower, tag, at);
        // Remembered so that many unclosed tags cannot make the scan quadratic.
        if (cutEnd === -1) unclosed.add(tag);
      }
    }
    if (cutEnd === -1) {
      at = lower.indexOf('<', at + 1);
      continue;
    }
    parts.push(html.slice(copiedUpTo, at));
    copiedUpTo = cutEnd;
    at = lower.indexOf('<', cutEnd);
  }
  parts.push(html.slice(copiedUpTo));
  return { html: parts.join('').replace(SPACE_AT_BLOCK_EDGE, '$1'), jsonLd };
}

/**
 * indexOf for a scan that only moves forward: a needle's next hit is remembered, so a page
 * full of "<title>" without "</title>" is searched to its end once, not once per tag.
 */
function forwardSearch(text: string): (needle: string, from: number) => number {
  const next = new Map<string, number>();
  return (needle, from) => {
    const known = next.get(needle);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = text.indexOf(needle, from);
    next.set(needle, found);
    return found;
  };
}

/** The content of every <script type="application/ld+json"> block, in a single forward scan. */
function jsonLdBlocks(html: string, lower: string): string[] {
  const find = forwardSearch(lower);
  const blocks: string[] = [];
  for (let at = lower.indexOf('<script'); at !== -1; at = lower.indexOf('<script', at + 1)) {
    if (tagNameAt(lower, at) !== 'script') continue;
    const tagEnd = find('>', at);
    if (tagEnd === -1) break;
    const close = find('</script', tagEnd);
    if (close === -1) break;
    if (lower.slice(at, tagEnd).includes('application/ld+json')) blocks.push(html.slice(tagEnd + 1, close));
    at = close;
  }
  return blocks;
}

/** Name of the start tag at `at` (lower-cased markup), or null for anything else. */
function tagNameAt(lower: string, at: number): string | null {
  let end = at + 1;
  while (end < lower.length) {
    const code = lower.charCodeAt(end);
    const isNameChar = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45;
    if (!isNameChar) break;
    end++;
  }
  return end > at + 1 ? lower.slice(at + 1, end) : null;
}

/** End offset of the close tag matching the `tag` opened at `at`, counting nested ones; -1 when unclosed. */
function matchingCloseEnd(lower: string, tag: string, at: number): number {
  let depth = 0;
  let cursor = at;
  for (;;) {
    const open = lower.indexOf(`<${tag}`, cursor);
    const close = lower.indexOf(`</${tag}`, cursor);
    if (close === -1) return -1;
    if (open !== -1 && open < close && tagNameAt(lower, open) === tag) {
      depth++;
      cursor = open + tag.length + 1;
      continue;
    }
    if (tagNameAt(lower, close + 1) === tag) depth--;
    cursor = close + tag.length + 2;
    if (depth === 0) {
      const end = lower.indexOf('>', close);
      return end === -1 ? -1 : end + 1;
    }
  }
}

// Whitespace next to a block tag never renders, yet it is a third of a page's DOM nodes.
// Linear: a tag's match stops at the next "<", and a run of spaces is tried once, from its start.
const BLOCK_TAG = String.raw`<\/?(?:html|head|body|meta|link|title|div|p|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|section|article|header|footer|nav|aside|main|h[1-6]|figure|form|br|hr|blockquote|option)\b`;
const SPACE_AT_BLOCK_EDGE = new RegExp(String.raw`(${BLOCK_TAG}[^<>]*>)\s+|(?<!\s)\s+(?=${BLOCK_TAG})`, 'gi');

// ---------------------------------------------------------------------------------------
// Article element -> paragraphs.

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'IFRAME', 'FIGURE', 'FIGCAPTION']);
/** Class or id words of page furniture that Readability leaves inside the article. */
const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:caption|credits?|byline|author|share|sharing|social|related|newsletter|subscribe|promo|advert|ads?|timestamp|dateline|meta|tags|breadcrumbs?|comments?|signup|read-?more|recommended|rail|trending|most-?read|teaser)(?:$|[\s_-])/i;
const LINK_LIST_RATIO = 0.9;

/** Text of each block-level element, whitespace normalised, in document order. */
export function blockTexts(root: DomNode): string[] {
  const out: string[] = [];
  const furnitureLimit = 0.25 * (root.textContent?.length ?? 0);
  let current = '';
  let linkChars = 0;
  const flush = (): void => {
    const text = normaliseSpace(current);
    // A block that is nothing but links is a menu or a related-stories list.
    // A visible URL is there to be read, though.
    if (text && (linkChars < LINK_LIST_RATIO * current.trim().length || /^https?:\/\/\S+$/.test(text))) out.push(text);
    current = '';
    linkChars = 0;
  };
  const walk = (node: DomNode, inLink: boolean): void => {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.nodeType === 3) {
        const text = child.textContent ?? '';
        current += text;
        if (inLink) linkChars += text.trim().length;
      } else if (child.nodeType === 1) {
        const name = child.nodeName.toUpperCase();
        if (SKIPPED_TAGS.has(name)) continue;
        const label = `${child.getAttribute?.('class') ?? ''} ${child.getAttribute?.('id') ?? ''}`;
        // Only small parts: a class like "post-meta" can also sit on the whole article wrapper.
        if (label.length > 1 && FURNITURE_CLASS.test(label) && (child.textContent?.length ?? 0) < furnitureLimit) continue;
        const block = BLOCK_TAGS.has(name);
        if (block) flush();
        // Cells of a table row stay on the row's line.
        else if (name === 'TD' || name === 'TH') current += ' ';
        walk(child, inLink || name === 'A');
        if (block) flush();
      }
    }
  };
  walk(root, false);
  flush();
  return out;
}

function splitParagraphs(text: string): string[] {
  return text.split(/\n\s*\n|\r?\n/).map(normaliseSpace).filter(Boolean);
}

function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------
// Metadata: meta tags and JSON-LD first (what the publisher declares), visible markup after.

interface PageMetadata {
  title?: string;
  published?: string;
  url?: string;
  outlet?: string;
  language?: string;
  /** JSON-LD articleBody: the fallback text when Readability finds nothing. */
  jsonLdBody?: string;
}

interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
  closest?(selector: string): MetaElement | null;
  querySelectorAll?(selector: string): ArrayLike<MetaElement>;
}

interface MetaDocument {
  documentElement?: MetaElement | null;
  title?: string;
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
}

const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|Report|\w*WebPage|LiveBlogPosting|NewsArticle|ReportageNewsArticle)$/;

export function readMetadata(document: MetaDocument, jsonLdBlocks: string[], givenUrl?: string): PageMetadata {
  const meta = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const element = metas[i]!;
    const key = element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? element.getAttribute('http-equiv');
    const content = element.getAttribute('content');
    if (key && content?.trim() && !meta.has(key.toLowerCase())) meta.set(key.toLowerCase(), content.trim());
  }
  const ld = articleFromJsonLd(jsonLdBlocks);
  const visible = document.querySelectorAll('link[rel], h1, time[datetime], [itemprop="datePublished"]');
  let canonical: string | undefined;
  let h1: string | undefined;
  let timeValue: string | undefined;
  for (let i = 0; i < visible.length; i++) {
    const element = visible[i]!;
    if (canonical === undefined && element.getAttribute('rel')?.toLowerCase() === 'canonical') canonical = element.getAttribute('href') ?? undefined;
    else if (h1 === undefined && element.getAttribute('rel') === null && element.getAttribute('datetime') === null && element.getAttribute('itemprop') === null) {
      if (!homeLink(element)) h1 = normaliseSpace(element.textContent ?? '') || undefined;
    } else if (timeValue === undefined && element.getAttribute('rel') === null) {
      timeValue = element.getAttribute('datetime') ?? element.getAttribute('content') ?? undefined;
    }
  }
  const url = resolveHttpUrl(canonical ?? meta.get('og:url'), givenUrl) ?? givenUrl;
  const siteName = meta.get('og:site_name') ?? ld.publisher;
  // Some sites put their URL in og:site_name.
  const outlet = siteName && !/^https?:\/\//.test(siteName) ? siteName : hostnameOf(siteName) ?? hostnameOf(url);
  const rawTitle = meta.get('og:title') ?? ld.headline ?? h1 ?? meta.get('twitter:title') ?? document.title;
  const declared = [meta.get('article:published_time'), meta.get('article:published'), ld.datePublished, meta.get('datepublished'), meta.get('date'),
    meta.get('pubdate'), meta.get('dc.date'), meta.get('dc.date.issued'), meta.get('sailthru.date'), timeValue, ld.anyDatePublished]
    .map(toIsoUtc)
    .find((value) => value !== undefined);
  const published = declared ?? publishedFromModified([meta.get('article:modified_time'), ld.dateModified].map(toIsoUtc).find((value) => value !== undefined), url);
  const language = document.documentElement?.getAttribute('lang') ?? meta.get('og:locale') ?? meta.get('content-language') ?? ld.inLanguage;
  const result: PageMetadata = {};
  const title = rawTitle ? cleanTitle(normaliseSpace(rawTitle), outlet) : undefined;
  if (title) result.title = title;
  if (published) result.published = published;
  if (url) result.url = url;
  if (outlet) result.outlet = normaliseSpace(outlet);
  if (language?.trim()) result.language = language.trim().replace('_', '-');
  if (ld.articleBody) result.jsonLdBody = ld.articleBody;
  return result;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  /** The first datePublished of any object in the page's JSON-LD ("ClaimReview", "WebPage"), for pages whose article object has none. */
  anyDatePublished?: string;
  publisher?: string;
  inLanguage?: string;
  articleBody?: string;
}

/** The first article-like object in the page's JSON-LD (top level, arrays or @graph). */
function articleFromJsonLd(blocks: string[]): JsonLdArticle {
  let anyDatePublished: string | undefined;
  for (const block of blocks) {
    const data = parseJsonLd(block);
    const queue: unknown[] = data === undefined ? [] : [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        if (Array.isArray(record['@graph'])) queue.push(...record['@graph']);
        if (anyDatePublished === undefined && typeof record.datePublished === 'string' && toIsoUtc(record.datePublished)) anyDatePublished = record.datePublished;
        const types = ([] as unknown[]).concat(record['@type'] ?? []);
        if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type)) && typeof record.headline === 'string') {
          const publisher = record.publisher as { name?: unknown } | undefined;
          return {
            headline: record.headline,
            datePublished: typeof record.datePublished === 'string' ? record.datePublished : undefined,
            dateModified: typeof record.dateModified === 'string' ? record.dateModified : undefined,
            anyDatePublished,
            publisher: typeof publisher?.name === 'string' ? publisher.name : undefined,
            inLanguage: typeof record.inLanguage === 'string' ? record.inLanguage : undefined,
            articleBody: typeof record.articleBody === 'string' ? record.articleBody : undefined,
          };
        }
      }
    }
  }
  return anyDatePublished === undefined ? {} : { anyDatePublished };
}

/**
 * A JSON-LD block, or undefined when it is broken beyond the commonest fault: raw line breaks and
 * tabs inside its strings, which JSON forbids and many sites' templates write (outside strings
 * they are white space, so a space in their place changes nothing else).
 */
function parseJsonLd(block: string): unknown {
  try {
    return JSON.parse(block.trim());
  } catch {
    try {
      return JSON.parse(block.trim().replace(/[\u0000-\u001f]/g, ' '));
    } catch {
      return undefined; // Broken JSON-LD is common; the meta tags still count.
    }
  }
}

/**
 * Whether an <h1> is the site's name over every page: inside a link to the home page, or holding
 * one (`<a href="/"><h1>Entermedia</h1></a>`), not the article's headline.
 */
function homeLink(h1: MetaElement): boolean {
  const isHome = (href: string | null | undefined) => !!href && /^(?:\/|(?:https?:)?\/\/[^/]+\/?)$/.test(href.trim());
  return isHome(h1.closest?.('a')?.getAttribute('href')) || Array.from(h1.querySelectorAll?.('a') ?? []).some((a) => isHome(a.getAttribute('href')));
}

/** "/2019/11/19/", "/2019/nov/18/", "/2019-11-19/": the publication day many news sites put in their URLs. */
const URL_DAY = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-](0?[1-9]|[12]\d|3[01])(?=[/-]|\.html?$|$)/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The day in a URL's path, as a day-only time (midnight UTC), or undefined. */
function dayInUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = URL_DAY.exec(path);
  if (!match) return undefined;
  const [, year, monthText, day] = match;
  const month = /^\d+$/.test(monthText!) ? Number(monthText) : MONTHS.indexOf(monthText!.toLowerCase()) + 1;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day!.padStart(2, '0')}`;
  // "2019/02/31" is no day.
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? toIsoUtc(iso) : undefined;
}

/**
 * Without a declared publication time, the last-modified time says when the page was published
 * when it falls on the day in its URL (or the URL has none); a later update is no publication
 * time, and then the URL's day is the better answer.
 */
function publishedFromModified(modified: string | undefined, url: string | undefined): string | undefined {
  const day = dayInUrl(url);
  if (!day) return modified;
  return modified?.startsWith(day.slice(0, 10)) ? modified : day;
}

const TITLE_SEPARATOR = /\s+[|\-–—:·•»]\s+|\s+::\s+/;

/** Drops a " | Site Name" (or " - Site", " — Site") part, leading or trailing, from a headline. */
export function cleanTitle(title: string, outlet?: string): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const site = outlet?.toLowerCase().replace(/^www\./, '');
  const isSite = (part: string): boolean => {
    const lower = part.toLowerCase();
    // A part that holds the site's name among other words is the site's only when short ("Fox News
    // Politics"): "The Guardian view on Hong Kong: a city on the brink" is the headline.
    return site !== undefined && (lower === site || lower.replace(/\s+/g, '') === site.replace(/\s+/g, '') || site.startsWith(`${lower.replace(/\s+/g, '')}.`) || (lower.includes(site) && wordCount(part) <= 4));
  };
  const last = parts[parts.length - 1]!;
  const first = parts[0]!;
  // Separators are found again in the original so that a headline's own " - " survives.
  if (isSite(last)) return title.slice(0, title.lastIndexOf(last)).replace(TITLE_TAIL, '');
  if (isSite(first)) return title.slice(first.length).replace(TITLE_HEAD, '');
  if (parts.length >= 2 && wordCount(last) <= 3 && wordCount(title) - wordCount(last) >= 4 && /\s\|\s/.test(title)) {
    return title.slice(0, title.lastIndexOf(last)).replace(TITLE_TAIL, '');
  }
  return title;
}

const TITLE_TAIL = /\s+(?:[|\-–—:·•»]|::)\s*$/;
const TITLE_HEAD = /^\s*(?:[|\-–—:·•»]|::)\s+/;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** ISO 8601 UTC for a date string; a time without a zone is taken as UTC. */
export function toIsoUtc(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text)) text = `${text.replace(' ', 'T')}Z`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) text = `${text}T00:00:00Z`;
  // "+0000" offsets (no colon) are valid ISO but not always parsed.
  text = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(time).toISOString() : undefined;
}

function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
