import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { BotStartError, isTransient, startSteps } from '../../src/bot/startup.ts';
import { silentLogger } from '../../src/log.ts';

const telegramError = (code: number, description: string) => new TelegramError({ error_code: code, description });
const notJson = () => Object.assign(new Error('invalid json response body at http://127.0.0.1/bot123456789:AAAsecret-token-value-abcdefghijk/getMe reason: Unexpected token <'), { name: 'FetchError', type: 'invalid-json' });

describe('bot start-up retries', () => {
  it('retries network errors, non-JSON answers, 429 and 5xx; not 400, 401 or 404', () => {
    expect(isTransient(notJson())).toBe(true);
    expect(isTransient(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransient(telegramError(429, 'Too Many Requests'))).toBe(true);
    expect(isTransient(telegramError(502, 'Bad Gateway'))).toBe(true);
    expect(isTransient(telegramError(401, 'Unauthorized'))).toBe(false);
    expect(isTransient(telegramError(404, 'Not Found'))).toBe(false);
    expect(isTransient(telegramError(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook'))).toBe(false);
  });

  it('a step that fails twice, then works, returns its result', async () => {
    let calls = 0;
    const steps = startSteps({ timeoutMs: 60_000, minDelayMs: 1, maxDelayMs: 2 }, silentLogger);
    const result = await steps.step('getMe', async () => {
      if (++calls < 3) throw notJson();
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('stops at the deadline with one line naming the step and the reason, without the token', async () => {
    let now = 0;
    let calls = 0;
    // Each look at the clock is 400 ms later: the 1 s deadline passes after a few tries.
    const steps = startSteps({ timeoutMs: 1_000, minDelayMs: 1, maxDelayMs: 2 }, silentLogger, () => (now += 400));
    const error = await steps.step('setMyCommands', async () => {
      calls++;
      throw notJson();
    }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(BotStartError);
    expect(error.message).toBe('the Telegram bot could not start: setMyCommands failed: the Bot API answered with something other than JSON (an error page from a proxy, or a wrong TELEGRAM_API_ROOT?) (still failing after 1 s of retries)');
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThan(5);
  });

  it('a refusal that waiting cannot fix fails at once', async () => {
    let calls = 0;
    const steps = startSteps({ timeoutMs: 60_000, minDelayMs: 1 }, silentLogger);
    const failing = steps.step('setWebhook', async () => {
      calls++;
      throw telegramError(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
    });
    await expect(failing).rejects.toThrow('the Telegram bot could not start: setWebhook failed: 400: Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
    expect(calls).toBe(1);
  });
});
