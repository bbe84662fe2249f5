// The store: the only place with SQL. Callers use this narrow interface so that a
// PostgreSQL backend can replace it later.
import Database from 'better-sqlite3';
import { ArticleStore } from './articles.ts';
import type { Logger } from '../log.ts';
import { openDatabase, type Db } from './db.ts';
import { LlmCache } from './llm-cache.ts';
import { StoreMemos } from './memos.ts';
import { OutboxStore } from './outbox.ts';
import { PassageStore } from './passages.ts';
import { RetentionStore } from './retention.ts';
import { SourceStore } from './sources.ts';
import { StoryStore } from './stories.ts';
import { SubscriberStore } from './subscribers.ts';

export type { MemoKind } from './memos.ts';
export type { InsertResult, InsertStatus, SearchHit, SearchOptions } from './articles.ts';
export type { CandidateOptions, PassageQuery } from './passages.ts';
export type { Source, SourceInput, SourceKind } from './sources.ts';
export type { StoryAssignment, StoryChange, StoryRecord } from './stories.ts';
export type { SentMessage, Subscriber } from './subscribers.ts';
export type { RetentionPolicy, RetentionReport } from './retention.ts';
export type { DeliveryCounts, DigestDecision, DigestRecord, DigestStatus, LockHolder, OutboxItem, OutboxStatus } from './outbox.ts';

export class Store {
  readonly articles: ArticleStore;
  readonly sources: SourceStore;
  readonly subscribers: SubscriberStore;
  readonly llmCache: LlmCache;
  readonly outbox: OutboxStore;
  readonly stories: StoryStore;
  readonly passages: PassageStore;
  readonly retention: RetentionStore;
  /** Values worked out from this store's rows, by id (see memos.ts): never shared with another store. */
  readonly memos = new StoreMemos();

  private constructor(
    private readonly db: Db,
    /** This open created the database file's schema: a first run. */
    readonly created: boolean,
    log?: Logger,
  ) {
    this.stories = new StoryStore(db, log);
    this.articles = new ArticleStore(db, this.stories);
    this.sources = new SourceStore(db);
    this.subscribers = new SubscriberStore(db);
    this.llmCache = new LlmCache(db);
    this.outbox = new OutboxStore(db);
    this.passages = new PassageStore(db, this.articles);
    this.retention = new RetentionStore(db, this.stories);
  }

  /** `log` gets the lines worth an operator's eye (stories merged or split). */
  static open(path: string, options: { log?: Logger } = {}): Store {
    const { db, created } = openDatabase(path);
    const store = new Store(db, created, options.log);
    store.stories.assignStored();
    return store;
  }

  /** 'ok' when the database answers a query; else why not (for /healthz). */
  check(): string {
    try {
      this.db.prepare('SELECT count(*) FROM schema_migrations').get();
      return 'ok';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * Copies the database to `path` with SQLite's online backup API (better-sqlite3's
   * db.backup): a consistent snapshot, taken page by page while other connections (a running
   * `serve`) keep reading and writing. Returns the number of articles in the copy.
   */
  async backup(path: string): Promise<{ articles: number }> {
    await this.db.backup(path);
    const copy = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return { articles: copy.prepare('SELECT count(*) FROM articles').pluck().get() as number };
    } finally {
      copy.close();
    }
  }

  close(): void {
    if (!this.db.open) return;
    this.stories.flushStatistics();
    this.db.close();
  }
}
