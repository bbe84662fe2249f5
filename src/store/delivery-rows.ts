// The delivery tables' rows as both engines read them, and their mapping to the api.ts types.
// The columns are the same on SQLite and PostgreSQL; only how a flag and stored JSON come back
// differs (SQLite: 0/1 and text; PostgreSQL: boolean and parsed JSONB), so each engine says
// how to read those and the rest is mapped once, here.
import type { DigestDecision, DigestRecord, DigestStatus, OutboxItem, OutboxStatus, PendingInput, Subscriber } from './api.ts';

export interface DigestRow {
  id: number;
  chat_id: number;
  local_date: string;
  status: DigestStatus;
  due_at: string;
  decided_at: string;
  cutoff_at: string;
  ingested_after: string | null;
  topic: string | null;
  story_count: number;
  message_count: number;
  finished_at: string | null;
  error: string | null;
}

/** An outbox row; `Json` is how the engine returns the keyboard and stories columns. */
export interface OutboxRow<Json> {
  id: number;
  digest_id: number;
  chat_id: number;
  seq: number;
  html: string;
  keyboard: Json;
  stories: Json;
  kind: string;
  topic: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string | null;
  message_id: number | null;
  error: string | null;
}

/** A subscriber row; `Flag` and `Json` are how the engine returns `active` and `pending_input`. */
export interface SubscriberRow<Flag, Json> {
  chat_id: number;
  user_id: number | null;
  first_name: string | null;
  username: string | null;
  active: Flag;
  digest_time: string;
  timezone: string;
  last_topic: string | null;
  created_at: string;
  stopped_at: string | null;
  stop_reason: string | null;
  language: string | null;
  client_language: string | null;
  stories_per_digest: number | null;
  pending_input: Json;
}

// Subscribers with the same request share one digest's message objects (the decide cache):
// each is serialised once per fan-out, not once per subscriber.
const serialised = new WeakMap<object, string>();
export function jsonOf(value: object): string {
  let json = serialised.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    serialised.set(value, json);
  }
  return json;
}

/**
 * The values of a decided digest's row, in the column order of the digests INSERT both engines
 * write (chat_id, local_date, status, due_at, decided_at, cutoff_at, ingested_after, topic,
 * story_count, message_count, finished_at): a digest with no message is finished when decided.
 */
export function digestValues(decision: DigestDecision, at: string): unknown[] {
  const status: DigestStatus = decision.messages.length ? 'pending' : 'skipped-empty';
  return [
    decision.chatId,
    decision.localDate,
    status,
    decision.dueAt.toISOString(),
    at,
    decision.cutoffAt.toISOString(),
    decision.ingestedAfter?.toISOString() ?? null,
    decision.topic,
    decision.storyCount,
    decision.messages.length,
    status === 'skipped-empty' ? at : null,
  ];
}

export function toDigest(row: DigestRow): DigestRecord {
  return {
    id: row.id,
    chatId: row.chat_id,
    localDate: row.local_date,
    status: row.status,
    dueAt: row.due_at,
    decidedAt: row.decided_at,
    cutoffAt: row.cutoff_at,
    ingestedAfter: row.ingested_after,
    topic: row.topic,
    storyCount: row.story_count,
    messageCount: row.message_count,
    finishedAt: row.finished_at,
    error: row.error,
  };
}

export function toItem<Json>(row: OutboxRow<Json>, json: (value: Json) => unknown): OutboxItem {
  return {
    id: row.id,
    digestId: row.digest_id,
    chatId: row.chat_id,
    seq: row.seq,
    html: row.html,
    keyboard: json(row.keyboard) as unknown[][],
    stories: json(row.stories) as unknown[],
    kind: row.kind,
    topic: row.topic,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    messageId: row.message_id,
    error: row.error,
  };
}

/** A stored pending input if it has the expected shape, else null (never throws on a bad value). */
export function pendingInputOf(value: unknown): PendingInput | null {
  let pending = value;
  if (typeof pending === 'string') {
    try {
      pending = JSON.parse(pending);
    } catch {
      return null;
    }
  }
  const input = pending as PendingInput | null;
  return input && (input.kind === 'topic' || input.kind === 'timezone') && Number.isInteger(input.messageId) ? input : null;
}

export function toSubscriber<Flag, Json>(row: SubscriberRow<Flag, Json>, active: (flag: Flag) => boolean): Subscriber {
  return {
    chatId: row.chat_id,
    userId: row.user_id,
    firstName: row.first_name,
    username: row.username,
    active: active(row.active),
    digestTime: row.digest_time,
    timezone: row.timezone,
    lastTopic: row.last_topic,
    createdAt: row.created_at,
    stoppedAt: row.stopped_at,
    stopReason: row.stop_reason,
    language: row.language,
    clientLanguage: row.client_language,
    storiesPerDigest: row.stories_per_digest,
    pendingInput: pendingInputOf(row.pending_input),
  };
}
