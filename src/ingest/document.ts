// One document (a file's or a response's bytes) to article drafts, whatever its kind: a feed,
// an HTML page or a raw text. Pure (no I/O), so ingest worker threads can run it.
import type { ArticleDraft } from '../model.ts';
import { decodeBody } from './charset.ts';
import { detectDocumentKind } from './detect.ts';
import { parseFeed, type FeedItem } from './feed.ts';
import { extractPage } from './page.ts';
import { parseRawText } from './rawtext.ts';
import { sanitizeDraft } from './sanitize.ts';

export interface DocumentHint {
  name?: string;
  url?: string;
  contentType?: string | null;
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

/** Turns one document's content into drafts, whatever its kind, fit to store and print (sanitize.ts). */
export function documentToDrafts(body: Uint8Array, hint: DocumentHint): ArticleDraft[] {
  return kindToDrafts(body, hint).map(sanitizeDraft);
}

function kindToDrafts(body: Uint8Array, hint: DocumentHint): ArticleDraft[] {
  const text = decodeBody(body, hint.contentType);
  if (!text.trim()) throw new Error('empty document');
  switch (detectDocumentKind(text, hint)) {
    case 'feed': {
      const feed = parseFeed(text, hint.url);
      return feed.items.map((item) => feedItemToDraft(item, feed.title)).filter((d): d is ArticleDraft => d !== null);
    }
    case 'html':
      return [extractPage(text, hint.url ? { url: hint.url } : {})];
    case 'text':
      return [parseRawText(text, hint.url ? { url: hint.url } : {})];
  }
}
