// The content tables on PostgreSQL: the final state of the SQLite schema (src/store/migrations.ts)
// for sources, articles and their search, near-duplicate bands, LLM results and stories, in
// PostgreSQL types. Times stay ISO-8601 UTC text, compared as text exactly as the SQLite code does;
// flags are BOOLEAN; stored JSON is JSONB. Time columns collate as "C": compared byte by byte like
// SQLite's text, whatever the database's collation (an en_US one ignores punctuation). Content versions are 1-99 (delivery: 100 and up).
import type { Migration } from './db.ts';

/**
 * The text search configuration of the index and of every query: PostgreSQL's English (Snowball)
 * stemmer without its stop-word list, as SQLite's porter tokenizer indexes every word: with the
 * stock 'english' configuration "again", "only" or "further" could never be found.
 */
export const SEARCH_CONFIG = 'news_english';

export const contentMigrations: Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE sources (
        id BIGSERIAL PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'feed' CHECK (kind IN ('feed', 'page')),
        language TEXT,
        enabled BOOLEAN NOT NULL DEFAULT TRUE,
        removed BOOLEAN NOT NULL DEFAULT FALSE,
        etag TEXT,
        last_modified TEXT,
        last_attempt_at TEXT COLLATE "C",
        last_success_at TEXT COLLATE "C",
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT COLLATE "C",
        last_error TEXT,
        created_at TEXT COLLATE "C" NOT NULL
      );

      CREATE TEXT SEARCH DICTIONARY news_english_stem (TEMPLATE = snowball, LANGUAGE = english);
      CREATE TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG} (COPY = english);
      ALTER TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG} ALTER MAPPING REPLACE english_stem WITH news_english_stem;

      CREATE TABLE articles (
        id BIGSERIAL PRIMARY KEY,
        source_id BIGINT REFERENCES sources(id) ON DELETE SET NULL,
        url TEXT,
        canonical_url TEXT UNIQUE,
        guid TEXT,
        outlet TEXT,
        title TEXT NOT NULL,
        published_at TEXT COLLATE "C",
        ingested_at TEXT COLLATE "C" NOT NULL,
        language TEXT,
        text TEXT NOT NULL,
        subheadings JSONB,
        text_hash TEXT NOT NULL UNIQUE,
        fingerprint TEXT NOT NULL,
        near_duplicate_of BIGINT REFERENCES articles(id) ON DELETE SET NULL,
        -- The analysis without its sentences (the text holds them).
        analysis JSONB,
        -- Topic search (src/store/pg/articles.ts): title words weigh A, body words B.
        search TSVECTOR GENERATED ALWAYS AS (
          setweight(to_tsvector('${SEARCH_CONFIG}', title), 'A') || setweight(to_tsvector('${SEARCH_CONFIG}', text), 'B')
        ) STORED
      );
      CREATE UNIQUE INDEX articles_guid ON articles(guid) WHERE guid IS NOT NULL;
      CREATE INDEX articles_published ON articles((coalesce(published_at, ingested_at)));
      CREATE INDEX articles_ingested ON articles(ingested_at);
      CREATE INDEX articles_near_duplicate ON articles(near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;
      CREATE INDEX articles_search ON articles USING GIN (search);

      -- MinHash LSH band keys, for finding near-duplicate candidates without a full scan.
      CREATE TABLE article_bands (
        key BIGINT NOT NULL,
        article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
      );
      CREATE INDEX article_bands_key ON article_bands(key);
      CREATE INDEX article_bands_article ON article_bands(article_id);

      -- LLM results by a hash of what was sent (src/store/llm-cache.ts).
      CREATE TABLE llm_cache (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        model TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'invalid')),
        value JSONB,
        tokens INTEGER NOT NULL DEFAULT 0,
        created_at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX llm_cache_created ON llm_cache(created_at);

      -- Stories (src/store/stories.ts): a merged story keeps its row with merged_into set.
      CREATE TABLE stories (
        id BIGSERIAL PRIMARY KEY,
        title TEXT NOT NULL,
        title_article_id BIGINT,
        first_at TEXT COLLATE "C" NOT NULL,
        last_at TEXT COLLATE "C" NOT NULL,
        article_count INTEGER NOT NULL,
        outlet_count INTEGER NOT NULL,
        dated BOOLEAN NOT NULL,
        profile JSONB NOT NULL,
        merged_into BIGINT REFERENCES stories(id),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT COLLATE "C" NOT NULL,
        updated_at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX stories_last ON stories(last_at) WHERE merged_into IS NULL;
      -- A merge re-points the stories already merged into the one that goes.
      CREATE INDEX stories_merged_into ON stories(merged_into) WHERE merged_into IS NOT NULL;

      CREATE TABLE story_articles (
        article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id BIGINT NOT NULL REFERENCES stories(id),
        -- Member time and ingest time, ms since the epoch.
        at BIGINT NOT NULL,
        ingested BIGINT NOT NULL,
        outlet TEXT,
        joined_at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX story_articles_story ON story_articles(story_id, at);

      CREATE TABLE article_keys (
        key TEXT NOT NULL,
        at BIGINT NOT NULL,
        article_id BIGINT NOT NULL,
        PRIMARY KEY (key, at, article_id)
      );
      CREATE INDEX article_keys_article ON article_keys(article_id);

      CREATE TABLE story_statistics (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        documents INTEGER NOT NULL,
        frequencies JSONB NOT NULL
      );

      CREATE TABLE story_term_days (
        day INTEGER PRIMARY KEY,
        documents INTEGER NOT NULL,
        frequencies JSONB NOT NULL
      );

      CREATE TABLE story_changes (
        id BIGSERIAL PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
        story_id BIGINT NOT NULL,
        other_id BIGINT NOT NULL,
        articles INTEGER NOT NULL,
        at TEXT NOT NULL
      );

      -- What each daily digest carried, story by story, stored once per distinct content.
      CREATE TABLE digest_story_contents (
        content_key TEXT NOT NULL,
        story_id BIGINT NOT NULL,
        article_ids JSONB NOT NULL,
        PRIMARY KEY (content_key, story_id)
      );
      -- No foreign key to digests: that table is a delivery migration, applied after this one.
      -- Retention deletes a digest's row here with the digest (src/store/pg/retention.ts).
      CREATE TABLE digest_story_sets (
        digest_id BIGINT PRIMARY KEY,
        content_key TEXT NOT NULL
      );
    `,
  },
];
