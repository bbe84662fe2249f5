// The store engines the contract suite runs on (tests/store/*.test.ts: describe.each(engines())).
// SQLite: a file in a temp folder. PostgreSQL: PGlite, the real PostgreSQL engine compiled to
// WASM, in-process, so npm test needs no server. Starting a PGlite costs seconds, so each test
// file (vitest worker) starts one and every open() gets it back empty (its schema dropped, then
// migrated as a new database); only a store opened while another is still open gets a PGlite of
// its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import type { OpenOptions, Store, StoreEngine } from '../../src/store/api.ts';
import { openStore } from '../../src/store/index.ts';
import { pglitePool, pgliteParsers, type PgPool } from '../../src/store/pg/db.ts';
import { PgStore } from '../../src/store/pg/store.ts';

export interface Engine {
  /** For the test titles: 'sqlite', 'postgres (PGlite)'. */
  name: string;
  kind: StoreEngine;
  /** A new, empty database. */
  open(options?: OpenOptions): Promise<Store>;
  /** The database of the last open() once more, as a later process would open it. */
  reopen(options?: OpenOptions): Promise<Store>;
  /** Rows of a read-only query (`?` placeholders) on the last open()'s database: checks of rows no store method shows. */
  rows(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

function sqliteEngine(): Engine {
  const dirs: string[] = [];
  let path: string | undefined;
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return {
    name: 'sqlite',
    kind: 'sqlite',
    open(options) {
      const dir = mkdtempSync(join(tmpdir(), 'nd-store-'));
      dirs.push(dir);
      path = join(dir, 'sub', 'test.db');
      return openStore(path, options);
    },
    reopen: (options) => openStore(path!, options),
    async rows(sql, params = []) {
      const db = new Database(path!, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
  };
}

let shared: PGlite | undefined;
/** One pool per PGlite (one session): its transactions must shut out every store on it. */
const pools = new Map<PGlite, PgPool>();
/** Stores open on each PGlite (the shared one is emptied only when none is). */
const openOn = new Map<PGlite, number>();

function pgliteEngine(): Engine {
  let current: PGlite | undefined;
  const openStoreOn = (db: PGlite, options?: OpenOptions) => {
    let pool = pools.get(db);
    if (!pool) pools.set(db, (pool = pglitePool(db)));
    openOn.set(db, (openOn.get(db) ?? 0) + 1);
    let ended = false;
    // The store's close() ends its share of the pool, not the PGlite the next test reuses.
    const end = async () => {
      if (ended) return;
      ended = true;
      openOn.set(db, openOn.get(db)! - 1);
      if (db !== shared && openOn.get(db) === 0) await db.close();
    };
    return PgStore.openOn({ ...pool, end }, options);
  };
  return {
    name: 'postgres (PGlite)',
    kind: 'postgres',
    async open(options) {
      shared ??= new PGlite({ parsers: pgliteParsers });
      if (openOn.get(shared)) {
        current = new PGlite({ parsers: pgliteParsers });
      } else {
        current = shared;
        await shared.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      }
      return openStoreOn(current, options);
    },
    reopen: (options) => openStoreOn(current!, options),
    async rows(sql, params = []) {
      let n = 0;
      return (await pools.get(current!)!.query<Record<string, unknown>>(sql.replace(/\?/g, () => `$${++n}`), params)).rows;
    },
  };
}

/** Both engines, each with its own state: call once per test file, at its top level. */
export function engines(): Engine[] {
  return [sqliteEngine(), pgliteEngine()];
}

/** The worker's PGlite, emptied, as a bare pool (tests of the connection layer itself). */
export async function emptyPglite(): Promise<PgPool> {
  shared ??= new PGlite({ parsers: pgliteParsers });
  await shared.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  let pool = pools.get(shared);
  if (!pool) pools.set(shared, (pool = pglitePool(shared)));
  return { ...pool, end: async () => {} };
}
