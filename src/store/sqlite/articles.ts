// Articles: insertion with deduplication (GUID, canonical URL, exact text, near-duplicate
// fingerprint), topic search over the FTS5 index, and the stored per-article analysis.
import type { Analysis, ArticleDraft, StoredArticle } from '../../model.ts';
import { contentKeys, type ContentKeys } from '../../dedup/content-keys.ts';
import { NEAR_DUPLICATE_SIMILARITY, similarity } from '../../dedup/fingerprint.ts';
import { canonicalUrl } from '../../dedup/url.ts';
import { articleFeatures } from '../../stories/features.ts';
import { outletName } from '../../util/outlet.ts';
import type { Statement, Transaction } from 'better-sqlite3';
import { placeholders, statementCache, type Db } from './db.ts';
import { buildFtsQuery } from '../fts-query.ts';
import { ARTICLE_COLUMNS, NEW_ARTICLE_COLUMNS, newArticleValues, toArticle as articleOf, type ArticleRow as ContentArticleRow } from '../content-rows.ts';
import { clampPublished, claimCounts, isFirstParty, rankMatches, storedAnalysisJson } from '../article-rules.ts';
import type { InsertMeta, InsertResult, SearchHit, SearchOptions } from '../api.ts';
import type { SqliteStoryStore } from './stories.ts';

/** Stored JSON comes back as text. */
type ArticleRow = ContentArticleRow<string>;
const toArticle = (row: ArticleRow): StoredArticle => articleOf(row, (text) => JSON.parse(text));

interface Claim {
  id: number;
  sourceId: number | null;
  sourceUrl: string | null;
  /** The stored article's claim dedups the incoming item. */
  counts: boolean;
  /** The incoming item comes from the site the key belongs to. */
  incomingFirstParty: boolean;
}


export class SqliteArticleStore {
  /** Prepared once, reused: ingest and search run these for every article and query. */
  private readonly sql: (text: string) => Statement;

  constructor(
    private readonly db: Db,
    private readonly stories: SqliteStoryStore,
  ) {
    this.sql = statementCache(db);
    this.insertTransaction = db.transaction((draft: ArticleDraft, meta: InsertMeta) => this.insertNow(draft, meta));
  }

  /** Stores a draft unless it is already stored; near-duplicates are stored and linked. */
  /** `keys` may come precomputed (by an ingest worker): then only SQL runs here. */
  insert(draft: ArticleDraft, meta: InsertMeta = {}): InsertResult {
    // Inside a batch's transaction this is a savepoint: a failing article leaves the others stored.
    return this.insertTransaction.immediate(draft, meta);
  }

  /** Made once: better-sqlite3 builds several wrapper functions per db.transaction() call. */
  private readonly insertTransaction: Transaction<(draft: ArticleDraft, meta: InsertMeta) => InsertResult>;

  private insertNow(draft: ArticleDraft, meta: InsertMeta): InsertResult {
    let canonical = draft.url ? canonicalUrl(draft.url) : null;
    let guid = draft.guid ?? null;
    const { textHash: hash, signature, bands } = meta.keys ?? contentKeys(draft);
    const sourceId = meta.sourceId ?? null;
    const guidClaim = guid ? this.claim('guid', guid, sourceId, draft.url) : undefined;
    if (guidClaim?.counts) return { status: 'duplicate', id: guidClaim.id, duplicateOf: guidClaim.id, reason: 'guid' };
    const urlClaim = canonical ? this.claim('canonical_url', canonical, sourceId, draft.url) : undefined;
    if (urlClaim?.counts) return { status: 'duplicate', id: urlClaim.id, duplicateOf: urlClaim.id, reason: 'url' };
    const byText = this.sql('SELECT id FROM articles WHERE text_hash = ?').pluck().get(hash) as number | undefined;
    if (byText !== undefined) return { status: 'duplicate', id: byText, duplicateOf: byText, reason: 'text' };
    // Another source's claim on this GUID or URL that does not count for this item (and the
    // texts differ): a first-party item takes the key over, any other is stored without it.
    if (guidClaim) guid = this.takeOver('guid', guidClaim) ? guid : null;
    if (urlClaim) canonical = this.takeOver('canonical_url', urlClaim) ? canonical : null;
    const ingestedAt = meta.ingestedAt ?? new Date();
    const published = clampPublished(draft.published, ingestedAt);

    const nearDuplicateOf = this.findNearDuplicate(signature, bands);
    const values = newArticleValues(draft, { sourceId, canonical, guid, published, ingestedAt, hash, signature, nearDuplicateOf, analysis: meta.analysis, analysisJson: meta.analysisJson });
    const info = this.sql(`INSERT INTO articles (${NEW_ARTICLE_COLUMNS}) VALUES (${placeholders(values.length, '?')})`).run(values);
    const id = Number(info.lastInsertRowid);
    // All band rows in one statement (one call into SQLite instead of one per band).
    if (bands.length) this.sql(`INSERT INTO article_bands (key, article_id) VALUES ${placeholders(bands.length, '(?, ?)')}`).run(bands.flatMap((key) => [key, id]));
    // Every stored article joins a story now, in the same transaction (stories.ts).
    const { storyId } = this.stories.assign({
      articleId: id,
      title: draft.title,
      outlet: outletName(draft.outlet, draft.url) ?? null,
      ingestedAt: ingestedAt.toISOString(),
      time: published ?? ingestedAt.toISOString(),
      dated: published !== undefined,
      features: meta.storyFeatures ?? articleFeatures(draft),
      nearDuplicateOf: nearDuplicateOf ?? null,
      now: ingestedAt,
    });
    return nearDuplicateOf !== undefined
      ? { status: 'near-duplicate', id, duplicateOf: nearDuplicateOf, reason: 'fingerprint', storyId }
      : { status: 'new', id, storyId };
  }

  /**
   * Replaces a stored teaser's text with its full article (fetched on a later poll), with the
   * new analysis and keys; published time and language only fill gaps. False, and nothing
   * changed, when another article already has that text.
   */
  completeText(id: number, draft: ArticleDraft, prepared: { analysis: Analysis; keys: ContentKeys }, ingestedAt: Date = new Date()): boolean {
    return this.db.transaction(() => {
      const { textHash, signature, bands } = prepared.keys;
      if (this.sql('SELECT 1 FROM articles WHERE text_hash = ? AND id <> ?').get(textHash, id)) return false;
      const nearDuplicateOf = this.findNearDuplicate(signature, bands, id);
      this.sql(
        `UPDATE articles SET text = ?, subheadings = ?, text_hash = ?, fingerprint = ?, near_duplicate_of = ?, analysis = ?,
           published_at = coalesce(published_at, ?), language = coalesce(language, ?) WHERE id = ?`,
      ).run(
        draft.text,
        draft.subheadings?.length ? JSON.stringify(draft.subheadings) : null,
        textHash,
        signature,
        nearDuplicateOf ?? null,
        storedAnalysisJson(prepared.analysis),
        clampPublished(draft.published, ingestedAt) ?? null,
        draft.language ?? null,
        id,
      );
      this.sql('DELETE FROM article_bands WHERE article_id = ?').run(id);
      if (bands.length) this.sql(`INSERT INTO article_bands (key, article_id) VALUES ${placeholders(bands.length, '(?, ?)')}`).run(bands.flatMap((key) => [key, id]));
      return true;
    }).immediate();
  }

  private findNearDuplicate(signature: string, bands: number[], self?: number): number | undefined {
    if (!bands.length) return undefined;
    const candidates = this.sql(
        `SELECT a.id, a.fingerprint, a.near_duplicate_of FROM articles a
         WHERE a.id IN (SELECT article_id FROM article_bands WHERE key IN (${placeholders(bands.length, '?')}) LIMIT 500)`,
      )
      .all(bands) as { id: number; fingerprint: string; near_duplicate_of: number | null }[];
    let best: { id: number; similarity: number } | undefined;
    for (const c of candidates) {
      if (c.id === self || c.near_duplicate_of === self) continue;
      const s = similarity(c.fingerprint, signature);
      // Link to the original, not to another copy, so a story's copies form one group.
      if (s >= NEAR_DUPLICATE_SIMILARITY && (!best || s > best.similarity)) best = { id: c.near_duplicate_of ?? c.id, similarity: s };
    }
    return best?.id;
  }

  /**
   * Whether an item is already stored under this GUID or URL as far as `sourceId` is concerned
   * (saves fetching its page again): see claimCounts.
   */
  isKnown(item: { guid?: string; url?: string }, sourceId: number | null = null): boolean {
    return this.knownAs(item, sourceId) !== undefined;
  }

  /** The stored article this item is (by GUID or URL, see claimCounts), with its text. */
  knownAs(item: { guid?: string; url?: string }, sourceId: number | null = null): { id: number; text: string } | undefined {
    const claims = [item.guid ? this.claim('guid', item.guid, sourceId, item.url) : undefined];
    const canonical = item.url ? canonicalUrl(item.url) : null;
    if (canonical) claims.push(this.claim('canonical_url', canonical, sourceId, item.url));
    const id = claims.find((c) => c?.counts)?.id;
    if (id === undefined) return undefined;
    return { id, text: this.sql('SELECT text FROM articles WHERE id = ?').pluck().get(id) as string };
  }

  /** The article holding a GUID or canonical URL, and whether its claim counts for an item of `sourceId`. */
  private claim(column: 'guid' | 'canonical_url', value: string, sourceId: number | null, itemUrl: string | undefined): Claim | undefined {
    const row = this.sql(
      `SELECT a.id, a.source_id AS sourceId, s.url AS sourceUrl FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.${column} = ?`,
    ).get(value) as { id: number; sourceId: number | null; sourceUrl: string | null } | undefined;
    if (!row) return undefined;
    const incomingSourceUrl = sourceId === null ? null : ((this.sql('SELECT url FROM sources WHERE id = ?').pluck().get(sourceId) as string | undefined) ?? null);
    const key = column === 'guid' ? value : (itemUrl ?? value);
    const incoming = { sourceId, sourceUrl: incomingSourceUrl, itemUrl };
    return { ...row, counts: claimCounts(row, key, incoming), incomingFirstParty: isFirstParty(key, incoming) };
  }

  /** Moves a key from another source's article to the one being stored, when the new one is first-party; false when it stays. */
  private takeOver(column: 'guid' | 'canonical_url', claim: Claim): boolean {
    if (!claim.incomingFirstParty) return false;
    this.sql(`UPDATE articles SET ${column} = NULL WHERE id = ?`).run(claim.id);
    return true;
  }

  get(id: number): StoredArticle | undefined {
    const row = this.sql(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRow | undefined;
    return row ? toArticle(row) : undefined;
  }

  getMany(ids: number[]): StoredArticle[] {
    if (!ids.length) return [];
    const rows = this.sql(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ArticleRow[];
    const byId = new Map(rows.map((r) => [r.id, toArticle(r)]));
    return ids.map((id) => byId.get(id)).filter((a): a is StoredArticle => a !== undefined);
  }

  setAnalysis(id: number, analysis: Analysis): void {
    this.sql('UPDATE articles SET analysis = ? WHERE id = ?').run(storedAnalysisJson(analysis), id);
  }

  /** Articles ingested at or after a time. */
  countIngestedSince(iso: string): number {
    return this.sql('SELECT count(*) FROM articles WHERE ingested_at >= ?').pluck().get(iso) as number;
  }

  count(): number {
    return this.sql('SELECT count(*) FROM articles').pluck().get() as number;
  }

  /** Articles published (or ingested, when the date is unknown) since a time, newest first. */
  recent(options: { since?: string; limit?: number } = {}): StoredArticle[] {
    const rows = this.sql(
        `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE coalesce(published_at, ingested_at) >= ?
         ORDER BY coalesce(published_at, ingested_at) DESC LIMIT ?`,
      )
      .all(options.since ?? '', options.limit ?? 200) as ArticleRow[];
    return rows.map(toArticle);
  }

  /**
   * Topic search: articles with every term first, then those with some; within each,
   * FTS5 bm25 relevance (title weighted) blended with recency.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const fts = buildFtsQuery(query, (terms) => this.docCounts(terms));
    if (!fts) return [];
    const limit = options.limit ?? 20;
    const since = options.since ?? '';
    const now = (options.now ?? new Date()).getTime();
    // The window's id range (ids grow with ingest time, so it is narrow for a recent window):
    // FTS5 then walks only the matches in that range instead of every match in the archive.
    // Only a speed-up: the time filter below still decides, so the rows are the same.
    // Bound as BigInt: FTS5 ignores a rowid limit given as a REAL, which a JS number binds as.
    let range = { lo: BigInt(Number.MIN_SAFE_INTEGER), hi: BigInt(Number.MAX_SAFE_INTEGER) };
    if (since) {
      const window = this.sql('SELECT min(id) AS lo, max(id) AS hi FROM articles WHERE coalesce(published_at, ingested_at) >= ?').get(since) as { lo: number | null; hi: number | null };
      if (window.lo === null || window.hi === null) return [];
      range = { lo: BigInt(window.lo), hi: BigInt(window.hi) };
    }
    const candidates = (expression: string) =>
      this.sql(
        `SELECT a.id AS id, bm25(articles_fts, 4.0, 1.0) AS rank, coalesce(a.published_at, a.ingested_at) AS at
         FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
         WHERE articles_fts MATCH ? AND articles_fts.rowid BETWEEN ? AND ? AND coalesce(a.published_at, a.ingested_at) >= ?
         ORDER BY rank LIMIT ?`,
      ).all(expression, range.lo, range.hi, since, Math.max(limit * 5, 100)) as { id: number; rank: number; at: string }[];

    const allRows = candidates(fts.all);
    const withAll = new Set(allRows.map((r) => r.id));
    // A partial match ranks under any full match (rankMatches): when the full matches fill the
    // limit, the partial ones cannot make the top and are not looked up.
    const rows = fts.terms.length > 1 && allRows.length < limit ? [...allRows, ...candidates(fts.any).filter((r) => !withAll.has(r.id))] : allRows;
    // bm25 is negative (lower is better).
    const top = rankMatches(rows.map((r) => ({ id: r.id, relevance: -r.rank, at: r.at })), withAll, now, limit);
    const articles = new Map(this.getMany(top.map((t) => t.id)).map((a) => [a.id, a]));
    return top.map((t) => ({ article: articles.get(t.id)!, score: t.score, matchedAll: t.matchedAll }));
  }

  /** Articles per index term (see fts-query.ts); exact until an article is added. */
  private vocabulary: { maxId: number | null; docs: Map<string, number> } | undefined;

  /** How many articles contain each of these index terms, from the FTS vocabulary (also used by passages.ts). */
  docCounts(terms: string[]): Map<string, number> {
    const maxId = this.sql('SELECT max(id) FROM articles').pluck().get() as number | null;
    if (!this.vocabulary) this.db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_vocab USING fts5vocab(main, articles_fts, row)');
    // New articles can bring new words; a lookup reads the term's whole doclist, hence the memo.
    if (this.vocabulary?.maxId !== maxId || this.vocabulary.docs.size > 10_000) this.vocabulary = { maxId, docs: new Map() };
    const docs = this.vocabulary.docs;
    const unknown = terms.filter((t) => !docs.has(t));
    if (unknown.length) {
      const rows = this.sql('SELECT term, doc FROM temp.articles_fts_vocab WHERE term IN (SELECT value FROM json_each(?))').all(JSON.stringify(unknown)) as { term: string; doc: number }[];
      for (const t of unknown) docs.set(t, 0);
      for (const r of rows) docs.set(r.term, r.doc);
    }
    return new Map(terms.map((t) => [t, docs.get(t)!]));
  }
}
