// Candidate articles for follow-up answers on PostgreSQL, from the tsvector index: the articles
// whose words can hold an answer, best first by ts_rank (title weighted), with wire copies
// (near-duplicates) folded into one. src/qa/ splits them into sentence passages and ranks those.
import type { CandidateOptions, PassageQuery, PassageStore } from '../api.ts';
import type { QueryWord } from '../fts-query.ts';
import type { PgArticleStore } from './articles.ts';
import { tsQuery } from './articles.ts';
import type { PgDb } from './db.ts';

/** Groups in the broad (any-word) query: the rarest ones, which bound its cost at any archive size. */
const BROAD_GROUPS = 6;
/** ts_rank's weights for labels {D, C, B, A}: a title word counts twice a body word, as SQLite's bm25(2, 1) here. */
const RANK_WEIGHTS = '{0.1, 0.2, 0.5, 1.0}';
/**
 * Articles one candidate query ranks at most. ts_rank reads each match's whole tsvector (2-3 KB
 * an article) and PostgreSQL ranks every match before it sorts, unlike FTS5's posting lists: a
 * query with a common word ("trump" is in three articles in four of the 100k benchmark store)
 * took seconds. So an any-word set keeps its rarest groups while their matches fit (rare words
 * decide the order anyway, as IDF does on SQLite), and a query whose matches still exceed this
 * ranks its most recent matches only.
 */
const RANK_POOL = 5_000;

/** The words of a group as plain (stemmed, never prefix) query words; only letters and digits reach the query. */
function queryWords(group: string[]): QueryWord[] | null {
  const words = [...new Set(group.map((w) => w.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')).filter(Boolean))];
  return words.length ? words.map((word) => ({ word, prefix: false })) : null;
}

/** One candidate query: groups that must all match, and optionally a set of which any must also match. */
interface Shape {
  all: QueryWord[][];
  any?: QueryWord[][];
}

export class PgPassageStore implements PassageStore {
  constructor(
    private readonly db: PgDb,
    private readonly articles: PgArticleStore,
    private readonly rankPool = RANK_POOL,
  ) {}

  articleCount(): Promise<number> {
    return this.articles.count();
  }

  /** How many articles contain each word, as PostgreSQL's stemmer indexes it. */
  async documentCounts(words: string[]): Promise<Map<string, number>> {
    const counts = await this.articles.docCounts([...new Set(words)]);
    return new Map(words.map((w) => [w, counts.get(w) ?? 0]));
  }

  /**
   * Article ids best first: those with every group, then those with the required groups (the
   * question's names) and any other, then those with any of the rarest groups. Copies of one
   * story (near-duplicates) count once, as the best-ranked copy.
   */
  async candidates(query: PassageQuery, options: CandidateOptions): Promise<number[]> {
    const groups = query.groups.map(queryWords);
    const usable = groups.map((g, i) => ({ g, i })).filter((x): x is { g: QueryWord[]; i: number } => x.g !== null);
    if (!usable.length) return [];
    const shapes: Shape[] = [];
    if (usable.length > 1) shapes.push({ all: usable.map((x) => x.g) });
    const widened = query.widened?.map(queryWords) ?? [];
    if (usable.length > 1 && widened.length === groups.length) shapes.push({ all: usable.map((x) => widened[x.i] ?? x.g) });
    const isRequired = (x: { i: number }) => query.required.includes(x.i);
    const required = usable.filter(isRequired);
    if (required.length && required.length < usable.length) shapes.push({ all: required.map((x) => x.g), any: usable.filter((x) => !isRequired(x)).map((x) => x.g) });
    if (required.length) shapes.push({ all: required.map((x) => x.g) });
    const broad = query.broad ? usable.filter((x) => query.broad!.includes(x.i)) : usable;
    if (broad.length) shapes.push({ all: [], any: broad.slice(0, BROAD_GROUPS).map((x) => x.g) });

    const counts = await this.articles.docCounts([...new Set(shapes.flatMap((s) => [...s.all, ...(s.any ?? [])].flat().map((w) => w.word)))]);
    // At most this many articles match a group: the sum over its words.
    const matching = (group: QueryWord[]) => group.reduce((n, w) => n + (counts.get(w.word) ?? 0), 0);

    const seen = new Set<number>();
    const done = new Set<string>();
    const ids: number[] = [];
    for (const unbounded of shapes) {
      const shape = withinPool(unbounded, matching, this.rankPool);
      const key = JSON.stringify(shape);
      if (done.has(key)) continue;
      done.add(key);
      const params: unknown[] = [options.since ?? '', options.before ?? '\uffff', options.limit * 3];
      const parts = [...(shape.all.length ? [tsQuery(shape.all, 'and', params)] : []), ...(shape.any ? [`(${tsQuery(shape.any, 'or', params)})`] : [])];
      const query = `(SELECT ${parts.join(' && ')} AS query) q`;
      const inWindow = 'a.search @@ q.query AND coalesce(a.published_at, a.ingested_at) >= $1 AND coalesce(a.published_at, a.ingested_at) < $2';
      let matches = `articles a, ${query} WHERE ${inWindow}`;
      if (upperBound(shape, matching) > this.rankPool) {
        params.push(this.rankPool);
        matches = `(SELECT a.id FROM ${matches} ORDER BY coalesce(a.published_at, a.ingested_at) DESC LIMIT $${params.length}) recent JOIN articles a ON a.id = recent.id, ${query}`;
      }
      const { rows } = await this.db.query<{ id: number; original: number }>(
        `SELECT a.id, coalesce(a.near_duplicate_of, a.id) AS original FROM ${matches}
         ORDER BY ts_rank('${RANK_WEIGHTS}', a.search, q.query) DESC, a.id LIMIT $3`,
        params,
      );
      for (const { id, original } of rows) {
        if (seen.has(original)) continue;
        seen.add(original);
        ids.push(id);
        if (ids.length >= options.limit) return ids;
      }
    }
    return ids;
  }
}

/** The shape with its any-word set cut to its rarest groups whose matches fit the pool together (at least one). */
function withinPool(shape: Shape, matching: (group: QueryWord[]) => number, pool: number): Shape {
  if (!shape.any || shape.any.length < 2) return shape;
  const rarest = [...shape.any].sort((a, b) => matching(a) - matching(b));
  const kept: QueryWord[][] = [];
  let total = 0;
  for (const group of rarest) {
    if (kept.length && total + matching(group) > pool) break;
    kept.push(group);
    total += matching(group);
  }
  return { all: shape.all, any: kept };
}

/** At most this many articles match the shape: its rarest required group, or all of its any-word set together. */
function upperBound(shape: Shape, matching: (group: QueryWord[]) => number): number {
  const all = shape.all.map(matching);
  const any = shape.any ? shape.any.reduce((n, g) => n + matching(g), 0) : Number.POSITIVE_INFINITY;
  return Math.min(any, ...all);
}
