// Retention on PostgreSQL: deletes what the policy no longer keeps, a batch per short
// transaction, the event loop free between batches. Space: PostgreSQL's autovacuum makes the
// freed rows reusable by itself; VACUUM FULL would give them back to the file system.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { RetentionPolicy, RetentionReport, RetentionStore } from '../api.ts';
import type { PgDb } from './db.ts';
import type { PgStoryStore } from './stories.ts';

const DAY_MS = 86_400_000;
const BATCH = 500;

/** Each statement deletes at most one batch of the oldest rows before the cutoff ($1) and counts them. */
const DELETE_OLD = {
  sentMessages: `WITH gone AS (
      DELETE FROM sent_messages WHERE (chat_id, message_id) IN (SELECT chat_id, message_id FROM sent_messages WHERE created_at < $1 LIMIT ${BATCH}) RETURNING 1
    ) SELECT count(*) AS n FROM gone`,
  // A pending digest still has messages to send: the sender decides its fate, not its age.
  // Its record of the stories it carried goes with it (digest_story_sets has no foreign key).
  digests: `WITH gone AS (
      DELETE FROM digests WHERE id IN (SELECT id FROM digests WHERE decided_at < $1 AND status <> 'pending' LIMIT ${BATCH}) RETURNING id
    ), sets AS (DELETE FROM digest_story_sets WHERE digest_id IN (SELECT id FROM gone))
    SELECT count(*) AS n FROM gone`,
  llmCache: `WITH gone AS (
      DELETE FROM llm_cache WHERE key IN (SELECT key FROM llm_cache WHERE created_at < $1 LIMIT ${BATCH}) RETURNING 1
    ) SELECT count(*) AS n FROM gone`,
} as const;

export class PgRetentionStore implements RetentionStore {
  constructor(
    private readonly db: PgDb,
    /** The story store on a given connection: stories lose the deleted articles in the same transaction. */
    private readonly storiesOn: (db: PgDb) => PgStoryStore,
  ) {}

  async prune(policy: RetentionPolicy, now: Date): Promise<RetentionReport> {
    const days = { articles: policy.articlesDays, sentMessages: policy.sentMessagesDays, digests: policy.deliveryDays, llmCache: policy.llmCacheDays };
    const report: RetentionReport = { articles: 0, sentMessages: 0, digests: 0, llmCache: 0, freedPages: 0 };
    for (const table of ['articles', ...Object.keys(DELETE_OLD)] as (keyof typeof days)[]) {
      if (days[table] <= 0) continue;
      const cutoff = new Date(now.getTime() - days[table] * DAY_MS).toISOString();
      for (;;) {
        const deleted =
          table === 'articles' ? await this.deleteArticles(cutoff, now) : (await this.db.query<{ n: number }>(DELETE_OLD[table], [cutoff])).rows[0]!.n;
        report[table] += deleted;
        if (deleted < BATCH) break;
        await yieldToEventLoop();
      }
    }
    const stories = this.storiesOn(this.db);
    if (days.articles > 0) await stories.forgetTermDaysBefore(new Date(now.getTime() - days.articles * DAY_MS));
    await stories.forgetUnusedDigestContents();
    return report;
  }

  /** One batch of the oldest articles before the cutoff, and what their stories keep of them, in one transaction. */
  private deleteArticles(cutoff: string, now: Date): Promise<number> {
    return this.db.atomic(async (db) => {
      const { rows } = await db.query<{ id: number }>(`SELECT id FROM articles WHERE ingested_at < $1 ORDER BY ingested_at LIMIT ${BATCH}`, [cutoff]);
      const ids = rows.map((r) => r.id);
      if (!ids.length) return 0;
      const stories = this.storiesOn(db);
      const storyIds = [...(await stories.storiesOf(ids)).values()];
      await db.query('DELETE FROM articles WHERE id = ANY($1::bigint[])', [ids]);
      await stories.afterArticlesDeleted(ids, storyIds, now);
      return ids.length;
    });
  }

  /** PostgreSQL's autovacuum reclaims deleted rows by itself (the interface's 'incremental'). */
  async autoVacuum(): Promise<'none' | 'full' | 'incremental'> {
    return 'incremental';
  }

  /** VACUUM FULL: rewrites the tables to give their free space back to the file system; locks each table while it runs. */
  async vacuum(): Promise<void> {
    await this.db.exec('VACUUM FULL');
  }
}
