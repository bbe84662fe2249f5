// The SQLite engine's transaction gate (src/store/sqlite/gate.ts): one connection, so the gate
// decides which task's statements may run while a transaction is open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store, type StoreTx } from '../../../src/store/index.ts';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd-gate-'));
  store = await openStore(join(dir, 'test.db'));
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite transaction gate', () => {
  it("holds another task's write until a transaction that awaits has ended: it lands after the rollback, and stays", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const transaction = store.transaction(async (tx) => {
      await tx.sources.add({ url: 'https://inside.example/feed', name: 'Inside' });
      await held;
      order.push('transaction ends');
      throw new Error('rolled back');
    });
    const outside = store.sources.add({ url: 'https://outside.example/feed', name: 'Outside' }).then(() => order.push('outside write done'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    release();
    await expect(transaction).rejects.toThrow('rolled back');
    await outside;
    expect(order).toEqual(['transaction ends', 'outside write done']);
    expect((await store.sources.list()).map((s) => s.url)).toEqual(['https://outside.example/feed']);
  });

  it('makes reads of other tasks wait too: they never see a write that is later rolled back', async () => {
    let seen: number | undefined;
    const transaction = store.transaction(async (tx) => {
      await tx.sources.add({ url: 'https://a.example/feed', name: 'A' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('rolled back');
    });
    const read = store.sources.list().then((list) => (seen = list.length));
    await expect(transaction).rejects.toThrow('rolled back');
    await read;
    expect(seen).toBe(0);
  });

  it('refuses the store itself inside its own transaction (it would wait for itself), naming the tx to use', async () => {
    await expect(store.transaction(async () => await store.sources.list())).rejects.toThrow(/use the tx/);
  });

  it('refuses a tx kept after its transaction ended', async () => {
    let kept: StoreTx | undefined;
    await store.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept!.sources.list()).rejects.toThrow(/outside its transaction/);
  });

  it('lets transactions of two tasks run one after the other, each committed whole', async () => {
    const write = (name: string) =>
      store.transaction(async (tx) => {
        await tx.sources.add({ url: `https://${name}.example/1`, name });
        await new Promise((resolve) => setTimeout(resolve, 5));
        await tx.sources.add({ url: `https://${name}.example/2`, name });
      });
    await Promise.all([write('a'), write('b')]);
    expect((await store.sources.list()).map((s) => s.url).sort()).toEqual(['https://a.example/1', 'https://a.example/2', 'https://b.example/1', 'https://b.example/2']);
  });
});
