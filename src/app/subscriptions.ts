// Subscriptions: what a chat gets and when (subscribe, stop, resume, delivery time, time zone,
// topics, stories per digest, language). The bot's commands and /settings buttons call this
// service, never the store, so that one rule holds everywhere: settings never resubscribe;
// only /start (subscribe) or the settings "on" button (resume) bring a stopped chat back.
import { countTopicStories } from '../digest/select.ts';
import type { Store } from '../store/index.ts';
import type { PendingInput, Subscriber } from '../store/index.ts';

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

  async get(chatId: number): Promise<Subscriber | undefined> {
    return await this.deps.store.subscribers.get(chatId);
  }

  /** /start: subscribes a new chat, or brings a stopped one back with its settings. */
  async subscribe(chat: ChatIdentity): Promise<{ subscriber: Subscriber; created: boolean }> {
    return await this.deps.store.subscribers.subscribe({ ...chat, ...this.deps.defaults }, this.deps.now());
  }

  /**
   * The chat's row for a setting, made on first use with the default settings. It never
   * reactivates a stopped chat.
   */
  async ensure(chat: ChatIdentity): Promise<Subscriber> {
    return await this.deps.store.subscribers.ensure({ ...chat, ...this.deps.defaults }, this.deps.now());
  }

  async stop(chatId: number, reason = 'stop'): Promise<boolean> {
    return await this.deps.store.subscribers.unsubscribe(chatId, reason, this.deps.now());
  }

  /** The settings "on" button: the only way besides /start to resume daily digests. */
  async resume(chatId: number): Promise<boolean> {
    return await this.deps.store.subscribers.resume(chatId, this.deps.now());
  }

  async setTime(chat: ChatIdentity, time: string): Promise<Subscriber> {
    return await this.change(chat, (id, now) => this.deps.store.subscribers.setDigestTime(id, time, now));
  }

  async setTimezone(chat: ChatIdentity, timezone: string): Promise<Subscriber> {
    return await this.change(chat, (id, now) => this.deps.store.subscribers.setTimezone(id, timezone, now));
  }

  async setStoriesPerDigest(chat: ChatIdentity, stories: number): Promise<Subscriber> {
    return await this.change(chat, (id, now) => this.deps.store.subscribers.setStoriesPerDigest(id, stories, now));
  }

  /** null: follow the language Telegram reports. */
  async setLanguage(chat: ChatIdentity, language: string | null): Promise<Subscriber> {
    return await this.change(chat, (id, now) => this.deps.store.subscribers.setLanguage(id, language, now));
  }

  /** One setting changed on the chat's row (made first if need be, never reactivated): the row after. */
  private async change(chat: ChatIdentity, write: (chatId: number, now: Date) => Promise<void>): Promise<Subscriber> {
    await this.ensure(chat);
    await write(chat.chatId, this.deps.now());
    return (await this.get(chat.chatId))!;
  }

  /** Remembers Telegram's language for the chat (daily digests are written in it), when the chat has a row. */
  async noteClientLanguage(chatId: number, language: string): Promise<void> {
    await this.deps.store.subscribers.setClientLanguage(chatId, language);
  }

  /** Follows a topic, and says how many stories it had this week. */
  async follow(chat: ChatIdentity, topic: string): Promise<FollowResult> {
    await this.ensure(chat);
    const now = this.deps.now();
    const result = await this.deps.store.subscribers.follow(chat.chatId, topic, now);
    if (result === 'exists' || result === 'limit') return { result };
    const since = new Date(now.getTime() - FOLLOW_LOOKBACK_DAYS * 86_400_000);
    return { result, storiesThisWeek: await countTopicStories(this.deps.store, topic, since, now) };
  }

  async unfollow(chatId: number, topic: string): Promise<boolean> {
    return await this.deps.store.subscribers.unfollow(chatId, topic);
  }

  async topics(chatId: number): Promise<string[]> {
    return await this.deps.store.subscribers.topics(chatId);
  }

  /** What the chat's next text message is for; null clears it. */
  async setPendingInput(chat: ChatIdentity, pending: PendingInput | null): Promise<void> {
    if (pending) await this.ensure(chat);
    await this.deps.store.subscribers.setPendingInput(chat.chatId, pending);
  }
}
