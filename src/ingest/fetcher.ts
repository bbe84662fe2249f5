// Polls every due source once: conditional GET, parse the feed (or extract the page) in a
// worker thread, fetch the full article behind teaser items within a budget, store each item
// as soon as it is ready, and record success or failure with backoff. One broken or huge
// source never stops the others: each has its own page budget and concurrency, the whole
// poll has a deadline, and an abort (SIGTERM) stops every request in flight.
import pLimit from 'p-limit';
import type { Logger } from '../log.ts';
import type { ArticleDraft } from '../model.ts';
import type { InsertStatus, Source, Store } from '../store/index.ts';
import type { FeedItem } from './feed.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT, FetchError, fetchUrl, type FetchOptions, type FetchResult } from './http.ts';
import type { JobRunner } from './jobs.ts';
import type { Metrics } from '../util/metrics.ts';
import { systemTime, type TimeSource } from '../util/time.ts';

export interface PollDeps {
  store: Store;
  log: Logger;
  /** Runs the parsing of fetched feeds and pages: the worker pool in fetch and serve. */
  jobs: JobRunner;
  /** Stores one draft (dedup, analysis); may be async. */
  ingest: (draft: ArticleDraft, sourceId: number) => { status: InsertStatus } | Promise<{ status: InsertStatus }>;
  /**
   * Gives a stored teaser the full text of its page, fetched on a later poll; true when it
   * changed. Without it, stored teasers keep their teaser text.
   */
  complete?: (articleId: number, page: ArticleDraft) => boolean | Promise<boolean>;
  now?: () => Date;
  /** Jitter source for backoff, [0, 1). */
  random?: () => number;
  /** Milliseconds that only go forward, for the page budgets and the poll deadline (default performance.now). */
  monotonic?: () => number;
  /** The per-host pacing waits on it (tests: a fake clock). */
  time?: TimeSource;
  /** Told each source's outcome (serve's monitoring); none by default. */
  metrics?: Pick<Metrics, 'sourceFetched'>;
}

export interface PollOptions {
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
  /** Sources fetched at the same time. */
  concurrency?: number;
  /** Article pages of one source fetched at the same time. */
  pageConcurrency?: number;
  /** At most one request per host per this many ms (feeds and article pages alike). */
  hostIntervalMs?: number;
  /** When false, refuse hosts that resolve to private addresses (config ALLOW_PRIVATE_SOURCES). */
  allowPrivate?: boolean;
  /** Longest Retry-After honoured; longer asks are capped (a server's typo should not park a source for a year). */
  maxRetryAfterMs?: number;
  /** Teaser pages fetched per source in one poll; the other teasers are stored as they are and get their page on later polls. */
  pagesPerSource?: number;
  /** Teaser pages fetched in one poll, all sources together. */
  pagesPerPoll?: number;
  /** Time a source may spend starting page fetches in one poll. */
  pageTimePerSourceMs?: number;
  /** The poll stops starting work after this long and aborts what is in flight; sources not reached stay due. */
  deadlineMs?: number;
  /** Aborts the poll (SIGTERM): requests in flight stop, nothing more starts. */
  signal?: AbortSignal;
}

export type SourceOutcome = 'fetched' | 'not-modified' | 'failed' | 'postponed' | 'deferred';

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
  /** Teasers (new or stored earlier) left without their page this time (budget spent): their page comes on a later poll. */
  pagesDeferred: number;
  /** Stored teasers that got their full text from a page this time. */
  completed: number;
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
  pagesDeferred: number;
  postponed: number;
  /** Sources not reached or cut off by the deadline or an abort: still due. */
  deferred: number;
  /** Failed and postponed sources with the reason, for the CLI to print. */
  failed: { source: string; reason: string }[];
}

export interface PollReport extends PollTotals {
  results: SourceResult[];
}

export const DEFAULT_PAGES_PER_SOURCE = 30;
export const DEFAULT_PAGES_PER_POLL = 300;
export const DEFAULT_PAGE_TIME_PER_SOURCE_MS = 120_000;
export const DEFAULT_POLL_DEADLINE_MS = 10 * 60_000;

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
  constructor(
    private readonly intervalMs: number,
    private readonly time: TimeSource = systemTime,
  ) {}

  /** Resolves at this caller's slot for the URL's host; throws the signal's reason if it aborts first. */
  async wait(url: string, signal?: AbortSignal): Promise<void> {
    if (this.intervalMs <= 0) return;
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      return; // fetchUrl reports the bad URL
    }
    const now = this.time.now();
    const at = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, at + this.intervalMs);
    if (at > now) await this.time.sleep(at - now, signal);
    signal?.throwIfAborted();
  }
}

interface Context {
  deps: PollDeps;
  now: () => Date;
  monotonic: () => number;
  fetchOptions: FetchOptions;
  pacer: HostPacer;
  maxRetryAfterMs: number;
  pageConcurrency: number;
  pagesPerSource: number;
  pageTimePerSourceMs: number;
  /** Pages this poll may still fetch, all sources together. */
  pagesLeft: number;
  /** Monotonic time after which nothing new starts. */
  deadline: number;
  signal: AbortSignal;
}

/** Polls every due source once and reports what happened, per source and in total. */
export async function pollSources(deps: PollDeps, options: PollOptions = {}): Promise<PollReport> {
  const now = deps.now ?? (() => new Date());
  const monotonic = deps.monotonic ?? (() => performance.now());
  const deadlineMs = options.deadlineMs ?? DEFAULT_POLL_DEADLINE_MS;
  // One signal for everything in flight: the caller's abort, or the deadline.
  const controller = new AbortController();
  const deadlineTimer = setTimeout(() => controller.abort(new Error(`poll deadline of ${deadlineMs / 1000} s reached`)), deadlineMs);
  const onAbort = () => controller.abort(new Error('aborted (shutting down)'));
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  const ctx: Context = {
    deps,
    now,
    monotonic,
    fetchOptions: {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      allowPrivate: options.allowPrivate ?? true,
      signal: controller.signal,
    },
    pacer: new HostPacer(options.hostIntervalMs ?? 1_000, deps.time),
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    pageConcurrency: Math.max(1, options.pageConcurrency ?? 2),
    pagesPerSource: options.pagesPerSource ?? DEFAULT_PAGES_PER_SOURCE,
    pageTimePerSourceMs: options.pageTimePerSourceMs ?? DEFAULT_PAGE_TIME_PER_SOURCE_MS,
    pagesLeft: options.pagesPerPoll ?? DEFAULT_PAGES_PER_POLL,
    deadline: monotonic() + deadlineMs,
    signal: controller.signal,
  };
  try {
    const due = await deps.store.sources.due(now());
    const sourceLimit = pLimit(Math.max(1, options.concurrency ?? 4));
    const results = await Promise.all(
      due.map((source) =>
        sourceLimit(async () => {
          if (stopped(ctx)) return deferred(source, ctx);
          const result = await pollSource(source, ctx).catch((err: unknown): SourceResult => {
            // Only reachable when recording the outcome itself failed (e.g. the database).
            deps.log.error({ source: source.name, url: source.url, reason: reasonOf(err) }, `source failed: ${source.name}: ${reasonOf(err)}`);
            return { ...emptyResult(source), outcome: 'failed', reason: reasonOf(err) };
          });
          // A deferred source was not the source's doing: neither a success nor a failure.
          if (result.outcome !== 'deferred') deps.metrics?.sourceFetched(source.name, result.outcome === 'failed' || result.outcome === 'postponed' ? 'failure' : 'success');
          return result;
        }),
      ),
    );
    const report = { ...totalsOf(results), results };
    if (report.deferred) deps.log.warn({ deferred: report.deferred, reason: abortReason(ctx) }, `fetch stopped early: ${report.deferred} sources left for the next poll (${abortReason(ctx)})`);
    return report;
  } finally {
    clearTimeout(deadlineTimer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function stopped(ctx: Context): boolean {
  return ctx.signal.aborted || ctx.monotonic() >= ctx.deadline;
}

function abortReason(ctx: Context): string {
  return ctx.signal.aborted ? reasonOf(ctx.signal.reason) : 'poll deadline reached';
}

/** A source the poll did not get to, or cut off: nothing recorded, so it stays due. */
function deferred(source: Source, ctx: Context, partial: SourceResult = emptyResult(source)): SourceResult {
  return { ...partial, outcome: 'deferred', reason: abortReason(ctx) };
}

function totalsOf(results: SourceResult[]): PollTotals {
  const totals: PollTotals = {
    sources: results.length, fetched: 0, notModified: 0, new: 0, duplicate: 0, nearDuplicate: 0, known: 0, pages: 0, pagesDeferred: 0, postponed: 0, deferred: 0, failed: [],
  };
  for (const r of results) {
    if (r.outcome === 'fetched') totals.fetched++;
    if (r.outcome === 'not-modified') totals.notModified++;
    if (r.outcome === 'postponed') totals.postponed++;
    if (r.outcome === 'deferred') totals.deferred++;
    if (r.outcome === 'failed' || r.outcome === 'postponed') totals.failed.push({ source: r.source, reason: r.reason ?? 'unknown error' });
    totals.new += r.new;
    totals.duplicate += r.duplicate;
    totals.nearDuplicate += r.nearDuplicate;
    totals.known += r.known;
    totals.pages += r.pages;
    totals.pagesDeferred += r.pagesDeferred;
  }
  return totals;
}

function emptyResult(source: Source): SourceResult {
  return {
    sourceId: source.id, source: source.name, url: source.url, outcome: 'fetched',
    items: 0, known: 0, pages: 0, pageFailures: 0, pagesDeferred: 0, completed: 0, new: 0, duplicate: 0, nearDuplicate: 0, skipped: 0,
  };
}

async function pollSource(source: Source, ctx: Context): Promise<SourceResult> {
  const { store } = ctx.deps;
  const result = emptyResult(source);
  try {
    await ctx.pacer.wait(source.url, ctx.signal);
    const res = await fetchUrl(source.url, { ...ctx.fetchOptions, etag: source.etag, lastModified: source.lastModified });
    if (res.notModified) {
      // A 304 may carry fresher validators; otherwise the stored ones stay valid.
      await store.sources.recordSuccess(source.id, { etag: res.headers.etag ?? source.etag, lastModified: res.headers['last-modified'] ?? source.lastModified }, ctx.now());
      result.outcome = 'not-modified';
      return result;
    }
    if (source.kind === 'page') {
      result.items = 1;
      await store1(source, pageSourceDraft(source, await parsePage(source, res, ctx), res.url), ctx, result);
    } else {
      await storeFeed(source, res, ctx, result);
    }
    if (ctx.signal.aborted) return deferred(source, ctx, result);
    // With an item left behind (or a teaser still without its page), forget the validators so
    // the next poll gets the full feed again instead of a 304 that would hide it for good.
    const complete = result.skipped === 0 && result.pagesDeferred === 0;
    await store.sources.recordSuccess(source.id, complete ? { etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null } : {}, ctx.now());
    return result;
  } catch (err) {
    // Cut off by the deadline or a shutdown: not the source's fault, it stays due.
    if (ctx.signal.aborted) return deferred(source, ctx, result);
    return await recordFailure(source, err, ctx, result);
  }
}

/** Parses a fetched page in a worker; its warnings (invalid UTF-8) are logged. */
async function parsePage(source: Source, res: FetchResult, ctx: Context): Promise<ArticleDraft> {
  const { value, warnings } = await ctx.deps.jobs.run({ kind: 'page', body: res.body, hint: { url: res.url, contentType: res.headers['content-type'] ?? null } });
  logWarnings(source, res.url, warnings, ctx);
  return value;
}

function logWarnings(source: Source, url: string, warnings: string[], ctx: Context): void {
  for (const warning of warnings) ctx.deps.log.warn({ source: source.name, url, reason: warning }, `${source.name}: ${url}: ${warning}`);
}

/** Stores one draft as soon as it is ready, counting the outcome (null: nothing to store). */
async function store1(source: Source, draft: ArticleDraft | null, ctx: Context, result: SourceResult): Promise<void> {
  if (!draft) {
    result.skipped++;
    return;
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

async function recordFailure(source: Source, err: unknown, ctx: Context, result: SourceResult): Promise<SourceResult> {
  const { store, log } = ctx.deps;
  const now = ctx.now();
  const reason = reasonOf(err);
  // 429/503 with Retry-After: the server named its time; wait without counting a failure.
  if (err instanceof FetchError && err.retryAfterMs !== undefined && (err.status === 429 || err.status === 503)) {
    const waitMs = Math.min(err.retryAfterMs, ctx.maxRetryAfterMs);
    const until = new Date(now.getTime() + waitMs);
    const why = `${reason}, retry after ${Math.ceil(waitMs / 1000)} s`;
    await store.sources.postpone(source.id, until, why, now);
    log.warn({ source: source.name, url: source.url, reason: why, nextAttemptAt: until.toISOString() }, `source postponed: ${source.name}: ${why}`);
    return { ...result, outcome: 'postponed', reason: why, nextAttemptAt: until.toISOString() };
  }
  const failures = source.consecutiveFailures + 1;
  const until = new Date(now.getTime() + backoffDelayMs(failures, ctx.deps.random));
  await store.sources.recordFailure(source.id, reason, until, now);
  log.warn(
    { source: source.name, url: source.url, reason, consecutiveFailures: failures, nextAttemptAt: until.toISOString() },
    `source failed: ${source.name}: ${reason}`,
  );
  return { ...result, outcome: 'failed', reason, nextAttemptAt: until.toISOString() };
}

function pageSourceDraft(source: Source, page: ArticleDraft, finalUrl: string): ArticleDraft {
  const draft = { ...page };
  draft.url ??= finalUrl;
  draft.outlet = source.name; // the name the admin gave the source, as for feed items
  if (source.language) draft.language ??= source.language;
  return draft;
}

/** A teaser item waiting for its page: new, or stored earlier with only its teaser text. */
interface PageWork {
  item: FeedItem & { url: string };
  /** The stored article to complete; undefined for a new item. */
  storedId?: number;
}

/**
 * Stores the feed's new items as they become ready: full-text items at once, teasers after
 * their page (within the source's and the poll's budget) or, past the budget, as teasers.
 * Stored teasers still without their page get it when budget is left.
 */
async function storeFeed(source: Source, res: FetchResult, ctx: Context, result: SourceResult): Promise<void> {
  const { value: feed, warnings } = await ctx.deps.jobs.run({ kind: 'feed', body: res.body, hint: { url: res.url, contentType: res.headers['content-type'] ?? null } });
  logWarnings(source, res.url, warnings, ctx);
  result.items = feed.items.length;
  const fresh: PageWork[] = [];
  const unfinished: PageWork[] = [];
  for (const item of feed.items) {
    if (ctx.signal.aborted) return;
    // Known items are skipped before anything is fetched for them.
    const key: { guid?: string; url?: string } = {};
    if (item.guid) key.guid = item.guid;
    if (item.url) key.url = item.url;
    const known = await ctx.deps.store.articles.knownAs(key, source.id);
    if (known) {
      result.known++;
      if (item.isTeaser && item.url && ctx.deps.complete && known.text === item.text) unfinished.push({ item: { ...item, url: item.url }, storedId: known.id });
    } else if (item.isTeaser && item.url) fresh.push({ item: { ...item, url: item.url } });
    else await store1(source, itemDraft(source, item), ctx, result);
  }

  // New teasers first, then stored ones still waiting: each runs once a page slot is free.
  const pageSlot = pLimit(ctx.pageConcurrency);
  const pagesStarted = ctx.monotonic();
  let pagesTaken = 0;
  const takePage = (): boolean => {
    if (stopped(ctx) || pagesTaken >= ctx.pagesPerSource || ctx.pagesLeft <= 0 || ctx.monotonic() - pagesStarted >= ctx.pageTimePerSourceMs) return false;
    pagesTaken++;
    ctx.pagesLeft--;
    return true;
  };
  await Promise.all(
    [...fresh, ...unfinished].map((work) =>
      pageSlot(async () => {
        if (ctx.signal.aborted) return;
        const draft = itemDraft(source, work.item);
        if (!takePage()) {
          result.pagesDeferred++;
          if (work.storedId !== undefined) return;
          return store1(source, draft.text.trim() ? draft : null, ctx, result);
        }
        const page = await fetchItemPage(source, work.item.url, ctx, result);
        if (ctx.signal.aborted) return;
        const full = page ? withPage(draft, page) : draft;
        if (work.storedId === undefined) return store1(source, full.text.trim() ? full : null, ctx, result);
        if (full !== draft && (await ctx.deps.complete!(work.storedId, full))) result.completed++;
      }),
    ),
  );
}

function itemDraft(source: Source, item: FeedItem): ArticleDraft {
  const draft: ArticleDraft = { title: item.title, text: item.text, outlet: source.name };
  if (item.url) draft.url = item.url;
  if (item.guid) draft.guid = item.guid;
  if (item.published) draft.published = item.published;
  if (source.language) draft.language = source.language;
  return draft;
}

/** The teaser with its page's text when the page has more to say (it normally does); the teaser itself otherwise. */
function withPage(draft: ArticleDraft, page: ArticleDraft): ArticleDraft {
  if (page.text.length <= draft.text.length) return draft;
  const full: ArticleDraft = { ...draft, text: page.text };
  if (page.subheadings?.length) full.subheadings = page.subheadings;
  if (!full.published && page.published) full.published = page.published;
  if (!full.language && page.language) full.language = page.language;
  return full;
}

/** The article page behind a teaser, or null when it could not be had (logged; the teaser text is kept). */
async function fetchItemPage(source: Source, pageUrl: string, ctx: Context, result: SourceResult): Promise<ArticleDraft | null> {
  try {
    await ctx.pacer.wait(pageUrl, ctx.signal);
    const res = await fetchUrl(pageUrl, ctx.fetchOptions);
    const page = await parsePage(source, res, ctx);
    result.pages++;
    return page;
  } catch (err) {
    if (ctx.signal.aborted) return null;
    result.pageFailures++;
    ctx.deps.log.warn({ source: source.name, url: pageUrl, reason: reasonOf(err) }, `article page failed for ${source.name}: ${pageUrl}: ${reasonOf(err)} (keeping the feed text)`);
    return null;
  }
}

function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, ' ').trim().slice(0, 300) || 'unknown error';
}
