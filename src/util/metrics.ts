// What the edges of the program report to monitoring (fetcher, ingest, delivery sender, LLM
// client). Each part receives an object of this shape, never a global: `serve` passes the
// Prometheus one (src/metrics/) when METRICS_PORT is set, everything else the no-op below.

export type FetchOutcome = 'success' | 'failure';
/** A daily digest decided into the outbox: with messages to send, or empty (recorded, not sent). */
export type DigestDecision = 'queued' | 'empty';
/** How a digest message ended: sent, failed for good, or unknown (Telegram may have it; never resent). */
export type MessageOutcome = 'sent' | 'failed' | 'unknown';
export type LlmTokenKind = 'input' | 'output';

export interface Metrics {
  /** One poll of one source. */
  sourceFetched(source: string, outcome: FetchOutcome): void;
  /** New articles stored. */
  articlesIngested(count: number): void;
  digestsDecided(decision: DigestDecision, count: number): void;
  digestMessages(outcome: MessageOutcome, count: number): void;
  /** Seconds one sendMessage call of the sender took, answered or not. */
  sendLatency(seconds: number): void;
  llmTokens(kind: LlmTokenKind, count: number): void;
  /** An LLM request given up (the offline result is used); `reason` is the error kind. */
  llmFailure(reason: string): void;
}

export const noMetrics: Metrics = {
  sourceFetched: () => undefined,
  articlesIngested: () => undefined,
  digestsDecided: () => undefined,
  digestMessages: () => undefined,
  sendLatency: () => undefined,
  llmTokens: () => undefined,
  llmFailure: () => undefined,
};
