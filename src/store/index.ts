// The store: the only place with SQL. Callers use its engine-neutral, asynchronous interface
// (api.ts); openStore picks the engine from the target.
import type { OpenOptions, Store } from './api.ts';
import { SqliteStore } from './sqlite/store.ts';

export type * from './api.ts';
export { MAX_TOPICS_PER_SUBSCRIBER } from './api.ts';
export type { MemoKind } from './memos.ts';

/** A PostgreSQL connection URL (DATABASE_URL) rather than a SQLite file path. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * Opens the store at `target`: a postgres:// or postgresql:// URL selects the PostgreSQL engine;
 * anything else is a SQLite file path (created with its folder on first use), or ':memory:'.
 */
export async function openStore(target: string, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(target)) throw new Error('this build has no PostgreSQL engine yet (issue 17): leave DATABASE_URL unset to use the SQLite file');
  return SqliteStore.open(target, options);
}
