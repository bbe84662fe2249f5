// Articles on PostgreSQL: insertion with deduplication (GUID, canonical URL, exact text,
// near-duplicate fingerprint bands) and its story assignment in one atomic step, and topic search
// over the tsvector column (GIN index) with the same query building and ranking as SQLite.
import type { ContentKeys } from '../../dedup/content-keys.ts';
import { contentKeys } from '../../dedup/content-keys.ts';
import { NEAR_DUPLICATE_SIMILARITY, similarity } from '../../dedup/fingerprint.ts';
import { canonicalUrl } from '../../dedup/url.ts';
import type { Analysis, ArticleDraft, StoredArticle } from '../../model.ts';
import { articleFeatures } from '../../stories/features.ts';
import { outletName } from '../../util/outlet.ts';
import type { ArticleStore, InsertMeta, InsertResult, SearchHit, SearchOptions } from '../api.ts';
import { clampPublished, claimCounts, isFirstParty, rankMatches, storedAnalysisJson, type RankedMatch } from '../article-rules.ts';
import { ARTICLE_COLUMNS, NEW_ARTICLE_COLUMNS, newArticleValues, toArticle as articleOf, type ArticleRow as ContentArticleRow } from '../content-rows.ts';
import { buildFtsQuery, countedTerms, type QueryWord } from '../fts-query.ts';
import type { PgDb } from './db.ts';
import { SEARCH_CONFIG } from './schema-content.ts';
import type { FoundStoryColumns, PgStoryStore } from './stories.ts';

/** JSONB comes back parsed. */
type ArticleRow = ContentArticleRow<unknown>;
const toArticle = (row: ArticleRow): StoredArticle => articleOf(row, (value) => value);


/** PostgreSQL's code for a unique violation: another instance stored the same article meanwhile. */
const UNIQUE_VIOLATION = '23505';

/** ts_rank's weights for labels {D, C, B, A}: a title word (A) weighs 4 times a body word (B), as in SQLite's bm25(4, 1). */
const RANK_WEIGHTS = '{0.1, 0.2, 0.25, 1.0}';

/**
 * A tsquery expression for groups of words: AND of the groups, each an OR of its words. Every
 * word is a bound parameter, turned into a query by plainto_tsquery (or a quoted prefix), so no
 * text a user types is query syntax; a stop word becomes an empty query, which AND and OR skip.
 */
export function tsQuery(groups: QueryWord[][], join: 'and' | 'or', params: unknown[]): string {
  const word = ({ word, prefix }: QueryWord) => {
    params.push(word);
    return prefix
      ? `to_tsquery('${SEARCH_CONFIG}', quote_literal($${params.length}) || ':*')`
      : `plainto_tsquery('${SEARCH_CONFIG}', $${params.length})`;
  };
  const parts = groups.map((g) => (g.length > 1 ? `(${g.map(word).join(' || ')})` : word(g[0]!)));
  return parts.join(join === 'and' ? ' && ' : ' || ');
}

interface Claim {
  id: number;
  sourceId: number | null;
  sourceUrl: string | null;
  counts: boolean;
  incomingFirstParty: boolean;
}

/** A stored article holding a GUID or URL, and its source. */
interface ClaimRow {
  id: number;
  sourceId: number | null;
  sourceUrl: string | null;
}

/** What insertNow's lookup finds (JSON columns come back parsed). */
interface Lookup {
  guid_claim: ClaimRow | null;
  url_claim: ClaimRow | null;
  by_text: number | null;
  source_url: string | null;
  /** Near-duplicate candidates: [id, fingerprint, near_duplicate_of]. */
  near: [number, string, number | null][] | null;
}

/** Whether a stored article's claim on a key makes the incoming item its duplicate (article-rules.ts). */
function claim(row: ClaimRow, key: string, incoming: { sourceId: number | null; sourceUrl: string | null; itemUrl: string | undefined }): Claim {
  return { ...row, counts: claimCounts(row, key, incoming), incomingFirstParty: isFirstParty(key, incoming) };
}

/** The stored original a fingerprint repeats, of the band candidates; `self` (an article being rewritten) and its copies are skipped. */
function nearest(candidates: [number, string, number | null][], signature: string, self?: number): number | undefined {
  let best: { id: number; similarity: number } | undefined;
  for (const [id, fingerprint, nearDuplicateOf] of candidates) {
    if (id === self || nearDuplicateOf === self) continue;
    const s = similarity(fingerprint, signature);
    // Link to the original, not to another copy, so a story's copies form one group.
    if (s >= NEAR_DUPLICATE_SIMILARITY && (!best || s > best.similarity)) best = { id: nearDuplicateOf ?? id, similarity: s };
  }
  return best?.id;
}

/** Memo of articles per index term, exact until an article is added (any process: keyed by the newest id). */
export interface VocabularyMemo {
  maxId: number | null;
  docs: Map<string, number>;
}

export class PgArticleStore implements ArticleStore {
  constructor(
    private readonly db: PgDb,
    /** The story store on a given connection: an insert assigns its story in its own transaction. */
    private readonly storiesOn: (db: PgDb) => PgStoryStore,
    private readonly vocabulary: { memo?: VocabularyMemo } = {},
  ) {}

  async insert(draft: ArticleDraft, meta: InsertMeta = {}): Promise<InsertResult> {
    try {
      return await this.db.atomic((tx) => this.insertNow(tx, draft, meta));
    } catch (error) {
      // Another instance stored the same GUID, URL or text between our checks and our insert:
      // the checks, run again, now see its row and answer 'duplicate'.
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      return this.db.atomic((tx) => this.insertNow(tx, draft, meta));
    }
  }

  /**
   * Three statements in the usual case (savepoint aside): what the draft may repeat (one lookup
   * for GUID, URL, text and near-duplicate candidates), the article with its bands together with
   * the story candidates of its keys, and the story write (pg/stories.ts). On a single server a
   * round trip costs more than any of these statements, so they are folded rather than split.
   */
  private async insertNow(db: PgDb, draft: ArticleDraft, meta: InsertMeta): Promise<InsertResult> {
    let canonical = draft.url ? canonicalUrl(draft.url) : null;
    let guid = draft.guid ?? null;
    const { textHash: hash, signature, bands } = meta.keys ?? contentKeys(draft);
    const sourceId = meta.sourceId ?? null;
    const found = await this.lookup(db, { guid, canonical, hash, sourceId, bands });
    const claimOf = (column: 'guid' | 'canonical_url', value: string | null, row: ClaimRow | null) =>
      value && row ? claim(row, column === 'guid' ? value : (draft.url ?? value), { sourceId, sourceUrl: found.source_url, itemUrl: draft.url }) : undefined;
    const guidClaim = claimOf('guid', guid, found.guid_claim);
    if (guidClaim?.counts) return { status: 'duplicate', id: guidClaim.id, duplicateOf: guidClaim.id, reason: 'guid' };
    const urlClaim = claimOf('canonical_url', canonical, found.url_claim);
    if (urlClaim?.counts) return { status: 'duplicate', id: urlClaim.id, duplicateOf: urlClaim.id, reason: 'url' };
    const byText = found.by_text ?? undefined;
    if (byText !== undefined) return { status: 'duplicate', id: byText, duplicateOf: byText, reason: 'text' };
    // Another source's claim that does not count for this item (and the texts differ): a
    // first-party item takes the key over, any other is stored without it.
    if (guidClaim) guid = (await this.takeOver(db, 'guid', guidClaim)) ? guid : null;
    if (urlClaim) canonical = (await this.takeOver(db, 'canonical_url', urlClaim)) ? canonical : null;
    const ingestedAt = meta.ingestedAt ?? new Date();
    const published = clampPublished(draft.published, ingestedAt);
    const nearDuplicateOf = nearest(found.near ?? [], signature);
    const stories = this.storiesOn(db);
    const time = published ?? ingestedAt.toISOString();
    const story = await stories.prepare({ features: meta.storyFeatures ?? articleFeatures(draft), time, dated: published !== undefined });
    const params = [...newArticleValues(draft, { sourceId, canonical, guid, published, ingestedAt, hash, signature, nearDuplicateOf, analysis: meta.analysis, analysisJson: meta.analysisJson }), bands];
    // The story candidates are read in the same statement: they never depend on the new row
    // (its keys are written with its story), and the statement's snapshot is taken before it.
    const { rows } = await db.query<{ id: number } & FoundStoryColumns>(
      `WITH a AS (
         INSERT INTO articles (${NEW_ARTICLE_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id),
       b AS (INSERT INTO article_bands (key, article_id) SELECT unnest($16::bigint[]), id FROM a)
       SELECT (SELECT id FROM a) AS id, ${stories.foundColumns(params, story.keys, time, nearDuplicateOf ?? null)}`,
      params,
    );
    const id = rows[0]!.id;
    // Every stored article joins a story now, in the same transaction.
    const { storyId } = await stories.assign(
      {
        articleId: id,
        title: draft.title,
        outlet: outletName(draft.outlet, draft.url) ?? null,
        ingestedAt: ingestedAt.toISOString(),
        time,
        dated: published !== undefined,
        features: story.features,
        nearDuplicateOf: nearDuplicateOf ?? null,
        now: ingestedAt,
      },
      story,
      rows[0]!,
    );
    return nearDuplicateOf !== undefined
      ? { status: 'near-duplicate', id, duplicateOf: nearDuplicateOf, reason: 'fingerprint', storyId }
      : { status: 'new', id, storyId };
  }

  /**
   * In one statement, what a draft may repeat: the articles holding its GUID and canonical URL
   * (with their sources), the one with its exact text, the incoming source's URL, and the
   * near-duplicate candidates sharing a fingerprint band.
   */
  private async lookup(
    db: PgDb,
    draft: { guid: string | null; canonical: string | null; hash: string | null; sourceId: number | null; bands: number[] },
  ): Promise<Lookup> {
    const claimRow = (column: 'guid' | 'canonical_url', param: string) =>
      `(SELECT json_build_object('id', a.id, 'sourceId', a.source_id, 'sourceUrl', s.url) FROM articles a LEFT JOIN sources s ON s.id = a.source_id
        WHERE a.${column} = ${param})`;
    const { rows } = await db.query<Lookup>(
      `SELECT ${claimRow('guid', '$1')} AS guid_claim, ${claimRow('canonical_url', '$2')} AS url_claim,
         (SELECT id FROM articles WHERE text_hash = $3) AS by_text,
         (SELECT url FROM sources WHERE id = $4) AS source_url,
         (SELECT json_agg(json_build_array(a.id, a.fingerprint, a.near_duplicate_of)) FROM articles a
          WHERE a.id IN (SELECT article_id FROM article_bands WHERE key = ANY($5::bigint[]) LIMIT 500)) AS near`,
      [draft.guid, draft.canonical, draft.hash, draft.sourceId, draft.bands],
    );
    return rows[0]!;
  }

  private async addBands(db: PgDb, id: number, bands: number[]): Promise<void> {
    if (bands.length) await db.query('INSERT INTO article_bands (key, article_id) SELECT unnest($1::bigint[]), $2', [bands, id]);
  }

  completeText(id: number, draft: ArticleDraft, prepared: { analysis: Analysis; keys: ContentKeys }, ingestedAt: Date = new Date()): Promise<boolean> {
    return this.db.atomic(async (db) => {
      const { textHash, signature, bands } = prepared.keys;
      if ((await db.query('SELECT 1 FROM articles WHERE text_hash = $1 AND id <> $2', [textHash, id])).rowCount) return false;
      const nearDuplicateOf = await this.findNearDuplicate(db, signature, bands, id);
      await db.query(
        `UPDATE articles SET text = $1, subheadings = $2, text_hash = $3, fingerprint = $4, near_duplicate_of = $5, analysis = $6,
           published_at = coalesce(published_at, $7), language = coalesce(language, $8) WHERE id = $9`,
        [
          draft.text,
          draft.subheadings?.length ? JSON.stringify(draft.subheadings) : null,
          textHash,
          signature,
          nearDuplicateOf ?? null,
          storedAnalysisJson(prepared.analysis),
          clampPublished(draft.published, ingestedAt) ?? null,
          draft.language ?? null,
          id,
        ],
      );
      await db.query('DELETE FROM article_bands WHERE article_id = $1', [id]);
      await this.addBands(db, id, bands);
      return true;
    });
  }

  private async findNearDuplicate(db: PgDb, signature: string, bands: number[], self?: number): Promise<number | undefined> {
    if (!bands.length) return undefined;
    const { rows } = await db.query<{ id: number; fingerprint: string; near_duplicate_of: number | null }>(
      `SELECT a.id, a.fingerprint, a.near_duplicate_of FROM articles a
       WHERE a.id IN (SELECT article_id FROM article_bands WHERE key = ANY($1::bigint[]) LIMIT 500)`,
      [bands],
    );
    return nearest(
      rows.map((r) => [r.id, r.fingerprint, r.near_duplicate_of]),
      signature,
      self,
    );
  }

  async isKnown(item: { guid?: string; url?: string }, sourceId: number | null = null): Promise<boolean> {
    return (await this.knownAs(item, sourceId)) !== undefined;
  }

  async knownAs(item: { guid?: string; url?: string }, sourceId: number | null = null): Promise<{ id: number; text: string } | undefined> {
    const canonical = item.url ? canonicalUrl(item.url) : null;
    const found = await this.lookup(this.db, { guid: item.guid ?? null, canonical, hash: null, sourceId, bands: [] });
    const incoming = { sourceId, sourceUrl: found.source_url, itemUrl: item.url };
    const claims = [
      item.guid && found.guid_claim ? claim(found.guid_claim, item.guid, incoming) : undefined,
      canonical && found.url_claim ? claim(found.url_claim, item.url ?? canonical, incoming) : undefined,
    ];
    const id = claims.find((c) => c?.counts)?.id;
    if (id === undefined) return undefined;
    const row = (await this.db.query<{ text: string }>('SELECT text FROM articles WHERE id = $1', [id])).rows[0];
    return row ? { id, text: row.text } : undefined;
  }

  private async takeOver(db: PgDb, column: 'guid' | 'canonical_url', claim: Claim): Promise<boolean> {
    if (!claim.incomingFirstParty) return false;
    await db.query(`UPDATE articles SET ${column} = NULL WHERE id = $1`, [claim.id]);
    return true;
  }

  async get(id: number): Promise<StoredArticle | undefined> {
    const row = (await this.db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id])).rows[0];
    return row ? toArticle(row) : undefined;
  }

  async getMany(ids: number[]): Promise<StoredArticle[]> {
    if (!ids.length) return [];
    const { rows } = await this.db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::bigint[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, toArticle(r)]));
    return ids.map((id) => byId.get(id)).filter((a): a is StoredArticle => a !== undefined);
  }

  async setAnalysis(id: number, analysis: Analysis): Promise<void> {
    await this.db.query('UPDATE articles SET analysis = $1 WHERE id = $2', [storedAnalysisJson(analysis), id]);
  }

  async countIngestedSince(iso: string): Promise<number> {
    return (await this.db.query<{ n: number }>('SELECT count(*) AS n FROM articles WHERE ingested_at >= $1', [iso])).rows[0]!.n;
  }

  async count(): Promise<number> {
    return (await this.db.query<{ n: number }>('SELECT count(*) AS n FROM articles')).rows[0]!.n;
  }

  async recent(options: { since?: string; limit?: number } = {}): Promise<StoredArticle[]> {
    const { rows } = await this.db.query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE coalesce(published_at, ingested_at) >= $1
       ORDER BY coalesce(published_at, ingested_at) DESC LIMIT $2`,
      [options.since ?? '', options.limit ?? 200],
    );
    return rows.map(toArticle);
  }

  /**
   * Topic search: articles with every term first, then those with some; within each, ts_rank
   * relevance (title weighted) blended with recency (article-rules.ts), as on SQLite.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const counts = await this.docCounts(countedTerms(query));
    const built = buildFtsQuery(query, () => counts);
    if (!built) return [];
    const limit = options.limit ?? 20;
    const since = options.since ?? '';
    const fetch = Math.max(limit * 5, 100);
    const matches = async (join: 'and' | 'or'): Promise<RankedMatch[]> => {
      const params: unknown[] = [since, fetch];
      const expression = tsQuery(built.groups, join, params);
      const { rows } = await this.db.query<RankedMatch>(
        `SELECT a.id, ts_rank('${RANK_WEIGHTS}', a.search, q.query) AS relevance, coalesce(a.published_at, a.ingested_at) AS at
         FROM articles a, (SELECT ${expression} AS query) q
         WHERE a.search @@ q.query AND coalesce(a.published_at, a.ingested_at) >= $1
         ORDER BY relevance DESC, a.id DESC LIMIT $2`,
        params,
      );
      return rows;
    };
    const allRows = await matches('and');
    const withAll = new Set(allRows.map((r) => r.id));
    // A partial match ranks under any full match (rankMatches): when the full matches fill the limit, the partial ones cannot make the top.
    const rows = built.terms.length > 1 && allRows.length < limit ? [...allRows, ...(await matches('or')).filter((r) => !withAll.has(r.id))] : allRows;
    const top = rankMatches(rows, withAll, (options.now ?? new Date()).getTime(), limit);
    const articles = new Map((await this.getMany(top.map((t) => t.id))).map((a) => [a.id, a]));
    return top.map((t) => ({ article: articles.get(t.id)!, score: t.score, matchedAll: t.matchedAll }));
  }

  /**
   * How many articles contain each of these index terms (Porter stems, fts-query.ts), with the
   * word as PostgreSQL's own stemmer reads it. Memoised until an article is added.
   *
   * A common word is not counted: counting "trump" reads three articles' tsvectors in four (2-3
   * KB each; seconds on the 100k benchmark store). ANALYZE already keeps the share of articles of
   * the most common lexemes (pg_stats.most_common_elems, refreshed by autovacuum), and that share
   * times the table's rows is a count as good as ranking and the derived-form share need. Any
   * other word (under about 4% of articles there) is counted exactly through the GIN index, as is
   * every word before the first ANALYZE.
   */
  async docCounts(terms: string[]): Promise<Map<string, number>> {
    if (!terms.length) return new Map();
    const maxId = (await this.db.query<{ max: number | null }>('SELECT max(id) AS max FROM articles')).rows[0]!.max;
    let memo = this.vocabulary.memo;
    if (memo?.maxId !== maxId || memo.docs.size > 10_000) memo = this.vocabulary.memo = { maxId, docs: new Map() };
    const docs = memo.docs;
    const unknown = terms.filter((t) => !docs.has(t));
    if (unknown.length) {
      const { rows } = await this.db.query<{ term: string; doc: number }>(
        `WITH common AS (
           SELECT s.most_common_elems::text::text[] AS lexemes, s.most_common_elem_freqs AS shares, c.reltuples AS articles
           FROM pg_stats s JOIN pg_class c ON c.oid = 'articles'::regclass
           WHERE s.schemaname = current_schema() AND s.tablename = 'articles' AND s.attname = 'search' AND c.reltuples > 0),
         terms AS (
           SELECT t.term, plainto_tsquery('${SEARCH_CONFIG}', t.term) AS query, tsvector_to_array(to_tsvector('${SEARCH_CONFIG}', t.term)) AS lexemes
           FROM unnest($1::text[]) AS t(term))
         SELECT t.term, coalesce(
           (SELECT round(c.shares[array_position(c.lexemes, t.lexemes[1])] * c.articles)
            FROM common c WHERE cardinality(t.lexemes) = 1 AND array_position(c.lexemes, t.lexemes[1]) IS NOT NULL),
           (SELECT count(*) FROM articles WHERE search @@ t.query)) AS doc
         FROM terms t`,
        [unknown],
      );
      for (const r of rows) docs.set(r.term, Number(r.doc));
    }
    return new Map(terms.map((t) => [t, docs.get(t) ?? 0]));
  }
}
