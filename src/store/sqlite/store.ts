// The SQLite engine (the embedded default): better-sqlite3 underneath, synchronous, behind the
// asynchronous Store interface (../api.ts). The sub-store classes of this folder stay
// synchronous, because an atomic step of theirs (an article insert with its story assignment)
// runs as one better-sqlite3 transaction, which cannot await. Each is exposed through an async
// view: on the store, its calls pass the transaction gate (gate.ts); on a transaction's `tx`,
// they run at once, inside it.
import { realpathSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Logger } from '../../log.ts';
import type {
  ArticleStore,
  LlmCache,
  OpenOptions,
  OutboxStore,
  PassageStore,
  RetentionStore,
  SourceStore,
  Store,
  StoreTx,
  StoryStore,
  SubscriberStore,
} from '../api.ts';
import { StoreMemos } from '../memos.ts';
import { SqliteArticleStore } from './articles.ts';
import { openDatabase, type Db } from './db.ts';
import { TransactionGate } from './gate.ts';
import { SqliteLlmCache } from './llm-cache.ts';
import { SqliteOutboxStore } from './outbox.ts';
import { SqlitePassageStore } from './passages.ts';
import { SqliteRetentionStore } from './retention.ts';
import { SqliteSourceStore } from './sources.ts';
import { SqliteStoryStore } from './stories.ts';
import { SqliteSubscriberStore } from './subscribers.ts';

/** The synchronous shape a class must have to stand behind interface I: each method, returning its result directly (or a promise). */
type SyncOf<I> = { [K in keyof I]: I[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R | Promise<R> : I[K] };

/**
 * I's view of a synchronous sub-store: every method call goes through `run` and returns a
 * promise. The type parameter checks, at compile time, that the class has each method of I.
 */
function asyncView<I extends object>(target: SyncOf<I>, run: <R>(call: () => R) => Promise<Awaited<R>>): I {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, key) {
      const value = Reflect.get(object, key) as unknown;
      if (typeof value !== 'function') return value;
      let method = wrapped.get(key);
      if (!method) {
        method = (...args: unknown[]) => run(() => (value as (...a: unknown[]) => unknown).apply(object, args));
        wrapped.set(key, method);
      }
      return method;
    },
  }) as unknown as I;
}

/**
 * One gate per database file in this process, shared by its stores (connections): while one of
 * them has a transaction open, a write through another would wait for SQLite's lock with a
 * synchronous busy wait, which blocks the very thread that would finish the transaction.
 */
const gates = new Map<string, { gate: TransactionGate; stores: number }>();

function gateFor(file: string | undefined): { gate: TransactionGate; release: () => void } {
  if (file === undefined) return { gate: new TransactionGate(), release: () => {} };
  const shared = gates.get(file) ?? { gate: new TransactionGate(), stores: 0 };
  shared.stores++;
  gates.set(file, shared);
  return {
    gate: shared.gate,
    release: () => {
      if (--shared.stores === 0) gates.delete(file);
    },
  };
}

/** The synchronous sub-stores of one connection. */
export interface SyncStores {
  articles: SqliteArticleStore;
  sources: SqliteSourceStore;
  subscribers: SqliteSubscriberStore;
  llmCache: SqliteLlmCache;
  outbox: SqliteOutboxStore;
  stories: SqliteStoryStore;
  passages: SqlitePassageStore;
  retention: SqliteRetentionStore;
}

function views(stores: SyncStores, run: <R>(call: () => R) => Promise<Awaited<R>>): StoreTx {
  return {
    articles: asyncView<ArticleStore>(stores.articles, run),
    sources: asyncView<SourceStore>(stores.sources, run),
    subscribers: asyncView<SubscriberStore>(stores.subscribers, run),
    llmCache: asyncView<LlmCache>(stores.llmCache, run),
    outbox: asyncView<OutboxStore>(stores.outbox, run),
    stories: asyncView<StoryStore>(stores.stories, run),
    passages: asyncView<PassageStore>(stores.passages, run),
    retention: asyncView<RetentionStore>(stores.retention, run),
  };
}

export class SqliteStore implements Store {
  readonly engine = 'sqlite';
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
  private readonly gate: TransactionGate;
  private readonly releaseGate: () => void;
  /** The synchronous sub-stores underneath, for SQLite-only checks in tests: they bypass the transaction gate. */
  readonly sync: SyncStores;
  /** What `tx` is inside a transaction: the same sub-stores, called at once. */
  private readonly inside: StoreTx;

  private constructor(
    private readonly db: Db,
    /** This open created the database file's schema: a first run. */
    readonly created: boolean,
    /** The database file (undefined in memory): stores of one file share its gate. */
    file: string | undefined,
    log?: Logger,
  ) {
    ({ gate: this.gate, release: this.releaseGate } = gateFor(file));
    const stories = new SqliteStoryStore(db, log);
    const articles = new SqliteArticleStore(db, stories);
    this.sync = {
      articles,
      stories,
      sources: new SqliteSourceStore(db),
      subscribers: new SqliteSubscriberStore(db),
      llmCache: new SqliteLlmCache(db),
      outbox: new SqliteOutboxStore(db),
      passages: new SqlitePassageStore(db, articles),
      retention: new SqliteRetentionStore(db, stories, () => this.gate.pause()),
    };
    const outside = views(this.sync, (call) => this.gate.outside(call));
    ({
      articles: this.articles,
      sources: this.sources,
      subscribers: this.subscribers,
      llmCache: this.llmCache,
      outbox: this.outbox,
      stories: this.stories,
      passages: this.passages,
      retention: this.retention,
    } = outside);
    this.inside = views(this.sync, async <R>(call: () => R): Promise<Awaited<R>> => {
      if (!this.gate.ownTransaction()) throw new Error('tx used outside its transaction (after it ended, or from another task)');
      return await call();
    });
  }

  /** Opens (creating when needed) the database file; `log` gets the lines worth an operator's eye (stories merged or split). */
  static open(path: string, options: OpenOptions = {}): SqliteStore {
    const { db, created } = openDatabase(path);
    const file = path === ':memory:' || path === '' ? undefined : realpathSync(path);
    const store = new SqliteStore(db, created, file, options.log);
    store.sync.stories.assignStored();
    return store;
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const db = this.db;
    return this.gate.transaction(
      {
        // IMMEDIATE: the write lock up front, so that another process cannot make it fail midway.
        begin: () => db.exec('BEGIN IMMEDIATE'),
        commit: () => db.exec('COMMIT'),
        rollback: () => {
          if (db.inTransaction) db.exec('ROLLBACK');
        },
      },
      async (savepoint) => {
        db.exec(`SAVEPOINT ${savepoint}`);
        try {
          const result = await fn(this.inside);
          db.exec(`RELEASE ${savepoint}`);
          return result;
        } catch (error) {
          db.exec(`ROLLBACK TO ${savepoint}`);
          db.exec(`RELEASE ${savepoint}`);
          throw error;
        }
      },
      () => fn(this.inside),
    );
  }

  /** 'ok' when the database answers a query; else why not (for /healthz). */
  check(): Promise<string> {
    return this.gate.outside(() => {
      try {
        this.db.prepare('SELECT count(*) FROM schema_migrations').get();
        return 'ok';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    });
  }

  /**
   * Copies the database to `path` with SQLite's online backup API (better-sqlite3's
   * db.backup): a consistent snapshot, taken page by page while other connections (a running
   * `serve`) keep reading and writing. Returns the number of articles in the copy.
   */
  async backup(path: string): Promise<{ articles: number }> {
    await this.gate.free();
    await this.db.backup(path);
    const copy = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return { articles: copy.prepare('SELECT count(*) FROM articles').pluck().get() as number };
    } finally {
      copy.close();
    }
  }

  async close(): Promise<void> {
    await this.gate.free();
    if (!this.db.open) return;
    this.sync.stories.flushStatistics();
    this.db.close();
    this.releaseGate();
  }
}
