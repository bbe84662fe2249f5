import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF_MAX_MS, HostPacer, backoffDelayMs, pollSources, type PollOptions } from '../../src/ingest/fetcher.ts';
import { prepareArticle } from '../../src/ingest/prepare.ts';
import { PreparePool } from '../../src/ingest/worker-pool.ts';
import { createLogger } from '../../src/log.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { TestClock } from '../support/test-clock.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/feeds');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const RSS = 'application/rss+xml; charset=utf-8';

let fx: FixtureServer;
let dir: string;
// Feeds and pages are parsed in a worker, as in fetch and serve.
const jobs = new PreparePool(1, { tasksPerWorker: 2 });
let dbCount = 0;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  fx = await startFixtureServer();
  dir = mkdtempSync(join(tmpdir(), 'fetcher-test-'));
  // Safety net: these tests must never reach past 127.0.0.1.
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.hostname !== '127.0.0.1') throw new Error(`test tried to reach ${url.href}`);
    return realFetch(input, init);
  });
});
afterAll(async () => {
  await jobs.close();
  vi.unstubAllGlobals();
  await fx.close();
  rmSync(dir, { recursive: true, force: true });
});

interface LogLine {
  level: number;
  msg: string;
  source?: string;
  url?: string;
  reason?: string;
}

let store: Store;
let logLines: LogLine[];
let clock: Date;

function deps(extra: { random?: () => number } = {}) {
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => void logLines.push(JSON.parse(line) as LogLine) } });
  return {
    store,
    log,
    jobs,
    ingest: async (draft: Parameters<Store['articles']['insert']>[0], sourceId: number) => await store.articles.insert(draft, { sourceId }),
    now: () => clock,
    random: extra.random ?? (() => 0.5),
  };
}

// A generous HTTP timeout: on a busy machine even 127.0.0.1 can take seconds; the tests of
// timeouts set their own.
const options: PollOptions = { timeoutMs: 30_000, maxBytes: 5_000_000, concurrency: 4, hostIntervalMs: 0, userAgent: 'digest-test/1.0' };

beforeEach(async () => {
  fx.clear();
  store = await openStore(join(dir, `store-${++dbCount}.db`));
  logLines = [];
  clock = new Date('2024-09-02T12:00:00Z');
});
afterEach(async () => await store.close());

const minutes = (n: number) => n * 60_000;
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const warnings = () => logLines.filter((l) => l.level >= 40);

describe('pollSources', () => {
  it('reads RSS, Atom and JSON feeds, fetches the page behind a teaser and falls back to the teaser when the page fails', async () => {
    fx.static('/rss.xml', fixture('rss2.xml'), { contentType: RSS });
    fx.static('/atom.xml', fixture('atom.xml'), { contentType: 'application/atom+xml' });
    fx.static('/feed.json', fixture('feed.json'), { contentType: 'application/feed+json' });
    fx.file('/articles/teaser-1.html', join(FIXTURES, 'articles/teaser-1.html'), { contentType: 'text/html; charset=utf-8' });
    // The other teaser links (/world/..., /politics/..., /wire/...) answer 404.
    await store.sources.add({ name: 'RSS desk', url: fx.url('/rss.xml'), language: 'en' });
    await store.sources.add({ name: 'Atom desk', url: fx.url('/atom.xml') });
    await store.sources.add({ name: 'JSON wire', url: fx.url('/feed.json') });

    const report = await pollSources(deps(), options);

    expect(report).toMatchObject({ sources: 3, fetched: 3, notModified: 0, new: 7, duplicate: 0, nearDuplicate: 0, failed: [] });
    expect(report.pages).toBe(1);
    expect(report.results.map((r) => [r.source, r.outcome, r.items, r.new, r.pageFailures])).toEqual([
      ['RSS desk', 'fetched', 3, 3, 1],
      ['Atom desk', 'fetched', 2, 2, 1],
      ['JSON wire', 'fetched', 2, 2, 1],
    ]);
    expect(await store.articles.count()).toBe(7);

    const teaser = (await store.articles.recent({ limit: 50 })).find((a) => a.title === 'Election commission confirms turnout figures');
    expect(teaser?.text).toContain('turnout in the parliamentary election reached 64 percent');
    expect(teaser?.text).toContain('criticised the unequal access of candidates to state television');
    expect(teaser?.url).toBe(fx.url('/articles/teaser-1.html'));
    expect(teaser?.outlet).toBe('RSS desk');
    expect(teaser?.language).toBe('en');

    const fallback = (await store.articles.recent({ limit: 50 })).find((a) => a.title === 'Talks resume next week');
    expect(fallback?.text).toBe('Negotiators will meet again on Tuesday & Wednesday.');

    expect(fx.requests.every((r) => r.headers['user-agent'] === 'digest-test/1.0')).toBe(true);
    // Page failures are warnings, one line each, naming the source and the page.
    const pageWarnings = warnings().filter((l) => l.msg.startsWith('article page failed'));
    expect(pageWarnings).toHaveLength(3);
    expect(pageWarnings[0]?.reason).toBe('HTTP 404');
    const sources = await store.sources.list();
    expect(sources.every((s) => s.lastSuccessAt !== null && s.consecutiveFailures === 0)).toBe(true);
  });

  it('sends the stored validators; a 304 yields nothing new and fetches no pages', async () => {
    const lastModified = 'Mon, 02 Sep 2024 10:00:00 GMT';
    fx.static('/rss.xml', fixture('rss2.xml'), { contentType: RSS, etag: '"rss-v1"', lastModified });
    fx.file('/articles/teaser-1.html', join(FIXTURES, 'articles/teaser-1.html'), { contentType: 'text/html' });
    const source = await store.sources.add({ name: 'RSS desk', url: fx.url('/rss.xml') });

    const first = await pollSources(deps(), options);
    expect(first.new).toBe(3);
    expect(await store.sources.get(source.id)).toMatchObject({ etag: '"rss-v1"', lastModified });
    const requestsAfterFirst = fx.requests.length;

    advance(minutes(15));
    const second = await pollSources(deps(), options);
    expect(second).toMatchObject({ sources: 1, fetched: 0, notModified: 1, new: 0, failed: [] });
    const feedRequests = fx.requestsTo('/rss.xml');
    expect(feedRequests).toHaveLength(2);
    expect(feedRequests[1]?.headers['if-none-match']).toBe('"rss-v1"');
    expect(feedRequests[1]?.headers['if-modified-since']).toBe(lastModified);
    expect(fx.requests.length).toBe(requestsAfterFirst + 1);
    expect(await store.articles.count()).toBe(3);
    expect(await store.sources.get(source.id)).toMatchObject({ etag: '"rss-v1"', lastModified, consecutiveFailures: 0, lastSuccessAt: clock.toISOString() });
  });

  it('skips items already stored, so their pages are not fetched again', async () => {
    fx.static('/rss.xml', fixture('rss2.xml'), { contentType: RSS });
    fx.file('/articles/teaser-1.html', join(FIXTURES, 'articles/teaser-1.html'), { contentType: 'text/html' });
    await store.sources.add({ name: 'RSS desk', url: fx.url('/rss.xml') });
    await pollSources(deps(), options);
    advance(minutes(15));
    const second = await pollSources(deps(), options);
    expect(second).toMatchObject({ fetched: 1, new: 0, duplicate: 0, known: 3, pages: 0 });
    expect(fx.requestsTo('/articles/teaser-1.html')).toHaveLength(1);
    expect(fx.requestsTo('/world/2024/09/01/summit-ends')).toHaveLength(1);
  });

  it('extracts a page source', async () => {
    fx.file('/live.html', join(FIXTURES, 'articles/teaser-1.html'), { contentType: 'text/html' });
    await store.sources.add({ name: 'A page', url: fx.url('/live.html'), kind: 'page' });
    const report = await pollSources(deps(), options);
    expect(report).toMatchObject({ fetched: 1, new: 1, failed: [] });
    const [article] = await store.articles.recent();
    expect(article?.text).toContain('64 percent');
    expect(article?.outlet).toBe('A page');
  });

  it('fails each broken source with a clear reason, in one log line, while the others succeed and nothing stored is lost', async () => {
    fx.static('/good.xml', fixture('rss2.xml'), { contentType: RSS });
    fx.static('/flaky.xml', fixture('atom.xml'), { contentType: 'application/atom+xml', etag: '"flaky-1"' });
    const good = await store.sources.add({ name: 'Good', url: fx.url('/good.xml') });
    const flaky = await store.sources.add({ name: 'Flaky', url: fx.url('/flaky.xml') });
    await pollSources(deps(), options);
    const stored = await store.articles.count();
    expect(stored).toBe(5);

    // Second round: Flaky breaks, and a crowd of broken sources joins.
    fx.static('/flaky.xml', fixture('malformed.xml'), { contentType: RSS });
    fx.static('/html.xml', fixture('not-a-feed.html'), { contentType: 'text/html' });
    fx.static('/empty.xml', '', { contentType: RSS });
    fx.huge('/huge.xml', 10_000_000, { contentType: RSS });
    fx.static('/slow.xml', fixture('rss2.xml'), { contentType: RSS, headersDelayMs: 120_000 });
    fx.redirect('/loop-a.xml', '/loop-b.xml');
    fx.redirect('/loop-b.xml', '/loop-a.xml');
    fx.reset('/reset.xml');
    fx.static('/json.json', fixture('feed.json'), { contentType: 'application/feed+json' });
    const broken: Record<string, RegExp> = {
      'HTML page': /^not a feed: got an HTML page \(it links to a feed at http:\/\/127\.0\.0\.1:\d+\/world\/rss\.xml\)$/,
      Empty: /^empty body: not a feed$/,
      Huge: /^response larger than 1000000 bytes$/,
      Slow: /^timeout after 3000 ms$/,
      Loop: /^redirect loop/,
      Reset: /^connection (reset|closed)/,
    };
    const paths: Record<string, string> = { 'HTML page': '/html.xml', Empty: '/empty.xml', Huge: '/huge.xml', Slow: '/slow.xml', Loop: '/loop-a.xml', Reset: '/reset.xml' };
    for (const [name, path] of Object.entries(paths)) await store.sources.add({ name, url: fx.url(path) });
    await store.sources.add({ name: 'JSON', url: fx.url('/json.json') });

    advance(minutes(15));
    logLines = [];
    // A 1 MB cap: the 10 MB body is cut off after its first megabyte.
    const report = await pollSources(deps(), { ...options, timeoutMs: 3_000, maxBytes: 1_000_000 });

    const reasons = Object.fromEntries(report.failed.map((f) => [f.source, f.reason]));
    expect(Object.keys(reasons).sort()).toEqual([...Object.keys(broken), 'Flaky'].sort());
    expect(reasons.Flaky).toBe('malformed XML: expected </item> (opened at line 5) but found </itemm> at line 8');
    for (const [name, pattern] of Object.entries(broken)) expect(reasons[name], name).toMatch(pattern);

    // The good sources still worked.
    expect(report.results.find((r) => r.source === 'Good')).toMatchObject({ outcome: 'fetched', known: 3, new: 0 });
    expect(report.results.find((r) => r.source === 'JSON')).toMatchObject({ outcome: 'fetched', new: 2 });
    expect(await store.articles.count()).toBe(stored + 2);
    // Nothing stored is lost: Flaky's articles and validators stay; the failure is recorded.
    expect((await store.articles.recent({ limit: 50 })).filter((a) => a.sourceId === flaky.id)).toHaveLength(2);
    expect(await store.sources.get(flaky.id)).toMatchObject({ etag: '"flaky-1"', consecutiveFailures: 1, lastError: reasons.Flaky });
    expect((await store.sources.get(good.id))?.consecutiveFailures).toBe(0);

    // One log line per failed source, with its name, URL and reason.
    const sourceFailures = warnings().filter((l) => l.msg.startsWith('source failed'));
    expect(sourceFailures).toHaveLength(7);
    for (const line of sourceFailures) {
      expect(line.url).toBe((await store.sources.list()).find((s) => s.name === line.source)?.url);
      expect(line.msg).toBe(`source failed: ${line.source}: ${line.reason}`);
    }
  });

  it('postpones a source on 429 with Retry-After without counting a failure', async () => {
    fx.status('/limited.xml', 429, { retryAfter: '120' });
    const source = await store.sources.add({ name: 'Limited', url: fx.url('/limited.xml') });
    const report = await pollSources(deps(), options);
    expect(report).toMatchObject({ sources: 1, postponed: 1, failed: [{ source: 'Limited', reason: 'HTTP 429, retry after 120 s' }] });
    const after = await store.sources.get(source.id);
    expect(after?.consecutiveFailures).toBe(0);
    expect(after?.nextAttemptAt).toBe(new Date(clock.getTime() + 120_000).toISOString());

    advance(60_000);
    expect((await pollSources(deps(), options)).sources).toBe(0);
    expect(fx.requestsTo('/limited.xml')).toHaveLength(1);

    advance(61_000);
    fx.static('/limited.xml', fixture('rss2.xml'), { contentType: RSS });
    const later = await pollSources(deps(), options);
    expect(later).toMatchObject({ sources: 1, fetched: 1, new: 3 });
  });

  it('backs off exponentially on repeated failures and resets after a success', async () => {
    fx.status('/down.xml', 500);
    const source = await store.sources.add({ name: 'Down', url: fx.url('/down.xml') });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const report = await pollSources(deps(), options);
      expect(report.failed).toEqual([{ source: 'Down', reason: 'HTTP 500' }]);
      const s = await (await store.sources.get(source.id))!;
      expect(s.consecutiveFailures).toBe(attempt);
      const next = Date.parse(s.nextAttemptAt!);
      delays.push(next - clock.getTime());
      // Not due before its time...
      advance(next - clock.getTime() - 1_000);
      expect((await pollSources(deps(), options)).sources).toBe(0);
      // ...due after.
      advance(1_000);
    }
    expect(delays).toEqual([minutes(1), minutes(2), minutes(4), minutes(8), minutes(16)]);
    expect(fx.requestsTo('/down.xml')).toHaveLength(5);

    fx.static('/down.xml', fixture('rss2.xml'), { contentType: RSS });
    await pollSources(deps(), options);
    expect(await store.sources.get(source.id)).toMatchObject({ consecutiveFailures: 0, nextAttemptAt: null, lastError: null });
  });

  it('when an item could not be stored, forgets the validators so the next poll retries it', async () => {
    fx.static('/rss.xml', fixture('rss2.xml'), { contentType: RSS, etag: '"v1"' });
    fx.file('/articles/teaser-1.html', join(FIXTURES, 'articles/teaser-1.html'), { contentType: 'text/html' });
    const source = await store.sources.add({ name: 'RSS desk', url: fx.url('/rss.xml') });
    const base = deps();
    let failOnce = true;
    const report = await pollSources(
      {
        ...base,
        ingest: async (draft, sourceId) => {
          if (failOnce && draft.title.startsWith('Summit')) {
            failOnce = false;
            throw new Error('disk full');
          }
          return await base.ingest(draft, sourceId);
        },
      },
      options,
    );
    expect(report.results[0]).toMatchObject({ outcome: 'fetched', new: 2, skipped: 1 });
    expect((await store.sources.get(source.id))?.etag).toBeNull();
    expect(logLines.filter((l) => l.level >= 50 && l.msg.includes('disk full'))).toHaveLength(1);

    advance(minutes(15));
    const second = await pollSources(base, options);
    expect(fx.requestsTo('/rss.xml')[1]?.headers['if-none-match']).toBeUndefined();
    expect(second).toMatchObject({ fetched: 1, new: 1, known: 2 });
    expect((await store.sources.get(source.id))?.etag).toBe('"v1"');
  });

  it('paces requests to one host, the feed and its pages alike (fake clock)', async () => {
    const items = [1, 2, 3]
      .map((n) => `<item><title>Item ${n}</title><link>/paced/${n}.html</link><description>Short teaser ${n}.</description></item>`)
      .join('');
    fx.static('/paced.xml', `<rss version="2.0"><channel><title>Paced</title>${items}</channel></rss>`, { contentType: RSS });
    const page = fixture('articles/teaser-1.html');
    for (const n of [1, 2, 3]) fx.static(`/paced/${n}.html`, page.replace(/Election commission/g, `Commission ${n}`).replace('64 percent', `${60 + n} percent`), { contentType: 'text/html' });
    await store.sources.add({ name: 'Paced', url: fx.url('/paced.xml') });

    // The times at which paced requests were let go, on a clock that jumps instead of sleeping.
    const clock = new TestClock(0);
    const released: number[] = [];
    const time = { now: () => clock.now(), sleep: (ms: number, signal?: AbortSignal) => clock.sleep(ms, signal).then(() => void released.push(clock.now())) };
    const stopClock = clock.autoAdvance();
    const report = await pollSources({ ...deps(), time }, { ...options, hostIntervalMs: 200, concurrency: 4 });
    await stopClock();
    expect(report.pages).toBe(3);
    // The three pages share most of their text, so the store links two as near-duplicates.
    expect(report.new + report.nearDuplicate).toBe(3);
    expect(fx.requests).toHaveLength(4);
    // The feed went at 0; its three pages each waited for their own slot.
    expect(released).toEqual([200, 400, 600]);
  });

  it('polls at most `concurrency` sources at once', async () => {
    let active = 0;
    let peak = 0;
    let release!: () => void;
    const bothActive = new Promise<void>((resolve) => (release = resolve));
    for (let n = 0; n < 6; n++) {
      fx.handle(`/busy-${n}.xml`, (_req, res) => {
        active++;
        peak = Math.max(peak, active);
        if (active === 2) release();
        // Held until two are in flight at once, so that a limit that lets more through would show.
        void bothActive.then(() => {
          active--;
          res.writeHead(200, { 'content-type': RSS }).end(fixture('rss2.xml'));
        });
      });
      await store.sources.add({ name: `Busy ${n}`, url: fx.url(`/busy-${n}.xml`) });
    }
    const report = await pollSources(deps(), { ...options, concurrency: 2 });
    expect(report.fetched).toBe(6);
    expect(peak).toBe(2);
  });
});

/** A feed of `count` teaser items linking to /{prefix}/N.html, and those pages (each its own article). */
function teaserFeed(prefix: string, count: number, servePages = true): void {
  const items = Array.from({ length: count }, (_, n) => `<item><title>${prefix} story ${n}</title><link>/${prefix}/${n}.html</link><guid>${prefix}-${n}</guid><description>Teaser ${n} of ${prefix}.</description></item>`);
  fx.static(`/${prefix}.xml`, `<rss version="2.0"><channel><title>${prefix}</title>${items.join('')}</channel></rss>`, { contentType: RSS, etag: `"${prefix}"` });
  if (!servePages) return;
  for (let n = 0; n < count; n++) {
    const words = Array.from({ length: 60 }, (_, i) => `${prefix}${n}word${i}`).join(' ');
    fx.static(`/${prefix}/${n}.html`, `<html><body><article><h1>${prefix} story ${n}</h1><p>Full story ${n} of ${prefix}: ${words}.</p><p>${words} again, at length.</p></article></body></html>`, { contentType: 'text/html' });
  }
}

const pageRequests = (prefix: string) => fx.requests.filter((r) => r.path.startsWith(`/${prefix}/`)).length;

describe('pollSources with budgets (issue 18: one feed of many teasers stopped all fetching)', () => {
  it('stores each item as it is ready, not after the whole feed', async () => {
    const full = Array.from({ length: 3 }, (_, n) => `<item><title>Full ${n}</title><link>/full/${n}</link><description>${'Complete article text with many words. '.repeat(20)}${n}</description></item>`);
    const teaser = '<item><title>Slow teaser</title><link>/slow-page.html</link><description>Short teaser.</description></item>';
    fx.static('/mixed.xml', `<rss version="2.0"><channel><title>Mixed</title>${teaser}${full.join('')}</channel></rss>`, { contentType: RSS });
    let storedWhenPageAsked = -1;
    fx.handle('/slow-page.html', async (_req, res) => {
      storedWhenPageAsked = await store.articles.count();
      res.writeHead(404).end();
    });
    await store.sources.add({ name: 'Mixed', url: fx.url('/mixed.xml') });
    const report = await pollSources(deps(), options);
    expect(report.new).toBe(4);
    // The full-text items were in the store before the teaser's page was even requested.
    expect(storedWhenPageAsked).toBe(3);
  });

  it('fetches at most pagesPerSource pages; the other teasers are stored as teasers and get their page on later polls', async () => {
    teaserFeed('many', 12);
    const source = await store.sources.add({ name: 'Many', url: fx.url('/many.xml') });
    const complete = async (id: number, page: Parameters<typeof prepareArticle>[0]) => await store.articles.completeText(id, page, prepareArticle(page));
    const budget = { ...options, pagesPerSource: 5 };

    const first = await pollSources({ ...deps(), complete }, budget);
    expect(first).toMatchObject({ new: 12, pages: 5, pagesDeferred: 7 });
    expect(pageRequests('many')).toBe(5);
    expect((await store.articles.recent({ limit: 50 })).filter((a) => a.text.includes('Full story'))).toHaveLength(5);
    // Validators forgotten: a 304 next time would hide the teasers still waiting for their page.
    expect((await store.sources.get(source.id))?.etag).toBeNull();

    advance(minutes(15));
    const second = await pollSources({ ...deps(), complete }, budget);
    expect(second.results[0]).toMatchObject({ known: 12, new: 0, pages: 5, completed: 5 });
    advance(minutes(15));
    await pollSources({ ...deps(), complete }, budget);
    const texts = (await store.articles.recent({ limit: 50 })).map((a) => a.text);
    expect(texts.filter((t) => t.includes('Full story'))).toHaveLength(12);
    expect(pageRequests('many')).toBe(12);
    expect(await store.articles.count()).toBe(12);
  });

  it('shares pagesPerPoll between sources', async () => {
    teaserFeed('a', 6);
    teaserFeed('b', 6);
    await store.sources.add({ name: 'A', url: fx.url('/a.xml') });
    await store.sources.add({ name: 'B', url: fx.url('/b.xml') });
    const report = await pollSources(deps(), { ...options, pagesPerSource: 100, pagesPerPoll: 7 });
    expect(report).toMatchObject({ new: 12, pages: 7, pagesDeferred: 5 });
    expect(pageRequests('a') + pageRequests('b')).toBe(7);
  });

  it('stops starting pages for a source once its page time is spent (injected clock)', async () => {
    teaserFeed('timed', 8, false);
    let fakeMs = 0;
    for (let n = 0; n < 8; n++) {
      fx.handle(`/timed/${n}.html`, (_req, res) => {
        fakeMs += 40_000; // each page "takes" 40 s
        res.writeHead(404).end();
      });
    }
    await store.sources.add({ name: 'Timed', url: fx.url('/timed.xml') });
    const report = await pollSources({ ...deps(), monotonic: () => fakeMs }, { ...options, pageConcurrency: 1, pageTimePerSourceMs: 100_000 });
    // Pages start at 0, 40 and 80 s; at 120 s the source's 100 s are spent.
    expect(pageRequests('timed')).toBe(3);
    expect(report).toMatchObject({ new: 8, pagesDeferred: 5 });
  });

  it('never lets a source of 2,000 teasers hold up the others', async () => {
    teaserFeed('huge', 2_000, false);
    fx.static('/other.xml', fixture('atom.xml'), { contentType: 'application/atom+xml' });
    await store.sources.add({ name: 'Huge', url: fx.url('/huge.xml') });
    await store.sources.add({ name: 'Other', url: fx.url('/other.xml') });
    // 20 ms between requests to the one host: 2,000 pages would take 40 s; the budget takes 5.
    const report = await pollSources(deps(), { ...options, hostIntervalMs: 20, pagesPerSource: 5 });
    expect(report.results.map((r) => [r.source, r.outcome, r.new])).toEqual([
      ['Huge', 'fetched', 2_000],
      ['Other', 'fetched', 2],
    ]);
    expect(report.pagesDeferred).toBe(1_995);
    // Five page attempts (each a 404 here), no more.
    expect(report.results[0]!.pageFailures).toBe(5);
    expect(pageRequests('huge')).toBeLessThanOrEqual(5);
  });

  it('leaves sources not started by the deadline due, with no failure recorded (injected clock)', async () => {
    let fakeMs = 0;
    fx.handle('/first.xml', (_req, res) => {
      fakeMs += 100_000; // the first source's answer takes past the deadline (on the injected clock)
      res.writeHead(200, { 'content-type': RSS }).end(fixture('rss2.xml'));
    });
    fx.static('/second.xml', fixture('atom.xml'), { contentType: 'application/atom+xml' });
    await store.sources.add({ name: 'First', url: fx.url('/first.xml') });
    const second = await store.sources.add({ name: 'Second', url: fx.url('/second.xml') });
    // A deadline far beyond the test's real length: the poll's own timer (real time, it aborts
    // requests in flight) must not fire on a busy machine; the injected clock passes it at once.
    const report = await pollSources({ ...deps(), monotonic: () => fakeMs }, { ...options, concurrency: 1, deadlineMs: 60_000 });
    expect(report.results.map((r) => [r.source, r.outcome])).toEqual([
      ['First', 'fetched'],
      ['Second', 'deferred'],
    ]);
    expect(fx.requestsTo('/second.xml')).toHaveLength(0);
    expect(await store.sources.get(second.id)).toMatchObject({ consecutiveFailures: 0, lastError: null });
    expect((await store.sources.due(clock)).map((s) => s.name)).toContain('Second');
    expect(warnings().some((l) => l.msg.startsWith('fetch stopped early: 1 sources left for the next poll'))).toBe(true);
  });

  it('aborts requests in flight at the deadline and on abort (SIGTERM), and returns at once', async () => {
    fx.static('/stuck.xml', fixture('rss2.xml'), { contentType: RSS, headersDelayMs: 60_000 });
    const stuck = await store.sources.add({ name: 'Stuck', url: fx.url('/stuck.xml') });
    const byDeadline = await pollSources(deps(), { ...options, timeoutMs: 120_000, deadlineMs: 300 });
    expect(byDeadline.results[0]).toMatchObject({ outcome: 'deferred', reason: 'poll deadline of 0.3 s reached' });

    const shutdown = new AbortController();
    const polling = pollSources(deps(), { ...options, timeoutMs: 120_000, signal: shutdown.signal });
    setTimeout(() => shutdown.abort(), 200);
    const report = await polling;
    expect(report.results[0]).toMatchObject({ outcome: 'deferred', reason: 'aborted (shutting down)' });
    // Neither counts as the source's failure.
    expect(await store.sources.get(stuck.id)).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });
});

describe('pollSources on invalid UTF-8 (issue 18: sources add accepted what fetch failed for good)', () => {
  it('stores the feed with U+FFFD in place of the bad bytes and warns once, naming the source', async () => {
    const item = `<item><title>Caf\u00e9 owners protest</title><link>/cafe</link><description>${'Owners of caf\u00e9s marched on Monday. '.repeat(20)}</description></item>`;
    const body = Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Caf`), Buffer.from([0xe9, 0xff]), Buffer.from(`</title>${item}</channel></rss>`)]);
    fx.static('/latin.xml', body, { contentType: 'application/rss+xml; charset=utf-8' });
    const source = await store.sources.add({ name: 'Latin', url: fx.url('/latin.xml') });
    const report = await pollSources(deps(), options);
    expect(report).toMatchObject({ fetched: 1, new: 1, failed: [] });
    expect((await store.sources.get(source.id))?.consecutiveFailures).toBe(0);
    expect(warnings().filter((l) => l.reason?.startsWith('invalid UTF-8'))).toEqual([
      expect.objectContaining({ source: 'Latin', url: fx.url('/latin.xml'), reason: 'invalid UTF-8: byte sequences that are not UTF-8 were replaced with U+FFFD' }),
    ]);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from one minute, caps at six hours, jitters within 20%', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, mid))).toEqual([minutes(1), minutes(2), minutes(4), minutes(8)]);
    expect(backoffDelayMs(12, mid)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelayMs(1000, () => 0.99)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelayMs(1, () => 0)).toBe(minutes(1) * 0.8);
    expect(backoffDelayMs(1, () => 0.999)).toBeLessThanOrEqual(minutes(1) * 1.2);
  });
});

describe('HostPacer (fake clock)', () => {
  it('gives each request to a host the next slot, an interval apart; other hosts do not wait', async () => {
    const clock = new TestClock(0);
    const pacer = new HostPacer(200, clock);
    const released: [string, number][] = [];
    const request = (url: string) => pacer.wait(url).then(() => void released.push([url, clock.now()]));
    const all = Promise.all([request('https://a.example/1'), request('https://a.example/2'), request('https://b.example/1'), request('https://A.example/3')]);
    await clock.advance(1_000);
    await all;
    expect(released).toEqual([
      ['https://a.example/1', 0],
      ['https://b.example/1', 0],
      ['https://a.example/2', 200],
      ['https://A.example/3', 400],
    ]);
  });

  it('stops waiting when the poll is aborted', async () => {
    const clock = new TestClock(0);
    const pacer = new HostPacer(60_000, clock);
    await pacer.wait('https://a.example/1');
    const shutdown = new AbortController();
    const waiting = pacer.wait('https://a.example/2', shutdown.signal);
    shutdown.abort(new Error('aborted (shutting down)'));
    await expect(waiting).rejects.toThrow('aborted (shutting down)');
  });
});
