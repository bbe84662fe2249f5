// Every Bot API call the bot makes, replies included, survives 429 (waits retry_after) and 5xx
// (backs off), by the policy delivery uses too (telegram/policy.ts). A call Telegram did not
// answer (time-out, network, not JSON) is not repeated here: the reply may have gone out, and a
// user must not get it twice (delivery's outbox, which can check, retries those).
// telegraf creates a Telegram object per update, so this wraps each one in a middleware, as
// well as the bot's own.
import type { Telegram } from 'telegraf';
import type { Logger } from '../log.ts';
import { classifyTelegramError, type TelegramFailure } from '../telegram/policy.ts';

export interface RetryOptions {
  maxAttempts?: number;
  /** Longest wait we accept for one retry_after before giving up on the call. */
  maxRetryAfterMs?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called when Telegram says the bot may no longer write to a chat (blocked, chat gone). */
  onDeactivated?: (chatId: number, reason: string) => void | Promise<void>;
}

const WRAPPED = Symbol('retrying');

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long to wait before trying a failed call again, or null to give up (the shared policy decides). */
export function retryDelayMs(failure: TelegramFailure, attempt: number, options: Required<Pick<RetryOptions, 'baseDelayMs' | 'maxRetryAfterMs'>>): number | null {
  if (failure.kind === 'rate-limited') return failure.retryAfterMs <= options.maxRetryAfterMs ? failure.retryAfterMs : null;
  if (failure.kind === 'retry' && failure.answered) return options.baseDelayMs * 2 ** attempt;
  return null;
}

export function withRetries(telegram: Telegram, log: Logger, options: RetryOptions = {}): Telegram {
  const target = telegram as Telegram & { [WRAPPED]?: boolean };
  if (target[WRAPPED]) return telegram;
  target[WRAPPED] = true;
  const maxAttempts = options.maxAttempts ?? 5;
  const delays = { baseDelayMs: options.baseDelayMs ?? 500, maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000 };
  const sleep = options.sleep ?? defaultSleep;
  const original = telegram.callApi.bind(telegram) as (method: string, payload: Record<string, unknown>, extra?: unknown) => Promise<unknown>;

  const callApi = async (method: string, payload: Record<string, unknown>, extra?: unknown): Promise<unknown> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await original(method, payload, extra);
      } catch (error) {
        const failure = classifyTelegramError(error, Number.POSITIVE_INFINITY);
        if (failure.kind === 'deactivate' && typeof payload?.chat_id === 'number') await options.onDeactivated?.(payload.chat_id, failure.reason);
        const delay = attempt + 1 < maxAttempts ? retryDelayMs(failure, attempt, delays) : null;
        // getUpdates has its own retry loop in telegraf.
        if (delay === null || method === 'getUpdates') throw error;
        log.warn({ method, attempt: attempt + 1, delayMs: delay, reason: failure.reason }, 'telegram call failed; retrying');
        await sleep(delay);
      }
    }
  };
  (telegram as unknown as { callApi: typeof callApi }).callApi = callApi;
  return telegram;
}
