// The delivery outbox: daily digests decided for a subscriber and local date (unique), their
// rendered messages in order, each message's delivery state, and the scheduler lock (a lease).
//
// Message states: pending -> sending -> sent | failed | pending (retry later)
//   'sending' is committed before the Bot API call; one found at start is ambiguous (the
//   process died mid-call) and becomes 'unknown': it is never sent again.
//   'cancelled': a later part of a digest whose chat blocked the bot.
// Digest states: pending (messages to send) | sent | failed | unknown | skipped-empty.
import type { Statement, Transaction } from 'better-sqlite3';
import { scrubSecrets } from '../../secrets.ts';
import { statementCache, type Db } from './db.ts';
import type { DeliveryCounts, DigestDecision, DigestRecord, DigestStatus, LockHolder, OutboxItem, OutboxStatus, ReadyMessage, SendingMessage } from '../api.ts';
import { digestValues, jsonOf, toDigest, toItem, type DigestRow, type OutboxRow } from '../delivery-rows.ts';

type SqliteOutboxRow = OutboxRow<string>;

export class SqliteOutboxStore {
  private readonly sql: (text: string) => Statement;
  private readonly runner: Transaction<(fn: () => unknown) => unknown>;

  constructor(db: Db) {
    this.runner = db.transaction((fn: () => unknown) => fn());
    // Cached statements: the sender runs the same few for every message of a fan-out.
    this.sql = statementCache(db);
  }

  /** Runs fn in one write transaction (BEGIN IMMEDIATE; a savepoint inside Store.transaction). */
  private transaction<T>(fn: () => T): T {
    return this.runner.immediate(fn) as T;
  }

  hasDigest(chatId: number, localDate: string): boolean {
    return this.sql('SELECT 1 FROM digests WHERE chat_id = ? AND local_date = ?').get(chatId, localDate) !== undefined;
  }

  /** "chatId|localDate" of every digest on or after a local date (to find who is still due). */
  digestKeysSince(minLocalDate: string): Set<string> {
    const rows = this.sql('SELECT chat_id, local_date FROM digests WHERE local_date >= ?').all(minLocalDate) as { chat_id: number; local_date: string }[];
    return new Set(rows.map((r) => `${r.chat_id}|${r.local_date}`));
  }

  /** When the subscriber's last digest (delivered, possibly delivered, or empty) cut the news off. */
  lastCutoff(chatId: number): Date | null {
    const iso = this.sql("SELECT max(cutoff_at) FROM digests WHERE chat_id = ? AND status <> 'failed'").pluck().get(chatId) as string | null;
    return iso ? new Date(iso) : null;
  }

  /**
   * Records a decision with its messages. Returns the digest id, or null when the subscriber
   * already has a digest for that local date (nothing is written then).
   */
  recordDecision(decision: DigestDecision, now = new Date()): number | null {
    return this.transaction(() => {
      const at = now.toISOString();
      const info = this.sql(
        `INSERT INTO digests (chat_id, local_date, status, due_at, decided_at, cutoff_at, ingested_after, topic, story_count, message_count, finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (chat_id, local_date) DO NOTHING`,
      ).run(...digestValues(decision, at));
      if (info.changes === 0) return null;
      const digestId = Number(info.lastInsertRowid);
      const insert = this.sql(
        `INSERT INTO outbox (digest_id, chat_id, seq, html, keyboard, stories, kind, topic, status, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
      );
      decision.messages.forEach((m, seq) => {
        insert.run(digestId, decision.chatId, seq, m.html, jsonOf(m.keyboard), jsonOf(m.stories), decision.kind ?? 'daily', decision.topic, at);
      });
      return digestId;
    });
  }

  digest(chatId: number, localDate: string): DigestRecord | undefined {
    const row = this.sql('SELECT * FROM digests WHERE chat_id = ? AND local_date = ?').get(chatId, localDate) as DigestRow | undefined;
    return row ? toDigest(row) : undefined;
  }

  digests(options: { localDate?: string; chatId?: number } = {}): DigestRecord[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (options.localDate !== undefined) {
      where.push('local_date = ?');
      args.push(options.localDate);
    }
    if (options.chatId !== undefined) {
      where.push('chat_id = ?');
      args.push(options.chatId);
    }
    const sql = `SELECT * FROM digests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return (this.sql(sql).all(...args) as DigestRow[]).map(toDigest);
  }

  items(digestId?: number): OutboxItem[] {
    const rows = (
      digestId === undefined
        ? this.sql('SELECT * FROM outbox ORDER BY id').all()
        : this.sql('SELECT * FROM outbox WHERE digest_id = ? ORDER BY seq').all(digestId)
    ) as SqliteOutboxRow[];
    return rows.map((row) => toItem(row, JSON.parse));
  }

  /**
   * Messages ready to go, oldest first: pending, retry time reached, and every earlier part of
   * the same digest finished (sent, unknown, failed or cancelled), so parts go out in order.
   */
  ready(nowIso: string, limit: number, excludeIds: Iterable<number> = []): ReadyMessage[] {
    const exclude = JSON.stringify([...excludeIds]);
    // Ids only: a queue of full rows would keep thousands of texts alive for seconds.
    return this.sql(
      `SELECT o.id, o.chat_id AS chatId FROM outbox o
       WHERE o.status = 'pending'
         AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)
         AND o.id NOT IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.digest_id = o.digest_id AND p.seq < o.seq AND p.status IN ('pending', 'sending'))
       ORDER BY o.id LIMIT ?`,
    ).all(nowIso, exclude, limit) as ReadyMessage[];
  }

  /** The earliest retry time among pending messages (null when none waits). */
  nextRetryAt(): string | null {
    return this.sql("SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending' AND next_attempt_at IS NOT NULL").pluck().get() as string | null;
  }

  /** Messages still to send (pending) or in flight (sending). */
  openCount(): number {
    return this.sql("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')").pluck().get() as number;
  }

  /**
   * Takes a message for sending (committed before the API call) and returns what the call
   * needs; undefined if it was not pending (cancelled, or taken meanwhile).
   */
  takeForSending(id: number, now = new Date()): SendingMessage | undefined {
    const row = this.sql(
      "UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'pending' RETURNING html, keyboard, attempts",
    ).get(now.toISOString(), id) as { html: string; keyboard: string; attempts: number } | undefined;
    return row && { html: row.html, keyboard: JSON.parse(row.keyboard) as unknown[][], attempts: row.attempts };
  }

  /** Marks a message as being sent (committed before the API call). False if it was not pending. */
  markSending(id: number, now = new Date()): boolean {
    return this.takeForSending(id, now) !== undefined;
  }

  /**
   * Marks a message sent with Telegram's message_id and records what it carried in
   * sent_messages (what replies and buttons on it are answered from), in one transaction; the
   * digest key ties the messages of one digest together (a reply to any uses all its stories).
   * The stories JSON is copied row to row, never parsed: a fan-out sends thousands.
   */
  markSent(id: number, messageId: number, now = new Date()): void {
    this.transaction(() => {
      const at = now.toISOString();
      this.sql("UPDATE outbox SET status = 'sent', message_id = ?, error = NULL, sent_at = ?, updated_at = ? WHERE id = ?").run(messageId, at, at, id);
      this.sql(
        `INSERT OR REPLACE INTO sent_messages (chat_id, message_id, kind, topic, stories, created_at, digest_key)
         SELECT chat_id, ?, kind, topic, stories, ?, 'digest:' || digest_id FROM outbox WHERE id = ?`,
      ).run(messageId, at, id);
      this.settleDigestOf(id, now);
    });
  }

  /** Puts a message back to pending, to be tried again at `nextAttemptAt`. */
  reschedule(id: number, nextAttemptAt: Date, error: string, now = new Date(), options: { countAttempt?: boolean } = {}): void {
    this.sql(
      `UPDATE outbox SET status = 'pending', next_attempt_at = ?, error = ?, updated_at = ?,
         attempts = attempts - ? WHERE id = ?`,
    ).run(nextAttemptAt.toISOString(), scrubSecrets(error), now.toISOString(), options.countAttempt === false ? 1 : 0, id);
  }

  /** Gives up on a message; with cancelRest, the digest's later parts are cancelled too. */
  markFailed(id: number, error: string, now = new Date(), options: { cancelRest?: boolean } = {}): void {
    const reason = scrubSecrets(error);
    this.transaction(() => {
      const at = now.toISOString();
      this.sql("UPDATE outbox SET status = 'failed', error = ?, updated_at = ? WHERE id = ?").run(reason, at, id);
      if (options.cancelRest) {
        this.sql(
          `UPDATE outbox SET status = 'cancelled', error = ?, updated_at = ?
           WHERE digest_id = (SELECT digest_id FROM outbox WHERE id = ?) AND status = 'pending'`,
        ).run(reason, at, id);
      }
      this.settleDigestOf(id, now);
    });
  }

  /** Records a message whose fate is unknown (abandoned mid-call): it is never sent again. */
  markUnknown(id: number, reason: string, now = new Date()): void {
    this.transaction(() => {
      this.sql("UPDATE outbox SET status = 'unknown', error = ?, updated_at = ? WHERE id = ? AND status = 'sending'").run(scrubSecrets(reason), now.toISOString(), id);
      this.settleDigestOf(id, now);
    });
  }

  /** Releases a message taken for sending that was never handed to Telegram (shutdown). */
  release(id: number, now = new Date()): void {
    this.sql("UPDATE outbox SET status = 'pending', attempts = max(0, attempts - 1), updated_at = ? WHERE id = ? AND status = 'sending'")
      .run(now.toISOString(), id);
  }

  /** Cancels every unsent message of a chat (it blocked the bot or no longer exists). */
  cancelChat(chatId: number, reason: string, now = new Date()): number {
    return this.transaction(() => {
      const at = now.toISOString();
      const digestIds = this.sql("SELECT DISTINCT digest_id FROM outbox WHERE chat_id = ? AND status = 'pending'").pluck().all(chatId) as number[];
      const changes = this.sql("UPDATE outbox SET status = 'cancelled', error = ?, updated_at = ? WHERE chat_id = ? AND status = 'pending'")
        .run(scrubSecrets(reason), at, chatId).changes;
      for (const digestId of digestIds) this.settleDigest(digestId, now);
      return changes;
    });
  }

  /**
   * At start (with the lock held): messages left 'sending' by a process that died are
   * ambiguous, so they become 'unknown' and are never sent again. Returns how many.
   */
  recoverInFlight(now = new Date()): number {
    return this.transaction(() => {
      const at = now.toISOString();
      const digestIds = this.sql("SELECT DISTINCT digest_id FROM outbox WHERE status = 'sending'").pluck().all() as number[];
      const changes = this.sql("UPDATE outbox SET status = 'unknown', error = 'process stopped during the send; not retried', updated_at = ? WHERE status = 'sending'")
        .run(at).changes;
      for (const digestId of digestIds) this.settleDigest(digestId, now);
      return changes;
    });
  }

  private settleDigestOf(itemId: number, now: Date): void {
    const digestId = this.sql('SELECT digest_id FROM outbox WHERE id = ?').pluck().get(itemId) as number | undefined;
    if (digestId !== undefined) this.settleDigest(digestId, now);
  }

  /** A digest's status follows its messages once none is pending or in flight. */
  private settleDigest(digestId: number, now: Date): void {
    const counts = this.sql('SELECT status, count(*) AS n, max(error) AS error FROM outbox WHERE digest_id = ? GROUP BY status')
      .all(digestId) as { status: OutboxStatus; n: number; error: string | null }[];
    const by = new Map(counts.map((c) => [c.status, c]));
    if (by.has('pending') || by.has('sending')) return;
    const failed = by.get('failed') ?? by.get('cancelled');
    const status: DigestStatus = failed ? 'failed' : by.has('unknown') ? 'unknown' : 'sent';
    this.sql("UPDATE digests SET status = ?, finished_at = ?, error = ? WHERE id = ? AND status = 'pending'")
      .run(status, now.toISOString(), failed?.error ?? null, digestId);
  }

  /** Counts by state, for /stats and logs; localDate limits them to one day's digests. */
  counts(options: { localDate?: string } = {}): DeliveryCounts {
    const digests: Record<DigestStatus, number> = { pending: 0, sent: 0, failed: 0, unknown: 0, 'skipped-empty': 0 };
    const messages: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, unknown: 0, cancelled: 0 };
    const dateFilter = options.localDate !== undefined ? 'WHERE local_date = ?' : '';
    const args = options.localDate !== undefined ? [options.localDate] : [];
    for (const row of this.sql(`SELECT status, count(*) AS n FROM digests ${dateFilter} GROUP BY status`).all(...args) as { status: DigestStatus; n: number }[]) {
      digests[row.status] = row.n;
    }
    const itemFilter = options.localDate !== undefined ? 'WHERE digest_id IN (SELECT id FROM digests WHERE local_date = ?)' : '';
    for (const row of this.sql(`SELECT status, count(*) AS n FROM outbox ${itemFilter} GROUP BY status`).all(...args) as { status: OutboxStatus; n: number }[]) {
      messages[row.status] = row.n;
    }
    return { digests, messages };
  }

  // ---- the scheduler lock (a lease with expiry) ----

  /**
   * Takes the named lock for `owner` until `expiresAt` (ms since epoch) if it is free, expired,
   * already ours, or `isStale(holder)` says its holder is gone. Returns the holder afterwards.
   */
  acquireLock(
    input: { name: string; owner: string; host: string; pid: number; expiresAt: number },
    now: Date,
    isStale: (holder: LockHolder) => boolean = () => false,
  ): { acquired: boolean; holder: LockHolder } {
    return this.transaction(() => {
      const current = this.lockHolder(input.name);
      if (current && current.owner !== input.owner && current.expiresAt > now.getTime() && !isStale(current)) {
        return { acquired: false, holder: current };
      }
      this.sql(
        `INSERT INTO scheduler_locks (name, owner, host, pid, acquired_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, host = excluded.host, pid = excluded.pid,
           acquired_at = CASE WHEN scheduler_locks.owner = excluded.owner THEN scheduler_locks.acquired_at ELSE excluded.acquired_at END,
           expires_at = excluded.expires_at`,
      ).run(input.name, input.owner, input.host, input.pid, now.toISOString(), input.expiresAt);
      return { acquired: true, holder: this.lockHolder(input.name)! };
    });
  }

  /** Extends our lease; false when the lock is no longer ours. */
  renewLock(name: string, owner: string, expiresAt: number): boolean {
    return this.sql('UPDATE scheduler_locks SET expires_at = ? WHERE name = ? AND owner = ?').run(expiresAt, name, owner).changes > 0;
  }

  releaseLock(name: string, owner: string): boolean {
    return this.sql('DELETE FROM scheduler_locks WHERE name = ? AND owner = ?').run(name, owner).changes > 0;
  }

  lockHolder(name: string): LockHolder | undefined {
    const row = this.sql('SELECT * FROM scheduler_locks WHERE name = ?').get(name) as
      | { name: string; owner: string; host: string; pid: number; acquired_at: string; expires_at: number }
      | undefined;
    return row ? { name: row.name, owner: row.owner, host: row.host, pid: row.pid, acquiredAt: row.acquired_at, expiresAt: row.expires_at } : undefined;
  }
}
