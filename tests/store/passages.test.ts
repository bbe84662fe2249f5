import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd-passages-'));
  store = await openStore(join(dir, 'test.db'));
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const filler =
  'Reporters waited outside the building for most of the afternoon while staff carried boxes of documents to the vans. ' +
  'A spokesperson declined to comment on the schedule and said a statement would follow later in the week.';

async function add(title: string, text: string, published: string): Promise<number> {
  return (await store.articles.insert({ title, text, published })).id;
}

describe('passage candidates', () => {
  it('finds the articles with every word first, then those with the names, then any of the rarest words', async () => {
    const both = await add('Mayor opens bridge', 'Mayor Holloway opened the river bridge on Monday.', '2026-03-09T10:00:00Z');
    const name = await add('Holloway visits school', 'Holloway visited a school near the harbour.', '2026-03-09T11:00:00Z');
    const word = await add('Old bridge closes', 'The old bridge over the canal closed for repairs.', '2026-03-09T12:00:00Z');
    await add('Weather', 'Rain is expected across the region tomorrow.', '2026-03-09T13:00:00Z');
    const ids = await store.passages.candidates({ groups: [['holloway'], ['bridge', 'bridges']], required: [0] }, { limit: 10 });
    expect(ids).toEqual([both, name, word]);
  });

  it('keeps to the window, or to the archive before it, and folds copies of one story', async () => {
    const recent = await add('Bridge vote', `The council voted on the bridge plan. ${filler}`, '2026-03-09T10:00:00Z');
    const copy = await store.articles.insert({ title: 'Bridge vote', text: `The council voted on the bridge plan. ${filler} Reprinted with permission.`, published: '2026-03-09T11:00:00Z' });
    expect(copy.status).toBe('near-duplicate');
    const old = await add('Bridge idea', 'A bridge was first proposed in 1990.', '2026-01-01T10:00:00Z');
    const since = '2026-03-01T00:00:00Z';
    expect(await store.passages.candidates({ groups: [['bridge']], required: [] }, { since, limit: 10 })).toEqual([recent]);
    expect(await store.passages.candidates({ groups: [['bridge']], required: [] }, { before: since, limit: 10 })).toEqual([old]);
    expect(await store.passages.candidates({ groups: [['bridge']], required: [] }, { since: '2026-03-10T00:00:00Z', limit: 10 })).toEqual([]);
  });

  it('takes any text a user types without an FTS5 syntax error', async () => {
    await add('Bridge vote', 'The council voted on the bridge plan.', '2026-03-09T10:00:00Z');
    for (const word of ['"', 'NEAR(', 'a*', '-', '(x OR', 'AND', '🙂', "o'brien"]) {
      await expect(store.passages.candidates({ groups: [[word], ['bridge']], required: [0] }, { limit: 5 })).resolves.toBeInstanceOf(Array);
    }
    expect(await store.passages.candidates({ groups: [['"']], required: [] }, { limit: 5 })).toEqual([]);
  });

  it('counts the articles that hold each word, by the form the index stores', async () => {
    await add('Bridge vote', 'The council voted on the bridges plan.', '2026-03-09T10:00:00Z');
    await add('Bridge opening', 'The bridge opened.', '2026-03-09T11:00:00Z');
    expect(await store.passages.documentCounts(['bridge', 'council', 'zeppelin'])).toEqual(new Map([['bridge', 2], ['council', 1], ['zeppelin', 0]]));
    expect(await store.passages.articleCount()).toBe(2);
  });
});
