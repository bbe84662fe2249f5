import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.ts';
import { CircuitBreaker } from '../../../src/summarize/llm/breaker.ts';
import { retryAfterMs } from '../../../src/summarize/llm/client.ts';
import { TestClock } from '../../support/test-clock.ts';

function setup() {
  const clock = new TestClock(0);
  const lines: string[] = [];
  const log = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } });
  const breaker = new CircuitBreaker({ threshold: 3, cooldownMs: 1_000, time: clock, log });
  return { breaker, lines, advance: (ms: number) => clock.advance(ms) };
}

describe('circuit breaker', () => {
  it('opens after threshold failures in a row, and a success in between resets the count', () => {
    const { breaker } = setup();
    breaker.failure('x');
    breaker.failure('x');
    breaker.success();
    breaker.failure('x');
    breaker.failure('x');
    expect(breaker.allow()).toBe(true);
    breaker.failure('x');
    expect(breaker.state).toBe('open');
    expect(breaker.allow()).toBe(false);
  });

  it('lets one probe through after the cool-down; a failed probe re-opens without logging again', async () => {
    const { breaker, lines, advance } = setup();
    for (let i = 0; i < 3; i++) breaker.failure('HTTP 500');
    expect(lines.filter((l) => l.includes('using offline summaries'))).toHaveLength(1);
    await advance(1_000);
    expect(breaker.state).toBe('half-open');
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false);
    breaker.failure('HTTP 500');
    expect(breaker.state).toBe('open');
    expect(lines.filter((l) => l.includes('using offline summaries'))).toHaveLength(1);
    await advance(1_000);
    expect(breaker.allow()).toBe(true);
    breaker.success();
    expect(breaker.state).toBe('closed');
    expect(lines.some((l) => l.includes('LLM reachable again'))).toBe(true);
    expect(breaker.opens).toBe(2);
  });
});

describe('retryAfterMs (the LLM server\'s answer)', () => {
  it('reads OpenAI\'s retry-after-ms first, else Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '0.5' }))).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
