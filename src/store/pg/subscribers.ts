// Subscribers (one per Telegram chat), their topics, and the messages sent to them, on
// PostgreSQL: the SQLite SubscriberStore's contract (src/store/sqlite/subscribers.ts). Every
// per-user state the bot keeps (settings, the pending input of a settings button, what a sent
// message carried) lives here, so any instance behind a webhook load balancer answers any update.
import { MAX_TOPICS_PER_SUBSCRIBER, type PendingInput, type SentMessage, type Subscriber, type SubscriberFields, type SubscriberStore } from '../api.ts';
import { toSubscriber as subscriberOf, type SubscriberRow } from '../delivery-rows.ts';
import type { PgDb } from './db.ts';

/** `active` is a boolean and `pending_input` parsed JSONB. */
type PgSubscriberRow = SubscriberRow<boolean, unknown>;
const toSubscriber = (row: PgSubscriberRow): Subscriber => subscriberOf(row, (active) => active);

interface SentMessageRow {
  chat_id: number;
  message_id: number;
  kind: string;
  topic: string | null;
  stories: unknown[];
  created_at: string;
  digest_key: string | null;
}

function toSentMessage<TStory>(row: SentMessageRow): SentMessage<TStory> {
  return {
    chatId: row.chat_id,
    messageId: row.message_id,
    kind: row.kind,
    topic: row.topic,
    stories: row.stories as TStory[],
    createdAt: row.created_at,
    digestKey: row.digest_key,
  };
}

export class PgSubscriberStore implements SubscriberStore {
  constructor(private readonly db: PgDb) {}

  async get(chatId: number): Promise<Subscriber | undefined> {
    const { rows } = await this.db.query<PgSubscriberRow>('SELECT * FROM subscribers WHERE chat_id = $1', [chatId]);
    return rows[0] && toSubscriber(rows[0]);
  }

  /**
   * Subscribes a chat (or re-activates it, keeping its settings and topics), in one statement:
   * two instances answering the same chat's /start at once cannot both insert.
   */
  async subscribe(input: SubscriberFields, now = new Date()): Promise<{ subscriber: Subscriber; created: boolean }> {
    const at = now.toISOString();
    const { rows } = await this.db.query<PgSubscriberRow & { created: boolean }>(
      `INSERT INTO subscribers (chat_id, user_id, first_name, username, active, digest_time, timezone, created_at, updated_at)
       VALUES ($1, $2, $3, $4, TRUE, $5, $6, $7, $7)
       ON CONFLICT (chat_id) DO UPDATE SET active = TRUE, stopped_at = NULL, stop_reason = NULL,
         user_id = coalesce(excluded.user_id, subscribers.user_id),
         first_name = coalesce(excluded.first_name, subscribers.first_name),
         username = coalesce(excluded.username, subscribers.username),
         updated_at = excluded.updated_at
       RETURNING *, (xmax = 0) AS created`,
      [input.chatId, input.userId ?? null, input.firstName ?? null, input.username ?? null, input.digestTime, input.timezone, at],
    );
    const row = rows[0]!;
    return { subscriber: toSubscriber(row), created: row.created };
  }

  /** A new chat is subscribed; an existing one keeps its state (a reader who sent /stop is never silently subscribed again). */
  async ensure(input: SubscriberFields, now = new Date()): Promise<Subscriber> {
    const { rows } = await this.db.query<PgSubscriberRow>(
      `UPDATE subscribers SET user_id = coalesce($2, user_id), first_name = coalesce($3, first_name), username = coalesce($4, username), updated_at = $5
       WHERE chat_id = $1 RETURNING *`,
      [input.chatId, input.userId ?? null, input.firstName ?? null, input.username ?? null, now.toISOString()],
    );
    return rows[0] ? toSubscriber(rows[0]) : (await this.subscribe(input, now)).subscriber;
  }

  async unsubscribe(chatId: number, reason: string, now = new Date()): Promise<boolean> {
    const at = now.toISOString();
    return (await this.db.query('UPDATE subscribers SET active = FALSE, stopped_at = $1, stop_reason = $2, updated_at = $1 WHERE chat_id = $3 AND active', [at, reason, chatId])).rowCount > 0;
  }

  async setDigestTime(chatId: number, time: string, now = new Date()): Promise<void> {
    await this.db.query('UPDATE subscribers SET digest_time = $1, updated_at = $2 WHERE chat_id = $3', [time, now.toISOString(), chatId]);
  }

  async setTimezone(chatId: number, timezone: string, now = new Date()): Promise<void> {
    await this.db.query('UPDATE subscribers SET timezone = $1, updated_at = $2 WHERE chat_id = $3', [timezone, now.toISOString(), chatId]);
  }

  async resume(chatId: number, now = new Date()): Promise<boolean> {
    return (await this.db.query('UPDATE subscribers SET active = TRUE, stopped_at = NULL, stop_reason = NULL, updated_at = $1 WHERE chat_id = $2 AND NOT active', [now.toISOString(), chatId])).rowCount > 0;
  }

  async setLanguage(chatId: number, language: string | null, now = new Date()): Promise<void> {
    await this.db.query('UPDATE subscribers SET language = $1, updated_at = $2 WHERE chat_id = $3', [language, now.toISOString(), chatId]);
  }

  /** Written only when it changed: most updates carry the same language. */
  async setClientLanguage(chatId: number, language: string): Promise<void> {
    await this.db.query('UPDATE subscribers SET client_language = $1 WHERE chat_id = $2 AND client_language IS DISTINCT FROM $1', [language, chatId]);
  }

  async setStoriesPerDigest(chatId: number, stories: number | null, now = new Date()): Promise<void> {
    await this.db.query('UPDATE subscribers SET stories_per_digest = $1, updated_at = $2 WHERE chat_id = $3', [stories, now.toISOString(), chatId]);
  }

  async setPendingInput(chatId: number, pending: PendingInput | null): Promise<void> {
    await this.db.query('UPDATE subscribers SET pending_input = $1::jsonb WHERE chat_id = $2', [pending ? JSON.stringify(pending) : null, chatId]);
  }

  async setLastTopic(chatId: number, topic: string | null): Promise<void> {
    await this.db.query('UPDATE subscribers SET last_topic = $1 WHERE chat_id = $2', [topic, chatId]);
  }

  async topics(chatId: number): Promise<string[]> {
    const { rows } = await this.db.query<{ topic: string }>('SELECT topic FROM subscriber_topics WHERE chat_id = $1 ORDER BY created_at, topic', [chatId]);
    return rows.map((r) => r.topic);
  }

  /**
   * Adds a topic unless followed already (any case) or the limit is reached; the chat's row is
   * locked meanwhile, so two instances cannot both add past the limit.
   */
  async follow(chatId: number, topic: string, now = new Date()): Promise<'added' | 'exists' | 'limit'> {
    return this.db.atomic(async (tx) => {
      await tx.query('SELECT 1 FROM subscribers WHERE chat_id = $1 FOR UPDATE', [chatId]);
      const followed = await new PgSubscriberStore(tx).topics(chatId);
      if (followed.some((t) => t.toLowerCase() === topic.toLowerCase())) return 'exists';
      if (followed.length >= MAX_TOPICS_PER_SUBSCRIBER) return 'limit';
      await tx.query('INSERT INTO subscriber_topics (chat_id, topic, created_at) VALUES ($1, $2, $3)', [chatId, topic, now.toISOString()]);
      return 'added';
    });
  }

  async unfollow(chatId: number, topic: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM subscriber_topics WHERE chat_id = $1 AND lower(topic) = lower($2)', [chatId, topic])).rowCount > 0;
  }

  async countActive(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*) AS n FROM subscribers WHERE active');
    return rows[0]!.n;
  }

  async listActive(): Promise<Subscriber[]> {
    const { rows } = await this.db.query<PgSubscriberRow>('SELECT * FROM subscribers WHERE active ORDER BY chat_id');
    return rows.map(toSubscriber);
  }

  async recordSentMessage<TStory>(message: Omit<SentMessage<TStory>, 'createdAt'>, now = new Date()): Promise<void> {
    await this.db.query(
      `INSERT INTO sent_messages (chat_id, message_id, kind, topic, stories, created_at, digest_key) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
       ON CONFLICT (chat_id, message_id) DO UPDATE SET kind = excluded.kind, topic = excluded.topic, stories = excluded.stories,
         created_at = excluded.created_at, digest_key = excluded.digest_key`,
      [message.chatId, message.messageId, message.kind, message.topic, JSON.stringify(message.stories), now.toISOString(), message.digestKey ?? null],
    );
  }

  /** A sent message with the stories of its whole digest (a reply to any part is about all of them). */
  async digestStories<TStory>(chatId: number, messageId: number): Promise<SentMessage<TStory> | undefined> {
    const message = await this.sentMessage<TStory>(chatId, messageId);
    if (!message?.digestKey) return message;
    const { rows } = await this.db.query<{ stories: TStory[] }>(
      'SELECT stories FROM sent_messages WHERE chat_id = $1 AND digest_key = $2 ORDER BY message_id',
      [chatId, message.digestKey],
    );
    return { ...message, stories: rows.flatMap((row) => row.stories) };
  }

  async sentMessage<TStory>(chatId: number, messageId: number): Promise<SentMessage<TStory> | undefined> {
    const { rows } = await this.db.query<SentMessageRow>('SELECT * FROM sent_messages WHERE chat_id = $1 AND message_id = $2', [chatId, messageId]);
    return rows[0] && toSentMessage<TStory>(rows[0]);
  }
}
