// One outbound Telegram policy for bot replies and digest delivery alike: what an error from
// the Bot API means, and the options every HTML message is sent with.
import { TelegramError } from 'telegraf';
import { describeError } from '../secrets.ts';
import { parseRetryAfter } from '../util/retry-after.ts';

/** Every message is Telegram HTML without link previews (a digest links many articles). */
export const HTML_MESSAGE = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

export type TelegramFailure =
  /** 429: wait the time Telegram asks for (capped), then try again. */
  | { kind: 'rate-limited'; retryAfterMs: number; reason: string }
  /**
   * 5xx, a time-out or a network error: worth another try after a back-off. `answered` is false
   * when Telegram gave no answer (time-out, network, not JSON): the message may have been sent.
   */
  | { kind: 'retry'; reason: string; answered: boolean }
  /** The chat is gone for us (the user blocked the bot, the chat no longer exists): stop writing to it. */
  | { kind: 'deactivate'; reason: string }
  /** Anything else (a 400 for this message): trying again gives the same answer. */
  | { kind: 'fail'; reason: string };

/** What an error from a Bot API call means. The reason is stored and logged, so it never holds the token. */
export function classifyTelegramError(error: unknown, retryAfterCapMs = 300_000): TelegramFailure {
  if (error instanceof TelegramError) {
    const code = error.code;
    const description = error.description ?? String(code);
    if (code === 429) {
      const asked = parseRetryAfter(error.parameters?.retry_after) ?? 1_000;
      return { kind: 'rate-limited', retryAfterMs: Math.min(retryAfterCapMs, Math.max(1_000, asked)), reason: `429 ${description}` };
    }
    if (code >= 500) return { kind: 'retry', reason: `${code} ${description}`, answered: true };
    // Every 403 means the bot may not write there any more: blocked, kicked, deactivated user.
    if (code === 403) return { kind: 'deactivate', reason: /blocked/i.test(description) ? 'blocked' : description };
    if (code === 400 && /chat not found|user is deactivated|PEER_ID_INVALID/i.test(description)) return { kind: 'deactivate', reason: 'chat not found' };
    return { kind: 'fail', reason: `${code} ${description}` };
  }
  const err = error as { name?: string; code?: string; type?: string };
  if (err?.name === 'AbortError' || err?.type === 'aborted') return { kind: 'retry', reason: 'timeout', answered: false };
  return { kind: 'retry', reason: `network: ${err?.code ?? describeError(error)}`, answered: false };
}
