// The store's engine-neutral interface (issue 17): what callers may ask of any engine, SQLite
// (src/store/sqlite/, the embedded default) or PostgreSQL (src/store/pg/). Every method is
// asynchronous; explicit transactions go through Store.transaction. The row and result types
// below are the shapes callers see, whatever the columns underneath. Open a store with
// openStore(target) from src/store/index.ts (a postgres:// URL, else a SQLite file path).
import type { ContentKeys } from '../dedup/content-keys.ts';
import type { Logger } from '../log.ts';
import type { Analysis, ArticleDraft, StoredArticle } from '../model.ts';
import type { ArticleFeatures } from '../stories/features.ts';
import type { StoreMemos } from './memos.ts';

// ---- articles ----
export type InsertStatus = 'new' | 'duplicate' | 'near-duplicate';

export interface InsertResult {
  status: InsertStatus;
  id: number;
  /** For a duplicate: the stored article it repeats. For a near-duplicate: the article it is linked to. */
  duplicateOf?: number;
  reason?: 'guid' | 'url' | 'text' | 'fingerprint';
  /** The story a stored article (new or near-duplicate) was assigned to. */
  storyId?: number;
}

export interface SearchOptions {
  limit?: number;
  /** Only articles published (or, when unknown, ingested) at or after this ISO time. */
  since?: string;
  /** Reference time for recency; defaults to now. */
  now?: Date;
}

export interface SearchHit {
  article: StoredArticle;
  score: number;
  /** True when every search term matched. */
  matchedAll: boolean;
}

export interface InsertMeta {
  sourceId?: number | null;
  analysis?: Analysis | null;
  /**
   * The analysis already encoded as stored (storedAnalysisJson), by an ingest worker: stored as
   * it is, so the single writer does not encode it. Wins over `analysis`.
   */
  analysisJson?: string;
  ingestedAt?: Date;
  keys?: ContentKeys;
  /** Story features, precomputed (by an ingest worker); computed here when absent. */
  storyFeatures?: ArticleFeatures;
}

// ---- sources ----
export type SourceKind = 'feed' | 'page';

export interface SourceInput {
  url: string;
  name: string;
  kind?: SourceKind;
  language?: string;
  enabled?: boolean;
}

export interface Source {
  id: number;
  url: string;
  name: string;
  kind: SourceKind;
  language: string | null;
  enabled: boolean;
  etag: string | null;
  lastModified: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

// ---- subscribers ----
export interface Subscriber {
  chatId: number;
  userId: number | null;
  firstName: string | null;
  username: string | null;
  active: boolean;
  /** Local delivery time, HH:MM. */
  digestTime: string;
  /** IANA time zone. */
  timezone: string;
  lastTopic: string | null;
  createdAt: string;
  stoppedAt: string | null;
  stopReason: string | null;
  /** Chosen with /language; null: the language Telegram reports. */
  language: string | null;
  /** The language Telegram last reported for the chat's user. */
  clientLanguage: string | null;
  /** Stories per daily digest and /digest; null: the default. */
  storiesPerDigest: number | null;
  /** What the chat's next text message is for (see PendingInput). */
  pendingInput: PendingInput | null;
}

/** A settings button that waits for a text: the next message is a topic, or a time zone; `messageId` is the settings message to update. */
export interface PendingInput {
  kind: 'topic' | 'timezone';
  messageId: number;
}

export interface SentMessage<TStory = unknown> {
  chatId: number;
  messageId: number;
  kind: string;
  topic: string | null;
  stories: TStory[];
  createdAt: string;
  /** Shared by the messages of one digest (see digestStories). */
  digestKey?: string | null;
}

export const MAX_TOPICS_PER_SUBSCRIBER = 20;

// ---- llm-cache ----
export type LlmCacheStatus = 'ok' | 'invalid';

export interface LlmCacheEntry {
  key: string;
  /** What the result is for: 'article-summary', 'answer', 'headline'. */
  kind: string;
  model: string;
  /** 'invalid': the model's reply failed validation twice; not asked again for the same content. */
  status: LlmCacheStatus;
  /** The validated model output (JSON value); null for 'invalid'. */
  value: unknown;
  /** Input tokens spent to get it. */
  tokens: number;
  createdAt: string;
}

// ---- outbox ----
export type DigestStatus = 'pending' | 'sent' | 'failed' | 'unknown' | 'skipped-empty';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'cancelled';

export interface OutboxMessageInput {
  html: string;
  /** Inline keyboard rows (callback buttons). */
  keyboard: unknown[][];
  /** What the message carries, recorded in sent_messages when it is sent. */
  stories: unknown[];
}

export interface DigestDecision {
  chatId: number;
  /** The subscriber's local date, YYYY-MM-DD. */
  localDate: string;
  dueAt: Date;
  /** Decision time; the next digest has the news ingested after it. */
  cutoffAt: Date;
  ingestedAfter: Date | null;
  topic: string | null;
  storyCount: number;
  /** Rendered messages in order; none for an empty digest (recorded as skipped-empty). */
  messages: OutboxMessageInput[];
  kind?: string;
}

/** What deciding a subscriber's digest reads first (OutboxStore.decisionInputs). */
export interface DecisionInputs {
  decided: boolean;
  topics: string[];
  lastCutoff: Date | null;
}

export interface DigestRecord {
  id: number;
  chatId: number;
  localDate: string;
  status: DigestStatus;
  dueAt: string;
  decidedAt: string;
  cutoffAt: string;
  ingestedAfter: string | null;
  topic: string | null;
  storyCount: number;
  messageCount: number;
  finishedAt: string | null;
  error: string | null;
}

export interface OutboxItem {
  id: number;
  digestId: number;
  chatId: number;
  seq: number;
  html: string;
  keyboard: unknown[][];
  stories: unknown[];
  kind: string;
  topic: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  messageId: number | null;
  error: string | null;
}

/** A message ready to go, as the sender queues it: its text is read when it is taken. */
export interface ReadyMessage {
  id: number;
  chatId: number;
}

/** What the Bot API call needs, read as the message is taken for sending. */
export interface SendingMessage {
  html: string;
  keyboard: unknown[][];
  /** Attempts including this one. */
  attempts: number;
}

export interface DeliveryCounts {
  digests: Record<DigestStatus, number>;
  messages: Record<OutboxStatus, number>;
}

export interface LockHolder {
  name: string;
  owner: string;
  host: string;
  pid: number;
  acquiredAt: string;
  expiresAt: number;
}

// ---- stories ----
export interface StoryRecord {
  id: number;
  title: string;
  titleArticleId: number | null;
  /** Earliest and latest member time (published, else ingested), ISO UTC. */
  first: string;
  last: string;
  articleCount: number;
  outletCount: number;
  /** True while every member has a published time. */
  dated: boolean;
}

export interface StoryAssignment {
  storyId: number;
  status: 'new' | 'joined' | 'duplicate';
  /** Stories merged into this one by this article. */
  merged: number[];
  /** A story split off this one (members moved to it). */
  splitInto?: number;
}

export interface StoryChange {
  kind: 'merge' | 'split';
  storyId: number;
  otherId: number;
  articles: number;
  at: string;
}

// ---- passages ----
export interface PassageQuery {
  /** Each group: words of which any may match (a question word and its forms), rarest group first. */
  groups: string[][];
  /** Indexes of the groups every candidate of the "named" query must match (the question's names). */
  required: number[];
  /**
   * Indexes of the groups the broad (any-word) query may use; default: the first (rarest) few. A word
   * in a large share of the archive ("Trump" in 2016) would make it walk most of the index for little.
   */
  broad?: number[];
  /**
   * The same groups widened with other words for them (synonyms), same order: their AND query runs
   * right after the one of the question's own words, so that widening a question never pushes out
   * the articles that use its very words; the other queries keep to those words (they walk the
   * index far more, and a synonym there would mostly add noise).
   */
  widened?: string[][];
}

export interface CandidateOptions {
  /** Only articles published (or, when unknown, ingested) at or after this ISO time. */
  since?: string;
  /** Only articles published (or ingested) before this ISO time: the archive behind a window. */
  before?: string;
  /** Most articles returned. */
  limit: number;
}

// ---- retention ----
export interface RetentionPolicy {
  /** Days each kind of row is kept; 0 keeps it forever. */
  articlesDays: number;
  sentMessagesDays: number;
  /** Digests (sent, failed, empty) and their outbox messages. */
  deliveryDays: number;
  llmCacheDays: number;
}

export interface RetentionReport {
  articles: number;
  sentMessages: number;
  digests: number;
  llmCache: number;
  /** Pages returned to the file system by incremental_vacuum. */
  freedPages: number;
}

// ==== the sub-stores ====

export interface SubscriberFields {
  chatId: number;
  userId?: number | null;
  firstName?: string | null;
  username?: string | null;
  digestTime: string;
  timezone: string;
}

/** Articles: insertion with deduplication (GUID, canonical URL, text, near-duplicate fingerprint), topic search, stored analysis. */
export interface ArticleStore {
  /**
   * Stores a draft unless it is already stored; near-duplicates are stored and linked. Atomic
   * with its story assignment: inside a transaction a savepoint, so a failing article leaves the
   * others of a batch stored. `meta.keys` may come precomputed (by an ingest worker).
   */
  insert(draft: ArticleDraft, meta?: InsertMeta): Promise<InsertResult>;
  /**
   * Replaces a stored teaser's text with its full article, with the new analysis and keys;
   * published time and language only fill gaps. False, and nothing changed, when another
   * article already has that text. Atomic.
   */
  completeText(id: number, draft: ArticleDraft, prepared: { analysis: Analysis; keys: ContentKeys }, ingestedAt?: Date): Promise<boolean>;
  /** Whether an item is already stored under this GUID or URL as far as `sourceId` is concerned (see claimCounts). */
  isKnown(item: { guid?: string; url?: string }, sourceId?: number | null): Promise<boolean>;
  /** The stored article this item is (by GUID or URL, see claimCounts), with its text. */
  knownAs(item: { guid?: string; url?: string }, sourceId?: number | null): Promise<{ id: number; text: string } | undefined>;
  get(id: number): Promise<StoredArticle | undefined>;
  /** In the order given; unknown ids are left out. */
  getMany(ids: number[]): Promise<StoredArticle[]>;
  setAnalysis(id: number, analysis: Analysis): Promise<void>;
  /** Articles ingested at or after a time. */
  countIngestedSince(iso: string): Promise<number>;
  count(): Promise<number>;
  /** Articles published (or ingested, when the date is unknown) since a time, newest first. */
  recent(options?: { since?: string; limit?: number }): Promise<StoredArticle[]>;
  /** Topic search: articles with every term first, then those with some; within each, relevance (title weighted) blended with recency. */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
}

/** News sources and their fetch state (conditional-GET validators, failures, backoff). */
export interface SourceStore {
  list(): Promise<Source[]>;
  get(id: number): Promise<Source | undefined>;
  getByUrl(url: string): Promise<Source | undefined>;
  add(input: SourceInput, now?: Date): Promise<Source>;
  /** Adds those not stored yet (a removed source stays removed); returns how many were added. */
  seed(inputs: SourceInput[], now?: Date): Promise<number>;
  remove(idOrUrl: number | string): Promise<boolean>;
  setEnabled(idOrUrl: number | string, enabled: boolean): Promise<Source | undefined>;
  due(now?: Date): Promise<Source[]>;
  recordSuccess(id: number, validators: { etag?: string | null; lastModified?: string | null }, now?: Date): Promise<void>;
  recordFailure(id: number, reason: string, nextAttemptAt: Date, now?: Date): Promise<void>;
  postpone(id: number, nextAttemptAt: Date, reason: string, now?: Date): Promise<void>;
}

/** Subscribers (one per Telegram chat), their topics, and the messages sent to them. */
export interface SubscriberStore {
  get(chatId: number): Promise<Subscriber | undefined>;
  subscribe(input: SubscriberFields, now?: Date): Promise<{ subscriber: Subscriber; created: boolean }>;
  ensure(input: SubscriberFields, now?: Date): Promise<Subscriber>;
  unsubscribe(chatId: number, reason: string, now?: Date): Promise<boolean>;
  setDigestTime(chatId: number, time: string, now?: Date): Promise<void>;
  setTimezone(chatId: number, timezone: string, now?: Date): Promise<void>;
  resume(chatId: number, now?: Date): Promise<boolean>;
  setLanguage(chatId: number, language: string | null, now?: Date): Promise<void>;
  setClientLanguage(chatId: number, language: string): Promise<void>;
  setStoriesPerDigest(chatId: number, stories: number | null, now?: Date): Promise<void>;
  setPendingInput(chatId: number, pending: PendingInput | null): Promise<void>;
  setLastTopic(chatId: number, topic: string | null): Promise<void>;
  topics(chatId: number): Promise<string[]>;
  follow(chatId: number, topic: string, now?: Date): Promise<'added' | 'exists' | 'limit'>;
  unfollow(chatId: number, topic: string): Promise<boolean>;
  countActive(): Promise<number>;
  listActive(): Promise<Subscriber[]>;
  recordSentMessage<TStory>(message: Omit<SentMessage<TStory>, 'createdAt'>, now?: Date): Promise<void>;
  /** A sent message with the stories of its whole digest (messages sharing its digestKey). */
  digestStories<TStory>(chatId: number, messageId: number): Promise<SentMessage<TStory> | undefined>;
  sentMessage<TStory>(chatId: number, messageId: number): Promise<SentMessage<TStory> | undefined>;
}

/** LLM results keyed by a hash of exactly what was sent. */
export interface LlmCache {
  get(key: string): Promise<LlmCacheEntry | undefined>;
  put(entry: { key: string; kind: string; model: string; status: LlmCacheStatus; value: unknown; tokens?: number; now?: Date }): Promise<void>;
  count(kind?: string): Promise<number>;
  /** Deletes entries created before a time; returns how many. */
  prune(before: Date): Promise<number>;
}

/** The delivery outbox: decided digests, their messages' delivery states, and the scheduler lock (a lease). */
export interface OutboxStore {
  hasDigest(chatId: number, localDate: string): Promise<boolean>;
  /** "chatId|localDate" of every digest on or after a local date (to find who is still due). */
  digestKeysSince(minLocalDate: string): Promise<Set<string>>;
  /** When the subscriber's last digest (delivered, possibly delivered, or empty) cut the news off. */
  lastCutoff(chatId: number): Promise<Date | null>;
  /** Records a decision with its messages, atomically. The digest id, or null when the subscriber already has a digest for that local date (nothing written). */
  recordDecision(decision: DigestDecision, now?: Date): Promise<number | null>;
  /**
   * Only engines where a round trip per subscriber counts (PostgreSQL): what deciding each of
   * these (chat, local date) needs, read at once: whether it is decided, the chat's topics (as
   * SubscriberStore.topics) and its lastCutoff. Callers fall back to those methods without it.
   */
  decisionInputs?(due: { chatId: number; localDate: string }[]): Promise<Map<number, DecisionInputs>>;
  /** With decisionInputs: recordDecision for several decisions at once (one subscriber each), atomically; ids in order. */
  recordDecisions?(decisions: DigestDecision[], now?: Date): Promise<(number | null)[]>;
  digest(chatId: number, localDate: string): Promise<DigestRecord | undefined>;
  digests(options?: { localDate?: string; chatId?: number }): Promise<DigestRecord[]>;
  items(digestId?: number): Promise<OutboxItem[]>;
  ready(nowIso: string, limit: number, excludeIds?: Iterable<number>): Promise<ReadyMessage[]>;
  nextRetryAt(): Promise<string | null>;
  openCount(): Promise<number>;
  /** Takes a message for sending (committed before the API call) and returns what the call needs; undefined if it was not pending (cancelled, or taken meanwhile). */
  takeForSending(id: number, now?: Date): Promise<SendingMessage | undefined>;
  /** Marks a message as being sent (committed before the API call). False if it was not pending. */
  markSending(id: number, now?: Date): Promise<boolean>;
  /** Marks a message sent with Telegram's message_id and records what it carried in sent_messages, atomically. */
  markSent(id: number, messageId: number, now?: Date): Promise<void>;
  reschedule(id: number, nextAttemptAt: Date, error: string, now?: Date, options?: { countAttempt?: boolean }): Promise<void>;
  markFailed(id: number, error: string, now?: Date, options?: { cancelRest?: boolean }): Promise<void>;
  markUnknown(id: number, reason: string, now?: Date): Promise<void>;
  release(id: number, now?: Date): Promise<void>;
  cancelChat(chatId: number, reason: string, now?: Date): Promise<number>;
  /** At start: messages left 'sending' by a dead process become 'unknown' (never sent again). */
  recoverInFlight(now?: Date): Promise<number>;
  counts(options?: { localDate?: string }): Promise<DeliveryCounts>;
  /**
   * Takes the named lock for `owner` until `expiresAt` (ms since epoch) if it is free, expired,
   * already ours, or `isStale(holder)` says its holder is gone. Atomic. Returns the holder afterwards.
   */
  acquireLock(
    input: { name: string; owner: string; host: string; pid: number; expiresAt: number },
    now: Date,
    isStale?: (holder: LockHolder) => boolean,
  ): Promise<{ acquired: boolean; holder: LockHolder }>;
  /** Extends our lease; false when the lock is no longer ours. */
  renewLock(name: string, owner: string, expiresAt: number): Promise<boolean>;
  releaseLock(name: string, owner: string): Promise<boolean>;
  lockHolder(name: string): Promise<LockHolder | undefined>;
  /**
   * Only engines that several instances share (PostgreSQL, src/store/pg/outbox.ts): registers or
   * renews this instance as delivering until now + leaseMs, the lease of the messages it claimed,
   * and returns how many instances deliver now (its share of the bot's global rate).
   */
  heartbeat?(now: Date, leaseMs: number): Promise<number>;
  /** Unregisters this instance at a clean stop (with heartbeat). */
  leave?(): Promise<void>;
}

/** Stories: each stored article joins one as it is stored (ArticleStore.insert); merged ids redirect to the survivor. */
export interface StoryStore {
  /** The current id of a story: itself, or the story it was merged into. */
  resolve(id: number): Promise<number | undefined>;
  /** A story by id; an id merged away gives the story it went into. */
  get(id: number): Promise<StoryRecord | undefined>;
  /** Current (not merged away) stories, in the order given. */
  getMany(ids: number[]): Promise<StoryRecord[]>;
  storyOf(articleId: number): Promise<number | undefined>;
  /** The story of each article that has one. */
  storiesOf(articleIds: number[]): Promise<Map<number, number>>;
  /** Member article ids of each story, oldest first; with `newest`, only that many of the latest. */
  members(storyIds: number[], newest?: number): Promise<Map<number, number[]>>;
  /** Of these stories, those with an article ingested after `iso` (news since a daily digest). */
  withArticlesIngestedAfter(storyIds: number[], iso: string): Promise<number[]>;
  /** Stories with a member at or after `since` (article time), latest first. */
  recent(options?: { since?: string; limit?: number }): Promise<StoryRecord[]>;
  /** Merges and splits, oldest first. */
  changes(): Promise<StoryChange[]>;
  /** Records the stories (and their member articles) a daily digest carried. */
  recordDigest(digestId: number, stories: { storyId: number; articleIds: number[] }[]): Promise<void>;
  /** Articles the chat's daily digests carried (those not failed), decided at or after `since`. */
  deliveredArticles(chatId: number, since?: string): Promise<Set<number>>;
  /** Only with OutboxStore.decisionInputs: deliveredArticles of several chats at once (every chat given has an entry). */
  deliveredArticlesOf?(chatIds: number[], since: string): Promise<Map<number, Set<number>>>;
  /** Only with OutboxStore.decisionInputs: recordDigest for several digests at once. */
  recordDigests?(digests: { digestId: number; stories: { storyId: number; articleIds: number[] }[] }[]): Promise<void>;
}

/** Candidate articles for follow-up answers, from the full-text index (src/qa/ ranks their passages). */
export interface PassageStore {
  articleCount(): Promise<number>;
  /** How many articles contain each word (by its index term). */
  documentCounts(words: string[]): Promise<Map<string, number>>;
  /** Article ids best first (see PassageQuery); copies of one story (near-duplicates) count once. */
  candidates(query: PassageQuery, options: CandidateOptions): Promise<number[]>;
}

/** Retention: deletes what the policy no longer keeps, in small batches (the bot keeps answering meanwhile). */
export interface RetentionStore {
  prune(policy: RetentionPolicy, now: Date): Promise<RetentionReport>;
  /**
   * How the engine gives freed space back: SQLite's auto_vacuum mode of the file. An engine
   * that reclaims space by itself (PostgreSQL's autovacuum) answers 'incremental'.
   */
  autoVacuum(): Promise<'none' | 'full' | 'incremental'>;
  /** Rewrites the storage to reclaim space (SQLite: VACUUM, switching to incremental auto-vacuum). Blocks writers while it runs. */
  vacuum(): Promise<void>;
}

// ==== the store ====

/** The sub-stores; inside Store.transaction, each runs in that transaction. */
export interface StoreTx {
  readonly articles: ArticleStore;
  readonly sources: SourceStore;
  readonly subscribers: SubscriberStore;
  readonly llmCache: LlmCache;
  readonly outbox: OutboxStore;
  readonly stories: StoryStore;
  readonly passages: PassageStore;
  readonly retention: RetentionStore;
}

export type StoreEngine = 'sqlite' | 'postgres';

export interface Store extends StoreTx {
  readonly engine: StoreEngine;
  /** This open created the schema: a first run (the CLI then adds the default sources). */
  readonly created: boolean;
  /** Values worked out from this store's rows, by id (see memos.ts): never shared with another store. In memory, per process. */
  readonly memos: StoreMemos;
  /**
   * Runs `fn` in one write transaction: committed when its promise resolves, rolled back when it
   * rejects. Use `tx` (not the store) inside: calls on the store itself wait for the transaction
   * to end (SQLite) or run outside it (PostgreSQL). Called inside another transaction of the same
   * task, it becomes a savepoint.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** 'ok' when the database answers a query; else why not (for /healthz). */
  check(): Promise<string>;
  /**
   * A consistent copy of the database at `path` (SQLite's online backup); returns the number of
   * articles in the copy. Only the SQLite engine has it: PostgreSQL is backed up with pg_dump.
   */
  backup?(path: string): Promise<{ articles: number }>;
  /** Writes what is held in memory (story term statistics) and closes the connection(s). */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Gets the lines worth an operator's eye (stories merged or split, first-run story assignment). */
  log?: Logger;
}
