// LLM results keyed by a hash of exactly what was sent (model, prompt version, content), so
// that the same article or question is never sent twice. Table: llm_cache (migration 10).
import type { Db } from './db.ts';
import type { LlmCacheEntry, LlmCacheStatus } from '../api.ts';

interface Row {
  key: string;
  kind: string;
  model: string;
  status: LlmCacheStatus;
  value: string | null;
  tokens: number;
  created_at: string;
}

export class SqliteLlmCache {
  constructor(private readonly db: Db) {}

  get(key: string): LlmCacheEntry | undefined {
    const row = this.db.prepare('SELECT key, kind, model, status, value, tokens, created_at FROM llm_cache WHERE key = ?').get(key) as Row | undefined;
    if (!row) return undefined;
    let value: unknown = null;
    if (row.value !== null) {
      try {
        value = JSON.parse(row.value);
      } catch {
        return undefined;
      }
    }
    return { key: row.key, kind: row.kind, model: row.model, status: row.status, value, tokens: row.tokens, createdAt: row.created_at };
  }

  put(entry: { key: string; kind: string; model: string; status: LlmCacheStatus; value: unknown; tokens?: number; now?: Date }): void {
    this.db
      .prepare(
        `INSERT INTO llm_cache (key, kind, model, status, value, tokens, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET status = excluded.status, value = excluded.value, tokens = excluded.tokens, created_at = excluded.created_at`,
      )
      .run(
        entry.key,
        entry.kind,
        entry.model,
        entry.status,
        entry.value === null || entry.value === undefined ? null : JSON.stringify(entry.value),
        entry.tokens ?? 0,
        (entry.now ?? new Date()).toISOString(),
      );
  }

  count(kind?: string): number {
    return kind
      ? (this.db.prepare('SELECT count(*) FROM llm_cache WHERE kind = ?').pluck().get(kind) as number)
      : (this.db.prepare('SELECT count(*) FROM llm_cache').pluck().get() as number);
  }

  /** Removes entries created before `before`; returns how many. */
  prune(before: Date): number {
    return this.db.prepare('DELETE FROM llm_cache WHERE created_at < ?').run(before.toISOString()).changes;
  }
}
