// Candidate articles for follow-up answers, from the FTS5 index: the articles whose words can
// hold an answer, best first by FTS5's BM25 (title weighted), with wire copies (near-duplicates)
// folded into one. src/qa/ splits them into sentence passages and ranks those.
import type { Statement } from 'better-sqlite3';
import type { SqliteArticleStore } from './articles.ts';
import { statementCache, type Db } from './db.ts';
import type { CandidateOptions, PassageQuery } from '../api.ts';
import { indexTerm } from '../fts-query.ts';

/** Groups in the broad (any-word) query: the rarest ones, which bound its cost at any archive size. */
const BROAD_GROUPS = 6;
/** Rows fetched per query for each article returned: copies of one story fold into one. */
const FETCH_FACTOR = 3;

function phrase(word: string): string | null {
  // Only letters and digits reach FTS5, quoted: nothing a user types can be query syntax.
  const clean = word.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return clean ? `"${clean}"` : null;
}

function groupExpression(group: string[]): string | null {
  const phrases = [...new Set(group.map(phrase).filter((p): p is string => p !== null))];
  if (!phrases.length) return null;
  return phrases.length > 1 ? `(${phrases.join(' OR ')})` : phrases[0]!;
}

export class SqlitePassageStore {
  private readonly sql: (text: string) => Statement;

  constructor(
    db: Db,
    private readonly articles: SqliteArticleStore,
  ) {
    this.sql = statementCache(db);
  }

  articleCount(): number {
    return this.articles.count();
  }

  /** How many articles contain each word (by the index term FTS5 stores for it). */
  documentCounts(words: string[]): Map<string, number> {
    const terms = new Map(words.map((w) => [w, indexTerm(w)]));
    const counts = this.articles.docCounts([...new Set(terms.values())]);
    return new Map(words.map((w) => [w, counts.get(terms.get(w)!) ?? 0]));
  }

  /**
   * Article ids best first: those with every group, then those with the required groups (the
   * question's names) and any other, then those with any of the rarest groups. Copies of one
   * story (near-duplicates) count once, as the best-ranked copy.
   */
  candidates(query: PassageQuery, options: CandidateOptions): number[] {
    const expressions = query.groups.map(groupExpression);
    const usable = expressions.map((e, i) => ({ e, i })).filter((x): x is { e: string; i: number } => x.e !== null);
    if (!usable.length) return [];
    const range = this.idRange(options);
    if (!range) return [];
    const queries: string[] = [];
    if (usable.length > 1) queries.push(usable.map((x) => x.e).join(' AND '));
    const widened = query.widened?.map(groupExpression) ?? [];
    if (usable.length > 1 && widened.length === expressions.length) queries.push(usable.map((x) => widened[x.i] ?? x.e).join(' AND '));
    const required = usable.filter((x) => query.required.includes(x.i));
    if (required.length && required.length < usable.length) {
      const others = usable.filter((x) => !query.required.includes(x.i));
      queries.push(`${required.map((x) => x.e).join(' AND ')} AND (${others.map((x) => x.e).join(' OR ')})`);
    }
    if (required.length) queries.push(required.map((x) => x.e).join(' AND '));
    const broad = query.broad ? usable.filter((x) => query.broad!.includes(x.i)) : usable;
    if (broad.length) queries.push(broad.slice(0, BROAD_GROUPS).map((x) => x.e).join(' OR '));

    const seen = new Set<number>();
    const ids: number[] = [];
    for (const expression of [...new Set(queries)]) {
      // The index alone, best first: joining each match to its article row before the sort costs
      // more than the sort. The time condition and the copies are checked on the rows kept.
      const matches = this.sql(
          `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?
           ORDER BY bm25(articles_fts, 2.0, 1.0) LIMIT ?`,
        )
        .pluck()
        .all(expression, range.lo, range.hi, options.limit * FETCH_FACTOR) as number[];
      const rows = this.sql(
          `SELECT id, coalesce(near_duplicate_of, id) AS original FROM articles
           WHERE id IN (SELECT value FROM json_each(?)) AND coalesce(published_at, ingested_at) >= ? AND coalesce(published_at, ingested_at) < ?`,
        )
        .all(JSON.stringify(matches), options.since ?? '', options.before ?? '\uffff') as { id: number; original: number }[];
      const original = new Map(rows.map((r) => [r.id, r.original]));
      for (const id of matches) {
        const story = original.get(id);
        if (story === undefined || seen.has(story)) continue;
        seen.add(story);
        ids.push(id);
        if (ids.length >= options.limit) return ids;
      }
    }
    return ids;
  }

  /**
   * The id range of a window: ids grow with ingest time, so FTS5 walks only the matches in that
   * range (a speed-up only; the time condition still decides). Bound as BigInt: FTS5 ignores a
   * rowid limit bound as a REAL. null when the window holds no article.
   */
  private idRange(options: CandidateOptions): { lo: bigint; hi: bigint } | null {
    if (!options.since) return { lo: BigInt(Number.MIN_SAFE_INTEGER), hi: BigInt(Number.MAX_SAFE_INTEGER) };
    const window = this.sql('SELECT min(id) AS lo, max(id) AS hi FROM articles WHERE coalesce(published_at, ingested_at) >= ?').get(options.since) as { lo: number | null; hi: number | null };
    if (window.lo === null || window.hi === null) return null;
    return { lo: BigInt(window.lo), hi: BigInt(window.hi) };
  }
}
