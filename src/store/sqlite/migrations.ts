// Versioned schema changes, applied in order at start. Never edit a released migration:
// add a new one.
export interface Migration {
  version: number;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'feed' CHECK (kind IN ('feed', 'page')),
        language TEXT,
        enabled INTEGER NOT NULL DEFAULT 1,
        removed INTEGER NOT NULL DEFAULT 0,
        etag TEXT,
        last_modified TEXT,
        last_attempt_at TEXT,
        last_success_at TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL
      );

      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
        url TEXT,
        canonical_url TEXT UNIQUE,
        guid TEXT,
        outlet TEXT,
        title TEXT NOT NULL,
        published_at TEXT,
        ingested_at TEXT NOT NULL,
        language TEXT,
        text TEXT NOT NULL,
        subheadings TEXT,
        text_hash TEXT NOT NULL UNIQUE,
        fingerprint TEXT NOT NULL,
        near_duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        analysis TEXT
      );
      CREATE UNIQUE INDEX articles_guid ON articles(guid) WHERE guid IS NOT NULL;
      CREATE INDEX articles_published ON articles(coalesce(published_at, ingested_at));
      CREATE INDEX articles_ingested ON articles(ingested_at);

      -- MinHash LSH band keys, for finding near-duplicate candidates without a full scan.
      CREATE TABLE article_bands (
        key INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
      );
      CREATE INDEX article_bands_key ON article_bands(key);

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content = 'articles', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE subscribers (
        chat_id INTEGER PRIMARY KEY,
        user_id INTEGER,
        first_name TEXT,
        username TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        digest_time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        last_topic TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        stopped_at TEXT,
        stop_reason TEXT
      );
      CREATE INDEX subscribers_active ON subscribers(active);

      CREATE TABLE subscriber_topics (
        chat_id INTEGER NOT NULL REFERENCES subscribers(chat_id) ON DELETE CASCADE,
        topic TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, topic)
      );

      -- What each message the bot sent carried, so that a reply or a button press on it
      -- is answered from the same stories.
      CREATE TABLE sent_messages (
        chat_id INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        topic TEXT,
        stories TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, message_id)
      );
      CREATE INDEX sent_messages_created ON sent_messages(created_at);
    `,
  },
  {
    version: 3,
    sql: `
      -- Daily digests: one row per subscriber and local date, decided (and rendered) before
      -- anything is sent. The unique key makes a second decision for the same day impossible.
      CREATE TABLE digests (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'unknown', 'skipped-empty')),
        due_at TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        -- "new since the last digest" is measured from this instant (the decision time).
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

      -- The messages of each digest, in order; the sender drains this table.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        html TEXT NOT NULL,
        keyboard TEXT NOT NULL,
        stories TEXT NOT NULL,
        kind TEXT NOT NULL,
        topic TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        message_id INTEGER,
        error TEXT,
        updated_at TEXT NOT NULL,
        sent_at TEXT,
        UNIQUE (digest_id, seq)
      );
      CREATE INDEX outbox_status ON outbox(status, next_attempt_at);

      -- One scheduler per database: a lease that its holder renews while it runs.
      CREATE TABLE scheduler_locks (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        acquired_at TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 10,
    sql: `
      -- LLM results by a hash of what was sent (src/store/llm-cache.ts).
      CREATE TABLE llm_cache (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        model TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'invalid')),
        value TEXT,
        tokens INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE INDEX llm_cache_created ON llm_cache(created_at);
    `,
  },
  {
    version: 11,
    sql: `
      -- Stories (src/store/stories.ts): every article is assigned to one at ingest. A merged
      -- story keeps its row with merged_into set, so that its old id still leads somewhere.
      CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        title_article_id INTEGER,
        -- Earliest and latest member time (published, else ingested), ISO UTC.
        first_at TEXT NOT NULL,
        last_at TEXT NOT NULL,
        article_count INTEGER NOT NULL,
        -- Outlets that covered it (the profile keeps their names).
        outlet_count INTEGER NOT NULL,
        -- 1 while every member has a published time.
        dated INTEGER NOT NULL,
        -- JSON: term and name centroids, the headline article's term vector, the outlets.
        profile TEXT NOT NULL,
        merged_into INTEGER REFERENCES stories(id),
        -- Bumped on every change: a process keeps parsed profiles while their version holds.
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX stories_last ON stories(last_at) WHERE merged_into IS NULL;

      -- With each member's time, ingest time (ms) and outlet: a story's newest members, outlets
      -- and news since a digest are read here, without touching the (large) article rows.
      CREATE TABLE story_articles (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        at INTEGER NOT NULL,
        ingested INTEGER NOT NULL,
        outlet TEXT,
        joined_at TEXT NOT NULL
      );
      CREATE INDEX story_articles_story ON story_articles(story_id, at);

      -- The specific terms and names of each article, with its time: a new article's candidate
      -- stories are those of the articles near it in time that share its keys.
      CREATE TABLE article_keys (
        key TEXT NOT NULL,
        -- The article's time, ms since the epoch.
        at INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (key, at, article_id)
      ) WITHOUT ROWID;
      -- Retention deletes an article's keys with it.
      CREATE INDEX article_keys_article ON article_keys(article_id);

      -- Document frequencies for the IDF weights: one JSON object of counts, merged with each
      -- process's new counts every thousand articles and when the store closes.
      CREATE TABLE story_statistics (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        documents INTEGER NOT NULL,
        frequencies TEXT NOT NULL
      );

      -- Term document frequencies per day (UTC, days since the epoch): how much a term bursts in
      -- the days around an article (src/stories/vectors.ts), written with story_statistics.
      CREATE TABLE story_term_days (
        day INTEGER PRIMARY KEY,
        documents INTEGER NOT NULL,
        frequencies TEXT NOT NULL
      );

      -- Merges and splits, as they happened.
      CREATE TABLE story_changes (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
        story_id INTEGER NOT NULL,
        other_id INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        at TEXT NOT NULL
      );

      -- What each daily digest carried, story by story: contents shared by the subscribers who
      -- got the same digest are stored once, under a hash.
      CREATE TABLE digest_story_contents (
        content_key TEXT NOT NULL,
        story_id INTEGER NOT NULL,
        article_ids TEXT NOT NULL,
        PRIMARY KEY (content_key, story_id)
      ) WITHOUT ROWID;
      CREATE TABLE digest_story_sets (
        digest_id INTEGER PRIMARY KEY REFERENCES digests(id) ON DELETE CASCADE,
        content_key TEXT NOT NULL
      );
    `,
  },
  {
    version: 12,
    sql: `
      -- Retention (src/store/retention.ts) deletes old articles: without these, each deleted
      -- article would scan every band row (ON DELETE CASCADE) and every article (SET NULL).
      CREATE INDEX IF NOT EXISTS article_bands_article ON article_bands(article_id);
      CREATE INDEX IF NOT EXISTS articles_near_duplicate ON articles(near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;
      CREATE INDEX IF NOT EXISTS digests_decided ON digests(decided_at);
    `,
  },
  {
    version: 14,
    sql: `
      -- The messages of one digest (split in several when long) share a key, so that a reply to
      -- any of them is answered from all the digest's stories.
      ALTER TABLE sent_messages ADD COLUMN digest_key TEXT;
      CREATE INDEX sent_messages_digest ON sent_messages(chat_id, digest_key) WHERE digest_key IS NOT NULL;
    `,
  },
  {
    version: 15,
    sql: `
      -- Per-subscriber settings of the bot's /settings and /language (src/app/subscriptions.ts):
      -- the language chosen with /language (NULL: the one Telegram reports), the language Telegram
      -- last reported (for daily digests, sent without an update to read it from), stories per
      -- digest (NULL: the default), and what the next text message is for ("add topic", "type a
      -- time zone"): kept here, not in memory, so a restart between the press and the message loses nothing.
      ALTER TABLE subscribers ADD COLUMN language TEXT;
      ALTER TABLE subscribers ADD COLUMN client_language TEXT;
      ALTER TABLE subscribers ADD COLUMN stories_per_digest INTEGER;
      ALTER TABLE subscribers ADD COLUMN pending_input TEXT;
    `,
  },
];
