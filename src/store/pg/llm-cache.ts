// LLM results on PostgreSQL, keyed by a hash of exactly what was sent (see src/llm/).
import type { LlmCache, LlmCacheEntry, LlmCacheStatus } from '../api.ts';
import type { PgDb } from './db.ts';

interface Row {
  key: string;
  kind: string;
  model: string;
  status: LlmCacheStatus;
  value: unknown;
  tokens: number;
  created_at: string;
}

export class PgLlmCache implements LlmCache {
  constructor(private readonly db: PgDb) {}

  async get(key: string): Promise<LlmCacheEntry | undefined> {
    const row = (await this.db.query<Row>('SELECT key, kind, model, status, value, tokens, created_at FROM llm_cache WHERE key = $1', [key])).rows[0];
    if (!row) return undefined;
    return { key: row.key, kind: row.kind, model: row.model, status: row.status, value: row.value ?? null, tokens: row.tokens, createdAt: row.created_at };
  }

  async put(entry: { key: string; kind: string; model: string; status: LlmCacheStatus; value: unknown; tokens?: number; now?: Date }): Promise<void> {
    await this.db.query(
      `INSERT INTO llm_cache (key, kind, model, status, value, tokens, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (key) DO UPDATE SET status = excluded.status, value = excluded.value, tokens = excluded.tokens, created_at = excluded.created_at`,
      [
        entry.key,
        entry.kind,
        entry.model,
        entry.status,
        entry.value === null || entry.value === undefined ? null : JSON.stringify(entry.value),
        entry.tokens ?? 0,
        (entry.now ?? new Date()).toISOString(),
      ],
    );
  }

  async count(kind?: string): Promise<number> {
    const { rows } = kind
      ? await this.db.query<{ n: number }>('SELECT count(*) AS n FROM llm_cache WHERE kind = $1', [kind])
      : await this.db.query<{ n: number }>('SELECT count(*) AS n FROM llm_cache');
    return rows[0]!.n;
  }

  async prune(before: Date): Promise<number> {
    return (await this.db.query('DELETE FROM llm_cache WHERE created_at < $1', [before.toISOString()])).rowCount;
  }
}
