import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/util/retry-after.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-09-02T10:00:00Z');

  it('reads a feed server\'s Retry-After: delta-seconds or an HTTP date (a past date is 0)', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(' 30 ', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 02 Sep 2024 10:02:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Sep 2024 09:00:00 GMT', now)).toBe(0);
  });

  it('reads fractions of a second, as some LLM gateways send them', () => {
    expect(parseRetryAfter('0.5', now)).toBe(500);
  });

  it('reads the Bot API\'s retry_after, a number of seconds', () => {
    expect(parseRetryAfter(7, now)).toBe(7_000);
    expect(parseRetryAfter(0, now)).toBe(0);
  });

  it('gives undefined for what is neither form, so the caller keeps its own backoff', () => {
    for (const value of ['soon', '-5', '1e3', '', null, undefined, -1, Number.NaN]) expect(parseRetryAfter(value, now), String(value)).toBeUndefined();
  });
});
