// The monitoring port over real HTTP on 127.0.0.1: after a poll of the sources and a round of
// daily digests, /metrics shows the counts the store and the emulator saw.
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Delivery, botApi } from '../../src/delivery/index.ts';
import { parseConfig } from '../../src/config.ts';
import { inProcessJobs } from '../../src/ingest/jobs.ts';
import { createLlmSummarizer } from '../../src/llm/index.ts';
import { pollAndStore } from '../../src/ingest/pipeline.ts';
import { PrometheusMetrics } from '../../src/metrics/prometheus.ts';
import { startMetricsServer, type HealthReport } from '../../src/metrics/server.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { addSubscribers, memoryLogger, seedArticles, settings, tempDir } from '../delivery/helpers.ts';
import { startFixtureServer } from '../support/fixture-server.ts';
import { startTelegramEmulator } from '../support/telegram-emulator.ts';
import { startOpenAiStub } from '../support/openai-stub.ts';
import { digestOf, otherDraft, seedDraft, storeArticle } from '../llm/helpers.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A store in a temporary folder, closed (if still open) and removed after the test. */
async function tempStore(): Promise<Store> {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const store = await openStore(`${dir}/db.sqlite`);
  cleanups.push(async () => await store.close());
  return store;
}

async function get(url: string): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** The value of one sample of the Prometheus text format, e.g. sample(text, 'x_total', { source: 'A' }). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2] ? match[2].split(/,(?=[a-z_]+=)/) : [];
    if (have.length === wanted.length && wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return undefined;
}

async function monitoring(store: Store, health: () => Promise<HealthReport> = async () => ({ ok: true, database: await store.check(), scheduler: 'running', bot: 'running' })) {
  const metrics = new PrometheusMetrics({ queueDepth: async () => (await store.outbox.counts()).messages.pending, processMetrics: false });
  const server: Server = await startMetricsServer({ host: '127.0.0.1', port: 0, registry: metrics.registry, health }, memoryLogger().log);
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as { port: number };
  return { metrics, origin: `http://127.0.0.1:${port}` };
}

function article(link: string, n: number): string {
  return `<item><title>Harbour report ${n}</title><link>${link}</link><description>${`The harbour council met on day ${n} and agreed the bridge budget after a long debate. `.repeat(8)}</description></item>`;
}

describe('the metrics port', () => {
  it('counts each source poll by source and outcome, and the new articles', async () => {
    const store = await tempStore();
    const feeds = await startFixtureServer();
    cleanups.push(() => feeds.close());
    feeds.static('/harbour.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>${article(feeds.url('/harbour/1'), 1)}${article(feeds.url('/harbour/2'), 2)}</channel></rss>`, { contentType: 'application/rss+xml' });
    feeds.status('/gone.xml', 404);
    await store.sources.add({ name: 'Harbour News', url: feeds.url('/harbour.xml') });
    await store.sources.add({ name: 'Gone Feed', url: feeds.url('/gone.xml') });
    const { metrics, origin } = await monitoring(store);

    const report = await pollAndStore({ store, log: memoryLogger().log, jobs: inProcessJobs(), metrics }, { allowPrivate: true, hostIntervalMs: 0 });
    expect(report.new).toBe(2);
    // A second poll: the articles are known now, and the broken feed waits for its backoff.
    await pollAndStore({ store, log: memoryLogger().log, jobs: inProcessJobs(), metrics }, { allowPrivate: true, hostIntervalMs: 0 });

    const scraped = await get(`${origin}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(scraped.body, 'news_digest_fetches_total', { source: 'Harbour News', outcome: 'success' })).toBe(2);
    expect(sample(scraped.body, 'news_digest_fetches_total', { source: 'Gone Feed', outcome: 'failure' })).toBe(1);
    expect(sample(scraped.body, 'news_digest_fetches_total', { source: 'Gone Feed', outcome: 'success' })).toBeUndefined();
    expect(sample(scraped.body, 'news_digest_articles_ingested_total')).toBe(2);
    expect(await store.articles.count()).toBe(2);
  });

  it('counts digests decided, messages sent and failed, the latency of each send, and the outbox left', async () => {
    const store = await tempStore();
    await seedArticles(store, new Date(), 20);
    await addSubscribers(store, [{ chatId: 501 }, { chatId: 502 }, { chatId: 503 }]);
    const emulator = await startTelegramEmulator({ chats: [501, 502, 503], rateLimits: false });
    cleanups.push(() => emulator.close());
    emulator.blockChat(503);
    const { metrics, origin } = await monitoring(store);
    const delivery = new Delivery({ store, log: memoryLogger().log, api: botApi(emulator.token, emulator.apiRoot), settings: settings(), metrics });
    await delivery.start();
    const decided = await delivery.tick({ everyoneDue: true });
    await delivery.drain();
    await delivery.stop();

    const sent = emulator.requests.filter((r) => r.method === 'sendMessage' && r.ok).length;
    const calls = emulator.requests.filter((r) => r.method === 'sendMessage').length;
    expect(decided?.queued).toBe(3);
    expect(sent).toBeGreaterThanOrEqual(2);
    const { body } = await get(`${origin}/metrics`);
    expect(sample(body, 'news_digest_digests_decided_total', { decision: 'queued' })).toBe(3);
    expect(sample(body, 'news_digest_digests_decided_total', { decision: 'empty' })).toBe(0);
    expect(sample(body, 'news_digest_digest_messages_total', { outcome: 'sent' })).toBe(sent);
    // The reader who blocked the bot: the one message that failed.
    expect(sample(body, 'news_digest_digest_messages_total', { outcome: 'failed' })).toBe(1);
    expect(sample(body, 'news_digest_digest_messages_total', { outcome: 'unknown' })).toBe(0);
    expect(sample(body, 'news_digest_send_latency_seconds_count')).toBe(calls);
    expect(sample(body, 'news_digest_outbox_pending')).toBe((await store.outbox.counts()).messages.pending);
  });

  it('counts the LLM input tokens sent and the requests given up', async () => {
    const store = await tempStore();
    const stub = await startOpenAiStub();
    cleanups.push(() => stub.close());
    const { metrics, origin } = await monitoring(store);
    const config = parseConfig({ OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: 'sk-test-stub-key', OPENAI_MODEL: 'stub-model' });
    const llm = createLlmSummarizer({ llm: config.llm, store, log: memoryLogger().log, metrics }, { backoffBaseMs: 10, maxAttempts: 2 })!;
    cleanups.push(() => llm.close());
    const seed = await storeArticle(store, seedDraft());
    await llm.enhanceDigest(digestOf([[seed]]));
    // A second story while the server fails: two attempts, then the offline story.
    stub.mode = 'server-error';
    const other = await storeArticle(store, otherDraft(1));
    await llm.enhanceDigest(digestOf([[other]]));

    const { body } = await get(`${origin}/metrics`);
    expect(llm.metrics.tokensSent).toBeGreaterThan(1000);
    expect(sample(body, 'news_digest_llm_tokens_total', { kind: 'input' })).toBe(llm.metrics.tokensSent);
    expect(sample(body, 'news_digest_llm_failures_total', { reason: 'unavailable' })).toBe(1);
  });

  it('answers /healthz 200 when healthy and 503 with what is wrong; anything else is 404', async () => {
    const store = await tempStore();
    let bot = 'running';
    const { origin } = await monitoring(store, async () => {
      const database = await store.check();
      return { ok: database === 'ok' && bot === 'running', database, scheduler: 'running', bot };
    });
    expect(await get(`${origin}/healthz`)).toMatchObject({ status: 200, body: '{"database":"ok","scheduler":"running","bot":"running"}' });
    bot = 'failed';
    expect(await get(`${origin}/healthz`)).toMatchObject({ status: 503, body: '{"database":"ok","scheduler":"running","bot":"failed"}' });
    await store.close();
    expect(JSON.parse((await get(`${origin}/healthz`)).body)).toMatchObject({ database: expect.stringMatching(/not open/) });
    expect((await get(`${origin}/`)).status).toBe(404);
  });
});
