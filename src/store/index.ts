// The store: the only place with SQL. Callers use this narrow interface so that a
// PostgreSQL backend can replace it later.
import { ArticleStore } from './articles.ts';
import { openDatabase, type Db } from './db.ts';
import { SourceStore } from './sources.ts';

export type { InsertResult, InsertStatus, SearchHit, SearchOptions } from './articles.ts';
export type { Source, SourceInput, SourceKind } from './sources.ts';

export class Store {
  readonly articles: ArticleStore;
  readonly sources: SourceStore;

  private constructor(private readonly db: Db) {
    this.articles = new ArticleStore(db);
    this.sources = new SourceStore(db);
  }

  static open(path: string): Store {
    return new Store(openDatabase(path));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
