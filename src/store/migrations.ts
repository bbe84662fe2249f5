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
];
