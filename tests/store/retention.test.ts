import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/store/sqlite/store.ts';
import { mapInOrder } from '../support/in-order.ts';
import type { ArticleDraft } from '../../src/model.ts';
import { openStore, type Store, type RetentionPolicy } from '../../src/store/index.ts';
import type { ArticleFeatures } from '../../src/stories/features.ts';
import { damBreach, damFollowUp, rateDecision } from '../fixtures/stories.ts';

const NOW = new Date('2026-06-30T12:00:00Z');
const DAY = 86_400_000;
const POLICY: RetentionPolicy = { articlesDays: 90, sentMessagesDays: 30, deliveryDays: 30, llmCacheDays: 90 };
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function open(): Promise<{ store: Store; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'nd-retention-'));
  const path = join(dir, 'db.sqlite');
  const store = await openStore(path);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), async () => await store.close());
  return { store, path };
}

function article(i: number, subject = 'harbour'): ArticleDraft {
  const sentences = Array.from({ length: 12 }, (_, k) => `Officials in the ${subject} district published report ${i}.${k} on Monday, and the port said it counted ${k * 7 + i} ships and ${k * 3} cranes.`);
  return { title: `The ${subject} report number ${i}`, text: sentences.join(' '), url: `https://news.example.org/${subject}/${i}` };
}

async function decide(store: Store, chatId: number, decidedAt: Date, localDate: string): Promise<number> {
  return await (await store.outbox.recordDecision({
    chatId, localDate, dueAt: decidedAt, cutoffAt: decidedAt, ingestedAfter: null, topic: null, storyCount: 1,
    messages: [{ html: 'digest', keyboard: [], stories: [] }],
  }, decidedAt))!;
}

describe('retention', () => {
  it('deletes articles, sent messages, finished digests with their outbox, and LLM results past their age; keeps the rest', async () => {
    const { store, path } = await open();
    const old = (await store.articles.insert(article(1), { ingestedAt: daysAgo(120) })).id;
    const recent = (await store.articles.insert(article(2), { ingestedAt: daysAgo(10) })).id;
    // A recent near-duplicate of the old article keeps its row; its link goes.
    const original = article(1);
    const copy = await store.articles.insert({ ...original, text: `${original.text.replace('Monday, and', 'Tuesday, and')} Unions answered within hours.`, url: 'https://copy.example.org/1', title: 'The harbour report number 1, again' }, { ingestedAt: daysAgo(5) });
    expect(copy).toMatchObject({ status: 'near-duplicate', duplicateOf: old });

    await store.subscribers.recordSentMessage({ chatId: 1, messageId: 1, kind: 'summary', topic: null, stories: [] }, daysAgo(40));
    await store.subscribers.recordSentMessage({ chatId: 1, messageId: 2, kind: 'summary', topic: null, stories: [] }, daysAgo(3));

    const finished = await decide(store, 1, daysAgo(45), '2026-05-16');
    const [item] = await store.outbox.items(finished);
    await store.outbox.takeForSending(item!.id);
    await store.outbox.markSent(item!.id, 10, daysAgo(45));
    const stillPending = await decide(store, 2, daysAgo(45), '2026-05-16');
    await decide(store, 1, daysAgo(1), '2026-06-29');

    await store.llmCache.put({ key: 'old', kind: 'article-summary', model: 'm', status: 'ok', value: 1, now: daysAgo(100) });
    await store.llmCache.put({ key: 'new', kind: 'article-summary', model: 'm', status: 'ok', value: 2, now: daysAgo(1) });

    const report = await store.retention.prune(POLICY, NOW);
    expect(report).toMatchObject({ articles: 1, sentMessages: 2, digests: 1, llmCache: 1 });

    expect(await store.articles.get(old)).toBeUndefined();
    expect(await store.articles.get(recent)).toBeDefined();
    expect((await store.articles.get(copy.id))?.nearDuplicateOf).toBeNull();
    expect((await store.articles.search('again')).map((h) => h.article.id)).toEqual([copy.id]);
    expect((await store.articles.search('report')).map((h) => h.article.id).sort()).toEqual([recent, copy.id].sort());
    expect(await store.subscribers.sentMessage(1, 2)).toBeDefined();
    expect((await store.outbox.digests()).map((d) => d.id).sort()).toEqual([stillPending, stillPending + 1].sort());
    expect(await store.outbox.items(finished)).toEqual([]);
    expect(await store.llmCache.get('old')).toBeUndefined();
    expect(await store.llmCache.get('new')).toBeDefined();
    // The band rows of the deleted article went with it (ON DELETE CASCADE).
    const raw = new Database(path, { readonly: true });
    cleanups.push(() => raw.close());
    expect(raw.prepare('SELECT count(*) FROM article_bands WHERE article_id = ?').pluck().get(old)).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM article_bands WHERE article_id = ?').pluck().get(recent)).toBeGreaterThan(0);
  });

  it('stories lose the pruned articles: a story keeps its newer members with its counts, span, outlets and headline rebuilt; a story of old articles only goes, with the ids merged into it', async () => {
    const { store, path } = await open();
    // The dam breach (three outlets, 12 March) and its follow-up (14 March, ingested later);
    // the rate decision alone; then two stories merged into one, all of it old.
    const hourAfter = (iso: string) => new Date(Date.parse(iso) + 3_600_000);
    const breach = await mapInOrder(damBreach, async (d) => await store.articles.insert(d, { ingestedAt: hourAfter(d.published!) }));
    const followUp = await store.articles.insert(damFollowUp, { ingestedAt: daysAgo(20) });
    const rate = await store.articles.insert(rateDecision, { ingestedAt: hourAfter(rateDecision.published!) });
    const story = breach[0]!.storyId!;
    expect(followUp.storyId).toBe(story);
    expect(await store.stories.get(story)).toMatchObject({ articleCount: 4, outletCount: 3 });
    const a: ArticleFeatures = { terms: [['quarri', 6], ['blast', 4]], entities: [['zlin quarry', 2]] };
    const b: ArticleFeatures = { terms: [['miner', 6], ['rescu', 4]], entities: [['zlin', 2]] };
    const quarry = async (n: number, features: ArticleFeatures) =>
      (await store.articles.insert({ title: `Quarry report ${n}`, text: `Quarry report ${n} from Zlin.`, url: `https://quarry.example/${n}`, published: '2025-03-20T09:00:00.000Z' }, { storyFeatures: features, ingestedAt: daysAgo(100) })).storyId!;
    const first = await quarry(1, a);
    const second = await quarry(2, b);
    expect(second).not.toBe(first);
    const survivor = await (await store.stories.resolve(await quarry(3, { terms: [...a.terms, ...b.terms], entities: [...a.entities, ...b.entities] })))!;
    const gone = survivor === first ? second : first;
    expect(await store.stories.resolve(gone)).toBe(survivor);
    const since = await store.retention.prune(POLICY, NOW);
    expect(since.articles).toBe(7);

    // The breach story now stands for its follow-up alone, under the follow-up's headline.
    expect(await store.stories.get(story)).toMatchObject({
      title: damFollowUp.title,
      titleArticleId: followUp.id,
      articleCount: 1,
      outletCount: 1,
      first: damFollowUp.published,
      last: damFollowUp.published,
    });
    expect((await store.stories.members([story])).get(story)).toEqual([followUp.id]);
    // The others are gone, the id merged away too; the listing has only the follow-up's story.
    for (const id of [rate.storyId!, survivor, gone]) expect(await store.stories.get(id)).toBeUndefined();
    expect((await store.stories.recent({ limit: 10 })).map((s) => s.id)).toEqual([story]);
    // No index keys of deleted articles are left to find candidates with.
    const raw = new Database(path, { readonly: true });
    cleanups.push(() => raw.close());
    expect(raw.prepare('SELECT count(*) FROM article_keys WHERE article_id <> ?').pluck().get(followUp.id)).toBe(0);
    // Nor term counts of the days before the cutoff, now or when the process writes its counts.
    (store as SqliteStore).sync.stories.flushStatistics();
    expect(raw.prepare('SELECT count(*) FROM story_term_days WHERE day < ?').pluck().get(Math.floor((NOW.getTime() - POLICY.articlesDays * DAY) / DAY))).toBe(0);
    // A later report of the follow-up still joins the story.
    const later = await store.articles.insert({ ...damFollowUp, title: 'Kessel dam inquiry names the engineers', url: 'https://ledger.example/news/kessel-inquiry-2' }, { ingestedAt: daysAgo(19) });
    expect(later.storyId).toBe(story);
  });

  it('forgets what pruned digests carried', async () => {
    const { store, path } = await open();
    const old = await decide(store, 1, daysAgo(45), '2026-05-16');
    const recent = await decide(store, 1, daysAgo(1), '2026-06-29');
    await store.stories.recordDigest(old, [{ storyId: 1, articleIds: [1, 2] }]);
    await store.stories.recordDigest(recent, [{ storyId: 2, articleIds: [3] }]);
    const [item] = await store.outbox.items(old);
    await store.outbox.markFailed(item!.id, 'gone');
    await store.retention.prune(POLICY, NOW);
    const raw = new Database(path, { readonly: true });
    cleanups.push(() => raw.close());
    expect(raw.prepare('SELECT story_id FROM digest_story_contents').pluck().all()).toEqual([2]);
  });

  it('0 days keeps a kind of row forever', async () => {
    const { store } = await open();
    await store.articles.insert(article(1), { ingestedAt: daysAgo(3650) });
    await store.subscribers.recordSentMessage({ chatId: 1, messageId: 1, kind: 'summary', topic: null, stories: [] }, daysAgo(3650));
    const report = await store.retention.prune({ articlesDays: 0, sentMessagesDays: 0, deliveryDays: 0, llmCacheDays: 0 }, NOW);
    expect(report).toMatchObject({ articles: 0, sentMessages: 0, digests: 0, llmCache: 0 });
    expect(await store.articles.count()).toBe(1);
  });

  it('deletes a large backlog in batches and gives the freed pages back to the file system (incremental auto-vacuum)', async () => {
    const { store, path } = await open();
    expect(await store.retention.autoVacuum()).toBe('incremental');
    for (let i = 0; i < 1_200; i++) {
      await store.subscribers.recordSentMessage({ chatId: 1, messageId: i, kind: 'summary', topic: null, stories: [{ id: `s${i}`, title: 'x'.repeat(2_000) }] }, daysAgo(60));
    }
    for (let i = 0; i < 30; i++) await store.articles.insert(article(i, `topic${i}`), { ingestedAt: daysAgo(200) });
    const pagesBefore = new Database(path, { readonly: true });
    const before = pagesBefore.pragma('page_count', { simple: true }) as number;
    pagesBefore.close();
    const report = await store.retention.prune(POLICY, NOW);
    expect(report.sentMessages).toBe(1_200);
    expect(report.articles).toBe(30);
    expect(report.freedPages).toBeGreaterThan(500);
    const raw = new Database(path, { readonly: true });
    cleanups.push(() => raw.close());
    expect(raw.pragma('freelist_count', { simple: true })).toBe(0);
    expect(raw.pragma('page_count', { simple: true }) as number).toBeLessThan(before - 500);
  });

  it('vacuum() converts a database created without auto-vacuum', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-retention-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'old.sqlite');
    // As databases made before retention existed: auto_vacuum NONE.
    const legacy = new Database(path);
    legacy.exec('CREATE TABLE t (x)');
    legacy.close();
    const store = await openStore(path);
    cleanups.push(async () => await store.close());
    expect(await store.retention.autoVacuum()).toBe('none');
    expect(await (store as SqliteStore).sync.retention.releaseFreePages()).toBe(0);
    await store.retention.vacuum();
    expect(await store.retention.autoVacuum()).toBe('incremental');
  });
});
