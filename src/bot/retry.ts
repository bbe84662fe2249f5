// Every Bot API call the bot makes, replies included, survives 429 (waits retry_after)
// and 5xx (backs off). telegraf creates a Telegram object per update, so this wraps each
// one in a middleware, as well as the bot's own.
import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { Logger } from '../log.ts';
import { parseRetryAfter } from '../util/retry-after.ts';

export interface RetryOptions {
  maxAttempts?: number;
  /** Longest wait we accept for one retry_after before giving up on the call. */
  maxRetryAfterMs?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called when Telegram says the user blocked the bot (403) for a chat. */
  onBlocked?: (chatId: number) => void;
}

const WRAPPED = Symbol('retrying');

export function isBlockedError(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 403 && /blocked|deactivated|kicked|not a member/i.test(error.description);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function retryDelayMs(error: unknown, attempt: number, options: Required<Pick<RetryOptions, 'baseDelayMs' | 'maxRetryAfterMs'>>): number | null {
  if (!(error instanceof TelegramError)) return null;
  if (error.code === 429) {
    const ms = parseRetryAfter(error.parameters?.retry_after) ?? 1_000;
    return ms <= options.maxRetryAfterMs ? ms : null;
  }
  if (error.code >= 500) return options.baseDelayMs * 2 ** attempt;
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
        if (isBlockedError(error) && typeof payload?.chat_id === 'number') options.onBlocked?.(payload.chat_id);
        const delay = attempt + 1 < maxAttempts ? retryDelayMs(error, attempt, delays) : null;
        // getUpdates has its own retry loop in telegraf.
        if (delay === null || method === 'getUpdates') throw error;
        log.warn({ method, attempt: attempt + 1, delayMs: delay, code: (error as TelegramError).code }, 'telegram call failed; retrying');
        await sleep(delay);
      }
    }
  };
  (telegram as unknown as { callApi: typeof callApi }).callApi = callApi;
  return telegram;
}
