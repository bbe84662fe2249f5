import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../../src/model.ts';
import { PgStore } from '../../../src/store/pg/store.ts';
import { emptyPglite } from '../../support/engines.ts';

// What only the PostgreSQL engine has to get right: its tsquery building from any text, the
// prefix matches of terms outside a-z, and an insert's savepoint inside a transaction. The search
// and insert contract shared with SQLite is in tests/store/articles.test.ts.

const body = (topic: string) =>
  `${topic} The talks in the capital went on late into the night, officials said, and both delegations described them as constructive. ` +
  'Negotiators met again in the morning to go over the remaining points of disagreement, which include the timetable for the withdrawal.';

let store: PgStore;

beforeEach(async () => {
  store = await PgStore.openOn(await emptyPglite());
});

afterEach(async () => {
  await store.close();
});

const add = (draft: Partial<ArticleDraft> & { title: string }) => store.articles.insert({ text: body(draft.title), ...draft });

describe('postgres article search', () => {
  it('turns any text into a query without a syntax error; stop words are indexed as on SQLite', async () => {
    await add({ title: 'Syria', text: body('Syria.') });
    const nasty = ["'", '"', ':*', '&|!', 'syria:* & !x', '(syria', "O'Brien", '\\', 'a <-> b', '💥', 'x '.repeat(5000), '\u0000', 'the of and'];
    for (const query of nasty) await expect(store.articles.search(query)).resolves.toBeInstanceOf(Array);
    expect((await store.articles.search('syria:* & !x')).map((h) => h.article.title)).toEqual(['Syria']);
    expect((await store.articles.search('the of and')).map((h) => h.article.title)).toEqual(['Syria']);
    expect((await store.articles.search('again')).map((h) => h.article.title)).toEqual(['Syria']);
  });

  it('keeps a prefix match for digits and other scripts', async () => {
    await add({ title: 'Election 2016 recount', text: body('The 2016 vote was recounted.') });
    await add({ title: 'Москва готовится', text: body('Москвичи готовятся к празднику.') });
    expect((await store.articles.search('2016')).map((h) => h.article.title)).toEqual(['Election 2016 recount']);
    expect((await store.articles.search('москв')).map((h) => h.article.title)).toEqual(['Москва готовится']);
  });
});

describe('postgres article insert in transactions', () => {
  it('rolls back a whole transaction, and a failing insert inside one alone', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.articles.insert({ title: 'Kept for a moment', text: body('Kept.') });
        throw new Error('abort the batch');
      }),
    ).rejects.toThrow('abort the batch');
    expect(await store.articles.count()).toBe(0);
    await store.transaction(async (tx) => {
      await tx.articles.insert({ title: 'Stored', text: body('Stored.') });
      // PostgreSQL refuses a NUL in text (ingest strips control characters before the store).
      await expect(tx.articles.insert({ title: 'Refused', text: body('A NUL \u0000 here.') })).rejects.toThrow(/0x00/);
      await tx.articles.insert({ title: 'Stored too', text: body('Stored too.') });
    });
    const stored = await store.articles.recent();
    expect(stored.map((a) => a.title).sort()).toEqual(['Stored', 'Stored too']);
    expect([...(await store.stories.storiesOf(stored.map((a) => a.id))).keys()].sort()).toEqual(stored.map((a) => a.id).sort());
  });
});
