import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgArticleStore } from '../../../src/store/pg/articles.ts';
import { rootDb } from '../../../src/store/pg/db.ts';
import { PgPassageStore } from '../../../src/store/pg/passages.ts';
import { PgStore } from '../../../src/store/pg/store.ts';
import { emptyPglite } from '../../support/engines.ts';

// What only the PostgreSQL engine does: ts_rank reads every match's tsvector, so a candidate
// query ranks a bounded pool (5,000 in the product; 3 here). The candidate contract shared with
// SQLite is in tests/store/passages.test.ts.

let store: PgStore;
let passages: PgPassageStore;

beforeEach(async () => {
  const pool = await emptyPglite();
  store = await PgStore.openOn(pool);
  passages = new PgPassageStore(rootDb(pool), store.articles as PgArticleStore, 3);
});

afterEach(async () => {
  await store.close();
});

const add = async (title: string, text: string, published: string) => (await store.articles.insert({ title, text, published })).id;

describe('postgres passage candidates beyond the rank pool', () => {
  it('still finds the rare word of an any-word question when a common word matches more than the pool', async () => {
    const zeppelin = await add('Zeppelin lands', 'A zeppelin landed beside the senate building on Friday.', '2026-03-01T10:00:00Z');
    for (let day = 2; day <= 7; day++) await add(`Senate session ${day}`, `The senate met on day ${day} to debate the budget amendments.`, `2026-03-0${day}T10:00:00Z`);
    const ids = await passages.candidates({ groups: [['zeppelin'], ['senate']], required: [] }, { limit: 10 });
    expect(ids[0]).toBe(zeppelin);
  });

  it('ranks the most recent matches when even the rarest word matches more than the pool', async () => {
    const ids: number[] = [];
    for (let day = 1; day <= 6; day++) ids.push(await add(`Senate session ${day}`, `The senate met on day ${day} to debate the budget amendments.`, `2026-03-0${day}T10:00:00Z`));
    const found = await passages.candidates({ groups: [['senate']], required: [] }, { limit: 10 });
    expect(found.sort((a, b) => a - b)).toEqual(ids.slice(-3));
  });
});
