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

    const seen = new Set<number>();
    const done = new Set<string>();
    const ids: number[] = [];
    for (const shape of shapes) {
      const key = JSON.stringify(shape);
      if (done.has(key)) continue;
      done.add(key);
      const params: unknown[] = [options.since ?? '', options.before ?? '\uffff', options.limit * 3];
      const parts = [...(shape.all.length ? [tsQuery(shape.all, 'and', params)] : []), ...(shape.any ? [`(${tsQuery(shape.any, 'or', params)})`] : [])];
      const { rows } = await this.db.query<{ id: number; original: number }>(
        `SELECT a.id, coalesce(a.near_duplicate_of, a.id) AS original FROM articles a, (SELECT ${parts.join(' && ')} AS query) q
         WHERE a.search @@ q.query AND coalesce(a.published_at, a.ingested_at) >= $1 AND coalesce(a.published_at, a.ingested_at) < $2
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
