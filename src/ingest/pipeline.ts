// The article pipeline shared by `ingest`, `extract` and the fetcher: read a file, folder or
// URL, turn each document into article drafts, analyse them, and (for ingest) store them.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log.ts';
import type { Analysis, ArticleDraft } from '../model.ts';
import { analyseArticle } from '../nlp/analyse.ts';
import type { InsertResult, Store } from '../store/index.ts';
import { decodeBody } from './charset.ts';
import { detectDocumentKind } from './detect.ts';
import { parseFeed, type FeedItem } from './feed.ts';
import { pollSources, type PollReport } from './fetcher.ts';
import { fetchUrl, type FetchOptions } from './http.ts';
import { extractPage } from './page.ts';
import { parseRawText } from './rawtext.ts';

export interface IngestCounts {
  new: number;
  duplicate: number;
  nearDuplicate: number;
  failed: { input: string; reason: string }[];
}

export interface DocumentResult {
  input: string;
  drafts: ArticleDraft[];
  error?: string;
}

const DOCUMENT_FILE = /\.(txt|text|html?|xhtml|xml|rss|atom|json)$/i;

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
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

/** Turns one document's content into drafts, whatever its kind. */
export function documentToDrafts(body: Uint8Array, hint: { name?: string; url?: string; contentType?: string | null }): ArticleDraft[] {
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

async function listDocumentFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listDocumentFiles(path)));
    else if (entry.isFile() && DOCUMENT_FILE.test(entry.name)) files.push(path);
  }
  return files;
}

/** Reads every input (file, folder, URL) into drafts; a failing input never stops the others. */
export async function* readInputs(inputs: string[], fetchOptions: FetchOptions): AsyncGenerator<DocumentResult> {
  for (const input of inputs) {
    if (isUrl(input)) {
      try {
        const response = await fetchUrl(input, fetchOptions);
        yield { input, drafts: documentToDrafts(response.body, { url: response.url, contentType: response.headers['content-type'] ?? null }) };
      } catch (error) {
        yield { input, drafts: [], error: reasonOf(error) };
      }
      continue;
    }
    let files: string[];
    try {
      files = (await stat(input)).isDirectory() ? await listDocumentFiles(input) : [input];
    } catch (error) {
      yield { input, drafts: [], error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : reasonOf(error) };
      continue;
    }
    for (const file of files) {
      try {
        yield { input: file, drafts: documentToDrafts(await readFile(file), { name: file }) };
      } catch (error) {
        yield { input: file, drafts: [], error: reasonOf(error) };
      }
    }
  }
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Analyses and stores one draft; duplicates are detected before any analysis work. */
export function storeDraft(store: Store, draft: ArticleDraft, sourceId?: number | null, analyse: (d: ArticleDraft) => Analysis = analyseArticle): InsertResult {
  if (store.articles.isKnown(draft)) return store.articles.insert(draft, { sourceId: sourceId ?? null });
  return store.articles.insert(draft, { sourceId: sourceId ?? null, analysis: analyse(draft) });
}

export function emptyCounts(): IngestCounts {
  return { new: 0, duplicate: 0, nearDuplicate: 0, failed: [] };
}

export function countResult(counts: IngestCounts, result: InsertResult): void {
  if (result.status === 'new') counts.new++;
  else if (result.status === 'duplicate') counts.duplicate++;
  else counts.nearDuplicate++;
}

export async function ingestInputs(inputs: string[], deps: { store: Store; log: Logger; fetchOptions: FetchOptions }): Promise<IngestCounts> {
  const counts = emptyCounts();
  for await (const document of readInputs(inputs, deps.fetchOptions)) {
    if (document.error) {
      deps.log.warn({ input: document.input, reason: document.error }, 'ingest failed');
      counts.failed.push({ input: document.input, reason: document.error });
      continue;
    }
    for (const draft of document.drafts) {
      try {
        countResult(counts, storeDraft(deps.store, draft));
      } catch (error) {
        deps.log.warn({ input: document.input, title: draft.title, reason: reasonOf(error) }, 'ingest failed');
        counts.failed.push({ input: document.input, reason: reasonOf(error) });
      }
    }
  }
  return counts;
}

/** Polls every due source once and stores (analysed) what is new: `fetch` and the scheduler. */
export function pollAndStore(
  deps: { store: Store; log: Logger },
  options: FetchOptions & { concurrency: number; hostIntervalMs: number },
): Promise<PollReport> {
  return pollSources({ store: deps.store, log: deps.log, ingest: (draft, sourceId) => storeDraft(deps.store, draft, sourceId) }, options);
}
