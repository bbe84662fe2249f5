import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/bot/retry.ts';
import { classifyTelegramError } from '../../src/telegram/policy.ts';

const telegramError = (error_code: number, description: string, parameters?: { retry_after?: number }) =>
  new TelegramError({ error_code, description, ...(parameters ? { parameters } : {}) });

describe('the one Telegram error policy', () => {
  it('classifies every Bot API answer the same way for replies and deliveries', () => {
    expect(classifyTelegramError(telegramError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }))).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7_000 });
    expect(classifyTelegramError(telegramError(502, 'Bad Gateway'))).toMatchObject({ kind: 'retry' });
    expect(classifyTelegramError(telegramError(403, 'Forbidden: bot was blocked by the user'))).toEqual({ kind: 'deactivate', reason: 'blocked' });
    expect(classifyTelegramError(telegramError(403, 'Forbidden: bot was kicked from the group chat'))).toMatchObject({ kind: 'deactivate' });
    expect(classifyTelegramError(telegramError(400, 'Bad Request: chat not found'))).toEqual({ kind: 'deactivate', reason: 'chat not found' });
    expect(classifyTelegramError(telegramError(400, "Bad Request: can't parse entities"))).toMatchObject({ kind: 'fail' });
    expect(classifyTelegramError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toEqual({ kind: 'retry', reason: 'timeout', answered: false });
  });

  it('caps a long retry_after for delivery; the bot gives a reply up when the wait is longer than it accepts', () => {
    const longWait = telegramError(429, 'Too Many Requests', { retry_after: 3_600 });
    expect(classifyTelegramError(longWait, 300_000)).toMatchObject({ kind: 'rate-limited', retryAfterMs: 300_000 });
    const delays = { baseDelayMs: 100, maxRetryAfterMs: 60_000 };
    expect(retryDelayMs(classifyTelegramError(longWait, Number.POSITIVE_INFINITY), 0, delays)).toBeNull();
    expect(retryDelayMs(classifyTelegramError(telegramError(429, 'Too Many Requests', { retry_after: 2 })), 0, delays)).toBe(2_000);
    expect(retryDelayMs(classifyTelegramError(telegramError(500, 'Internal Server Error')), 2, delays)).toBe(400);
    expect(retryDelayMs(classifyTelegramError(telegramError(403, 'Forbidden: bot was blocked by the user')), 0, delays)).toBeNull();
    // No answer at all: the reply may have gone out, so the bot does not send it again.
    expect(retryDelayMs(classifyTelegramError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), 0, delays)).toBeNull();
  });
});
