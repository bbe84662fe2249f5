// Store.transaction: what any engine promises (see src/store/api.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd-transactions-'));
  store = await openStore(join(dir, 'test.db'));
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A promise and the function that settles it: lets a test hold a transaction open across an await. */
function latch(): { reached: Promise<void>; release: () => void } {
  let release!: () => void;
  return { reached: new Promise<void>((resolve) => (release = resolve)), release };
}

const urls = async () => (await store.sources.list()).map((s) => s.url).sort();

describe('store.transaction', () => {
  it('commits what its tx wrote when the callback resolves, and returns its value', async () => {
    const id = await store.transaction(async (tx) => {
      await tx.sources.add({ url: 'https://a.example/feed', name: 'A' });
      return (await tx.sources.add({ url: 'https://b.example/feed', name: 'B' })).id;
    });
    expect(await urls()).toEqual(['https://a.example/feed', 'https://b.example/feed']);
    expect((await store.sources.get(id))?.name).toBe('B');
  });

  it('rolls back everything its tx wrote when the callback throws, and rejects with that error', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.sources.add({ url: 'https://a.example/feed', name: 'A' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await urls()).toEqual([]);
  });

  it("keeps another task's write out of a transaction held open across an await: it is not rolled back with it", async () => {
    const held = latch();
    const transaction = store.transaction(async (tx) => {
      await tx.sources.add({ url: 'https://inside.example/feed', name: 'Inside' });
      await held.reached;
      throw new Error('rolled back');
    });
    // Another task writes while the transaction waits.
    const outside = store.sources.add({ url: 'https://outside.example/feed', name: 'Outside' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    held.release();
    await expect(transaction).rejects.toThrow('rolled back');
    await outside;
    expect(await urls()).toEqual(['https://outside.example/feed']);
  });

  it('runs a nested transaction of the same task as a savepoint: its failure undoes only its own writes', async () => {
    await store.transaction(async (tx) => {
      await tx.sources.add({ url: 'https://a.example/feed', name: 'A' });
      await expect(
        store.transaction(async (inner) => {
          await inner.sources.add({ url: 'https://b.example/feed', name: 'B' });
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      await store.transaction(async (inner) => {
        await inner.sources.add({ url: 'https://c.example/feed', name: 'C' });
      });
    });
    expect(await urls()).toEqual(['https://a.example/feed', 'https://c.example/feed']);
  });

  it('keeps the articles of a batch that one failing insert does not spoil (an insert is its own savepoint)', async () => {
    const draft = (n: number) => ({ title: `Harbour crane ${n} collapses`, text: `Crane number ${n} fell into the harbour of Port ${n} on Monday, officials said.`, url: `https://news.example/${n}` });
    await store.transaction(async (tx) => {
      await tx.articles.insert(draft(1));
      await expect(tx.articles.insert({ ...draft(2), title: undefined as unknown as string })).rejects.toThrow();
      await tx.articles.insert(draft(3));
    });
    expect((await store.articles.recent()).map((a) => a.url).sort()).toEqual(['https://news.example/1', 'https://news.example/3']);
  });
});
