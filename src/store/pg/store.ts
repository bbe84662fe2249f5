// The PostgreSQL engine (DATABASE_URL=postgres://…): a pg.Pool in production, PGlite in tests.
// Top-level calls run on the pool; store.transaction takes one connection and runs BEGIN … COMMIT
// on it, and the `tx` sub-stores run there. Several instances may share one database.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../../log.ts';
import type { ArticleStore, LlmCache, OpenOptions, OutboxStore, PassageStore, RetentionStore, SourceStore, Store, StoreTx, StoryStore, SubscriberStore } from '../api.ts';
import { StoreMemos } from '../memos.ts';
import { PgArticleStore, type VocabularyMemo } from './articles.ts';
import { migrate, pgPool, rootDb, type PgDb, type PgPool } from './db.ts';
import { PgLlmCache } from './llm-cache.ts';
import { pgMigrations } from './migrations.ts';
import { PgOutboxStore, newDeliveryInstance } from './outbox.ts';
import { PgPassageStore } from './passages.ts';
import { PgRetentionStore } from './retention.ts';
import { PgSourceStore } from './sources.ts';
import { PgStoryMemory, PgStoryStore } from './stories.ts';
import { PgSubscriberStore } from './subscribers.ts';

export class PgStore implements Store {
  readonly engine = 'postgres';
  readonly articles: ArticleStore;
  readonly sources: SourceStore;
  readonly subscribers: SubscriberStore;
  readonly llmCache: LlmCache;
  readonly outbox: OutboxStore;
  readonly stories: StoryStore;
  readonly passages: PassageStore;
  readonly retention: RetentionStore;
  readonly memos = new StoreMemos();
  /** What this process keeps in memory, shared by the store's sub-stores and every transaction's. */
  private readonly storyMemory = new PgStoryMemory();
  private readonly vocabulary: { memo?: VocabularyMemo } = {};
  private readonly instance = newDeliveryInstance();
  /** The transaction the current task runs in: store.transaction inside it becomes a savepoint. */
  private readonly current = new AsyncLocalStorage<PgDb>();
  private readonly root: PgDb;

  private constructor(
    private readonly pool: PgPool,
    readonly created: boolean,
    private readonly log?: Logger,
  ) {
    this.root = rootDb(pool);
    ({
      articles: this.articles,
      sources: this.sources,
      subscribers: this.subscribers,
      llmCache: this.llmCache,
      outbox: this.outbox,
      stories: this.stories,
      passages: this.passages,
      retention: this.retention,
    } = this.subStores(this.root));
  }

  /** Opens the database at a postgres:// URL, applying the migrations it lacks. */
  static open(url: string, options: OpenOptions = {}): Promise<PgStore> {
    return PgStore.openOn(pgPool(url, options.log), options);
  }

  /** Opens the store over a pool (PGlite in tests), applying the migrations it lacks. */
  static async openOn(pool: PgPool, options: OpenOptions = {}): Promise<PgStore> {
    try {
      const { created } = await migrate(rootDb(pool), pgMigrations);
      return new PgStore(pool, created, options.log);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  private storiesOn(db: PgDb): PgStoryStore {
    return new PgStoryStore(db, this.storyMemory, this.log);
  }

  private subStores(db: PgDb): StoreTx {
    const storiesOn = (on: PgDb) => this.storiesOn(on);
    const articles = new PgArticleStore(db, storiesOn, this.vocabulary);
    return {
      articles,
      sources: new PgSourceStore(db),
      subscribers: new PgSubscriberStore(db),
      llmCache: new PgLlmCache(db),
      outbox: new PgOutboxStore(db, this.instance),
      stories: storiesOn(db),
      passages: new PgPassageStore(db, articles),
      retention: new PgRetentionStore(db, storiesOn),
    };
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const outer = this.current.getStore() ?? this.root;
    return outer.atomic((db) => this.current.run(db, () => fn(this.subStores(db))));
  }

  async check(): Promise<string> {
    try {
      await this.root.query('SELECT count(*) FROM schema_migrations');
      return 'ok';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private closed = false;

  /** Writes the story term counts held in memory, then closes the pool. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.storiesOn(this.root).flushStatistics();
    } finally {
      await this.pool.end();
    }
  }
}
