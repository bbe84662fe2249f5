// The PostgreSQL connection layer: one small client shape over node-postgres (production) and
// PGlite (in-process WASM PostgreSQL, in npm test), transactions with SAVEPOINT nesting, and the
// migration runner. The PG sub-stores only ever see a PgDb.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Logger } from '../../log.ts';

export interface PgResult<R> {
  rows: R[];
  /** Rows returned, inserted, updated or deleted by the statement. */
  rowCount: number;
}

/** What a sub-store needs of a connection: one parameterised statement at a time ($1, $2…). */
export interface PgClient {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<PgResult<R>>;
  /** Several statements without parameters (migrations): the extended protocol takes only one. */
  exec(sql: string): Promise<void>;
}

/** A session of its own (BEGIN … COMMIT run on it); release() hands it back. */
export interface PgSession extends PgClient {
  release(error?: Error): void;
}

/** Where top-level statements run, and where a transaction gets its session. */
export interface PgPool extends PgClient {
  connect(): Promise<PgSession>;
  end(): Promise<void>;
}

// BIGINT (int8, also count(*) and sum()) comes back as a JS number, as better-sqlite3 gives
// integers: ids, counts and ms times stay far below 2^53. NUMERIC (avg(), ts_rank sums) too.
const INT8 = 20;
const NUMERIC = 1700;

function result<R>(raw: { rows: R[]; rowCount?: number | null; affectedRows?: number }): PgResult<R> {
  return { rows: raw.rows, rowCount: raw.rowCount ?? raw.affectedRows ?? raw.rows.length };
}

/** A node-postgres pool for a postgres:// URL. */
export function pgPool(url: string, log?: Logger): PgPool {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8 || oid === NUMERIC ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, types, max: 10 });
  // An idle client losing its server (restart, network) emits here; unhandled, it would end the process.
  pool.on('error', (error) => log?.error({ err: error.message }, 'postgres: idle connection failed; the pool replaces it'));
  const clientOf = (client: pg.Pool | pg.PoolClient): PgClient => ({
    query: async <R>(sql: string, params?: unknown[]) => result<R>((await client.query(sql, params)) as never),
    exec: async (sql) => {
      await client.query(sql);
    },
  });
  return {
    ...clientOf(pool),
    async connect() {
      const client = await pool.connect();
      return { ...clientOf(client), release: (error?: Error) => client.release(error) };
    },
    end: () => pool.end(),
  };
}

/** PGlite's parsers for the same types as pgPool, so both engines give the same values. */
export const pgliteParsers = { [INT8]: (value: string) => Number(value), [NUMERIC]: (value: string) => Number(value) };

/**
 * PGlite as a pool. PGlite is one session: while a transaction holds it, every other statement
 * waits (else it would run inside someone else's transaction), as with one SQLite connection.
 */
export function pglitePool(db: PGlite): PgPool {
  let held: Promise<void> = Promise.resolve();
  const direct: PgClient = {
    query: async <R>(sql: string, params?: unknown[]) => result<R>(await db.query<R>(sql, params)),
    exec: async (sql) => {
      await db.exec(sql);
    },
  };
  return {
    query: async (sql, params) => {
      await held;
      return direct.query(sql, params);
    },
    exec: async (sql) => {
      await held;
      return direct.exec(sql);
    },
    async connect() {
      // Wait for the holder before us, then become the holder; release() lets the next one in.
      for (;;) {
        const current = held;
        await current;
        if (held === current) break;
      }
      let release!: () => void;
      held = new Promise((resolve) => {
        release = resolve;
      });
      return { ...direct, release: () => release() };
    },
    end: () => db.close(),
  };
}

/** A PgClient that also runs work atomically: a transaction at top level, a savepoint inside one. */
export interface PgDb extends PgClient {
  readonly inTransaction: boolean;
  atomic<T>(fn: (db: PgDb) => Promise<T>): Promise<T>;
}

/** Top-level statements go to the pool; atomic() takes a session and runs BEGIN … COMMIT on it. */
export function rootDb(pool: PgPool): PgDb {
  return {
    query: (sql, params) => pool.query(sql, params),
    exec: (sql) => pool.exec(sql),
    inTransaction: false,
    async atomic(fn) {
      const session = await pool.connect();
      // A session whose ROLLBACK failed is in an unknown state: the pool discards it.
      let broken: Error | undefined;
      try {
        await session.query('BEGIN');
        try {
          const value = await fn(transactionDb(session));
          await session.query('COMMIT');
          return value;
        } catch (error) {
          await session.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
          throw error;
        }
      } finally {
        session.release(broken);
      }
    },
  };
}

/** Statements of an open transaction; a nested atomic() is a savepoint, rolled back alone on failure. */
function transactionDb(session: PgClient): PgDb {
  let savepoints = 0;
  const db: PgDb = {
    query: (sql, params) => session.query(sql, params),
    exec: (sql) => session.exec(sql),
    inTransaction: true,
    async atomic(fn) {
      const name = `sp_${++savepoints}`;
      await session.query(`SAVEPOINT ${name}`);
      try {
        const value = await fn(db);
        await session.query(`RELEASE SAVEPOINT ${name}`);
        return value;
      } catch (error) {
        await session.query(`ROLLBACK TO SAVEPOINT ${name}`);
        await session.query(`RELEASE SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
  return db;
}

/** A schema change: applied once, in version order; never edited once released (add a new one). */
export interface Migration {
  version: number;
  sql: string;
}

/** Any constant: the advisory lock all instances of the bot take to migrate one at a time. */
const MIGRATION_LOCK = 1_702_171_717;

/**
 * Applies the migrations not yet applied, each in its own transaction under a transaction-level
 * advisory lock: two instances starting at once migrate one after the other, and the second
 * finds the work done. Resolves with whether this call created the schema (a first run).
 */
export async function migrate(root: PgDb, migrations: readonly Migration[]): Promise<{ created: boolean }> {
  checkOrder(migrations);
  const created = await root.atomic(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const { rows } = await tx.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");
    if (rows[0]!.exists) return false;
    await tx.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    return true;
  });
  for (const migration of migrations) {
    await root.atomic(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const applied = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (applied.rowCount > 0) return;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [migration.version, new Date().toISOString()]);
    });
  }
  return { created };
}

/** Two migrations with one version would leave the second unapplied for ever: refuse to start. */
function checkOrder(migrations: readonly Migration[]): void {
  const seen = new Set<number>();
  for (const { version } of migrations) {
    if (seen.has(version)) throw new Error(`postgres migrations: version ${version} is listed twice`);
    seen.add(version);
  }
}
