// Per-user rate limit: a token bucket per user of `commands` updates, refilled evenly over
// `windowMs` (5 per 10 s by default). Past it the user is told once to wait a moment, and
// further updates are dropped until a token is back, so a flood costs Telegram sends neither
// for the flooder's chat nor for anyone else's.
//
// Written here rather than taken from a package (limiter, rate-limiter-flexible): those read
// the system clock themselves, and the bot's tests inject a clock to stay deterministic.

import { english, type Translator } from '../i18n/index.ts';

export interface RateLimitSettings {
  /** Updates a user may send in a burst, and per window; 0 turns the limit off. */
  commands: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Refused, and the first refusal since the user's last allowed update: tell them. */
  notify: boolean;
  /** When the next update will be allowed (0 when allowed now). */
  retryAfterMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
  notified: boolean;
}

/** Beyond this many users tracked, full buckets (idle users) are forgotten. */
const MAX_TRACKED_USERS = 10_000;

export class UserRateLimiter {
  private readonly buckets = new Map<number, Bucket>();
  private readonly perMs: number;

  constructor(private readonly settings: RateLimitSettings) {
    this.perMs = settings.commands / settings.windowMs;
  }

  get enabled(): boolean {
    return this.settings.commands > 0;
  }

  /** Takes a token for the user's update at `now` (ms). */
  take(userId: number, now: number): RateDecision {
    if (!this.enabled) return { allowed: true, notify: false, retryAfterMs: 0 };
    const bucket = this.refilled(userId, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.notified = false;
      return { allowed: true, notify: false, retryAfterMs: 0 };
    }
    const notify = !bucket.notified;
    bucket.notified = true;
    return { allowed: false, notify, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.perMs) };
  }

  private refilled(userId: number, now: number): Bucket {
    let bucket = this.buckets.get(userId);
    if (!bucket) {
      if (this.buckets.size >= MAX_TRACKED_USERS) this.forgetIdle(now);
      bucket = { tokens: this.settings.commands, at: now, notified: false };
      this.buckets.set(userId, bucket);
    }
    bucket.tokens = Math.min(this.settings.commands, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    bucket.at = now;
    return bucket;
  }

  private forgetIdle(now: number): void {
    for (const [userId, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.settings.commands) this.buckets.delete(userId);
    }
  }
}

/** The friendly answer to a user over the limit. */
export function oneMomentText(retryAfterMs: number, tr: Translator = english): string {
  return tr.t('errors.rateLimited', { seconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
}
