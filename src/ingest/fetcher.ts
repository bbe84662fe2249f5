// Polls every due source once: conditional GET, parse the feed (or extract the page), fetch
// the full article behind teaser items, hand each new draft to ingest, and record success
// or failure with backoff. One broken source never stops the others.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log.ts';
import type { ArticleDraft } from '../model.ts';
import type { InsertStatus, Source, Store } from '../store/index.ts';
import { decodeBody } from './charset.ts';
import { parseFeed, type FeedItem } from './feed.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT, FetchError, fetchUrl, type FetchOptions } from './http.ts';
import { extractPage } from './page.ts';

export interface PollDeps {
  store: Store;
  log: Logger;
  /** Stores one draft (dedup, analysis); may be async. */
  ingest: (draft: ArticleDraft, sourceId: number) => { status: InsertStatus } | Promise<{ status: InsertStatus }>;
  now?: () => Date;
  /** Jitter source for backoff, [0, 1). */
  random?: () => number;
}

export interface PollOptions {
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
  /** Sources fetched at the same time, and article pages fetched at the same time. */
  concurrency?: number;
  /** At most one request per host per this many ms (feeds and article pages alike). */
  hostIntervalMs?: number;
  /** When false, refuse hosts that resolve to private addresses (config ALLOW_PRIVATE_SOURCES). */
  allowPrivate?: boolean;
  /** Longest Retry-After honoured; longer asks are capped (a server's typo should not park a source for a year). */
  maxRetryAfterMs?: number;
}

export type SourceOutcome = 'fetched' | 'not-modified' | 'failed' | 'postponed';

export interface SourceResult {
  sourceId: number;
  source: string;
  url: string;
  outcome: SourceOutcome;
  /** Items in the feed (1 for a page source). */
  items: number;
  /** Items skipped because they are already stored. */
  known: number;
  /** Article pages fetched for teaser items, and those that failed (teaser text kept). */
  pages: number;
  pageFailures: number;
  new: number;
  duplicate: number;
  nearDuplicate: number;
  /** Items neither stored nor known (no text, or ingest failed): retried next time. */
  skipped: number;
  reason?: string;
  /** ISO time of the next attempt after a failure or postponement. */
  nextAttemptAt?: string;
}

export interface PollTotals {
  /** Sources polled (those that were due). */
  sources: number;
  /** Sources that answered with content. */
  fetched: number;
  notModified: number;
  new: number;
  duplicate: number;
  nearDuplicate: number;
  known: number;
  pages: number;
  postponed: number;
  /** Failed and postponed sources with the reason, for the CLI to print. */
  failed: { source: string; reason: string }[];
}

export interface PollReport extends PollTotals {
  results: SourceResult[];
}

export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_MAX_MS = 6 * 60 * 60_000;
const DEFAULT_MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/**
 * Wait before the next attempt after `consecutiveFailures` failures in a row (1 = first):
 * 1 min, 2 min, 4 min ... capped at 6 h, with +-20% jitter so sources do not retry in step.
 */
export function backoffDelayMs(consecutiveFailures: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
  const base = Math.min(BACKOFF_BASE_MS * 2 ** exponent, BACKOFF_MAX_MS);
  return Math.round(Math.min(base * (0.8 + 0.4 * random()), BACKOFF_MAX_MS));
}

/** Spaces requests to one host: each caller gets the next free slot, intervalMs apart. */
export class HostPacer {
  private readonly nextSlot = new Map<string, number>();
  constructor(private readonly intervalMs: number) {}

  async wait(url: string): Promise<void> {
    if (this.intervalMs <= 0) return;
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      return; // fetchUrl reports the bad URL
    }
    const now = Date.now();
    const at = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, at + this.intervalMs);
    if (at > now) await sleep(at - now);
  }
}

/** Runs at most `limit` tasks at once; a finishing task hands its slot to the next waiter. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

interface Context {
  deps: PollDeps;
  now: () => Date;
  fetchOptions: FetchOptions;
  pacer: HostPacer;
  pageLimit: <T>(task: () => Promise<T>) => Promise<T>;
  maxRetryAfterMs: number;
}

/** Polls every due source once and reports what happened, per source and in total. */
export async function pollSources(deps: PollDeps, options: PollOptions = {}): Promise<PollReport> {
  const now = deps.now ?? (() => new Date());
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const fetchOptions: FetchOptions = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    allowPrivate: options.allowPrivate ?? true,
  };
  const ctx: Context = {
    deps,
    now,
    fetchOptions,
    pacer: new HostPacer(options.hostIntervalMs ?? 1_000),
    pageLimit: createLimiter(concurrency),
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
  };
  const due = deps.store.sources.due(now());
  const sourceLimit = createLimiter(concurrency);
  const results = await Promise.all(
    due.map((source) =>
      sourceLimit(() =>
        pollSource(source, ctx).catch((err: unknown): SourceResult => {
          // Only reachable when recording the outcome itself failed (e.g. the database).
          deps.log.error({ source: source.name, url: source.url, reason: reasonOf(err) }, `source failed: ${source.name}: ${reasonOf(err)}`);
          return { ...emptyResult(source), outcome: 'failed', reason: reasonOf(err) };
        }),
      ),
    ),
  );
  return { ...totalsOf(results), results };
}

function totalsOf(results: SourceResult[]): PollTotals {
  const totals: PollTotals = { sources: results.length, fetched: 0, notModified: 0, new: 0, duplicate: 0, nearDuplicate: 0, known: 0, pages: 0, postponed: 0, failed: [] };
  for (const r of results) {
    if (r.outcome === 'fetched') totals.fetched++;
    if (r.outcome === 'not-modified') totals.notModified++;
    if (r.outcome === 'postponed') totals.postponed++;
    if (r.outcome === 'failed' || r.outcome === 'postponed') totals.failed.push({ source: r.source, reason: r.reason ?? 'unknown error' });
    totals.new += r.new;
    totals.duplicate += r.duplicate;
    totals.nearDuplicate += r.nearDuplicate;
    totals.known += r.known;
    totals.pages += r.pages;
  }
  return totals;
}

function emptyResult(source: Source): SourceResult {
  return { sourceId: source.id, source: source.name, url: source.url, outcome: 'fetched', items: 0, known: 0, pages: 0, pageFailures: 0, new: 0, duplicate: 0, nearDuplicate: 0, skipped: 0 };
}

async function pollSource(source: Source, ctx: Context): Promise<SourceResult> {
  const { store } = ctx.deps;
  const result = emptyResult(source);
  try {
    await ctx.pacer.wait(source.url);
    const res = await fetchUrl(source.url, { ...ctx.fetchOptions, etag: source.etag, lastModified: source.lastModified });
    if (res.notModified) {
      // A 304 may carry fresher validators; otherwise the stored ones stay valid.
      store.sources.recordSuccess(source.id, { etag: res.headers.etag ?? source.etag, lastModified: res.headers['last-modified'] ?? source.lastModified }, ctx.now());
      result.outcome = 'not-modified';
      return result;
    }
    assertValidUtf8IfDeclared(res.body, res.headers['content-type']);
    const text = decodeBody(res.body, res.headers['content-type'] ?? null);
    let drafts: (ArticleDraft | null)[];
    if (source.kind === 'page') {
      result.items = 1;
      drafts = [pageSourceDraft(source, text, res.url)];
    } else {
      drafts = await feedDrafts(source, parseFeed(text, res.url), ctx, result);
    }

    for (const draft of drafts) {
      if (!draft) {
        result.skipped++;
        continue;
      }
      try {
        const { status } = await ctx.deps.ingest(draft, source.id);
        if (status === 'new') result.new++;
        else if (status === 'duplicate') result.duplicate++;
        else result.nearDuplicate++;
      } catch (err) {
        result.skipped++;
        ctx.deps.log.error({ source: source.name, url: draft.url ?? source.url, reason: reasonOf(err) }, `ingest failed for an item of ${source.name}: ${reasonOf(err)}`);
      }
    }
    // With an item left behind, forget the validators so the next poll gets the full feed
    // again instead of a 304 that would hide that item for good.
    const complete = result.skipped === 0;
    store.sources.recordSuccess(source.id, complete ? { etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null } : {}, ctx.now());
    return result;
  } catch (err) {
    return recordFailure(source, err, ctx, result);
  }
}

function recordFailure(source: Source, err: unknown, ctx: Context, result: SourceResult): SourceResult {
  const { store, log } = ctx.deps;
  const now = ctx.now();
  const reason = reasonOf(err);
  // 429/503 with Retry-After: the server named its time; wait without counting a failure.
  if (err instanceof FetchError && err.retryAfterMs !== undefined && (err.status === 429 || err.status === 503)) {
    const waitMs = Math.min(err.retryAfterMs, ctx.maxRetryAfterMs);
    const until = new Date(now.getTime() + waitMs);
    const why = `${reason}, retry after ${Math.ceil(waitMs / 1000)} s`;
    store.sources.postpone(source.id, until, why, now);
    log.warn({ source: source.name, url: source.url, reason: why, nextAttemptAt: until.toISOString() }, `source postponed: ${source.name}: ${why}`);
    return { ...result, outcome: 'postponed', reason: why, nextAttemptAt: until.toISOString() };
  }
  const failures = source.consecutiveFailures + 1;
  const until = new Date(now.getTime() + backoffDelayMs(failures, ctx.deps.random));
  store.sources.recordFailure(source.id, reason, until, now);
  log.warn(
    { source: source.name, url: source.url, reason, consecutiveFailures: failures, nextAttemptAt: until.toISOString() },
    `source failed: ${source.name}: ${reason}`,
  );
  return { ...result, outcome: 'failed', reason, nextAttemptAt: until.toISOString() };
}

function pageSourceDraft(source: Source, html: string, finalUrl: string): ArticleDraft {
  const draft = extractPage(html, { url: finalUrl });
  draft.url ??= finalUrl;
  draft.outlet = source.name; // the name the admin gave the source, as for feed items
  if (source.language) draft.language ??= source.language;
  return draft;
}

/** Drafts for the feed's new items (null for an item that has no text to store). */
async function feedDrafts(source: Source, feed: { items: FeedItem[] }, ctx: Context, result: SourceResult): Promise<(ArticleDraft | null)[]> {
  result.items = feed.items.length;
  const fresh: FeedItem[] = [];
  for (const item of feed.items) {
    // Known items are skipped before anything is fetched for them.
    const key: { guid?: string; url?: string } = {};
    if (item.guid) key.guid = item.guid;
    if (item.url) key.url = item.url;
    if (ctx.deps.store.articles.isKnown(key)) result.known++;
    else fresh.push(item);
  }
  return Promise.all(fresh.map((item) => itemDraft(source, item, ctx, result)));
}

async function itemDraft(source: Source, item: FeedItem, ctx: Context, result: SourceResult): Promise<ArticleDraft | null> {
  const draft: ArticleDraft = { title: item.title, text: item.text, outlet: source.name };
  if (item.url) draft.url = item.url;
  if (item.guid) draft.guid = item.guid;
  if (item.published) draft.published = item.published;
  if (source.language) draft.language = source.language;

  const pageUrl = item.url;
  if (item.isTeaser && pageUrl) {
    try {
      const page = await ctx.pageLimit(async () => {
        await ctx.pacer.wait(pageUrl);
        const res = await fetchUrl(pageUrl, ctx.fetchOptions);
        return extractPage(decodeBody(res.body, res.headers['content-type'] ?? null), { url: res.url });
      });
      result.pages++;
      // The page wins when it has more to say than the teaser (it normally does).
      if (page.text.length > draft.text.length) {
        draft.text = page.text;
        if (page.subheadings?.length) draft.subheadings = page.subheadings;
      }
      if (!draft.published && page.published) draft.published = page.published;
      if (!draft.language && page.language) draft.language = page.language;
    } catch (err) {
      result.pageFailures++;
      const keep = draft.text.trim() ? 'keeping the feed text' : 'item skipped';
      ctx.deps.log.warn(
        { source: source.name, url: pageUrl, reason: reasonOf(err) },
        `article page failed for ${source.name}: ${pageUrl}: ${reasonOf(err)} (${keep})`,
      );
    }
  }
  return draft.text.trim() ? draft : null;
}

/**
 * A source body that declares UTF-8 (header, XML declaration or meta tag) but is not valid
 * UTF-8 is broken at the source: fail it with that reason instead of storing mojibake.
 */
export function assertValidUtf8IfDeclared(body: Uint8Array, contentType: string | undefined): void {
  if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) return; // UTF-16 BOM wins
  const head = new TextDecoder('latin1').decode(body.subarray(0, 2048));
  const declared =
    /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  if (!declared || !/^utf-?8$/i.test(declared)) return;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new Error('invalid UTF-8: the body declares UTF-8 but contains byte sequences that are not UTF-8');
  }
}

function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, ' ').trim().slice(0, 300) || 'unknown error';
}
