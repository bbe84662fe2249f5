// The sender drains the outbox into Telegram: a global pace below Telegram's ~30 messages/s,
// at most one message per chat per interval, a bounded number in flight, parts of a digest in
// order. 429 waits retry_after; 5xx, timeouts and network errors retry with backoff up to a
// limit; 403 (blocked) and 400 "chat not found" deactivate the subscriber.
//
// Crash safety: a message is committed as 'sending' before the API call and as 'sent' (with
// Telegram's message_id, plus its sent_messages row) after it. What a crash leaves 'sending'
// is ambiguous and is never resent (see OutboxStore.recoverInFlight).
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import { classifyTelegramError, HTML_MESSAGE, type TelegramFailure } from '../telegram/policy.ts';
import type { ReadyMessage, SendingMessage } from '../store/index.ts';
import type { Metrics } from '../util/metrics.ts';
import { systemTime, type TimeSource } from '../util/time.ts';

/** What the sender needs from a Bot API client (telegraf's Telegram fits). */
export interface BotApi {
  callApi(method: 'sendMessage', payload: Record<string, unknown>, extra?: { signal?: AbortSignal }): Promise<unknown>;
}

export interface SenderSettings {
  /** Global pace, messages per second (Telegram: about 30). */
  ratePerSecond: number;
  /** Bucket size of the global pace (messages that may go at once after an idle moment). */
  burst?: number;
  /** Requests awaiting Telegram's answer at once. */
  maxInFlight: number;
  /** Minimum time between two messages to one chat (Telegram: about 1 per second). */
  perChatIntervalMs: number;
  /** Attempts for 5xx, timeouts and network errors before a message is marked failed. */
  maxAttempts: number;
  /** First backoff after a 5xx or network error; doubles each time, up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs?: number;
  /** How long one API call may take before it is abandoned (and retried). */
  requestTimeoutMs: number;
  /** Longest retry_after honoured; a longer one is capped to this. */
  maxRetryAfterMs?: number;
  /** How often the outbox is looked at when there is nothing to do. */
  idlePollMs?: number;
}

export interface SenderDeps {
  store: Store;
  api: BotApi;
  log: Logger;
  settings: SenderSettings;
  /** False while this process must not send (lease not held). */
  canSend?: () => boolean;
  /** Called when a chat is deactivated (blocked the bot, or no longer exists). */
  onDeactivated?: (chatId: number, reason: string) => void;
  /** Pace, per-chat intervals, retries and request timeouts run on it (tests: a fake clock). */
  time?: TimeSource;
  /** Told each message's end and each call's latency (serve's monitoring); none by default. */
  metrics?: Pick<Metrics, 'digestMessages' | 'sendLatency'>;
}

export interface SenderStats {
  sent: number;
  failed: number;
  retried: number;
  rateLimited: number;
  deactivated: number;
  /** Time of the first and the last successful send (ms since epoch). */
  firstSentAt: number | null;
  lastSentAt: number | null;
}

type Outcome = { kind: 'sent'; messageId: number } | TelegramFailure;

/** Token bucket: the global pace. Pure: the caller says what time it is. */
export class Pacer {
  private tokens: number;
  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private last: number,
  ) {
    this.tokens = Math.min(1, burst);
  }

  /** Milliseconds until a token is available (0: now). */
  waitMs(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  take(): void {
    this.tokens -= 1;
  }
}

export class Sender {
  readonly stats: SenderStats = { sent: 0, failed: 0, retried: 0, rateLimited: 0, deactivated: 0, firstSentAt: null, lastSentAt: null };
  private readonly settings: Required<SenderSettings>;
  private readonly pacer: Pacer;
  private readonly time: TimeSource;
  private queue: ReadyMessage[] = [];
  private readonly inFlight = new Map<number, { item: ReadyMessage; abort: AbortController; done: Promise<void> }>();
  private readonly busyChats = new Set<number>();
  /** chatId -> earliest time (ms) of its next message. */
  private readonly chatNextAt = new Map<number, number>();
  private pausedUntil = 0;
  private running = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private lastRefill = 0;
  private drainWaiters: (() => void)[] = [];

  constructor(private readonly deps: SenderDeps) {
    const s = deps.settings;
    this.settings = {
      burst: Math.max(1, Math.min(Math.floor(s.ratePerSecond / 10), 50)),
      retryMaxMs: 60_000,
      maxRetryAfterMs: 300_000,
      idlePollMs: 500,
      ...s,
    };
    this.time = deps.time ?? systemTime;
    this.pacer = new Pacer(this.settings.ratePerSecond, this.settings.burst, this.time.now());
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.loop = this.run().catch((error: unknown) => {
      this.deps.log.error({ err: error }, 'sender loop failed');
    });
  }

  /** New work may be waiting: look at the outbox now. */
  poke(): void {
    this.lastRefill = 0;
    this.wake();
  }

  private wake(): void {
    const w = this.wakeUp;
    this.wakeUp = undefined;
    w?.();
  }

  private async waitForWake(ms: number): Promise<void> {
    const waker = new AbortController();
    const wakeUp = () => waker.abort();
    this.wakeUp = wakeUp;
    await this.time.sleep(Math.max(1, ms), waker.signal);
    if (this.wakeUp === wakeUp) this.wakeUp = undefined;
  }

  /** Resolves when the outbox has nothing pending or in flight (or the sender stops). */
  drain(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      this.drainWaiters.push(resolve);
      this.poke();
    });
  }

  private async settleDrainWaiters(): Promise<void> {
    if (!this.drainWaiters.length) return;
    if (this.stopping || (this.inFlight.size === 0 && await this.deps.store.outbox.openCount() === 0)) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
    }
  }

  /**
   * Stops taking new work, waits for the calls in flight (up to graceMs; then aborts them and
   * records them as unknown) and returns. Nothing still pending is touched: it resumes later.
   */
  async stop(graceMs = this.settings.requestTimeoutMs + 1_000): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    this.wake();
    await this.loop;
    const pending = [...this.inFlight.values()];
    if (pending.length) {
      this.deps.log.info({ inFlight: pending.length }, 'waiting for messages in flight');
      const all = Promise.all(pending.map((p) => p.done));
      const graceOver = new AbortController();
      const timedOut = await Promise.race([all.then(() => false), this.time.sleep(graceMs, graceOver.signal).then(() => !graceOver.signal.aborted)]);
      graceOver.abort(); // no timer left behind to hold the process
      if (timedOut) {
        for (const p of this.inFlight.values()) p.abort.abort();
        await all;
      }
    }
    this.running = false;
    await this.settleDrainWaiters();
  }

  private canSend(): boolean {
    return this.deps.canSend ? this.deps.canSend() : true;
  }

  private async refill(now: number): Promise<void> {
    if (this.queue.length > 200 || now - this.lastRefill < 100) return;
    this.lastRefill = now;
    const exclude = [...this.queue.map((i) => i.id), ...this.inFlight.keys()];
    const more = await this.deps.store.outbox.ready(new Date(now).toISOString(), 1_000, exclude);
    this.queue.push(...more);
  }

  /** The first queued message whose chat may receive one now; else when the next one may go. */
  private pick(now: number): { item?: ReadyMessage; waitMs: number } {
    let waitMs = Infinity;
    for (let i = 0; i < this.queue.length; i++) {
      const item = this.queue[i]!;
      if (this.busyChats.has(item.chatId)) continue;
      const at = this.chatNextAt.get(item.chatId) ?? 0;
      if (at > now) {
        waitMs = Math.min(waitMs, at - now);
        continue;
      }
      this.queue.splice(i, 1);
      return { item, waitMs: 0 };
    }
    return { waitMs };
  }

  private async idleWaitMs(now: number, pickWait: number): Promise<number> {
    let wait = Math.min(pickWait, this.settings.idlePollMs);
    const nextRetry = await this.deps.store.outbox.nextRetryAt();
    if (nextRetry) wait = Math.min(wait, Math.max(1, Date.parse(nextRetry) - now));
    return wait;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const now = this.time.now();
      if (!this.canSend()) {
        this.queue = [];
        await this.waitForWake(this.settings.idlePollMs);
        continue;
      }
      if (this.inFlight.size >= this.settings.maxInFlight) {
        await this.waitForWake(this.settings.idlePollMs);
        continue;
      }
      if (this.pausedUntil > now) {
        await this.waitForWake(this.pausedUntil - now);
        continue;
      }
      await this.refill(now);
      const picked = this.pick(now);
      if (!picked.item) {
        await this.settleDrainWaiters();
        await this.waitForWake(await this.idleWaitMs(now, picked.waitMs));
        continue;
      }
      const item = picked.item;
      const wait = this.pacer.waitMs(now);
      if (wait > 0) {
        // Put it back at the front and wait for the pace.
        this.queue.unshift(item);
        await this.time.sleep(wait);
        continue;
      }
      const message = await this.deps.store.outbox.takeForSending(item.id);
      if (!message) continue; // cancelled or taken meanwhile
      this.pacer.take();
      this.dispatch(item, message);
    }
  }

  private dispatch(item: ReadyMessage, message: SendingMessage): void {
    const abort = new AbortController();
    this.busyChats.add(item.chatId);
    const done = this.deliver(item, message, abort)
      .catch((error: unknown) => this.deps.log.error({ err: error, chatId: item.chatId, item: item.id }, 'delivery bookkeeping failed'))
      .finally(() => {
        this.inFlight.delete(item.id);
        this.busyChats.delete(item.chatId);
        this.chatNextAt.set(item.chatId, this.time.now() + this.settings.perChatIntervalMs);
        if (this.chatNextAt.size > 50_000) this.pruneChatTimes();
        this.wake();
      })
      // Reads the outbox (are we drained?): after the bookkeeping above, and never a rejection left unhandled.
      .then(() => this.settleDrainWaiters())
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'could not check whether delivery is drained'));
    this.inFlight.set(item.id, { item, abort, done });
  }

  private pruneChatTimes(): void {
    const now = this.time.now();
    for (const [chatId, at] of this.chatNextAt) if (at <= now) this.chatNextAt.delete(chatId);
  }

  private async deliver(item: ReadyMessage, message: SendingMessage, abort: AbortController): Promise<void> {
    const { store, log } = this.deps;
    const answered = new AbortController();
    void this.time.sleep(this.settings.requestTimeoutMs, answered.signal).then(() => {
      if (!answered.signal.aborted) abort.abort();
    });
    let outcome: Outcome;
    const started = this.time.now();
    try {
      const payload: Record<string, unknown> = { chat_id: item.chatId, text: message.html, ...HTML_MESSAGE };
      if (message.keyboard.length) payload.reply_markup = { inline_keyboard: message.keyboard };
      const result = (await this.deps.api.callApi('sendMessage', payload, { signal: abort.signal })) as { message_id: number };
      outcome = { kind: 'sent', messageId: result.message_id };
    } catch (error) {
      outcome = classifyTelegramError(error, this.settings.maxRetryAfterMs);
    } finally {
      answered.abort();
    }
    this.deps.metrics?.sendLatency((this.time.now() - started) / 1000);

    const now = new Date(this.time.now());
    const attempts = message.attempts;
    switch (outcome.kind) {
      case 'sent': {
        const messageId = outcome.messageId;
        // Also records the message in sent_messages, for replies and button presses on it.
        await store.outbox.markSent(item.id, messageId, now);
        this.stats.sent++;
        this.deps.metrics?.digestMessages('sent', 1);
        this.stats.firstSentAt ??= now.getTime();
        this.stats.lastSentAt = now.getTime();
        return;
      }
      case 'rate-limited': {
        // Telegram asks the bot to wait: pause everything, then try this message again.
        this.pausedUntil = Math.max(this.pausedUntil, now.getTime() + outcome.retryAfterMs);
        await store.outbox.reschedule(item.id, new Date(now.getTime() + outcome.retryAfterMs), outcome.reason, now, { countAttempt: false });
        this.stats.rateLimited++;
        log.warn({ chatId: item.chatId, retryAfterMs: outcome.retryAfterMs }, 'telegram rate limit (429); waiting');
        return;
      }
      case 'retry': {
        if (this.stopping && abort.signal.aborted) {
          // Abandoned at shutdown: Telegram may have it; never send it again.
          await store.outbox.markUnknown(item.id, 'abandoned at shutdown during the call; not retried', now);
          this.deps.metrics?.digestMessages('unknown', 1);
          return;
        }
        if (attempts >= this.settings.maxAttempts) {
          await store.outbox.markFailed(item.id, `${outcome.reason} (after ${attempts} attempts)`, now);
          this.stats.failed++;
          this.deps.metrics?.digestMessages('failed', 1);
          log.error({ chatId: item.chatId, attempts, reason: outcome.reason }, 'digest message failed; giving up');
          return;
        }
        const delay = Math.min(this.settings.retryMaxMs, this.settings.retryBaseMs * 2 ** (attempts - 1));
        await store.outbox.reschedule(item.id, new Date(now.getTime() + delay), outcome.reason, now);
        this.stats.retried++;
        log.warn({ chatId: item.chatId, attempt: attempts, delayMs: delay, reason: outcome.reason }, 'digest message not sent; retrying');
        return;
      }
      case 'deactivate': {
        await store.outbox.markFailed(item.id, outcome.reason, now, { cancelRest: true });
        await store.outbox.cancelChat(item.chatId, outcome.reason, now);
        if (await store.subscribers.unsubscribe(item.chatId, outcome.reason, now)) {
          this.stats.deactivated++;
          log.info({ chatId: item.chatId, reason: outcome.reason }, 'subscriber deactivated');
          this.deps.onDeactivated?.(item.chatId, outcome.reason);
        }
        this.stats.failed++;
        this.deps.metrics?.digestMessages('failed', 1);
        this.queue = this.queue.filter((q) => q.chatId !== item.chatId);
        return;
      }
      case 'fail': {
        await store.outbox.markFailed(item.id, outcome.reason, now);
        this.stats.failed++;
        this.deps.metrics?.digestMessages('failed', 1);
        log.error({ chatId: item.chatId, reason: outcome.reason }, 'digest message rejected by telegram');
        return;
      }
    }
  }
}
