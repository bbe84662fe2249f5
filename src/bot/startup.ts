// Starting the bot (getMe, the command menu, deleteWebhook or setWebhook) against a Bot API
// that may be briefly unreachable: each step is retried with backoff (p-retry) until one
// deadline for the whole start, then the start fails with one clear line. A refusal that
// waiting cannot fix (401 Unauthorized: a wrong token; 404: a wrong TELEGRAM_API_ROOT;
// 400: a webhook URL Telegram rejects) fails at once.
import pRetry from 'p-retry';
import { TelegramError } from 'telegraf';
import type { Logger } from '../log.ts';
import { describeError } from '../secrets.ts';

export interface StartRetryOptions {
  /** The whole start must succeed within this time (BOT_START_TIMEOUT_MS). */
  timeoutMs: number;
  /** First wait between two tries; doubles up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** The bot could not start: the message is one scrubbed line for stderr. */
export class BotStartError extends Error {}

/** Network errors, non-JSON answers, 429 and 5xx pass with time; other refusals do not. */
export function isTransient(error: unknown): boolean {
  if (error instanceof TelegramError) return error.code === 429 || error.code >= 500;
  return true;
}

/** What the user should read about a Bot API refusal at start. */
export function startFailureReason(error: unknown): string {
  if (error instanceof TelegramError && error.code === 401) return 'Telegram refused BOT_TOKEN (401 Unauthorized): check the token from @BotFather';
  if (error instanceof TelegramError && error.code === 404) return 'the Bot API answered 404 Not Found: check BOT_TOKEN and TELEGRAM_API_ROOT';
  return describeError(error);
}

export interface StartSteps {
  /** Runs one start step with retries, within the start's deadline. */
  step<T>(what: string, run: () => Promise<T>): Promise<T>;
}

export function startSteps(options: StartRetryOptions, log: Logger, clock: () => number = Date.now): StartSteps {
  const deadline = clock() + options.timeoutMs;
  return {
    async step<T>(what: string, run: () => Promise<T>): Promise<T> {
      let lastError: unknown;
      try {
        return await pRetry(run, {
          retries: 1_000,
          factor: 2,
          minTimeout: options.minDelayMs ?? 1_000,
          maxTimeout: options.maxDelayMs ?? 15_000,
          maxRetryTime: Math.max(0, deadline - clock()),
          shouldRetry: (error) => isTransient(error) && clock() < deadline,
          onFailedAttempt: (error) => {
            lastError = error;
            if (isTransient(error)) log.warn({ step: what, attempt: error.attemptNumber, reason: describeError(error) }, 'bot start step failed; retrying');
          },
        });
      } catch (error) {
        const reason = startFailureReason(lastError ?? error);
        const waited = isTransient(lastError ?? error) ? ` (still failing after ${Math.round(options.timeoutMs / 1000)} s of retries)` : '';
        throw new BotStartError(`the Telegram bot could not start: ${what} failed: ${reason}${waited}`);
      }
    },
  };
}
