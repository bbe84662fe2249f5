// Retention: what the bot stores would otherwise grow forever (articles, a record of every
// message sent, the delivery outbox and digests, LLM results). `serve` prunes daily
// (RETENTION_CRON); `news-digest prune` does it once.
//
// Deletes go in small batches, one short transaction each, with the event loop free between
// them, so the bot and the scheduler keep answering during a large first prune.
//
// Space: SQLite reuses the pages that deletes free, so once retention runs the file stops
// growing. To also give them back to the file system, new databases are created with
// auto_vacuum = INCREMENTAL (db.ts) and each prune ends with `PRAGMA incremental_vacuum`.
// A database created before that has auto_vacuum = NONE: `news-digest prune --vacuum`
// converts it once with a full VACUUM (rewrites the file; run it while `serve` is stopped, with
// free disk space for a copy).
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Db } from './db.ts';
import type { RetentionPolicy, RetentionReport } from '../api.ts';
import type { SqliteStoryStore } from './stories.ts';

const DAY_MS = 86_400_000;
const BATCH = 500;

/** The oldest articles before the cutoff, a batch (deleteArticles: their stories are tidied in the same transaction). */
const OLD_ARTICLES = `SELECT id FROM articles WHERE ingested_at < ? ORDER BY ingested_at LIMIT ${BATCH}`;

/** Each statement deletes at most one batch of the oldest rows before the cutoff and says how many. */
const DELETE_OLD = {
  sentMessages: `DELETE FROM sent_messages WHERE rowid IN (SELECT rowid FROM sent_messages WHERE created_at < ? LIMIT ${BATCH})`,
  // A pending digest still has messages to send: the sender decides its fate, not its age.
  digests: `DELETE FROM digests WHERE id IN (SELECT id FROM digests WHERE decided_at < ? AND status <> 'pending' LIMIT ${BATCH})`,
  llmCache: `DELETE FROM llm_cache WHERE rowid IN (SELECT rowid FROM llm_cache WHERE created_at < ? LIMIT ${BATCH})`,
} as const;

export class SqliteRetentionStore {
  constructor(
    private readonly db: Db,
    /** Stories lose the deleted articles: their rows are rebuilt from the members left. */
    private readonly stories?: SqliteStoryStore,
    /**
     * Between batches: gives the event loop a turn, and (in a SqliteStore) waits while another
     * task's transaction is open, so that no batch runs inside someone else's transaction.
     */
    private readonly pause: () => Promise<void> = yieldToEventLoop,
  ) {}

  /** Deletes what the policy no longer keeps at `now`; resolves with the counts. */
  async prune(policy: RetentionPolicy, now: Date): Promise<RetentionReport> {
    const days = { articles: policy.articlesDays, sentMessages: policy.sentMessagesDays, digests: policy.deliveryDays, llmCache: policy.llmCacheDays };
    const report: RetentionReport = { articles: 0, sentMessages: 0, digests: 0, llmCache: 0, freedPages: 0 };
    for (const table of ['articles', ...Object.keys(DELETE_OLD)] as (keyof typeof days)[]) {
      if (days[table] <= 0) continue;
      const cutoff = new Date(now.getTime() - days[table] * DAY_MS).toISOString();
      const statement = table === 'articles' ? undefined : this.db.prepare(DELETE_OLD[table]);
      for (;;) {
        const deleted = statement ? statement.run(cutoff).changes : this.deleteArticles(cutoff, now);
        report[table] += deleted;
        if (deleted < BATCH) break;
        await this.pause();
      }
    }
    if (days.articles > 0) this.stories?.forgetTermDaysBefore(new Date(now.getTime() - days.articles * DAY_MS));
    this.stories?.forgetUnusedDigestContents();
    report.freedPages = await this.releaseFreePages();
    return report;
  }

  /** One batch of the oldest articles before the cutoff, and what their stories keep of them, in one transaction. */
  private deleteArticles(cutoff: string, now: Date): number {
    return this.db.transaction(() => {
      const ids = this.db.prepare(OLD_ARTICLES).pluck().all(cutoff) as number[];
      if (!ids.length) return 0;
      const stories = [...(this.stories?.storiesOf(ids).values() ?? [])];
      this.db.prepare('DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
      this.stories?.afterArticlesDeleted(ids, stories, now);
      return ids.length;
    })();
  }

  /** With auto_vacuum = INCREMENTAL: hands free pages back to the file system, a batch at a time. */
  async releaseFreePages(): Promise<number> {
    if (this.autoVacuum() !== 'incremental') return 0;
    let freed = 0;
    for (;;) {
      const free = this.db.pragma('freelist_count', { simple: true }) as number;
      if (free === 0) return freed;
      this.db.pragma(`incremental_vacuum(${Math.min(free, 2_000)})`);
      const released = free - (this.db.pragma('freelist_count', { simple: true }) as number);
      if (released <= 0) return freed;
      freed += released;
      await this.pause();
    }
  }

  autoVacuum(): 'none' | 'full' | 'incremental' {
    const mode = this.db.pragma('auto_vacuum', { simple: true }) as number;
    return mode === 2 ? 'incremental' : mode === 1 ? 'full' : 'none';
  }

  /** Rewrites the whole file (VACUUM), switching it to incremental auto-vacuum on the way. Blocks writers while it runs. */
  vacuum(): void {
    this.db.pragma('auto_vacuum = INCREMENTAL');
    this.db.exec('VACUUM');
  }
}
