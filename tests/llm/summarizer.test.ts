// The LLM summarizer against the local OpenAI-compatible stub, through the real openai SDK.
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { askOffline, llmPassages, type Answer, type AnswerPassage } from '../../src/qa/index.ts';
import type { StoredArticle } from '../../src/model.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { countTokens } from '../../src/llm/budget.ts';
import { createLlmSummarizer } from '../../src/llm/index.ts';
import { digestOf, harness, loose, otherDraft, seedDraft, storeArticle, type Harness } from './helpers.ts';
import { TestClock } from '../support/test-clock.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('createLlmSummarizer', () => {
  it('is null when neither OPENAI_API_KEY nor OPENAI_BASE_URL is set: everything stays offline', async () => {
    const store = await openStore(':memory:');
    expect(createLlmSummarizer({ llm: parseConfig({}).llm, store, log: silentLogger })).toBeNull();
    expect(createLlmSummarizer({ llm: parseConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).llm, store, log: silentLogger })).not.toBeNull();
    expect(createLlmSummarizer({ llm: parseConfig({ OPENAI_API_KEY: 'sk-x' }).llm, store, log: silentLogger })).not.toBeNull();
    await store.close();
  });
});

describe('enhanceDigest', () => {
  it('gives the seed story an LLM summary whose every quote is verbatim in the seed article', async () => {
    h = await harness();
    const seed = await storeArticle(h.store, seedDraft());
    const offline = digestOf([[seed]]);
    const digest = await h.llm.enhanceDigest(offline);
    const story = digest.stories[0]!;

    expect(story.summary).not.toEqual(offline.stories[0]!.summary);
    expect(story.summary[0]).toMatch(/^Moscow and Washington may reach an agreement/);
    expect(story.quotes.length).toBeGreaterThan(0);
    for (const quote of story.quotes) {
      expect(quote.verified).toBe(true);
      expect(quote.articleId).toBe(seed.id);
      // The exact article substring, not merely a normalised match.
      expect(seed.text).toContain(quote.text);
    }
    expect(story.quotes[0]!.text).toMatch(/^Our collaborative effort with the US/);
    expect(story.quotes[0]!.speaker).toBe('Putin');
    // Title, sources and id stay as composed offline.
    expect(story.sources).toEqual(offline.stories[0]!.sources);
    expect(story.id).toBe(offline.stories[0]!.id);

    // The request: Chat Completions with a strict JSON-schema response format.
    expect(h.stub.requests).toHaveLength(1);
    const body = h.stub.requests[0]!.body;
    expect(body.model).toBe('stub-model');
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.response_format?.json_schema?.name).toBe('story_summary');
    expect(body.response_format?.json_schema?.strict).toBe(true);
    expect(body.response_format?.json_schema?.schema).toMatchObject({ type: 'object', required: ['summary', 'quotes'], additionalProperties: false });
    expect(body.messages[0]!.role).toBe('system');
    expect(body.messages[0]!.content).toMatch(/character for character/);
    expect(body.messages[1]!.content).toContain(`<article id="${seed.id}"`);
    expect(h.llm.metrics).toMatchObject({ calls: 1, cacheHits: 0, quotesDropped: 0, fallbacks: 0 });
    expect(h.llm.metrics.tokensSent).toBeGreaterThan(1000);
  });

  it('holds the model to the digest rules: no sentence repeating the headline, no quote the summary already shows', async () => {
    h = await harness();
    const council = await storeArticle(h.store, {
      title: 'Mayor Sala closes libraries early to fix pipes',
      outlet: 'Lorn Gazette',
      text: [
        'Mayor Ingrid Sala is closing the libraries early to fix the pipes, the council decided on Monday night.',
        '"Nobody on this council wanted to close libraries early, but the pipes under this city are eighty years old," Sala told the council.',
        'Two branch libraries will open only three days a week under the plan, which saves about two million crowns a year.',
        '"We will fight these cuts in every ward of this city until the doors open again," said opposition councillor Tomas Beck.',
      ].join('\n\n'),
    });
    const offline = digestOf([[council]], 'lorn');
    const story = (await h.llm.enhanceDigest(offline)).stories[0]!;
    expect(h.stub.requests).toHaveLength(1);
    expect(story.summary.length).toBeGreaterThan(0);
    for (const sentence of story.summary) expect(sentence).not.toMatch(/^Mayor Ingrid Sala is closing the libraries early/);
    const summary = story.summary.join(' ');
    for (const quote of story.quotes) expect(summary).not.toContain(quote.text.replace(/,$/, ''));
  });

  it('sends an article once: the same story in a second digest, and after a restart, comes from the cache', async () => {
    h = await harness();
    const seed = await storeArticle(h.store, seedDraft());
    const first = await h.llm.enhanceDigest(digestOf([[seed]]));
    const other = await storeArticle(h.store, otherDraft(3));
    const second = await h.llm.enhanceDigest(digestOf([[seed], [other]]));
    expect(h.stub.requestsFor(seed.id)).toHaveLength(1);
    expect(h.stub.requestsFor(other.id)).toHaveLength(1);
    expect(second.stories[0]).toEqual(first.stories[0]);
    expect(h.llm.metrics.cacheHits).toBe(1);

    const restarted = h.another();
    const third = await restarted.enhanceDigest(digestOf([[other], [seed]]));
    expect(h.stub.requests).toHaveLength(2);
    expect(restarted.metrics).toMatchObject({ calls: 0, cacheHits: 2 });
    expect(third.stories[1]).toEqual(first.stories[0]);
    expect(await h.store.llmCache.count('article-summary')).toBe(2);
  });

  it('sends the same article once even when two digests ask for it at the same time', async () => {
    h = await harness();
    h.stub.delayMs = 100;
    const seed = await storeArticle(h.store, seedDraft());
    const [a, b] = await Promise.all([h.llm.enhanceDigest(digestOf([[seed]])), h.llm.enhanceDigest(digestOf([[seed]]))]);
    expect(h.stub.requests).toHaveLength(1);
    expect(a.stories[0]).toEqual(b.stories[0]);
  });

  it('summarises every article of a multi-source story once; the lead gives the summary, quotes come from all', async () => {
    h = await harness();
    const seed = await storeArticle(h.store, seedDraft());
    const other = await storeArticle(h.store, otherDraft(7));
    const digest = await h.llm.enhanceDigest(digestOf([[seed, other]]));
    const story = digest.stories[0]!;
    expect(story.summary[0]).toMatch(/^Moscow and Washington/);
    expect(h.stub.requests.map((r) => r.articleIds)).toEqual(expect.arrayContaining([[seed.id], [other.id]]));
    expect(story.quotes.length).toBeLessThanOrEqual(3);
    const texts = new Map([[seed.id, seed.text], [other.id, other.text]]);
    for (const q of story.quotes) expect(texts.get(q.articleId)).toContain(q.text);
  });

  it('drops an invented quote, counts it and logs it, and keeps the real ones', async () => {
    h = await harness();
    h.stub.mode = 'invented-quote';
    const seed = await storeArticle(h.store, seedDraft());
    const story = (await h.llm.enhanceDigest(digestOf([[seed]]))).stories[0]!;
    expect(story.quotes.map((q) => q.text).join(' ')).not.toMatch(/never negotiate/);
    expect(story.quotes.length).toBeGreaterThan(0);
    for (const q of story.quotes) expect(seed.text).toContain(q.text);
    expect(h.llm.metrics.quotesDropped).toBe(1);
    const line = h.logs.find((l) => l.includes('LLM quotes dropped'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ articleId: seed.id, dropped: 1, reasons: { 'not-verbatim': 1 } });
  });

  it('drops quotes cited to an article it was not given; the story keeps its offline quotes', async () => {
    h = await harness();
    h.stub.mode = 'wrong-article';
    const seed = await storeArticle(h.store, seedDraft());
    const offline = digestOf([[seed]]);
    const story = (await h.llm.enhanceDigest(offline)).stories[0]!;
    expect(h.llm.metrics.quotesDropped).toBe(2);
    expect(story.summary[0]).toMatch(/^Moscow and Washington/);
    expect(story.quotes).toEqual(offline.stories[0]!.quotes);
    for (const q of story.quotes) expect(q.articleId).toBe(seed.id);
  });

  it('leaves out a summary sentence that puts invented words in quotation marks', async () => {
    h = await harness();
    h.stub.mode = 'misquote-summary';
    const seed = await storeArticle(h.store, seedDraft());
    const story = (await h.llm.enhanceDigest(digestOf([[seed]]))).stories[0]!;
    expect(story.summary).toHaveLength(2);
    expect(story.summary.join(' ')).not.toMatch(/crush/);
    expect(h.llm.metrics.quotesDropped).toBe(1);
  });

  it('retries invalid JSON once with the validation error in the conversation, then keeps the offline story', async () => {
    h = await harness();
    h.stub.mode = 'invalid-json';
    const seed = await storeArticle(h.store, seedDraft());
    const offline = digestOf([[seed]]);
    const digest = await h.llm.enhanceDigest(offline);
    expect(digest).toEqual(offline);
    expect(h.stub.requests).toHaveLength(2);
    const retry = h.stub.requests[1]!.body.messages;
    expect(retry.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[3]!.content).toMatch(/not valid: the reply is not JSON/);
    expect(h.llm.metrics).toMatchObject({ invalidOutputs: 2, fallbacks: 1 });
    // The same content is not sent again.
    await h.llm.enhanceDigest(offline);
    expect(h.stub.requests).toHaveLength(2);
  });

  it('accepts the retry when the second reply is valid', async () => {
    h = await harness();
    h.stub.enqueue('wrong-shape');
    const seed = await storeArticle(h.store, seedDraft());
    const story = (await h.llm.enhanceDigest(digestOf([[seed]]))).stories[0]!;
    expect(h.stub.requests).toHaveLength(2);
    expect(h.stub.requests[1]!.body.messages[3]!.content).toMatch(/does not match the schema: summary: /);
    expect(story.summary[0]).toMatch(/^Moscow and Washington/);
    expect(h.llm.metrics).toMatchObject({ invalidOutputs: 1, fallbacks: 0 });
  });

  it('waits as long as Retry-After says after a 429, then succeeds (fake clock)', async () => {
    const clock = new TestClock();
    const stopClock = clock.autoAdvance();
    h = await harness({}, { time: clock });
    h.stub.enqueue('rate-limit');
    h.stub.retryAfter = '1';
    const seed = await storeArticle(h.store, seedDraft());
    const story = (await h.llm.enhanceDigest(digestOf([[seed]]))).stories[0]!;
    await stopClock();
    expect(h.stub.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(clock.sleeps).toEqual([1_000]);
    expect(story.summary[0]).toMatch(/^Moscow and Washington/);
    expect(h.llm.metrics).toMatchObject({ calls: 2, retries: 1, fallbacks: 0 });
  });

  it('does not wait for a Retry-After longer than it allows: offline at once', async () => {
    const clock = new TestClock();
    h = await harness({}, { maxRetryAfterMs: 5_000, time: clock });
    h.stub.mode = 'rate-limit';
    h.stub.retryAfter = '120';
    const seed = await storeArticle(h.store, seedDraft());
    const offline = digestOf([[seed]]);
    expect(await h.llm.enhanceDigest(offline)).toEqual(offline);
    expect(clock.sleeps).toEqual([]);
    expect(h.stub.requests).toHaveLength(1);
  });

  it('retries a 500 with backoff, then falls back to the offline story', async () => {
    h = await harness({}, { maxAttempts: 3 });
    h.stub.mode = 'server-error';
    const seed = await storeArticle(h.store, seedDraft());
    const offline = digestOf([[seed]]);
    expect(await h.llm.enhanceDigest(offline)).toEqual(offline);
    expect(h.stub.requests.map((r) => r.status)).toEqual([500, 500, 500]);
    expect(h.llm.metrics).toMatchObject({ calls: 3, retries: 2, fallbacks: 1 });
    // A transient failure is not cached: the next digest asks again and succeeds.
    h.stub.mode = 'normal';
    const story = (await h.llm.enhanceDigest(offline)).stories[0]!;
    expect(story.summary[0]).toMatch(/^Moscow and Washington/);
  });

  // How soon it gives up, in wall time, is measured by `npm run bench` (bench/timing.ts).
  it('gives up on a request that hangs past OPENAI_TIMEOUT_MS, without retrying it, and keeps the offline story', async () => {
    h = await harness({ OPENAI_TIMEOUT_MS: '300' });
    h.stub.mode = 'hang';
    const seed = await storeArticle(h.store, seedDraft());
    const offline = digestOf([[seed]]);
    expect(await h.llm.enhanceDigest(offline)).toEqual(offline);
    expect(h.stub.requests).toHaveLength(1);
    expect(h.llm.metrics.fallbacks).toBe(1);
    expect(h.logs.some((l) => l.includes('timed out after 300 ms'))).toBe(true);
  });

  it('opens the circuit after repeated failures: offline for a while, logged once, then tries again', async () => {
    const clock = new TestClock();
    h = await harness({ OPENAI_MAX_CONCURRENCY: '1' }, { maxAttempts: 1, breakerThreshold: 3, breakerCooldownMs: 60_000, time: clock });
    h.stub.mode = 'server-error';
    const articles: StoredArticle[] = [];
    for (const n of [1, 2, 3, 4, 5, 6]) articles.push(await storeArticle(h!.store, otherDraft(n)));
    const offline = digestOf(articles.map((a) => [a]));
    expect(await h.llm.enhanceDigest(offline)).toEqual(offline);
    expect(h.stub.requests).toHaveLength(3);
    expect(h.llm.metrics).toMatchObject({ fallbacks: 6, breakerOpens: 1 });
    expect(await h.llm.enhanceDigest(offline)).toEqual(offline);
    expect(h.stub.requests).toHaveLength(3);
    expect(h.logs.filter((l) => l.includes('using offline summaries'))).toHaveLength(1);

    // After the cool-down one probe goes out; it succeeds, and the rest follow.
    await clock.advance(60_001);
    h.stub.mode = 'normal';
    await h.llm.enhanceDigest(offline);
    expect(h.stub.requests.slice(3).map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(h.llm.metrics.fallbacks).toBe(12);
    expect(h.logs.some((l) => l.includes('LLM reachable again'))).toBe(true);
  });

  it('keeps at most OPENAI_MAX_CONCURRENCY requests in flight', async () => {
    h = await harness({ OPENAI_MAX_CONCURRENCY: '2' });
    h.stub.delayMs = 80;
    const articles: StoredArticle[] = [];
    for (const n of [1, 2, 3, 4, 5, 6]) articles.push(await storeArticle(h!.store, otherDraft(n)));
    await h.llm.enhanceDigest(digestOf(articles.map((a) => [a])));
    expect(h.stub.requests).toHaveLength(6);
    expect(h.stub.maxConcurrent).toBe(2);
  });

  it('trims a long article to the token budget, counted in tokens', async () => {
    h = await harness({}, { articleTokens: 200 });
    const long = otherDraft(9, 'The harbour has seen many disputes over the years, and each of them ended in a compromise. '.repeat(80));
    const article = await storeArticle(h.store, long);
    await h.llm.enhanceDigest(digestOf([[article]]));
    const user = h.stub.requests[0]!.body.messages[1]!.content;
    const body = /<article[^>]*>\n([\s\S]*?)\n\[the rest of the article is not shown\]\n<\/article>/.exec(user)?.[1];
    expect(body).toBeDefined();
    expect(countTokens(body!)).toBeLessThanOrEqual(200);
    expect(countTokens(body!)).toBeGreaterThan(150);
    expect(body!).toMatch(/[.!?]$/);
  });

  it('returns the digest unchanged after close()', async () => {
    h = await harness();
    const seed = await storeArticle(h.store, seedDraft());
    const offline = digestOf([[seed]]);
    h.llm.close();
    expect(await h.llm.enhanceDigest(offline)).toEqual(offline);
    expect(h.stub.requests).toHaveLength(0);
  });
});

/** What ask() gives the LLM: the offline answer, and the passages and articles behind it. */
async function offlineAnswer(store: Store, question: string): Promise<{ offline: Answer; passages: AnswerPassage[]; articles: StoredArticle[] }> {
  const now = new Date('2016-09-06T12:00:00Z');
  const { answer, passages } = await askOffline(store, question, { since: new Date('2016-08-30T12:00:00Z'), now });
  const given = llmPassages(passages);
  return { offline: answer, passages: given, articles: [...new Map(passages.map((p) => [p.article.id, p.article])).values()] };
}

describe('enhanceAnswer', () => {
  it('answers from the passages the offline ranking found, cites the article and shows only verified quotes', async () => {
    h = await harness();
    const seed = await storeArticle(h.store, seedDraft());
    const question = 'What did Putin say about fighting terrorist organizations in Syria?';
    const { offline, passages, articles } = await offlineAnswer(h.store, question);
    expect(offline.found).toBe(true);
    const answer = await h.llm.enhanceAnswer(question, passages, articles, offline);
    expect(answer.found).toBe(true);
    expect(answer.sources.map((s) => s.articleId)).toEqual([seed.id]);
    expect(answer.answer.length).toBeGreaterThan(20);
    for (const q of answer.quotes) {
      expect(q.verified).toBe(true);
      expect(seed.text).toContain(q.text);
    }
    const request = h.stub.requests[0]!;
    expect(request.format).toBe('follow_up_answer');
    expect(request.body.messages[1]!.content).toContain(question);
    // The model gets the passages the offline ranking chose, not whole articles.
    expect(request.body.messages[1]!.content).toMatch(/terrorist organizations/);
    expect(request.body.messages[1]!.content).toContain(passages[0]!.text);
    // Asked again: from the cache.
    await h.llm.enhanceAnswer(question, passages, articles, offline);
    expect(h.stub.requests).toHaveLength(1);
  });

  it('says so when the model finds no answer in the passages, with the offline sources as related stories', async () => {
    h = await harness();
    await storeArticle(h.store, seedDraft());
    h.stub.mode = 'not-found';
    const question = 'What did Putin say about Syria?';
    const { offline, passages, articles } = await offlineAnswer(h.store, question);
    const answer = await h.llm.enhanceAnswer(question, passages, articles, offline);
    expect(answer).toMatchObject({ question: offline.question, found: false, quotes: [], sources: [], related: offline.sources });
    expect(answer.answer).toMatch(/^I don't find that in the articles/);
  });

  it('drops an invented quote, and falls back to the offline answer when the model cites an article it was not given', async () => {
    h = await harness();
    await storeArticle(h.store, seedDraft());
    const question = 'What did Putin say about fighting terrorist organizations in Syria?';
    const first = await offlineAnswer(h.store, question);
    h.stub.mode = 'invented-quote';
    const answer = await h.llm.enhanceAnswer(question, first.passages, first.articles, first.offline);
    expect(answer.quotes.map((q) => q.text).join(' ')).not.toMatch(/by force/);
    expect(h.llm.metrics.quotesDropped).toBe(1);

    h.stub.mode = 'wrong-article';
    await storeArticle(h.store, otherDraft(4));
    const second = 'What did Putin say about the agreement on Syria with Washington?';
    const offlineSecond = await offlineAnswer(h.store, second);
    const cited = await h.llm.enhanceAnswer(second, offlineSecond.passages, offlineSecond.articles, offlineSecond.offline);
    expect(h.stub.requests).toHaveLength(2);
    // Every citation pointed elsewhere: no grounded answer, so the offline one.
    expect(cited).toEqual(offlineSecond.offline);
    expect(h.llm.metrics.fallbacks).toBe(1);
  });

  it('falls back to the offline answer on any failure', async () => {
    h = await harness({ OPENAI_TIMEOUT_MS: '200' });
    await storeArticle(h.store, seedDraft());
    const question = 'What did Putin say about Syria?';
    const { offline, passages, articles } = await offlineAnswer(h.store, question);
    h.stub.mode = 'hang';
    expect(await h.llm.enhanceAnswer(question, passages, articles, offline)).toEqual(offline);
    h.stub.mode = 'invalid-json';
    expect(await h.llm.enhanceAnswer('What did Obama say about Syria?', passages, articles, offline)).toEqual(offline);
    expect(await h.llm.enhanceAnswer(question, [], [], offline)).toEqual(offline);
  });
});

describe('digestHeadline', () => {
  it('writes one line for a digest of several stories, none for one story', async () => {
    h = await harness();
    const seed = await storeArticle(h.store, seedDraft());
    const other = await storeArticle(h.store, otherDraft(2));
    expect(await h.llm.digestHeadline(digestOf([[seed]]))).toBeNull();
    const headline = await h.llm.digestHeadline(digestOf([[seed], [other]]));
    expect(headline).toContain('Putin');
    expect(headline).not.toMatch(/\n/);
    expect(h.stub.requests[0]!.format).toBe('digest_headline');
  });
});

describe('every quote the LLM path shows is in the seed article', () => {
  it('across all quote-producing modes', async () => {
    h = await harness();
    const seed = await storeArticle(h.store, seedDraft());
    for (const mode of ['normal', 'invented-quote', 'wrong-article', 'misquote-summary'] as const) {
      const fresh = h.another();
      h.stub.mode = mode;
      await h.store.llmCache.prune(new Date(Date.now() + 60_000));
      const digest = await fresh.enhanceDigest(digestOf([[seed]]));
      for (const q of digest.stories[0]!.quotes) expect(loose(seed.text)).toContain(loose(q.text));
      for (const sentence of digest.stories[0]!.summary) expect(sentence).not.toMatch(/crush/);
    }
  });
});
