// News sources on PostgreSQL, and their fetch state (conditional-GET validators, failures, backoff).
import { scrubSecrets } from '../../secrets.ts';
import type { Source, SourceInput, SourceStore } from '../api.ts';
import { toSource as sourceOf, type SourceRow as ContentSourceRow } from '../content-rows.ts';
import type { PgDb } from './db.ts';

type SourceRow = ContentSourceRow<boolean>;
const toSource = (row: SourceRow): Source => sourceOf(row, (enabled) => enabled);

const INSERT = 'INSERT INTO sources (url, name, kind, language, enabled, created_at) VALUES ($1, $2, $3, $4, $5, $6)';
const inputParams = (s: SourceInput, now: Date) => [s.url, s.name, s.kind ?? 'feed', s.language ?? null, s.enabled !== false, now.toISOString()];
/** The error text kept of a failure: secrets (tokens in URLs) scrubbed, bounded. */
const reasonText = (reason: string) => scrubSecrets(reason).slice(0, 500);

export class PgSourceStore implements SourceStore {
  constructor(private readonly db: PgDb) {}

  private async rows(sql: string, params: unknown[] = []): Promise<Source[]> {
    return (await this.db.query<SourceRow>(sql, params)).rows.map(toSource);
  }

  list(): Promise<Source[]> {
    return this.rows('SELECT * FROM sources WHERE NOT removed ORDER BY id');
  }

  async get(id: number): Promise<Source | undefined> {
    return (await this.rows('SELECT * FROM sources WHERE id = $1', [id]))[0];
  }

  async getByUrl(url: string): Promise<Source | undefined> {
    return (await this.rows('SELECT * FROM sources WHERE url = $1 AND NOT removed', [url]))[0];
  }

  /** Adds a source, or updates its name/kind/language; re-adds one removed earlier. */
  async add(input: SourceInput, now = new Date()): Promise<Source> {
    const [source] = await this.rows(
      `${INSERT} ON CONFLICT (url) DO UPDATE SET name = excluded.name, kind = excluded.kind, language = excluded.language,
         enabled = excluded.enabled, removed = FALSE RETURNING *`,
      inputParams(input, now),
    );
    return source!;
  }

  /** Seeds the default sources: a source the user removed stays removed, and a known one keeps its fetch state. */
  seed(inputs: SourceInput[], now = new Date()): Promise<number> {
    return this.db.atomic(async (db) => {
      let added = 0;
      for (const s of inputs) added += (await db.query(`${INSERT} ON CONFLICT (url) DO NOTHING`, inputParams(s, now))).rowCount;
      return added;
    });
  }

  /** Marks a source removed (kept, so that seeding does not bring it back). */
  async remove(idOrUrl: number | string): Promise<boolean> {
    const column = typeof idOrUrl === 'number' ? 'id' : 'url';
    return (await this.db.query(`UPDATE sources SET removed = TRUE WHERE ${column} = $1 AND NOT removed`, [idOrUrl])).rowCount > 0;
  }

  async setEnabled(idOrUrl: number | string, enabled: boolean): Promise<Source | undefined> {
    const column = typeof idOrUrl === 'number' ? 'id' : 'url';
    return (await this.rows(`UPDATE sources SET enabled = $1 WHERE ${column} = $2 AND NOT removed RETURNING *`, [enabled, idOrUrl]))[0];
  }

  /** Enabled sources whose next attempt is due. */
  due(now = new Date()): Promise<Source[]> {
    return this.rows('SELECT * FROM sources WHERE NOT removed AND enabled AND (next_attempt_at IS NULL OR next_attempt_at <= $1) ORDER BY id', [now.toISOString()]);
  }

  async recordSuccess(id: number, validators: { etag?: string | null; lastModified?: string | null }, now = new Date()): Promise<void> {
    await this.db.query(
      `UPDATE sources SET etag = $1, last_modified = $2, last_attempt_at = $3, last_success_at = $3, consecutive_failures = 0,
         next_attempt_at = NULL, last_error = NULL WHERE id = $4`,
      [validators.etag ?? null, validators.lastModified ?? null, now.toISOString(), id],
    );
  }

  async recordFailure(id: number, reason: string, nextAttemptAt: Date, now = new Date()): Promise<void> {
    await this.db.query(
      'UPDATE sources SET last_attempt_at = $1, consecutive_failures = consecutive_failures + 1, next_attempt_at = $2, last_error = $3 WHERE id = $4',
      [now.toISOString(), nextAttemptAt.toISOString(), reasonText(reason), id],
    );
  }

  /** Postpones a source without counting a failure (e.g. 429 with Retry-After). */
  async postpone(id: number, nextAttemptAt: Date, reason: string, now = new Date()): Promise<void> {
    await this.db.query('UPDATE sources SET last_attempt_at = $1, next_attempt_at = $2, last_error = $3 WHERE id = $4', [
      now.toISOString(),
      nextAttemptAt.toISOString(),
      reasonText(reason),
      id,
    ]);
  }
}
