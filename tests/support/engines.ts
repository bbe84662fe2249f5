// The store engines the contract suite runs on. PostgreSQL runs in-process on PGlite (WASM),
// without a server: starting one costs seconds, so each test file (vitest worker) starts it once
// and every open gets it back empty (its schema dropped), ready to migrate as a new database.
import { PGlite } from '@electric-sql/pglite';
import { pglitePool, pgliteParsers, type PgPool } from '../../src/store/pg/db.ts';

let shared: PGlite | undefined;

/** The worker's PGlite, emptied: a pool over it whose end() leaves it running for the next test. */
export async function emptyPglite(): Promise<PgPool> {
  shared ??= new PGlite({ parsers: pgliteParsers });
  await shared.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  return { ...pglitePool(shared), end: async () => {} };
}
