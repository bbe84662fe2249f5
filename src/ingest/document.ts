// One document (a file's or a response's bytes) to article drafts, whatever its kind: a feed,
// an HTML page or a raw text. Pure (no I/O), so ingest worker threads can run it.
import type { ArticleDraft } from '../model.ts';
import { decodeBody } from './charset.ts';
import { detectDocumentKind, type DocumentKind } from './detect.ts';
import { parseFeed, type FeedItem } from './feed.ts';
import { outletName } from '../util/outlet.ts';
import { extractPage } from './page.ts';
import { parseRawText } from './rawtext.ts';
import { sanitizeDraft } from './sanitize.ts';

export interface DocumentHint {
  name?: string;
  url?: string;
  contentType?: string | null;
  /** What the document is, when the caller knows (a JSON Lines "text" or "html" field): no detection. */
  kind?: DocumentKind;
  /** Metadata given with the document (JSON Lines fields, --outlet and --published): wins over what is read from it. */
  meta?: { title?: string; published?: string; outlet?: string; language?: string };
}

export function feedItemToDraft(item: FeedItem, feedTitle?: string): ArticleDraft | null {
  if (!item.title.trim() || !item.text.trim()) return null;
  const draft: ArticleDraft = { title: item.title.trim(), text: item.text };
  if (item.url) draft.url = item.url;
  if (item.guid) draft.guid = item.guid;
  if (item.published) draft.published = item.published;
  if (feedTitle) draft.outlet = feedTitle;
  return draft;
}

/** Turns one document's content into drafts, whatever its kind, each with its outlet's name, fit to store and print (sanitize.ts). */
export function documentToDrafts(body: Uint8Array, hint: DocumentHint): ArticleDraft[] {
  return readDrafts(body, hint).map((draft) => sanitizeDraft(withOutletName(draft, hint.url)));
}

/**
 * The draft's outlet as a reader knows it: the declared name cleaned ("RT - Daily news" ->
 * "RT"), else one from its URL's host; no outlet at all when neither is known.
 */
export function withOutletName(draft: ArticleDraft, documentUrl?: string): ArticleDraft {
  const outlet = outletName(draft.outlet, draft.url ?? documentUrl);
  if (outlet) draft.outlet = outlet;
  else delete draft.outlet;
  return draft;
}

/** What a document is: as its hint says (a JSON Lines "text" or "html" field), else as its text looks. */
export function documentKind(text: string, hint: DocumentHint): DocumentKind {
  return hint.kind ?? detectDocumentKind(text, hint);
}

function readDrafts(body: Uint8Array, hint: DocumentHint): ArticleDraft[] {
  const text = decodeBody(body, hint.contentType);
  if (!text.trim()) throw new Error('empty document');
  switch (documentKind(text, hint)) {
    case 'feed': {
      const feed = parseFeed(text, hint.url);
      return feed.items.map((item) => feedItemToDraft(item, feed.title)).filter((d): d is ArticleDraft => d !== null).map((d) => withFeedMeta(d, hint.meta));
    }
    case 'html':
      return [withMeta(extractPage(text, hint.url ? { url: hint.url } : {}), hint.meta)];
    case 'text':
      return [withMeta(parseRawText(text, hint.url ? { url: hint.url } : {}), hint.meta, { titleFromText: true })];
  }
}

/** The given metadata over what was read from one article. */
function withMeta(draft: ArticleDraft, meta: DocumentHint['meta'], options: { titleFromText?: boolean } = {}): ArticleDraft {
  if (!meta) return draft;
  if (meta.title && meta.title !== draft.title) {
    // A raw text's first headline-like line was taken for the title; when it is not the given
    // title it belongs to the article (a standfirst, a kicker), so it goes back in front.
    if (options.titleFromText && draft.title && !sameWords(draft.title, meta.title) && !draft.text.startsWith(draft.title)) {
      draft.text = `${draft.title}\n\n${draft.text}`;
    }
    draft.title = meta.title;
  }
  if (meta.published) draft.published = meta.published;
  if (meta.outlet) draft.outlet = meta.outlet;
  if (meta.language) draft.language = meta.language;
  return draft;
}

/** A feed's items have their own titles and times: only the outlet and language apply to all. */
function withFeedMeta(draft: ArticleDraft, meta: DocumentHint['meta']): ArticleDraft {
  if (meta?.outlet) draft.outlet = meta.outlet;
  if (meta?.language) draft.language = meta.language;
  return draft;
}

function sameWords(a: string, b: string): boolean {
  const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words(a) === words(b);
}
