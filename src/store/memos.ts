// Memos of values worked out from this store's rows (an article's sentences split for ranking),
// owned by the store: they are keyed by the store's ids, and two stores in one process (two
// databases, tests, an eval beside the product) reuse the same ids. The layer that works a value
// out defines its memo (type, bound) as a MemoKind; the store only makes one per kind and keeps it.

export interface MemoKind<T> {
  /** What the memo holds, for a reader of the code (not used as a key). */
  readonly name: string;
  create(): T;
}

export class StoreMemos {
  private readonly made = new Map<MemoKind<unknown>, unknown>();

  /** This store's memo of that kind, made on first use. */
  of<T>(kind: MemoKind<T>): T {
    if (!this.made.has(kind)) this.made.set(kind, kind.create());
    return this.made.get(kind) as T;
  }
}
