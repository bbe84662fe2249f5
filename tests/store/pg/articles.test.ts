import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../../src/model.ts';
import { PgStore } from '../../../src/store/pg/store.ts';
import { emptyPglite } from '../../support/engines.ts';

// What only the PostgreSQL engine has to get right: its tsquery building, two instances storing
// the same article at once, and transactions over one pooled session. The search contract itself
// (shared with SQLite) is in tests/store/articles.test.ts.

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
  it('finds stems and derived forms through the tsvector index, not words that merely start the same', async () => {
    await add({ title: 'The Syrian crisis', text: body('The Syrian government said little.') });
    await add({ title: 'New sanction announced', text: body('A new sanction was announced on Monday.') });
    await add({ title: 'Jazz night', text: body('A trumpet solo closed the evening at the club.') });
    await add({ title: 'Trump rally', text: body('Trump spoke to supporters.') });
    expect((await store.articles.search('SYRIA')).map((h) => h.article.title)).toEqual(['The Syrian crisis']);
    expect((await store.articles.search('sanctions')).map((h) => h.article.title)).toEqual(['New sanction announced']);
    expect((await store.articles.search('trump')).map((h) => h.article.title)).toEqual(['Trump rally']);
  });

  it('ranks articles with every word first, the title weighing more than the body', async () => {
    await add({ title: 'Putin visits China', text: body('Putin spoke in Hangzhou about trade.') });
    await add({ title: 'Putin and Obama meet', text: body('Putin met Obama on the sidelines.') });
    await add({ title: 'Obama speaks on climate', text: body('Obama spoke about climate.') });
    const hits = await store.articles.search('putin obama');
    expect(hits.map((h) => [h.article.title, h.matchedAll])).toEqual([
      ['Putin and Obama meet', true],
      expect.arrayContaining([expect.any(String), false]),
      expect.arrayContaining([expect.any(String), false]),
    ]);
  });

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

describe('postgres article insert', () => {
  it('stores an article, its near-duplicate and its story in one step; a duplicate changes nothing', async () => {
    const first = await add({ title: 'Bridge opens', url: 'https://example.com/bridge?utm_source=x' });
    expect(first).toMatchObject({ status: 'new', storyId: expect.any(Number) });
    expect(await add({ title: 'Bridge opens again', url: 'https://example.com/bridge' })).toMatchObject({ status: 'duplicate', reason: 'url', id: first.id });
    const copy = await store.articles.insert({ title: 'Bridge opens', text: `${body('Bridge opens')} Reprinted with permission.` });
    expect(copy).toMatchObject({ status: 'near-duplicate', duplicateOf: first.id, storyId: first.storyId });
    expect(await store.articles.count()).toBe(2);
    expect(await store.stories.members([first.storyId!])).toEqual(new Map([[first.storyId!, [first.id, copy.id]]]));
  });

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
