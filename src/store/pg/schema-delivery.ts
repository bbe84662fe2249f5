// The delivery tables on PostgreSQL (subscribers, sent messages, digests, outbox, locks): the
// final state of the SQLite schema (src/store/migrations.ts, versions 2, 3, 12, 14, 15) in
// PostgreSQL types, plus what several instances need to share the fan-out (see outbox.ts):
// each outbox row's claim (the instance that holds it) and the delivering instances with the
// expiry of their registration, which is the claims' lease. Times stay ISO-8601 UTC text,
// compared as text as the SQLite code does; lease expiries are ms since the epoch (BIGINT).
// Versions 100 and up (see migrations.ts).
import type { Migration } from './db.ts';

export const deliveryMigrations: Migration[] = [
  {
    version: 100,
    sql: `
      CREATE TABLE subscribers (
        chat_id BIGINT PRIMARY KEY,
        user_id BIGINT,
        first_name TEXT,
        username TEXT,
        active BOOLEAN NOT NULL DEFAULT TRUE,
        digest_time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        last_topic TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        stopped_at TEXT,
        stop_reason TEXT,
        -- /language (NULL: what Telegram reports), what Telegram last reported, /settings'
        -- stories per digest (NULL: the default), what the next text message is for.
        language TEXT,
        client_language TEXT,
        stories_per_digest INTEGER,
        pending_input JSONB
      );
      CREATE INDEX subscribers_active ON subscribers(chat_id) WHERE active;

      CREATE TABLE subscriber_topics (
        chat_id BIGINT NOT NULL REFERENCES subscribers(chat_id) ON DELETE CASCADE,
        topic TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, topic)
      );

      -- What each message the bot sent carried, so that a reply or a button press on it is
      -- answered from the same stories; the messages of one digest share digest_key.
      CREATE TABLE sent_messages (
        chat_id BIGINT NOT NULL,
        message_id BIGINT NOT NULL,
        kind TEXT NOT NULL,
        topic TEXT,
        stories JSONB NOT NULL,
        created_at TEXT NOT NULL,
        digest_key TEXT,
        PRIMARY KEY (chat_id, message_id)
      );
      CREATE INDEX sent_messages_created ON sent_messages(created_at);
      CREATE INDEX sent_messages_digest ON sent_messages(chat_id, digest_key) WHERE digest_key IS NOT NULL;

      -- Daily digests: one row per subscriber and local date, decided (and rendered) before
      -- anything is sent. The unique key makes a second decision for the same day impossible,
      -- whichever instance decides.
      CREATE TABLE digests (
        id BIGSERIAL PRIMARY KEY,
        chat_id BIGINT NOT NULL,
        local_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'unknown', 'skipped-empty')),
        due_at TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        cutoff_at TEXT NOT NULL,
        ingested_after TEXT,
        topic TEXT,
        story_count INTEGER NOT NULL,
        message_count INTEGER NOT NULL,
        finished_at TEXT,
        error TEXT,
        UNIQUE (chat_id, local_date)
      );
      CREATE INDEX digests_chat_cutoff ON digests(chat_id, cutoff_at);
      CREATE INDEX digests_local_date ON digests(local_date);
      CREATE INDEX digests_decided ON digests(decided_at);

      -- The messages of each digest, in order; every delivering instance drains this table.
      -- claimed_by: the instance that may send the row (see delivery_instances).
      CREATE TABLE outbox (
        id BIGSERIAL PRIMARY KEY,
        digest_id BIGINT NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
        chat_id BIGINT NOT NULL,
        seq INTEGER NOT NULL,
        html TEXT NOT NULL,
        keyboard JSONB NOT NULL,
        stories JSONB NOT NULL,
        kind TEXT NOT NULL,
        topic TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        message_id BIGINT,
        error TEXT,
        updated_at TEXT NOT NULL,
        sent_at TEXT,
        claimed_by TEXT,
        UNIQUE (digest_id, seq)
      );
      -- The open rows only: the claim scan and the counts stay small after a fan-out.
      CREATE INDEX outbox_open ON outbox(id) WHERE status IN ('pending', 'sending');
      CREATE INDEX outbox_open_chat ON outbox(chat_id) WHERE status IN ('pending', 'sending');
      CREATE INDEX outbox_status ON outbox(status, next_attempt_at);

      -- The instances that deliver, each renewing its row while it runs: a claim is valid while
      -- its instance's row has not expired. Expired rows are the crashed instances.
      CREATE TABLE delivery_instances (
        owner TEXT PRIMARY KEY,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );

      -- One scheduler (due digests, source polling) at a time: a lease its holder renews.
      CREATE TABLE scheduler_locks (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        acquired_at TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );
    `,
  },
];
