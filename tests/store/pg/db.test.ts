import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, rootDb, type PgDb, type PgPool } from '../../../src/store/pg/db.ts';
import { pgMigrations } from '../../../src/store/pg/migrations.ts';
import { emptyPglite } from '../../support/engines.ts';

let pool: PgPool;
let db: PgDb;

beforeEach(async () => {
  pool = await emptyPglite();
  db = rootDb(pool);
});

afterEach(async () => {
  await pool.end();
});

const names = async () => (await db.query<{ name: string }>('SELECT name FROM t ORDER BY name')).rows.map((r) => r.name);

describe('postgres migrations', () => {
  it('creates the schema once: a second run finds every version applied and changes nothing', async () => {
    expect(await migrate(db, pgMigrations)).toEqual({ created: true });
    const versions = (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    expect(versions).toEqual(pgMigrations.map((m) => m.version));
    expect(await migrate(db, pgMigrations)).toEqual({ created: false });
    expect((await db.query('SELECT count(*) AS n FROM schema_migrations')).rows[0]).toEqual({ n: pgMigrations.length });
  });

  it('applies a later migration alone, and rolls a failing one back whole, leaving it to apply again', async () => {
    await migrate(db, [{ version: 1, sql: 'CREATE TABLE t (name TEXT)' }]);
    const broken = { version: 2, sql: "INSERT INTO t VALUES ('half'); SELECT no_such_function()" };
    await expect(migrate(db, [{ version: 1, sql: 'CREATE TABLE t (name TEXT)' }, broken])).rejects.toThrow(/no_such_function/);
    expect(await names()).toEqual([]);
    await migrate(db, [{ version: 1, sql: 'x' }, { version: 2, sql: "INSERT INTO t VALUES ('whole')" }]);
    expect(await names()).toEqual(['whole']);
  });

  it('refuses a list with one version twice', async () => {
    await expect(migrate(db, [{ version: 3, sql: 'SELECT 1' }, { version: 3, sql: 'SELECT 2' }])).rejects.toThrow(/version 3 is listed twice/);
  });
});

describe('postgres transactions', () => {
  beforeEach(async () => {
    await db.exec('CREATE TABLE t (name TEXT PRIMARY KEY)');
  });

  it('commits on success and rolls back on failure', async () => {
    await db.atomic(async (tx) => {
      await tx.query("INSERT INTO t VALUES ('kept')");
    });
    await expect(
      db.atomic(async (tx) => {
        await tx.query("INSERT INTO t VALUES ('lost')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await names()).toEqual(['kept']);
  });

  it('nests as savepoints: a failing inner step is undone alone and the outer transaction goes on', async () => {
    await db.atomic(async (tx) => {
      expect(tx.inTransaction).toBe(true);
      await tx.query("INSERT INTO t VALUES ('a')");
      await expect(tx.atomic(async (inner) => inner.query("INSERT INTO t VALUES ('a')"))).rejects.toThrow(/duplicate key/);
      await tx.atomic(async (inner) => inner.query("INSERT INTO t VALUES ('b')"));
    });
    expect(await names()).toEqual(['a', 'b']);
  });

  it('on PGlite (one session), runs no other statement inside an open transaction', async () => {
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const transaction = db.atomic(async (tx) => {
      await tx.query("INSERT INTO t VALUES ('in')");
      inside();
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('rolled back');
    });
    await opened;
    // Waits for the transaction to end, so its rollback does not take this row with it.
    const outside = db.query("INSERT INTO t VALUES ('out')");
    await expect(transaction).rejects.toThrow('rolled back');
    await outside;
    expect(await names()).toEqual(['out']);
  });

  it('gives BIGINT and counts as numbers, as SQLite does', async () => {
    expect((await db.query('SELECT (SELECT count(*) FROM t) AS n, 9007199254740991::bigint AS big')).rows[0]).toEqual({ n: 0, big: 9007199254740991 });
  });
});
