// The Metrics of src/util/metrics.ts as Prometheus series (prom-client), in a registry of
// their own: two instances (tests, or two bots in one process) never share counters.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DigestDecision, FetchOutcome, LlmTokenKind, MessageOutcome, Metrics } from '../util/metrics.ts';

export interface PrometheusOptions {
  /** Digest messages waiting in the outbox, read at each scrape. */
  queueDepth: () => number | Promise<number>;
  /** Also export Node's process metrics (memory, CPU, event loop lag); default true. */
  processMetrics?: boolean;
}

export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly fetches: Counter<'source' | 'outcome'>;
  private readonly articles: Counter;
  private readonly decided: Counter<'decision'>;
  private readonly messages: Counter<'outcome'>;
  private readonly latency: Histogram;
  private readonly tokens: Counter<'kind'>;
  private readonly llmFailures: Counter<'reason'>;

  constructor(options: PrometheusOptions) {
    const registers = [this.registry];
    this.fetches = new Counter({ name: 'news_digest_fetches_total', help: 'Polls of a source, by source name and outcome (success, failure).', labelNames: ['source', 'outcome'], registers });
    this.articles = new Counter({ name: 'news_digest_articles_ingested_total', help: 'New articles stored from the sources.', registers });
    this.decided = new Counter({ name: 'news_digest_digests_decided_total', help: 'Daily digests decided into the outbox: queued (to send) or empty (recorded, not sent).', labelNames: ['decision'], registers });
    this.messages = new Counter({ name: 'news_digest_digest_messages_total', help: 'Daily digest messages by how they ended: sent, failed, unknown (may have reached Telegram; never resent).', labelNames: ['outcome'], registers });
    this.latency = new Histogram({
      name: 'news_digest_send_latency_seconds',
      help: 'Time of one sendMessage call of the digest sender.',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.tokens = new Counter({ name: 'news_digest_llm_tokens_total', help: 'LLM tokens: input (counted before sending, each retry included) and output (as the server reports).', labelNames: ['kind'], registers });
    this.llmFailures = new Counter({ name: 'news_digest_llm_failures_total', help: 'LLM requests given up (the offline result was used), by reason.', labelNames: ['reason'], registers });
    new Gauge({
      name: 'news_digest_outbox_pending',
      help: 'Digest messages waiting in the outbox to be sent.',
      registers,
      // prom-client awaits an async collect before it reads the value.
      async collect() {
        this.set(await options.queueDepth());
      },
    });
    // Known label values start at 0, so a dashboard shows "no failures" rather than no series.
    for (const decision of ['queued', 'empty']) this.decided.inc({ decision }, 0);
    for (const outcome of ['sent', 'failed', 'unknown']) this.messages.inc({ outcome }, 0);
    for (const kind of ['input', 'output']) this.tokens.inc({ kind }, 0);
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'news_digest_' });
  }

  sourceFetched(source: string, outcome: FetchOutcome): void {
    this.fetches.inc({ source, outcome });
  }

  articlesIngested(count: number): void {
    if (count > 0) this.articles.inc(count);
  }

  digestsDecided(decision: DigestDecision, count: number): void {
    if (count > 0) this.decided.inc({ decision }, count);
  }

  digestMessages(outcome: MessageOutcome, count: number): void {
    if (count > 0) this.messages.inc({ outcome }, count);
  }

  sendLatency(seconds: number): void {
    this.latency.observe(seconds);
  }

  llmTokens(kind: LlmTokenKind, count: number): void {
    if (count > 0) this.tokens.inc({ kind }, count);
  }

  llmFailure(reason: string): void {
    this.llmFailures.inc({ reason });
  }
}
