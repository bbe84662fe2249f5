// News sources and their fetch state (conditional-GET validators, failures, backoff).
import { scrubSecrets } from '../../secrets.ts';
import type { Db } from './db.ts';
import type { Source, SourceInput } from '../api.ts';
import { toSource as sourceOf, type SourceRow as ContentSourceRow } from '../content-rows.ts';

/** `enabled` is 0 or 1. */
type SourceRow = ContentSourceRow<number>;
const toSource = (row: SourceRow): Source => sourceOf(row, (enabled) => enabled === 1);

export class SqliteSourceStore {
  constructor(private readonly db: Db) {}

  /** Active sources (not removed), in the order they were added. */
  list(): Source[] {
    return (this.db.prepare('SELECT * FROM sources WHERE removed = 0 ORDER BY id').all() as SourceRow[]).map(toSource);
  }

  get(id: number): Source | undefined {
    const row = this.db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined;
    return row ? toSource(row) : undefined;
  }

  getByUrl(url: string): Source | undefined {
    const row = this.db.prepare('SELECT * FROM sources WHERE url = ? AND removed = 0').get(url) as SourceRow | undefined;
    return row ? toSource(row) : undefined;
  }

  /** Adds a source, or updates its name/kind/language; re-adds one removed earlier. */
  add(input: SourceInput, now = new Date()): Source {
    this.db
      .prepare(
        `INSERT INTO sources (url, name, kind, language, enabled, created_at) VALUES (@url, @name, @kind, @language, @enabled, @now)
         ON CONFLICT(url) DO UPDATE SET name = excluded.name, kind = excluded.kind, language = excluded.language,
           enabled = excluded.enabled, removed = 0`,
      )
      .run({ url: input.url, name: input.name, kind: input.kind ?? 'feed', language: input.language ?? null, enabled: input.enabled === false ? 0 : 1, now: now.toISOString() });
    return this.getByUrl(input.url)!;
  }

  /**
   * Seeds the configured default sources. A source the user removed stays removed, and a
   * known one keeps its fetch state, so this is safe to run at every start.
   */
  seed(inputs: SourceInput[], now = new Date()): number {
    const insert = this.db.prepare(
      `INSERT INTO sources (url, name, kind, language, enabled, created_at) VALUES (@url, @name, @kind, @language, @enabled, @now)
       ON CONFLICT(url) DO NOTHING`,
    );
    let added = 0;
    this.db.transaction(() => {
      for (const s of inputs) {
        added += insert.run({ url: s.url, name: s.name, kind: s.kind ?? 'feed', language: s.language ?? null, enabled: s.enabled === false ? 0 : 1, now: now.toISOString() }).changes;
      }
    })();
    return added;
  }

  /** Marks a source removed (kept, so that seeding does not bring it back). */
  remove(idOrUrl: number | string): boolean {
    const column = typeof idOrUrl === 'number' ? 'id' : 'url';
    return this.db.prepare(`UPDATE sources SET removed = 1 WHERE ${column} = ? AND removed = 0`).run(idOrUrl).changes > 0;
  }

  /** Enables or disables a source (not removed); the source, or undefined when there is none. */
  setEnabled(idOrUrl: number | string, enabled: boolean): Source | undefined {
    const column = typeof idOrUrl === 'number' ? 'id' : 'url';
    const row = this.db.prepare(`UPDATE sources SET enabled = ? WHERE ${column} = ? AND removed = 0 RETURNING *`).get(enabled ? 1 : 0, idOrUrl) as SourceRow | undefined;
    return row ? toSource(row) : undefined;
  }

  /** Enabled sources whose next attempt is due. */
  due(now = new Date()): Source[] {
    return (
      this.db
        .prepare('SELECT * FROM sources WHERE removed = 0 AND enabled = 1 AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id')
        .all(now.toISOString()) as SourceRow[]
    ).map(toSource);
  }

  recordSuccess(id: number, validators: { etag?: string | null; lastModified?: string | null }, now = new Date()): void {
    this.db
      .prepare(
        `UPDATE sources SET etag = ?, last_modified = ?, last_attempt_at = ?, last_success_at = ?, consecutive_failures = 0,
           next_attempt_at = NULL, last_error = NULL WHERE id = ?`,
      )
      .run(validators.etag ?? null, validators.lastModified ?? null, now.toISOString(), now.toISOString(), id);
  }

  /** Records a failure and when to try again (the caller computes backoff or Retry-After). */
  recordFailure(id: number, reason: string, nextAttemptAt: Date, now = new Date()): void {
    this.db
      .prepare(
        `UPDATE sources SET last_attempt_at = ?, consecutive_failures = consecutive_failures + 1, next_attempt_at = ?, last_error = ? WHERE id = ?`,
      )
      .run(now.toISOString(), nextAttemptAt.toISOString(), scrubSecrets(reason).slice(0, 500), id);
  }

  /** Postpones a source without counting a failure (e.g. 429 with Retry-After). */
  postpone(id: number, nextAttemptAt: Date, reason: string, now = new Date()): void {
    this.db
      .prepare('UPDATE sources SET last_attempt_at = ?, next_attempt_at = ?, last_error = ? WHERE id = ?')
      .run(now.toISOString(), nextAttemptAt.toISOString(), scrubSecrets(reason).slice(0, 500), id);
  }
}
