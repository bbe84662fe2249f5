// Subscribers (one per Telegram chat), their topics, and the messages sent to them.
import type { Statement } from 'better-sqlite3';
import { statementCache, type Db } from './db.ts';
import { MAX_TOPICS_PER_SUBSCRIBER, type PendingInput, type SentMessage, type Subscriber, type SubscriberFields } from '../api.ts';

interface SubscriberRow {
  chat_id: number;
  user_id: number | null;
  first_name: string | null;
  username: string | null;
  active: number;
  digest_time: string;
  timezone: string;
  last_topic: string | null;
  created_at: string;
  stopped_at: string | null;
  stop_reason: string | null;
  language: string | null;
  client_language: string | null;
  stories_per_digest: number | null;
  pending_input: string | null;
}

function parsePending(text: string | null): PendingInput | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as PendingInput;
    return (value.kind === 'topic' || value.kind === 'timezone') && Number.isInteger(value.messageId) ? value : null;
  } catch {
    return null;
  }
}

function toSubscriber(row: SubscriberRow): Subscriber {
  return {
    chatId: row.chat_id,
    userId: row.user_id,
    firstName: row.first_name,
    username: row.username,
    active: row.active === 1,
    digestTime: row.digest_time,
    timezone: row.timezone,
    lastTopic: row.last_topic,
    createdAt: row.created_at,
    stoppedAt: row.stopped_at,
    stopReason: row.stop_reason,
    language: row.language,
    clientLanguage: row.client_language,
    storiesPerDigest: row.stories_per_digest,
    pendingInput: parsePending(row.pending_input),
  };
}

export class SqliteSubscriberStore {
  private readonly sql: (text: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  get(chatId: number): Subscriber | undefined {
    const row = this.sql('SELECT * FROM subscribers WHERE chat_id = ?').get(chatId) as SubscriberRow | undefined;
    return row ? toSubscriber(row) : undefined;
  }

  /** Subscribes a chat (or re-activates it, keeping its settings and topics). Returns whether it is new. */
  subscribe(input: SubscriberFields, now = new Date()): { subscriber: Subscriber; created: boolean } {
    const existing = this.get(input.chatId);
    const at = now.toISOString();
    if (existing) {
      this.sql('UPDATE subscribers SET active = 1, stopped_at = NULL, stop_reason = NULL, user_id = ?, first_name = ?, username = ?, updated_at = ? WHERE chat_id = ?')
        .run(input.userId ?? existing.userId, input.firstName ?? existing.firstName, input.username ?? existing.username, at, input.chatId);
    } else {
      this.sql(
          `INSERT INTO subscribers (chat_id, user_id, first_name, username, active, digest_time, timezone, created_at, updated_at)
           VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)`,
        )
        .run(input.chatId, input.userId ?? null, input.firstName ?? null, input.username ?? null, input.digestTime, input.timezone, at, at);
    }
    return { subscriber: this.get(input.chatId)!, created: !existing };
  }

  /**
   * Makes sure a chat has a row, for settings commands (/time, /timezone, /follow): a new chat is subscribed,
   * an existing one keeps its state, so that a reader who sent /stop is never silently subscribed again.
   */
  ensure(input: SubscriberFields, now = new Date()): Subscriber {
    const existing = this.get(input.chatId);
    if (!existing) return this.subscribe(input, now).subscriber;
    this.sql('UPDATE subscribers SET user_id = ?, first_name = ?, username = ?, updated_at = ? WHERE chat_id = ?')
      .run(input.userId ?? existing.userId, input.firstName ?? existing.firstName, input.username ?? existing.username, now.toISOString(), input.chatId);
    return this.get(input.chatId)!;
  }

  /** Stops daily digests; the settings stay so that /start brings everything back. */
  unsubscribe(chatId: number, reason: string, now = new Date()): boolean {
    return (
      this.sql('UPDATE subscribers SET active = 0, stopped_at = ?, stop_reason = ?, updated_at = ? WHERE chat_id = ? AND active = 1')
        .run(now.toISOString(), reason, now.toISOString(), chatId).changes > 0
    );
  }

  setDigestTime(chatId: number, time: string, now = new Date()): void {
    this.sql('UPDATE subscribers SET digest_time = ?, updated_at = ? WHERE chat_id = ?').run(time, now.toISOString(), chatId);
  }

  setTimezone(chatId: number, timezone: string, now = new Date()): void {
    this.sql('UPDATE subscribers SET timezone = ?, updated_at = ? WHERE chat_id = ?').run(timezone, now.toISOString(), chatId);
  }

  /** Turns daily digests back on for a chat that has a row; false when there is none or it was on. */
  resume(chatId: number, now = new Date()): boolean {
    return this.sql('UPDATE subscribers SET active = 1, stopped_at = NULL, stop_reason = NULL, updated_at = ? WHERE chat_id = ? AND active = 0').run(now.toISOString(), chatId).changes > 0;
  }

  setLanguage(chatId: number, language: string | null, now = new Date()): void {
    this.sql('UPDATE subscribers SET language = ?, updated_at = ? WHERE chat_id = ?').run(language, now.toISOString(), chatId);
  }

  /** Remembers the language Telegram reports; written only when it changed. */
  setClientLanguage(chatId: number, language: string): void {
    this.sql('UPDATE subscribers SET client_language = ? WHERE chat_id = ? AND client_language IS NOT ?').run(language, chatId, language);
  }

  setStoriesPerDigest(chatId: number, stories: number | null, now = new Date()): void {
    this.sql('UPDATE subscribers SET stories_per_digest = ?, updated_at = ? WHERE chat_id = ?').run(stories, now.toISOString(), chatId);
  }

  setPendingInput(chatId: number, pending: PendingInput | null): void {
    this.sql('UPDATE subscribers SET pending_input = ? WHERE chat_id = ?').run(pending ? JSON.stringify(pending) : null, chatId);
  }

  setLastTopic(chatId: number, topic: string | null): void {
    this.sql('UPDATE subscribers SET last_topic = ? WHERE chat_id = ?').run(topic, chatId);
  }

  topics(chatId: number): string[] {
    return this.sql('SELECT topic FROM subscriber_topics WHERE chat_id = ? ORDER BY created_at, topic').pluck().all(chatId) as string[];
  }

  /** Adds a topic; false when it was already followed or the limit is reached. */
  follow(chatId: number, topic: string, now = new Date()): 'added' | 'exists' | 'limit' {
    if (this.topics(chatId).some((t) => t.toLowerCase() === topic.toLowerCase())) return 'exists';
    if (this.topics(chatId).length >= MAX_TOPICS_PER_SUBSCRIBER) return 'limit';
    this.sql('INSERT INTO subscriber_topics (chat_id, topic, created_at) VALUES (?, ?, ?)').run(chatId, topic, now.toISOString());
    return 'added';
  }

  unfollow(chatId: number, topic: string): boolean {
    return this.sql('DELETE FROM subscriber_topics WHERE chat_id = ? AND lower(topic) = lower(?)').run(chatId, topic).changes > 0;
  }

  countActive(): number {
    return this.sql('SELECT count(*) FROM subscribers WHERE active = 1').pluck().get() as number;
  }

  listActive(): Subscriber[] {
    return (this.sql('SELECT * FROM subscribers WHERE active = 1 ORDER BY chat_id').all() as SubscriberRow[]).map(toSubscriber);
  }

  recordSentMessage<TStory>(message: Omit<SentMessage<TStory>, 'createdAt'>, now = new Date()): void {
    this.sql('INSERT OR REPLACE INTO sent_messages (chat_id, message_id, kind, topic, stories, created_at, digest_key) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(message.chatId, message.messageId, message.kind, message.topic, JSON.stringify(message.stories), now.toISOString(), message.digestKey ?? null);
  }

  /**
   * A sent message with the stories of its whole digest: a digest split over several messages
   * shares one key, and a reply to any of them is about all of them. A message without a key
   * (an answer, a story detail) keeps its own stories.
   */
  digestStories<TStory>(chatId: number, messageId: number): SentMessage<TStory> | undefined {
    const message = this.sentMessage<TStory>(chatId, messageId);
    if (!message?.digestKey) return message;
    const rows = this.sql('SELECT stories FROM sent_messages WHERE chat_id = ? AND digest_key = ? ORDER BY message_id').pluck().all(chatId, message.digestKey) as string[];
    return { ...message, stories: rows.flatMap((row) => JSON.parse(row) as TStory[]) };
  }

  sentMessage<TStory>(chatId: number, messageId: number): SentMessage<TStory> | undefined {
    const row = this.sql('SELECT * FROM sent_messages WHERE chat_id = ? AND message_id = ?').get(chatId, messageId) as
      | { chat_id: number; message_id: number; kind: string; topic: string | null; stories: string; created_at: string; digest_key: string | null }
      | undefined;
    if (!row) return undefined;
    return {
      chatId: row.chat_id,
      messageId: row.message_id,
      kind: row.kind,
      topic: row.topic,
      stories: JSON.parse(row.stories) as TStory[],
      createdAt: row.created_at,
      digestKey: row.digest_key,
    };
  }
}
