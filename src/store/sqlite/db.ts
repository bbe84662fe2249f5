// Opens the SQLite database (creating its folder on first use) and applies versioned migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';

export type Db = Database.Database;

/**
 * Prepares each SQL text once per connection and reuses it: ingest, search and the sender
 * run the same statements for every article, query and message.
 */
export function statementCache(db: Db): (sql: string) => Database.Statement {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}

/** `count` copies of a placeholder group, comma-separated: the SQL text (and so the cached statement) depends only on the count. */
export function placeholders(count: number, group: string): string {
  // Built once per shape: a bulk ingest asks for the same few lists for every article.
  const key = `${count}${group}`;
  let list = placeholderLists.get(key);
  if (list === undefined) {
    list = Array.from({ length: count }, () => group).join(', ');
    if (placeholderLists.size >= PLACEHOLDER_LISTS_LIMIT) placeholderLists.clear();
    placeholderLists.set(key, list);
  }
  return list;
}
const placeholderLists = new Map<string, string>();
/** Distinct shapes kept: far more than the statements use (band counts, batch sizes); bounds a long-running process. */
const PLACEHOLDER_LISTS_LIMIT = 1000;

/** The open database, and whether this open created it (no schema yet): a new database gets the default sources. */
export function openDatabase(path: string): { db: Db; created: boolean } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // Takes effect only while the file is new (no table yet): retention then gives freed pages
  // back with incremental_vacuum (retention.ts). Must precede WAL and the first table.
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Statement and savepoint journals (each article of a bulk ingest is a savepoint with
  // multi-row inserts) and the small sorts of the story lookup live in memory, not in temporary
  // files: a bulk ingest of 840 texts wrote 177 MB (12 times the database) in 85,000 write calls
  // to them. What they hold is bounded by one statement's or one article's changes.
  db.pragma('temp_store = MEMORY');
  // Another process (a second CLI command, the scheduler) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
  const created = !db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  migrate(db);
  return { db, created };
}

export function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, new Date().toISOString());
    }).immediate();
  }
}
