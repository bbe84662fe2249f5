// LLM summaries that cannot misquote. With OPENAI_API_KEY or OPENAI_BASE_URL set, story
// summaries, key quotes and follow-up answers come from an LLM (Chat Completions with a
// JSON-schema response format); every quote is checked to be verbatim in the article it
// cites, and every fault falls back to the offline result. One request per new article,
// cached by a hash of what was sent, so an article is never sent twice.
import type { LlmConfig } from '../config.ts';
import { sourceRef, withoutRepeats, MAX_KEY_QUOTES } from '../digest/compose.ts';
import type { Digest, Story, StoryQuote } from '../model/digest.ts';
import type { Logger } from '../log.ts';
import type { StoredArticle } from '../model.ts';
import { splitSentences } from '../nlp/sentences.ts';
import { notFoundAnswer, type Answer, type AnswerPassage } from '../model/answer.ts';
import type { Store } from '../store/index.ts';
import { CircuitBreaker } from './breaker.ts';
import { LlmClient, LlmError, type LlmCounters } from './client.ts';
import { countTokens } from './budget.ts';
import { loadPrompts, type Prompts, type RenderedPrompt } from './prompts.ts';
import { answerPrompt, articleSummaryPrompt, cacheKey, DEFAULT_ARTICLE_TOKENS, DEFAULT_PASSAGE_TOKENS, headlinePrompt } from './requests.ts';
import { ANSWER_FORMAT, HEADLINE_FORMAT, STORY_SUMMARY_FORMAT, type OutputFormat, type StorySummaryOutput } from './schemas.ts';
import { keepSentencesWithVerbatimQuotations, quotationsIn, verifyQuotes, type DroppedQuote } from './verify.ts';
import type { Metrics } from '../util/metrics.ts';
import type { TimeSource } from '../util/time.ts';

export { LlmError } from './client.ts';
export { PromptError } from './prompts.ts';

export interface LlmMetrics extends LlmCounters {
  /** Results served from the cache instead of a request. */
  cacheHits: number;
  /** Model quotes not shown: not verbatim in the cited article, citing an article not sent, or too short; and summary/answer sentences that misquote. */
  quotesDropped: number;
  /** Stories, answers and headlines that fell back to the offline result. */
  fallbacks: number;
  /** Times the circuit breaker opened. */
  breakerOpens: number;
  /** Speakers replaced because the article does not name them. */
  speakersCorrected: number;
}

export interface LlmSummarizer {
  readonly metrics: Readonly<LlmMetrics>;
  /** Each story's summary and quotes from the LLM, verified; a story keeps its offline ones on any failure. */
  enhanceDigest(digest: Digest): Promise<Digest>;
  /**
   * The LLM's answer from the passages the offline ranking found (best first; `articles` are theirs),
   * citing only those; the offline answer on any failure or when it cites nothing it was given.
   */
  enhanceAnswer(question: string, passages: AnswerPassage[], articles: StoredArticle[], offline: Answer): Promise<Answer>;
  /** A one-line headline for a digest of two or more stories; null when there is none (offline). */
  digestHeadline(digest: Digest): Promise<string | null>;
  /** Stops new requests and aborts those in flight (they fall back to offline). */
  close(): void;
}

export interface LlmSummarizerDeps {
  llm: LlmConfig;
  store: Store;
  log: Logger;
  /** Told tokens and requests given up (serve's monitoring). */
  metrics?: Pick<Metrics, 'llmTokens' | 'llmFailure'>;
}

/** Tuning, mostly for tests; the defaults suit production. */
export interface LlmOptions {
  /** Prompts folder (default: prompts/ at the project root), or the prompts themselves. */
  promptsDir?: string;
  prompts?: Prompts;
  /** Article tokens per summary request (default 3000). */
  articleTokens?: number;
  /** Passage tokens per follow-up answer (default 1500). */
  passageTokens?: number;
  /** Articles of one story sent to the LLM, lead first (default 3); the others keep their offline quotes. */
  maxArticlesPerStory?: number;
  /** Failed requests in a row that open the circuit (default 3), and how long it stays open (default 60 s). */
  breakerThreshold?: number;
  breakerCooldownMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  maxRetryAfterMs?: number;
  /** The breaker's cool-down, backoff and Retry-After waits run on it (tests: a fake clock). */
  time?: TimeSource;
}

function leadOf(story: Story, articles: StoredArticle[]): StoredArticle {
  const id = /^s(\d+)$/.exec(story.id)?.[1];
  const byId = id ? articles.find((a) => a.id === Number(id)) : undefined;
  if (byId) return byId;
  return [...articles].sort((a, b) => Number(b.nearDuplicateOf === null) - Number(a.nearDuplicateOf === null) || b.text.length - a.text.length || a.id - b.id)[0]!;
}

/** The passages, best first, that fit the token budget (at least the first). */
function withinBudget(passages: AnswerPassage[], maxTokens: number): AnswerPassage[] {
  const out: AnswerPassage[] = [];
  let tokens = 0;
  for (const p of passages) {
    const cost = countTokens(p.text) + 12;
    if (out.length && tokens + cost > maxTokens) break;
    out.push(p);
    tokens += cost;
  }
  return out;
}

function quoteKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

class Summarizer implements LlmSummarizer {
  readonly metrics: LlmMetrics = {
    calls: 0,
    cacheHits: 0,
    tokensSent: 0,
    quotesDropped: 0,
    fallbacks: 0,
    retries: 0,
    invalidOutputs: 0,
    breakerOpens: 0,
    speakersCorrected: 0,
  };
  private readonly client: LlmClient;
  private readonly breaker: CircuitBreaker;
  private readonly inFlight = new Map<string, Promise<{ value: unknown; fresh: boolean } | null>>();
  private closed = false;

  constructor(
    private readonly deps: LlmSummarizerDeps,
    private readonly prompts: Prompts,
    private readonly options: LlmOptions,
  ) {
    const { llm, log } = deps;
    this.breaker = new CircuitBreaker({
      threshold: options.breakerThreshold ?? 3,
      cooldownMs: options.breakerCooldownMs ?? 60_000,
      log,
      ...(options.time ? { time: options.time } : {}),
    });
    this.client = new LlmClient({
      model: llm.model,
      apiKey: llm.apiKey,
      baseURL: llm.baseUrl,
      timeoutMs: llm.timeoutMs,
      maxConcurrency: llm.maxConcurrency,
      breaker: this.breaker,
      counters: this.metrics,
      log,
      metrics: deps.metrics,
      ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
      ...(options.backoffBaseMs !== undefined ? { backoffBaseMs: options.backoffBaseMs } : {}),
      ...(options.backoffMaxMs !== undefined ? { backoffMaxMs: options.backoffMaxMs } : {}),
      ...(options.maxRetryAfterMs !== undefined ? { maxRetryAfterMs: options.maxRetryAfterMs } : {}),
      ...(options.time ? { time: options.time } : {}),
    });
  }

  private get log(): Logger {
    return this.deps.log;
  }

  close(): void {
    this.closed = true;
    this.client.close();
  }

  /**
   * A validated result for a prompt: from the cache, from a request already under way for the
   * same key, or from a new request (then cached). null on any failure.
   */
  private async cachedJson<T>(kind: string, format: OutputFormat<T>, prompt: RenderedPrompt): Promise<{ value: T; fresh: boolean } | null> {
    if (this.closed) return null;
    const key = cacheKey(kind, this.client.model, format as OutputFormat<unknown>, prompt);
    const running = this.inFlight.get(key);
    if (running) {
      const shared = await running;
      if (shared) this.metrics.cacheHits++;
      return shared ? { value: shared.value as T, fresh: false } : null;
    }
    const task = this.lookupOrAsk(kind, key, format, prompt);
    this.inFlight.set(key, task);
    try {
      return (await task) as { value: T; fresh: boolean } | null;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async lookupOrAsk<T>(kind: string, key: string, format: OutputFormat<T>, prompt: RenderedPrompt): Promise<{ value: T; fresh: boolean } | null> {
    const cache = this.deps.store.llmCache;
    try {
      const hit = await cache.get(key);
      if (hit?.status === 'invalid') {
        this.metrics.cacheHits++;
        return null;
      }
      if (hit) {
        const parsed = format.schema.safeParse(hit.value);
        if (parsed.success) {
          this.metrics.cacheHits++;
          return { value: parsed.data, fresh: false };
        }
      }
    } catch (error) {
      this.log.warn({ err: error }, 'LLM cache unreadable; asking the LLM');
    }
    this.metrics.breakerOpens = this.breaker.opens;
    try {
      const result = await this.client.completeJson(format, prompt);
      await this.remember(key, kind, 'ok', result.value, result.tokens);
      return { value: result.value, fresh: true };
    } catch (error) {
      this.metrics.breakerOpens = this.breaker.opens;
      if (error instanceof LlmError) {
        // The same content would get the same invalid reply: remember, do not send it again.
        if (error.kind === 'invalid-output') await this.remember(key, kind, 'invalid', null, 0);
        if (error.kind !== 'breaker-open' && error.kind !== 'closed') this.log.warn({ kind, reason: error.message }, 'LLM request failed; using the offline result');
      } else {
        this.log.error({ err: error, kind }, 'LLM request failed unexpectedly; using the offline result');
      }
      return null;
    } finally {
      this.metrics.breakerOpens = this.breaker.opens;
    }
  }

  private async remember(key: string, kind: string, status: 'ok' | 'invalid', value: unknown, tokens: number): Promise<void> {
    try {
      await this.deps.store.llmCache.put({ key, kind, model: this.client.model, status, value, tokens });
    } catch (error) {
      this.log.warn({ err: error }, 'LLM cache not writable');
    }
  }

  private countDropped(dropped: DroppedQuote[], misquotingSentences: string[], context: Record<string, unknown>): void {
    const total = dropped.length + misquotingSentences.length;
    if (!total) return;
    this.metrics.quotesDropped += total;
    const reasons: Record<string, number> = {};
    for (const d of dropped) reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
    if (misquotingSentences.length) reasons['sentence-misquotes'] = misquotingSentences.length;
    this.log.warn({ ...context, dropped: total, reasons }, 'LLM quotes dropped: not verbatim in the cited article');
  }

  /** The LLM summary of one article, checked: quotes verified, sentences that misquote removed. */
  private async articleSummary(article: StoredArticle): Promise<{ summary: string[]; quotes: StoryQuote[] } | null> {
    const prompt = articleSummaryPrompt(this.prompts, article, this.options.articleTokens ?? DEFAULT_ARTICLE_TOKENS);
    const result = await this.cachedJson<StorySummaryOutput>('article-summary', STORY_SUMMARY_FORMAT, prompt);
    if (!result) return null;
    const verified = verifyQuotes(result.value.quotes, new Map([[article.id, article]]), new Set([article.id]));
    const sentences = result.value.summary.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const checked = keepSentencesWithVerbatimQuotations(sentences, [article.text, article.title]);
    if (result.fresh) {
      this.countDropped(verified.dropped, checked.dropped, { articleId: article.id });
      this.metrics.speakersCorrected += verified.speakersCorrected;
    }
    return { summary: checked.kept, quotes: verified.quotes };
  }

  private async enhanceStory(story: Story, byId: Map<number, StoredArticle>): Promise<Story> {
    const articles = [...new Set(story.sources.map((s) => s.articleId))].map((id) => byId.get(id)).filter((a): a is StoredArticle => a !== undefined);
    if (!articles.length) return story;
    const lead = leadOf(story, articles);
    const ids = new Set(articles.map((a) => a.id));
    // Wire copies add nothing: skip near-duplicates of an article already in the story.
    const others = articles.filter((a) => a !== lead && !(a.nearDuplicateOf !== null && ids.has(a.nearDuplicateOf)) && a.nearDuplicateOf !== lead.id);
    const chosen = [lead, ...others].slice(0, Math.max(1, this.options.maxArticlesPerStory ?? 3));
    const results = await Promise.all(chosen.map((a) => this.articleSummary(a)));
    const leadResult = results[0];
    if (!leadResult?.summary.length) {
      this.metrics.fallbacks++;
      return story;
    }
    const quotes: StoryQuote[] = [];
    const seen = new Set<string>();
    for (const result of results) {
      for (const q of result?.quotes ?? []) {
        const key = quoteKey(q.text);
        if (seen.has(key) || [...seen].some((k) => k.includes(key) || key.includes(k))) continue;
        seen.add(key);
        quotes.push(q);
      }
    }
    return {
      ...story,
      summary: leadResult.summary,
      // No verified quote from the LLM: the offline ones (found in the article) stay.
      quotes: quotes.length ? quotes.slice(0, MAX_KEY_QUOTES) : story.quotes,
    };
  }

  async enhanceDigest(digest: Digest): Promise<Digest> {
    if (this.closed || !digest.stories.length) return digest;
    try {
      const ids = [...new Set(digest.stories.flatMap((s) => s.sources.map((src) => src.articleId)))];
      const byId = new Map((await this.deps.store.articles.getMany(ids)).map((a) => [a.id, a]));
      const stories = await Promise.all(
        digest.stories.map((story) =>
          this.enhanceStory(story, byId).catch((error: unknown) => {
            this.metrics.fallbacks++;
            this.log.error({ err: error, story: story.id }, 'LLM story summary failed; keeping the offline one');
            return story;
          }),
        ),
      );
      // The model may restate a headline or quote what its summary already says: the digest's rules hold for it too.
      return withoutRepeats({ ...digest, stories }, digest);
    } catch (error) {
      this.metrics.fallbacks++;
      this.log.error({ err: error }, 'LLM digest failed; keeping the offline digest');
      return digest;
    }
  }

  async enhanceAnswer(question: string, given: AnswerPassage[], articles: StoredArticle[], offline: Answer): Promise<Answer> {
    if (this.closed || !given.length || !question.trim()) return offline;
    try {
      const passages = withinBudget(given, this.options.passageTokens ?? DEFAULT_PASSAGE_TOKENS);
      const result = await this.cachedJson('answer', ANSWER_FORMAT, answerPrompt(this.prompts, question, passages));
      if (!result) {
        this.metrics.fallbacks++;
        return offline;
      }
      const out = result.value;
      // The offline ranking found an answer; a model that finds none in the same passages is believed.
      if (!out.found) return notFoundAnswer(offline.question, offline.searched, offline.sources, offline.scope);
      const byId = new Map(articles.map((a) => [a.id, a]));
      const sentIds = new Set(passages.map((p) => p.articleId).filter((id) => byId.has(id)));
      const unknownCitations = out.articleIds.filter((id) => !sentIds.has(id));
      const verified = verifyQuotes(out.quotes, byId, sentIds);
      const sentTexts = [...sentIds].map((id) => byId.get(id)!.text);
      const answerText = out.answer.replace(/\s+/g, ' ').trim();
      const sentences = splitSentences(answerText).map((s) => s.trim()).filter(Boolean);
      const checked = keepSentencesWithVerbatimQuotations(sentences, sentTexts);
      if (result.fresh) {
        this.countDropped(verified.dropped, checked.dropped, { question });
        this.metrics.speakersCorrected += verified.speakersCorrected;
        if (unknownCitations.length) this.log.warn({ unknownCitations }, 'LLM answer cited articles it was not given; ignored');
      }
      // The answer must cite passages it was given: otherwise it is not grounded, and the offline one stands.
      const cited = [...new Set([...out.articleIds.filter((id) => sentIds.has(id)), ...verified.quotes.map((q) => q.articleId)])];
      if (!cited.length || !checked.kept.length) {
        this.metrics.fallbacks++;
        return offline;
      }
      return {
        ...offline,
        found: true,
        answer: checked.dropped.length ? checked.kept.join(' ') : answerText,
        sentences: [],
        quotes: verified.quotes,
        sources: cited.map((id) => sourceRef(byId.get(id)!)),
      };
    } catch (error) {
      this.metrics.fallbacks++;
      this.log.error({ err: error }, 'LLM answer failed; using the offline answer');
      return offline;
    }
  }

  async digestHeadline(digest: Digest): Promise<string | null> {
    if (this.closed || digest.stories.length < 2) return null;
    try {
      const result = await this.cachedJson('headline', HEADLINE_FORMAT, headlinePrompt(this.prompts, digest));
      if (!result) {
        this.metrics.fallbacks++;
        return null;
      }
      const headline = result.value.headline.replace(/\s+/g, ' ').trim();
      // Quoted words must come from what the model was given.
      const given = digest.stories.flatMap((s) => [s.title, ...s.summary, ...s.quotes.map((q) => q.text)]);
      if (quotationsIn(headline).length && !keepSentencesWithVerbatimQuotations([headline], given).kept.length) {
        if (result.fresh) this.countDropped([], [headline], { headline: true });
        this.metrics.fallbacks++;
        return null;
      }
      return headline;
    } catch (error) {
      this.metrics.fallbacks++;
      this.log.error({ err: error }, 'LLM headline failed');
      return null;
    }
  }
}

/**
 * The LLM summarizer, or null when no LLM is configured (neither OPENAI_API_KEY nor
 * OPENAI_BASE_URL): then everything stays offline. Prompts are loaded here; a broken prompt
 * file throws PromptError at start rather than failing every request later.
 */
export function createLlmSummarizer(deps: LlmSummarizerDeps, options: LlmOptions = {}): LlmSummarizer | null {
  if (!deps.llm.apiKey && !deps.llm.baseUrl) return null;
  const prompts = options.prompts ?? loadPrompts(options.promptsDir);
  deps.log.info(
    { model: deps.llm.model, host: new URL(deps.llm.baseUrl ?? 'https://api.openai.com/v1').host },
    'LLM summaries on',
  );
  return new Summarizer(deps, prompts, options);
}
