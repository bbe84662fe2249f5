// Circuit breaker: after `threshold` failed requests in a row (each already retried), the LLM
// is left alone for `cooldownMs` and everything falls back to the offline summarizer. After
// the cool-down one request is let through; success closes the circuit, failure opens it again.
import type { Logger } from '../../log.ts';
import { systemTime, type TimeSource } from '../../util/time.ts';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  threshold: number;
  cooldownMs: number;
  /** The cool-down runs on it (the summarizer passes its own; tests: a fake clock). */
  time?: Pick<TimeSource, 'now'>;
  log?: Logger;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private stateValue: BreakerState = 'closed';
  private probing = false;
  /** How many times the circuit opened (exposed in metrics). */
  opens = 0;
  private readonly time: Pick<TimeSource, 'now'>;

  constructor(private readonly options: BreakerOptions) {
    this.time = options.time ?? systemTime;
  }

  get state(): BreakerState {
    if (this.stateValue === 'open' && this.time.now() - this.openedAt >= this.options.cooldownMs) this.stateValue = 'half-open';
    return this.stateValue;
  }

  /** True when a request may go out now. In half-open state only one probe at a time. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open') return false;
    if (this.probing) return false;
    this.probing = true;
    return true;
  }

  /** A request that ended without a verdict (the summarizer was closed): let another probe through. */
  release(): void {
    this.probing = false;
  }

  success(): void {
    const wasOpen = this.stateValue !== 'closed';
    this.failures = 0;
    this.probing = false;
    this.stateValue = 'closed';
    if (wasOpen) this.options.log?.info('LLM reachable again: LLM summaries resumed');
  }

  failure(reason: string): void {
    this.probing = false;
    if (this.stateValue === 'half-open') {
      this.trip(reason);
      return;
    }
    if (this.stateValue === 'open') return;
    this.failures++;
    if (this.failures >= this.options.threshold) this.trip(reason);
  }

  private trip(reason: string): void {
    const wasAlreadyDown = this.stateValue === 'half-open';
    this.stateValue = 'open';
    this.openedAt = this.time.now();
    this.failures = 0;
    this.opens++;
    // Logged once per outage: not again when a probe after the cool-down fails too.
    if (!wasAlreadyDown) {
      this.options.log?.warn(
        { reason, cooldownMs: this.options.cooldownMs },
        `LLM failed ${this.options.threshold} times in a row: using offline summaries for ${Math.round(this.options.cooldownMs / 1000)}s at a time until it answers again`,
      );
    }
  }
}
