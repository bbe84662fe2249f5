// The store: the only place with SQL. Callers use this narrow interface so that a
// PostgreSQL backend can replace it later.
import { ArticleStore } from './articles.ts';
import { openDatabase, type Db } from './db.ts';
import { LlmCache } from './llm-cache.ts';
import { OutboxStore } from './outbox.ts';
import { PassageStore } from './passages.ts';
import { RetentionStore } from './retention.ts';
import { SourceStore } from './sources.ts';
import { SubscriberStore } from './subscribers.ts';

export type { InsertResult, InsertStatus, SearchHit, SearchOptions } from './articles.ts';
export type { CandidateOptions, PassageQuery } from './passages.ts';
export type { Source, SourceInput, SourceKind } from './sources.ts';
export type { SentMessage, Subscriber } from './subscribers.ts';
export type { RetentionPolicy, RetentionReport } from './retention.ts';
export type { DeliveryCounts, DigestDecision, DigestRecord, DigestStatus, LockHolder, OutboxItem, OutboxStatus } from './outbox.ts';

export class Store {
  readonly articles: ArticleStore;
  readonly sources: SourceStore;
  readonly subscribers: SubscriberStore;
  readonly llmCache: LlmCache;
  readonly outbox: OutboxStore;
  readonly passages: PassageStore;
  readonly retention: RetentionStore;

  private constructor(private readonly db: Db) {
    this.articles = new ArticleStore(db);
    this.sources = new SourceStore(db);
    this.subscribers = new SubscriberStore(db);
    this.llmCache = new LlmCache(db);
    this.outbox = new OutboxStore(db);
    this.passages = new PassageStore(db, this.articles);
    this.retention = new RetentionStore(db);
  }

  static open(path: string): Store {
    return new Store(openDatabase(path));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
