// Subscriptions: what a chat gets and when (subscribe, stop, resume, delivery time, time zone,
// topics, stories per digest, language). The bot's commands and /settings buttons call this
// service, never the store, so that one rule holds everywhere: settings never resubscribe;
// only /start (subscribe) or the settings "on" button (resume) bring a stopped chat back.
import { countTopicStories } from '../digest/select.ts';
import type { Store } from '../store/index.ts';
import type { PendingInput, Subscriber } from '../store/subscribers.ts';

/** The stories-per-digest choices /settings offers. */
export const STORIES_PER_DIGEST_CHOICES = [3, 5, 8, 10] as const;
/** /follow tells how many stories the topic had in this many days. */
export const FOLLOW_LOOKBACK_DAYS = 7;

/** Who a chat is, as Telegram reports it: kept on its row. */
export interface ChatIdentity {
  chatId: number;
  userId?: number | null;
  firstName?: string | null;
  username?: string | null;
}

export interface SubscriberDefaults {
  digestTime: string;
  timezone: string;
}

export type FollowResult = { result: 'added'; storiesThisWeek: number } | { result: 'exists' } | { result: 'limit' };

export class SubscriptionService {
  constructor(private readonly deps: { store: Store; now: () => Date; defaults: SubscriberDefaults }) {}

  get(chatId: number): Subscriber | undefined {
    return this.deps.store.subscribers.get(chatId);
  }

  /** /start: subscribes a new chat, or brings a stopped one back with its settings. */
  subscribe(chat: ChatIdentity): { subscriber: Subscriber; created: boolean } {
    return this.deps.store.subscribers.subscribe({ ...chat, ...this.deps.defaults }, this.deps.now());
  }

  /**
   * The chat's row for a setting, made on first use with the default settings. It never
   * reactivates a stopped chat.
   */
  ensure(chat: ChatIdentity): Subscriber {
    return this.deps.store.subscribers.ensure({ ...chat, ...this.deps.defaults }, this.deps.now());
  }

  stop(chatId: number, reason = 'stop'): boolean {
    return this.deps.store.subscribers.unsubscribe(chatId, reason, this.deps.now());
  }

  /** The settings "on" button: the only way besides /start to resume daily digests. */
  resume(chatId: number): boolean {
    return this.deps.store.subscribers.resume(chatId, this.deps.now());
  }

  setTime(chat: ChatIdentity, time: string): Subscriber {
    return this.change(chat, (id, now) => this.deps.store.subscribers.setDigestTime(id, time, now));
  }

  setTimezone(chat: ChatIdentity, timezone: string): Subscriber {
    return this.change(chat, (id, now) => this.deps.store.subscribers.setTimezone(id, timezone, now));
  }

  setStoriesPerDigest(chat: ChatIdentity, stories: number): Subscriber {
    return this.change(chat, (id, now) => this.deps.store.subscribers.setStoriesPerDigest(id, stories, now));
  }

  /** null: follow the language Telegram reports. */
  setLanguage(chat: ChatIdentity, language: string | null): Subscriber {
    return this.change(chat, (id, now) => this.deps.store.subscribers.setLanguage(id, language, now));
  }

  /** One setting changed on the chat's row (made first if need be, never reactivated): the row after. */
  private change(chat: ChatIdentity, write: (chatId: number, now: Date) => void): Subscriber {
    this.ensure(chat);
    write(chat.chatId, this.deps.now());
    return this.get(chat.chatId)!;
  }

  /** Remembers Telegram's language for the chat (daily digests are written in it), when the chat has a row. */
  noteClientLanguage(chatId: number, language: string): void {
    this.deps.store.subscribers.setClientLanguage(chatId, language);
  }

  /** Follows a topic, and says how many stories it had this week. */
  follow(chat: ChatIdentity, topic: string): FollowResult {
    this.ensure(chat);
    const now = this.deps.now();
    const result = this.deps.store.subscribers.follow(chat.chatId, topic, now);
    if (result === 'exists' || result === 'limit') return { result };
    const since = new Date(now.getTime() - FOLLOW_LOOKBACK_DAYS * 86_400_000);
    return { result, storiesThisWeek: countTopicStories(this.deps.store, topic, since, now) };
  }

  unfollow(chatId: number, topic: string): boolean {
    return this.deps.store.subscribers.unfollow(chatId, topic);
  }

  topics(chatId: number): string[] {
    return this.deps.store.subscribers.topics(chatId);
  }

  /** What the chat's next text message is for; null clears it. */
  setPendingInput(chat: ChatIdentity, pending: PendingInput | null): void {
    if (pending) this.ensure(chat);
    this.deps.store.subscribers.setPendingInput(chat.chatId, pending);
  }
}
