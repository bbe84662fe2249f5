import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/model.ts';
import { openStore, type Store } from '../../src/store/index.ts';

const body = (topic: string, extra = '') =>
  `${topic} ${extra} The talks in the capital went on late into the night, officials said, and both delegations described them as ` +
  'constructive. Negotiators met again in the morning to go over the remaining points of disagreement, which include the timetable ' +
  'for the withdrawal, the monitoring of the ceasefire and the delivery of humanitarian aid to the besieged areas of the country.';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd-store-'));
  store = await openStore(join(dir, 'sub', 'test.db'));
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function add(draft: Partial<ArticleDraft> & { title: string }, ingestedAt?: Date) {
  return await store.articles.insert({ text: body(draft.title), ...draft }, ingestedAt ? { ingestedAt } : {});
}

describe('article store', () => {
  it('creates the database file, its folder and the schema on first use', async () => {
    expect(await store.articles.count()).toBe(0);
    const reopened = await openStore(join(dir, 'sub', 'test.db'));
    expect(await reopened.articles.count()).toBe(0);
    await reopened.close();
  });

  it('stores the same article once: by GUID, by canonical URL ignoring tracking parameters, by identical text', async () => {
    const first = await add({ title: 'Ceasefire agreed in Syria', url: 'https://news.example/world/ceasefire?utm_source=rss', guid: 'g-1' });
    expect(first.status).toBe('new');
    expect((await add({ title: 'Different title', guid: 'g-1', text: 'other text entirely' })).status).toBe('duplicate');
    const byUrl = await add({ title: 'Ceasefire agreed in Syria (updated)', url: 'http://www.news.example/world/ceasefire/#top', text: 'a rewritten body' });
    expect(byUrl).toMatchObject({ status: 'duplicate', duplicateOf: first.id, reason: 'url' });
    const byText = await add({ title: 'Ceasefire agreed in Syria', url: 'https://mirror.example/copy' });
    expect(byText).toMatchObject({ status: 'duplicate', reason: 'text' });
    expect(await store.articles.count()).toBe(1);
  });

  it('links a republished wire story with small edits to the original instead of storing an unrelated article', async () => {
    const original = await add({ title: 'Ceasefire agreed', url: 'https://wire.example/1', text: body('Ceasefire agreed in Syria on Monday.') });
    const copy = await add({ title: 'Syria ceasefire agreed', url: 'https://paper.example/2', text: body('Ceasefire agreed in Syria on Monday.', 'Reporting by the wire.') });
    expect(copy.status).toBe('near-duplicate');
    expect(copy.duplicateOf).toBe(original.id);
    expect((await store.articles.get(copy.id))?.nearDuplicateOf).toBe(original.id);
    const unrelated = await add({ title: 'Football', url: 'https://paper.example/3', text: 'The home side won the cup final three goals to one after extra time, the first title for the club in forty years, while fans celebrated in the streets of the old town until the early hours and the mayor promised a parade on Sunday along the river for the players and their families.' });
    expect(unrelated.status).toBe('new');
  });
});

describe('dedup keyed by source (issue 18: a feed could claim another outlet\'s URL or GUID first and hide the real article)', () => {
  const other = (title: string) => `${title}: an entirely different report on fishing quotas, harbour fees and the price of diesel in the northern ports this winter, with interviews.`;

  it('a third-party claim on a URL or GUID hides nothing: the real article is stored and takes the key over', async () => {
    const evil = await store.sources.add({ name: 'Evil', url: 'https://evil.example/feed.xml' });
    const real = await store.sources.add({ name: 'Real', url: 'https://feeds.realnews.example/world.xml' });
    const url = 'https://www.realnews.example/world/ceasefire';
    const forged = await store.articles.insert({ title: 'Forged', text: other('Forged'), url, guid: url }, { sourceId: evil.id });
    expect(forged.status).toBe('new');

    expect(await store.articles.isKnown({ url, guid: url }, real.id)).toBe(false);
    const genuine = await store.articles.insert({ title: 'Ceasefire agreed', text: body('Ceasefire agreed'), url, guid: url }, { sourceId: real.id });
    expect(genuine.status).toBe('new');
    // The genuine article owns its URL and GUID now: it dedups its own feed, and the forger's copy no longer does.
    expect((await store.articles.knownAs({ url }, real.id))?.id).toBe(genuine.id);
    expect((await store.articles.insert({ title: 'Ceasefire agreed', text: body('Ceasefire agreed', 'updated'), url }, { sourceId: real.id })).status).toBe('duplicate');
    expect(await store.articles.get(forged.id)).toMatchObject({ canonicalUrl: null });
    expect((await store.articles.get(forged.id))?.guid).toBeUndefined();
  });

  it('still dedups within a source, across feeds of one site, and any item after a first-party claim', async () => {
    const world = await store.sources.add({ name: 'World', url: 'https://rss.realnews.example/world.xml' });
    const top = await store.sources.add({ name: 'Top', url: 'https://www.realnews.example/top.rss' });
    const aggregator = await store.sources.add({ name: 'Aggregator', url: 'https://aggregator.example/all.xml' });
    const url = 'https://www.realnews.example/world/summit';
    const first = await store.articles.insert({ title: 'Summit ends', text: body('Summit ends'), url, guid: 'realnews-1' }, { sourceId: world.id });
    expect(await store.articles.insert({ title: 'Summit ends', text: other('x'), url, guid: 'realnews-1' }, { sourceId: world.id })).toMatchObject({ status: 'duplicate', reason: 'guid' });
    expect(await store.articles.insert({ title: 'Summit ends', text: other('y'), url }, { sourceId: top.id })).toMatchObject({ status: 'duplicate', reason: 'url', id: first.id });
    expect(await store.articles.insert({ title: 'Summit ends', text: other('z'), url }, { sourceId: aggregator.id })).toMatchObject({ status: 'duplicate', reason: 'url', id: first.id });
  });

  it('dedups another site\'s claim when the text matches', async () => {
    const evil = await store.sources.add({ name: 'Copy', url: 'https://copy.example/feed.xml' });
    const real = await store.sources.add({ name: 'Real', url: 'https://realnews.example/feed.xml' });
    const url = 'https://realnews.example/a';
    await store.articles.insert({ title: 'Same', text: body('Same'), url }, { sourceId: evil.id });
    expect(await store.articles.insert({ title: 'Same', text: body('Same'), url }, { sourceId: real.id })).toMatchObject({ status: 'duplicate', reason: 'text' });
  });
});

describe('published times (issue 18: a 9999-12-31 date pinned an article on top of every /summary)', () => {
  it('clamps a future published time to the ingest time plus 15 minutes, and keeps past ones', async () => {
    const ingestedAt = new Date('2024-09-02T12:00:00Z');
    const future = await add({ title: 'From the future', published: '9999-12-31T00:00:00.000Z' }, ingestedAt);
    expect((await store.articles.get(future.id))?.published).toBe('2024-09-02T12:15:00.000Z');
    const soon = await add({ title: 'Clock skew', published: '2024-09-02T12:05:00.000Z' }, ingestedAt);
    expect((await store.articles.get(soon.id))?.published).toBe('2024-09-02T12:05:00.000Z');
    const past = await add({ title: 'Yesterday', published: '2024-09-01T08:00:00.000Z' }, ingestedAt);
    expect((await store.articles.get(past.id))?.published).toBe('2024-09-01T08:00:00.000Z');
    expect((await store.articles.recent({ limit: 3 })).map((a) => a.title)[0]).toBe('From the future');
    expect(await store.articles.recent({ since: '2024-09-02T12:16:00.000Z' })).toHaveLength(0);
  });
});

describe('topic search', () => {
  it('finds "Syria" and "Syrian" case-insensitively and not unrelated articles', async () => {
    await add({ title: 'The Syrian crisis', text: body('The Syrian government said little.') });
    await add({ title: 'Brexit vote', text: 'Britain voted to leave the European Union in a referendum, and the pound fell sharply against the dollar on the news.' });
    const titles = (await store.articles.search('SYRIA')).map((h) => h.article.title);
    expect(titles).toEqual(['The Syrian crisis']);
    expect(await store.articles.search('bitcoin')).toEqual([]);
  });

  it('ranks articles with all the words first', async () => {
    await add({ title: 'Putin visits China', text: body('Putin spoke in Hangzhou about trade.') });
    await add({ title: 'Putin and Obama meet', text: body('Putin met Obama on the sidelines.') });
    await add({ title: 'Obama speaks on climate', text: body('Obama spoke about climate.') });
    const hits = await store.articles.search('putin obama');
    expect(hits[0]?.article.title).toBe('Putin and Obama meet');
    expect(hits[0]?.matchedAll).toBe(true);
    expect(hits.slice(1).every((h) => !h.matchedAll)).toBe(true);
    expect(hits).toHaveLength(3);
  });

  it('prefers the recent article among equally relevant ones', async () => {
    const now = new Date('2026-11-27T12:00:00Z');
    await add({ title: 'Syria talks', text: body('Syria talks resumed.'), published: '2026-11-01T10:00:00Z' });
    await add({ title: 'Syria talks again', text: body('Syria talks resumed again.'), published: '2026-11-27T10:00:00Z' });
    expect((await store.articles.search('syria talks', { now }))[0]?.article.title).toBe('Syria talks again');
  });

  it('never raises on hostile query text', async () => {
    await add({ title: 'Syria', text: body('Syria.') });
    const nasty = ['"', '*', 'NEAR(syria obama)', '-syria', '(syria', 'syria)', 'AND OR NOT', '^syria', 'syria:text', '💥🔥', "O'Brien", 'a'.repeat(10_000), 'x '.repeat(5000), '', '   ', '{col1 col2}: x', '\u0000'];
    for (const query of nasty) await expect(store.articles.search(query)).resolves.toBeInstanceOf(Array);
    expect((await store.articles.search('NEAR(syria)')).map((h) => h.article.title)).toEqual(['Syria']);
  });

  it('finds the people and adjective forms of a name and stemmed words, not words that merely start the same', async () => {
    await add({ title: 'Iranian ministers meet', text: body('Iranian ministers met in the morning.') });
    await add({ title: 'New sanction announced', text: body('A new sanction was announced on Monday.') });
    await add({ title: 'Jazz night', text: body('A trumpet solo closed the evening at the club.') });
    await add({ title: 'Trump rally', text: body('Trump spoke to supporters.') });
    expect((await store.articles.search('iran')).map((h) => h.article.title)).toEqual(['Iranian ministers meet']);
    expect((await store.articles.search('sanctions')).map((h) => h.article.title)).toEqual(['New sanction announced']);
    expect((await store.articles.search('trump')).map((h) => h.article.title)).toEqual(['Trump rally']);
  });

  it('leaves out a derived form far rarer than the name, which would otherwise outrank it', async () => {
    for (let i = 0; i < 11; i++) await add({ title: `Trump rally ${i}`, text: body(`Trump spoke to supporters in town ${i}.`) });
    await add({ title: 'Essay on a style', text: body('A Trumpian style of politics spreads.') });
    const titles = (await store.articles.search('trump', { limit: 50 })).map((h) => h.article.title);
    expect(titles).toHaveLength(11);
    expect(titles).not.toContain('Essay on a style');
  });

  it('finds a derived form first stored after an earlier search', async () => {
    await add({ title: 'Syria talks', text: body('Syria talks resumed.') });
    expect(await store.articles.search('syria')).toHaveLength(1);
    await add({ title: 'Syrian refugees return', text: body('Syrian refugees returned home.') });
    expect((await store.articles.search('syria')).map((h) => h.article.title).sort()).toEqual(['Syria talks', 'Syrian refugees return']);
  });

  it('limits results to a time window', async () => {
    await add({ title: 'Old Syria story', text: body('Old Syria.'), published: '2026-01-01T00:00:00Z' });
    await add({ title: 'New Syria story', text: body('New Syria.'), published: '2026-11-27T00:00:00Z' });
    expect((await store.articles.search('syria', { since: '2026-11-01T00:00:00Z' })).map((h) => h.article.title)).toEqual(['New Syria story']);
  });
});
