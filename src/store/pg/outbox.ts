// The delivery outbox on PostgreSQL: the SQLite OutboxStore's contract (src/store/sqlite/outbox.ts),
// shared by any number of instances that deliver from one database.
//
// Several instances (docs/scaling.md):
// - Each store object is one delivering instance (`owner`). It registers in delivery_instances
//   and renews that row (heartbeat) while it runs; the row's expiry is the lease of its claims.
// - ready() claims the messages it returns with SELECT … FOR UPDATE SKIP LOCKED: two instances
//   scanning at once skip each other's rows instead of waiting for them, and never get the same
//   row. A claim covers the chat: its other open messages (a long digest's later parts) are
//   claimed with it, so one instance sends all of a chat's messages and keeps its 1 msg/s.
// - takeForSending() takes only a row claimed by this instance (or unclaimed), still pending.
// - A crashed instance stops renewing: once its registration has expired, the others may claim
//   its pending rows, and recoverInFlight() records its 'sending' rows as 'unknown' (never sent
//   again), as the SQLite engine does at start. A message leaves 'sending' for 'pending' only
//   through its own instance (reschedule, release), so nothing is sent twice.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { scrubSecrets } from '../../secrets.ts';
import type {
  DecisionInputs,
  DeliveryCounts,
  DigestDecision,
  DigestRecord,
  DigestStatus,
  LockHolder,
  OutboxItem,
  OutboxStatus,
  OutboxStore,
  ReadyMessage,
  SendingMessage,
} from '../api.ts';
import { digestValues, jsonOf, toDigest, toItem, type DigestRow, type OutboxRow } from '../delivery-rows.ts';
import type { PgDb } from './db.ts';

/** The delivering instance a PostgreSQL store object stands for. */
export interface DeliveryInstance {
  owner: string;
  host: string;
  pid: number;
}

/** A new instance identity: host, pid and a random part (a restarted process is a new instance). */
export function newDeliveryInstance(id?: string): DeliveryInstance {
  return { owner: id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, host: hostname(), pid: process.pid };
}

/** JSONB columns come back parsed. */
type PgOutboxRow = OutboxRow<unknown>;
const parsed = (value: unknown) => value;

/** Registered instances whose lease runs at $N (ms): the live ones. */
const LIVE = (param: string) => `SELECT owner FROM delivery_instances WHERE expires_at > ${param}`;

export class PgOutboxStore implements OutboxStore {
  constructor(
    private readonly db: PgDb,
    /** Shared by the store and its transactions' sub-stores: one process is one instance. */
    readonly instance: DeliveryInstance = newDeliveryInstance(),
  ) {}

  // ---- several instances ----

  /**
   * Registers (or renews) this instance as delivering until now + leaseMs and returns how many
   * instances deliver now, itself included: the sender's share of the bot's global rate.
   */
  async heartbeat(now: Date, leaseMs: number): Promise<number> {
    const at = now.getTime();
    await this.db.query(
      `INSERT INTO delivery_instances (owner, host, pid, started_at, expires_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (owner) DO UPDATE SET expires_at = excluded.expires_at`,
      [this.instance.owner, this.instance.host, this.instance.pid, now.toISOString(), at + leaseMs],
    );
    // Rows of instances gone for a day go; a recent one may still have claims to recover.
    await this.db.query('DELETE FROM delivery_instances WHERE expires_at < $1', [at - 86_400_000]);
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*) AS n FROM delivery_instances WHERE expires_at > $1', [at]);
    return Math.max(1, rows[0]!.n);
  }

  /** Unregisters at a clean stop: the others need not wait for the lease to run out. */
  async leave(): Promise<void> {
    await this.db.query('DELETE FROM delivery_instances WHERE owner = $1', [this.instance.owner]);
  }

  // ---- decisions ----

  async hasDigest(chatId: number, localDate: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM digests WHERE chat_id = $1 AND local_date = $2', [chatId, localDate])).rowCount > 0;
  }

  async digestKeysSince(minLocalDate: string): Promise<Set<string>> {
    const { rows } = await this.db.query<{ chat_id: number; local_date: string }>('SELECT chat_id, local_date FROM digests WHERE local_date >= $1', [minLocalDate]);
    return new Set(rows.map((r) => `${r.chat_id}|${r.local_date}`));
  }

  async lastCutoff(chatId: number): Promise<Date | null> {
    const { rows } = await this.db.query<{ at: string | null }>("SELECT max(cutoff_at) AS at FROM digests WHERE chat_id = $1 AND status <> 'failed'", [chatId]);
    const iso = rows[0]?.at;
    return iso ? new Date(iso) : null;
  }

  recordDecision(decision: DigestDecision, now = new Date()): Promise<number | null> {
    return this.db.atomic(async (tx) => {
      const at = now.toISOString();
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO digests (chat_id, local_date, status, due_at, decided_at, cutoff_at, ingested_after, topic, story_count, message_count, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (chat_id, local_date) DO NOTHING RETURNING id`,
        digestValues(decision, at),
      );
      const digestId = rows[0]?.id;
      if (digestId === undefined) return null;
      if (decision.messages.length) {
        // All parts in one statement: seq, html, keyboard and stories as parallel arrays.
        await tx.query(
          `INSERT INTO outbox (digest_id, chat_id, seq, html, keyboard, stories, kind, topic, status, updated_at)
           SELECT $1, $2, m.seq, m.html, m.keyboard::jsonb, m.stories::jsonb, $3, $4, 'pending', $5
           FROM unnest($6::int[], $7::text[], $8::text[], $9::text[]) AS m(seq, html, keyboard, stories)`,
          [
            digestId,
            decision.chatId,
            decision.kind ?? 'daily',
            decision.topic,
            at,
            decision.messages.map((_, seq) => seq),
            decision.messages.map((m) => m.html),
            decision.messages.map((m) => jsonOf(m.keyboard)),
            decision.messages.map((m) => jsonOf(m.stories)),
          ],
        );
      }
      return digestId;
    });
  }

  /** One statement for a page of due subscribers: a decider's reads, not three round trips each. */
  async decisionInputs(due: { chatId: number; localDate: string }[]): Promise<Map<number, DecisionInputs>> {
    if (!due.length) return new Map();
    const { rows } = await this.db.query<{ chat_id: number; decided: boolean; topics: string[]; last_cutoff: string | null }>(
      `SELECT d.chat_id,
         EXISTS (SELECT 1 FROM digests g WHERE g.chat_id = d.chat_id AND g.local_date = d.local_date) AS decided,
         (SELECT coalesce(json_agg(t.topic ORDER BY t.created_at, t.topic), '[]'::json) FROM subscriber_topics t WHERE t.chat_id = d.chat_id) AS topics,
         (SELECT max(g.cutoff_at) FROM digests g WHERE g.chat_id = d.chat_id AND g.status <> 'failed') AS last_cutoff
       FROM unnest($1::bigint[], $2::text[]) AS d(chat_id, local_date)`,
      [due.map((d) => d.chatId), due.map((d) => d.localDate)],
    );
    return new Map(rows.map((r) => [r.chat_id, { decided: r.decided, topics: r.topics, lastCutoff: r.last_cutoff ? new Date(r.last_cutoff) : null }]));
  }

  /**
   * The decisions of a page of subscribers in one statement: their digests (a subscriber who
   * has one for that local date already gets null, and nothing is written for them, as with
   * recordDecision) and the messages of the digests inserted.
   */
  async recordDecisions(decisions: DigestDecision[], now = new Date()): Promise<(number | null)[]> {
    if (!decisions.length) return [];
    const at = now.toISOString();
    const columns = decisions.map((d) => digestValues(d, at));
    const column = (i: number) => columns.map((values) => values[i]);
    const messages = decisions.flatMap((d) => d.messages.map((m, seq) => ({ d, m, seq })));
    const { rows } = await this.db.query<{ id: number; chat_id: number; local_date: string }>(
      `WITH g AS (
         INSERT INTO digests (chat_id, local_date, status, due_at, decided_at, cutoff_at, ingested_after, topic, story_count, message_count, finished_at)
         SELECT chat_id, local_date, status, due_at, decided_at, cutoff_at, ingested_after, topic, story_count, message_count, finished_at
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[], $11::text[])
           WITH ORDINALITY AS d(chat_id, local_date, status, due_at, decided_at, cutoff_at, ingested_after, topic, story_count, message_count, finished_at, n)
         ORDER BY n
         ON CONFLICT (chat_id, local_date) DO NOTHING RETURNING id, chat_id, local_date),
       m AS (
         INSERT INTO outbox (digest_id, chat_id, seq, html, keyboard, stories, kind, topic, status, updated_at)
         SELECT g.id, m.chat_id, m.seq, m.html, m.keyboard::jsonb, m.stories::jsonb, m.kind, m.topic, 'pending', $12
         FROM unnest($13::bigint[], $14::text[], $15::int[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[]) WITH ORDINALITY
           AS m(chat_id, local_date, seq, html, keyboard, stories, kind, topic, n)
         JOIN g ON g.chat_id = m.chat_id AND g.local_date = m.local_date
         ORDER BY m.n)
       SELECT id, chat_id, local_date FROM g`,
      [
        ...Array.from({ length: 11 }, (_, i) => column(i)),
        at,
        messages.map(({ d }) => d.chatId),
        messages.map(({ d }) => d.localDate),
        messages.map(({ seq }) => seq),
        messages.map(({ m }) => m.html),
        messages.map(({ m }) => jsonOf(m.keyboard)),
        messages.map(({ m }) => jsonOf(m.stories)),
        messages.map(({ d }) => d.kind ?? 'daily'),
        messages.map(({ d }) => d.topic),
      ],
    );
    const ids = new Map(rows.map((r) => [`${r.chat_id}|${r.local_date}`, r.id]));
    return decisions.map((d) => ids.get(`${d.chatId}|${d.localDate}`) ?? null);
  }

  async digest(chatId: number, localDate: string): Promise<DigestRecord | undefined> {
    const { rows } = await this.db.query<DigestRow>('SELECT * FROM digests WHERE chat_id = $1 AND local_date = $2', [chatId, localDate]);
    return rows[0] && toDigest(rows[0]);
  }

  async digests(options: { localDate?: string; chatId?: number } = {}): Promise<DigestRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (options.localDate !== undefined) {
      args.push(options.localDate);
      where.push(`local_date = $${args.length}`);
    }
    if (options.chatId !== undefined) {
      args.push(options.chatId);
      where.push(`chat_id = $${args.length}`);
    }
    const { rows } = await this.db.query<DigestRow>(`SELECT * FROM digests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`, args);
    return rows.map(toDigest);
  }

  async items(digestId?: number): Promise<OutboxItem[]> {
    const { rows } =
      digestId === undefined
        ? await this.db.query<PgOutboxRow>('SELECT * FROM outbox ORDER BY id')
        : await this.db.query<PgOutboxRow>('SELECT * FROM outbox WHERE digest_id = $1 ORDER BY seq', [digestId]);
    return rows.map((row) => toItem(row, parsed));
  }

  // ---- sending ----

  /**
   * Claims and returns messages ready to go, oldest first: pending, retry time reached, every
   * earlier part of the digest finished, and not claimed by another live instance, nor of a chat
   * another live instance holds. The chats' other open messages are claimed with them.
   */
  ready(nowIso: string, limit: number, excludeIds: Iterable<number> = []): Promise<ReadyMessage[]> {
    const owner = this.instance.owner;
    const nowMs = Date.parse(nowIso);
    return this.db.atomic(async (tx) => {
      const { rows } = await tx.query<ReadyMessage>(
        `WITH picked AS (
           SELECT o.id FROM outbox o
           WHERE o.status = 'pending'
             AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= $1)
             AND NOT (o.id = ANY($3::bigint[]))
             AND (o.claimed_by IS NULL OR o.claimed_by = $4 OR o.claimed_by NOT IN (${LIVE('$2')}))
             AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.digest_id = o.digest_id AND p.seq < o.seq AND p.status IN ('pending', 'sending'))
             AND NOT EXISTS (
               SELECT 1 FROM outbox c WHERE c.chat_id = o.chat_id AND c.status IN ('pending', 'sending')
                 AND c.claimed_by <> $4 AND c.claimed_by IN (${LIVE('$2')}))
           ORDER BY o.id LIMIT $5
           FOR UPDATE OF o SKIP LOCKED)
         UPDATE outbox SET claimed_by = $4 FROM picked WHERE outbox.id = picked.id
         RETURNING outbox.id, outbox.chat_id AS "chatId"`,
        [nowIso, nowMs, [...excludeIds], owner, limit],
      );
      if (rows.length) {
        await tx.query(
          `UPDATE outbox SET claimed_by = $1
           WHERE chat_id = ANY($2::bigint[]) AND status = 'pending' AND claimed_by IS DISTINCT FROM $1
             AND (claimed_by IS NULL OR claimed_by NOT IN (${LIVE('$3')}))`,
          [owner, [...new Set(rows.map((r) => r.chatId))], nowMs],
        );
      }
      return rows.sort((a, b) => a.id - b.id);
    });
  }

  async nextRetryAt(): Promise<string | null> {
    const { rows } = await this.db.query<{ at: string | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE status = 'pending' AND next_attempt_at IS NOT NULL");
    return rows[0]?.at ?? null;
  }

  async openCount(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')");
    return rows[0]!.n;
  }

  async takeForSending(id: number, now = new Date()): Promise<SendingMessage | undefined> {
    const { rows } = await this.db.query<{ html: string; keyboard: unknown[][]; attempts: number }>(
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = $1, claimed_by = $3
       WHERE id = $2 AND status = 'pending' AND (claimed_by IS NULL OR claimed_by = $3)
       RETURNING html, keyboard, attempts`,
      [now.toISOString(), id, this.instance.owner],
    );
    return rows[0];
  }

  async markSending(id: number, now = new Date()): Promise<boolean> {
    return (await this.takeForSending(id, now)) !== undefined;
  }

  /** Sent, whatever another instance recorded meanwhile (Telegram has it): with its sent_messages row. */
  markSent(id: number, messageId: number, now = new Date()): Promise<void> {
    return this.db.atomic(async (tx) => {
      const at = now.toISOString();
      const { rows } = await tx.query<{ digest_id: number }>(
        `WITH sent AS (
           UPDATE outbox SET status = 'sent', message_id = $1, error = NULL, sent_at = $2, updated_at = $2 WHERE id = $3
           RETURNING chat_id, kind, topic, stories, digest_id),
         recorded AS (
           INSERT INTO sent_messages (chat_id, message_id, kind, topic, stories, created_at, digest_key)
           SELECT chat_id, $1, kind, topic, stories, $2, 'digest:' || digest_id FROM sent
           ON CONFLICT (chat_id, message_id) DO UPDATE SET kind = excluded.kind, topic = excluded.topic, stories = excluded.stories,
             created_at = excluded.created_at, digest_key = excluded.digest_key)
         SELECT digest_id FROM sent`,
        [messageId, at, id],
      );
      await settleDigests(tx, rows.map((r) => r.digest_id), now);
    });
  }

  /** Back to pending for a later try: only a message still 'sending' (never one recorded unknown meanwhile). */
  async reschedule(id: number, nextAttemptAt: Date, error: string, now = new Date(), options: { countAttempt?: boolean } = {}): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET status = 'pending', next_attempt_at = $1, error = $2, updated_at = $3, attempts = attempts - $4
       WHERE id = $5 AND status = 'sending'`,
      [nextAttemptAt.toISOString(), scrubSecrets(error), now.toISOString(), options.countAttempt === false ? 1 : 0, id],
    );
  }

  markFailed(id: number, error: string, now = new Date(), options: { cancelRest?: boolean } = {}): Promise<void> {
    const reason = scrubSecrets(error);
    return this.db.atomic(async (tx) => {
      const at = now.toISOString();
      const { rows } = await tx.query<{ digest_id: number }>("UPDATE outbox SET status = 'failed', error = $1, updated_at = $2 WHERE id = $3 RETURNING digest_id", [reason, at, id]);
      if (options.cancelRest && rows.length) {
        await tx.query("UPDATE outbox SET status = 'cancelled', error = $1, updated_at = $2 WHERE digest_id = $3 AND status = 'pending'", [reason, at, rows[0]!.digest_id]);
      }
      await settleDigests(tx, rows.map((r) => r.digest_id), now);
    });
  }

  markUnknown(id: number, reason: string, now = new Date()): Promise<void> {
    return this.db.atomic(async (tx) => {
      const { rows } = await tx.query<{ digest_id: number }>(
        "UPDATE outbox SET status = 'unknown', error = $1, updated_at = $2 WHERE id = $3 AND status = 'sending' RETURNING digest_id",
        [scrubSecrets(reason), now.toISOString(), id],
      );
      await settleDigests(tx, rows.map((r) => r.digest_id), now);
    });
  }

  async release(id: number, now = new Date()): Promise<void> {
    await this.db.query(
      "UPDATE outbox SET status = 'pending', attempts = greatest(0, attempts - 1), updated_at = $1 WHERE id = $2 AND status = 'sending' AND claimed_by = $3",
      [now.toISOString(), id, this.instance.owner],
    );
  }

  cancelChat(chatId: number, reason: string, now = new Date()): Promise<number> {
    return this.db.atomic(async (tx) => {
      const { rows } = await tx.query<{ digest_id: number }>(
        "UPDATE outbox SET status = 'cancelled', error = $1, updated_at = $2 WHERE chat_id = $3 AND status = 'pending' RETURNING digest_id",
        [scrubSecrets(reason), now.toISOString(), chatId],
      );
      await settleDigests(tx, rows.map((r) => r.digest_id), now);
      return rows.length;
    });
  }

  /**
   * Messages left 'sending' by an instance that is gone (its registration expired, or it never
   * registered: a process that died before its first heartbeat) become 'unknown', never sent
   * again. Every instance runs this at start and then now and then. Returns how many.
   */
  recoverInFlight(now = new Date()): Promise<number> {
    return this.db.atomic(async (tx) => {
      const { rows } = await tx.query<{ digest_id: number }>(
        `UPDATE outbox SET status = 'unknown', error = 'process stopped during the send; not retried', updated_at = $1
         WHERE status = 'sending' AND (claimed_by IS NULL OR (claimed_by <> $3 AND claimed_by NOT IN (${LIVE('$2')})))
         RETURNING digest_id`,
        [now.toISOString(), now.getTime(), this.instance.owner],
      );
      await settleDigests(tx, rows.map((r) => r.digest_id), now);
      return rows.length;
    });
  }

  async counts(options: { localDate?: string } = {}): Promise<DeliveryCounts> {
    const digests: Record<DigestStatus, number> = { pending: 0, sent: 0, failed: 0, unknown: 0, 'skipped-empty': 0 };
    const messages: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, unknown: 0, cancelled: 0 };
    const byDate = options.localDate !== undefined;
    const args = byDate ? [options.localDate] : [];
    const digestRows = await this.db.query<{ status: DigestStatus; n: number }>(
      `SELECT status, count(*) AS n FROM digests ${byDate ? 'WHERE local_date = $1' : ''} GROUP BY status`,
      args,
    );
    for (const row of digestRows.rows) digests[row.status] = row.n;
    const itemRows = await this.db.query<{ status: OutboxStatus; n: number }>(
      `SELECT status, count(*) AS n FROM outbox ${byDate ? 'WHERE digest_id IN (SELECT id FROM digests WHERE local_date = $1)' : ''} GROUP BY status`,
      args,
    );
    for (const row of itemRows.rows) messages[row.status] = row.n;
    return { digests, messages };
  }

  // ---- the scheduler lock (a lease with expiry) ----

  acquireLock(
    input: { name: string; owner: string; host: string; pid: number; expiresAt: number },
    now: Date,
    isStale: (holder: LockHolder) => boolean = () => false,
  ): Promise<{ acquired: boolean; holder: LockHolder }> {
    return this.db.atomic(async (tx) => {
      // Two instances asking at once for a lock nobody holds yet: the second waits here and
      // then finds the first one's row.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('scheduler_locks:' || $1))", [input.name]);
      const current = await lockHolderOf(tx, input.name);
      if (current && current.owner !== input.owner && current.expiresAt > now.getTime() && !isStale(current)) {
        return { acquired: false, holder: current };
      }
      await tx.query(
        `INSERT INTO scheduler_locks (name, owner, host, pid, acquired_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, host = excluded.host, pid = excluded.pid,
           acquired_at = CASE WHEN scheduler_locks.owner = excluded.owner THEN scheduler_locks.acquired_at ELSE excluded.acquired_at END,
           expires_at = excluded.expires_at`,
        [input.name, input.owner, input.host, input.pid, now.toISOString(), input.expiresAt],
      );
      return { acquired: true, holder: (await lockHolderOf(tx, input.name))! };
    });
  }

  async renewLock(name: string, owner: string, expiresAt: number): Promise<boolean> {
    return (await this.db.query('UPDATE scheduler_locks SET expires_at = $1 WHERE name = $2 AND owner = $3', [expiresAt, name, owner])).rowCount > 0;
  }

  async releaseLock(name: string, owner: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM scheduler_locks WHERE name = $1 AND owner = $2', [name, owner])).rowCount > 0;
  }

  lockHolder(name: string): Promise<LockHolder | undefined> {
    return lockHolderOf(this.db, name);
  }
}

async function lockHolderOf(db: PgDb, name: string): Promise<LockHolder | undefined> {
  const { rows } = await db.query<{ name: string; owner: string; host: string; pid: number; acquired_at: string; expires_at: number }>(
    'SELECT * FROM scheduler_locks WHERE name = $1',
    [name],
  );
  const row = rows[0];
  return row ? { name: row.name, owner: row.owner, host: row.host, pid: row.pid, acquiredAt: row.acquired_at, expiresAt: row.expires_at } : undefined;
}

/**
 * A digest's status follows its messages once none is pending or in flight. The digest rows are
 * locked first (in id order): two instances finishing parts of one digest at once settle one
 * after the other, the second seeing the first's change.
 */
async function settleDigests(tx: PgDb, digestIds: number[], now: Date): Promise<void> {
  const ids = [...new Set(digestIds)].sort((a, b) => a - b);
  if (!ids.length) return;
  await tx.query('SELECT id FROM digests WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE', [ids]);
  await tx.query(
    `UPDATE digests d SET
       status = CASE WHEN c.failed > 0 OR c.cancelled > 0 THEN 'failed' WHEN c.unknown > 0 THEN 'unknown' ELSE 'sent' END,
       finished_at = $2,
       error = CASE WHEN c.failed > 0 THEN c.failed_error WHEN c.cancelled > 0 THEN c.cancelled_error END
     FROM (
       SELECT digest_id,
         count(*) FILTER (WHERE status IN ('pending', 'sending')) AS open,
         count(*) FILTER (WHERE status = 'failed') AS failed,
         count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
         count(*) FILTER (WHERE status = 'unknown') AS unknown,
         max(error) FILTER (WHERE status = 'failed') AS failed_error,
         max(error) FILTER (WHERE status = 'cancelled') AS cancelled_error
       FROM outbox WHERE digest_id = ANY($1::bigint[]) GROUP BY digest_id) c
     WHERE d.id = c.digest_id AND d.status = 'pending' AND c.open = 0`,
    [ids, now.toISOString()],
  );
}
