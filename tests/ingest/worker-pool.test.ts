// The ingest worker pool: a document's error reaches the caller, a stuck document is cut
// off, and the pool keeps serving the documents after either.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDocument, storable } from '../../src/ingest/prepare.ts';
import { PreparePool } from '../../src/ingest/worker-pool.ts';

const SEED = readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'rt-2016-09-05-putin-obama-syria.txt'));
let pool: PreparePool | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('PreparePool', () => {
  it('prepares a document in a worker exactly as in-process', async () => {
    pool = new PreparePool(2);
    const [inWorker] = await pool.prepare({ body: SEED, hint: { name: 'seed.txt' } });
    const [inProcess] = prepareDocument(SEED, { name: 'seed.txt' }).map(storable);
    expect(inWorker).toEqual(inProcess);
    expect(JSON.parse(inWorker!.analysisJson).quotes.length).toBeGreaterThan(5);
  });

  it('reads a file given by path in the worker, and reports one it cannot read', async () => {
    pool = new PreparePool(1);
    const seedPath = resolve(import.meta.dirname, '..', 'fixtures', 'rt-2016-09-05-putin-obama-syria.txt');
    const [byPath, missing] = await Promise.allSettled([
      pool.prepare({ path: seedPath, hint: { name: seedPath } }),
      pool.prepare({ path: resolve(import.meta.dirname, 'no-such-file.txt'), hint: { name: 'no-such-file.txt' } }),
    ]);
    expect(byPath).toEqual({ status: 'fulfilled', value: prepareDocument(SEED, { name: seedPath }).map(storable) });
    expect(missing).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('ENOENT') } });
  });

  it("rejects with the document's own error and goes on with the next one", async () => {
    pool = new PreparePool(1);
    const [bad, good] = await Promise.allSettled([pool.prepare({ body: new Uint8Array(), hint: { name: 'empty.txt' } }), pool.prepare({ body: SEED, hint: { name: 'seed.txt' } })]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'empty document' } });
    expect(good).toMatchObject({ status: 'fulfilled' });
  });

  it('cuts off a document that takes too long, then serves the next with a fresh worker', async () => {
    pool = new PreparePool(1, { taskTimeoutMs: 1 });
    await expect(pool.prepare({ body: SEED, hint: { name: 'seed.txt' } })).rejects.toThrow('not processed within');
    expect((pool as unknown as { slots: unknown[] }).slots).toHaveLength(0);
  });

  it('replaces a worker that goes past its memory limit, failing only that document', async () => {
    pool = new PreparePool(1, { memoryMb: 64 });
    const huge = new TextEncoder().encode(`<html><body>${'<p>x</p>'.repeat(600_000)}</body></html>`);
    await expect(pool.run({ kind: 'page', body: huge, hint: {} })).rejects.toThrow('document needed more memory than a worker may use (memory limit; its worker was replaced)');
    const [next] = await pool.prepare({ body: SEED, hint: { name: 'seed.txt' } });
    expect(next!.draft.title).toContain('Putin');
  }, 60_000);

  it('keeps the calling thread free while a document is parsed (its timers fire meanwhile)', async () => {
    pool = new PreparePool(1);
    const slow = new TextEncoder().encode(`<html><body>${'<p>"'.repeat(60_000)}</body></html>`);
    await pool.prepare({ body: SEED, hint: { name: 'seed.txt' } }); // worker started and warm
    let parsed = false;
    const parsing = pool.run({ kind: 'page', body: slow, hint: {} }).catch(() => undefined).finally(() => (parsed = true));
    // Five timer turns of this thread while the parse runs: in-process, a parse of seconds
    // would have held every timer until it ended. (Its wall time is not the point; order is.)
    for (let tick = 0; tick < 5; tick++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(parsed).toBe(false);
    await parsing;
  }, 60_000);

  it('refuses work once closed', async () => {
    pool = new PreparePool(1);
    await pool.close();
    await expect(pool.prepare({ body: SEED, hint: { name: 'seed.txt' } })).rejects.toThrow('closed');
  });
});
