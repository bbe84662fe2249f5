// How long a server asks us to wait before trying again: HTTP's Retry-After header
// (delay-seconds or an HTTP date, RFC 9110 §10.2.3) and the Bot API's `retry_after` (seconds,
// a number in the error's parameters). One reading for feeds, the LLM and Telegram alike.

/**
 * Milliseconds to wait, from a Retry-After value: seconds (a number, or a string of digits;
 * fractions accepted, as some API gateways send them) or an HTTP date, counted from `now`.
 * Undefined when absent or unreadable ("soon", "-3"); a date in the past gives 0.
 */
export function parseRetryAfter(value: string | number | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  if (!/[a-z]/i.test(v)) return undefined; // "-3", "1e3": neither form
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
