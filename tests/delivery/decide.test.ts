import { afterEach, describe, expect, it } from 'vitest';
import { DIGEST_DEFAULTS } from '../../src/app/index.ts';
import { decideDue, findDue } from '../../src/delivery/decide.ts';
import type { Story } from '../../src/model/digest.ts';
import { visibleText } from '../../src/telegram/html.ts';
import type { ArticleDraft } from '../../src/model.ts';
import { analyseArticle } from '../../src/nlp/analyse.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { damBreach, damFollowUp } from '../fixtures/stories.ts';
import { storeDraft } from '../../src/ingest/pipeline.ts';
import { engines } from '../support/engines.ts';
import { addSubscribers, manySubscribers, seedArticles, tempDir } from './helpers.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshStore(path = ':memory:'): Promise<Store> {
  const store = await openStore(path);
  cleanups.push(async () => await store.close());
  return store;
}

// On PostgreSQL a page of subscribers is read and recorded with a few statements
// (decisionInputs, recordDecisions, ...), on SQLite one subscriber at a time: the same digests.
describe.each(engines())('daily digest decisions on $name', (engine) => {
  const open = async () => {
    const store = await engine.open();
    cleanups.push(async () => await store.close());
    return store;
  };

  it('shows a story the subscriber already got as an update in the next daily digest: what is new since, not the same summary again', async () => {
    const store = await open();
    await addSubscribers(store, [{ chatId: 1, timezone: 'UTC', topics: ['Kessel dam'] }]);
    const ingest = async (draft: ArticleDraft, at: string) => await store.articles.insert(draft, { analysis: analyseArticle(draft), ingestedAt: new Date(at) });
    for (const draft of damBreach) await ingest(draft, '2025-03-12T19:00:00Z');

    await decideDue(store, { ...DIGEST_DEFAULTS.daily, now: new Date('2025-03-13T08:00:00Z') });
    const [first] = await store.outbox.digests({ chatId: 1 });
    const [firstStory] = (await store.outbox.items(first!.id)).flatMap((i) => i.stories as Story[]);
    expect(firstStory!.update).toBeUndefined();
    expect(firstStory!.sources).toHaveLength(3);

    // Two days later a new report on the same story arrives.
    await ingest(damFollowUp, '2025-03-14T09:30:00Z');
    await decideDue(store, { ...DIGEST_DEFAULTS.daily, now: new Date('2025-03-15T08:00:00Z') });
    const second = (await store.outbox.digests({ chatId: 1 }))[1]!;
    const items = await store.outbox.items(second.id);
    const [update] = items.flatMap((i) => i.stories as Story[]);
    // The same story (same id), shown as an update with the new report only.
    expect(update!.id).toBe(firstStory!.id);
    expect(update!.update).toEqual({ storyTitle: firstStory!.title, earlierArticles: 3 });
    expect(update!.title).toBe(damFollowUp.title);
    expect(update!.sources.map((s) => s.url)).toEqual([damFollowUp.url]);
    // New facts, none of what the subscriber read yesterday, and the new quote.
    expect(update!.summary.length).toBeGreaterThan(0);
    for (const sentence of update!.summary) {
      expect(damFollowUp.text).toContain(sentence);
      expect(firstStory!.summary).not.toContain(sentence);
    }
    expect(update!.summary.join(' ')).toMatch(/inquiry|found alive|compensation/);
    expect(update!.quotes.map((q) => [q.text.replace(/,$/, ''), q.speaker])).toEqual([['Whoever postponed the repairs will have to answer for it', 'Tomas Brandt']]);
    // As the subscriber reads it.
    const text = visibleText(items[0]!.html);
    expect(text).toContain(`1. Update: ${damFollowUp.title}`);
    expect(text).toContain(`Follow-up to “${firstStory!.title}”`);
    expect(text).toContain('Tomas Brandt');
    for (const sentence of firstStory!.summary) expect(text).not.toContain(sentence);

    // A third digest with nothing new on the story has nothing to say about it.
    await decideDue(store, { ...DIGEST_DEFAULTS.daily, now: new Date('2025-03-16T08:00:00Z') });
    expect((await store.outbox.digests({ chatId: 1 }))[2]!.status).toBe('skipped-empty');
  });

  it('every due subscriber gets one digest for their local date, decided in pages, with their topics; a second run finds no one due', async () => {
    const store = await open();
    const now = new Date('2026-05-01T09:00:00Z');
    await seedArticles(store, now, 20);
    await addSubscribers(store, manySubscribers(60));
    const report = await decideDue(store, { ...DIGEST_DEFAULTS.daily, now, chunkSize: 25 });
    expect(report).toMatchObject({ due: 60, queued: 60, skippedEmpty: 0, alreadyDecided: 0 });
    const digests = await store.outbox.digests();
    expect(digests.map((d) => d.chatId).sort()).toEqual(manySubscribers(60).map((s) => s.chatId));
    expect(digests.every((d) => d.localDate === '2026-05-01' && d.status === 'pending')).toBe(true);
    // A subscriber with topics gets the stories of those topics, labelled with them.
    const [withTopics] = manySubscribers(60).filter((s) => s.topics!.length === 2);
    const digest = digests.find((d) => d.chatId === withTopics!.chatId)!;
    expect(digest.topic).toBe((await store.subscribers.topics(withTopics!.chatId)).join(', '));
    expect(digest.topic!.split(', ').sort()).toEqual([...withTopics!.topics!].sort());
    const items = await store.outbox.items(digest.id);
    expect(items.map((i) => i.seq)).toEqual(items.map((_, i) => i));
    expect(visibleText(items[0]!.html)).toMatch(new RegExp(withTopics!.topics!.join('|')));
    expect((await decideDue(store, { ...DIGEST_DEFAULTS.daily, now, chunkSize: 25 })).due).toBe(0);
  });
});

describe('daily digest decisions (injected clock)', () => {
  it('Tokyo and New York 08:00 subscribers are decided at the right UTC instants across the 2026-11-01 DST change', async () => {
    const store = await freshStore();
    await addSubscribers(store, [
      { chatId: 1, timezone: 'Asia/Tokyo' },
      { chatId: 2, timezone: 'America/New_York' },
    ]);
    const start = new Date('2026-10-30T00:00:00Z').getTime();
    const end = new Date('2026-11-03T00:00:00Z').getTime();
    let batch = 0;
    for (let t = start; t < end; t += 60_000) {
      const now = new Date(t);
      if ((t - start) % (3 * 3_600_000) === 0) await seedArticles(store, now, 5, { prefix: `b${batch++}-`, ingestedAt: now });
      await decideDue(store, { ...DIGEST_DEFAULTS.daily, now, maxStories: 3 });
    }
    const decidedAt = async (chatId: number) => (await store.outbox.digests({ chatId })).map((d) => [d.localDate, d.decidedAt]);
    expect(await decidedAt(1)).toEqual([
      // Started at 09:00 Tokyo time: the missed 08:00 digest goes out at once, once.
      ['2026-10-30', '2026-10-30T00:00:00.000Z'],
      ['2026-10-31', '2026-10-30T23:00:00.000Z'],
      ['2026-11-01', '2026-10-31T23:00:00.000Z'],
      ['2026-11-02', '2026-11-01T23:00:00.000Z'],
      ['2026-11-03', '2026-11-02T23:00:00.000Z'],
    ]);
    expect(await decidedAt(2)).toEqual([
      // 20:00 on 29 Oct in New York at the start: that day's digest is still sent, at once.
      ['2026-10-29', '2026-10-30T00:00:00.000Z'],
      ['2026-10-30', '2026-10-30T12:00:00.000Z'],
      ['2026-10-31', '2026-10-31T12:00:00.000Z'],
      ['2026-11-01', '2026-11-01T13:00:00.000Z'],
      ['2026-11-02', '2026-11-02T13:00:00.000Z'],
    ]);
    // Each digest has the news since the previous one: every story has a new article, and a
    // story the subscriber got before shows only its new articles.
    const ny = await store.outbox.digests({ chatId: 2 });
    for (let i = 1; i < ny.length; i++) expect(ny[i]!.ingestedAfter).toBe(ny[i - 1]!.cutoffAt);
    expect(ny[0]!.ingestedAfter).toBe('2026-10-29T00:00:00.000Z');
    let updates = 0;
    for (const d of ny.slice(1)) {
      const stories = (await store.outbox.items(d.id)).flatMap((i) => i.stories as Story[]);
      expect(stories.length).toBeGreaterThan(0);
      for (const story of stories) {
        const fresh: boolean[] = [];
        for (const source of story.sources) fresh.push((await store.articles.get(source.articleId))!.ingestedAt > d.ingestedAfter!);
        expect(fresh).toContain(true);
        if (story.update) {
          updates++;
          expect(fresh.every(Boolean)).toBe(true);
        }
      }
    }
    expect(updates).toBeGreaterThan(0);
  });

  it('records an empty digest as skipped-empty, without messages, and still only once', async () => {
    const store = await freshStore();
    await addSubscribers(store, [{ chatId: 7, timezone: 'UTC' }]);
    const now = new Date('2026-05-01T09:00:00Z');
    const report = await decideDue(store, { ...DIGEST_DEFAULTS.daily, now });
    expect(report).toMatchObject({ due: 1, queued: 0, skippedEmpty: 1 });
    expect(await store.outbox.digest(7, '2026-05-01')).toMatchObject({ status: 'skipped-empty', messageCount: 0 });
    expect(await store.outbox.items()).toEqual([]);
    expect((await decideDue(store, { ...DIGEST_DEFAULTS.daily, now: new Date('2026-05-01T10:00:00Z') })).due).toBe(0);
  });

  it('a digest is decided once per subscriber and local date, whoever decides it', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const a = await freshStore(`${dir}/db.sqlite`);
    const b = await freshStore(`${dir}/db.sqlite`);
    const now = new Date('2026-05-01T09:00:00Z');
    await seedArticles(a, now, 20);
    await addSubscribers(a, Array.from({ length: 300 }, (_, i) => ({ chatId: 1000 + i, topics: i % 2 ? ['Syria'] : [] })));
    const [ra, rb] = await Promise.all([decideDue(a, { ...DIGEST_DEFAULTS.daily, now, chunkSize: 25 }), decideDue(b, { ...DIGEST_DEFAULTS.daily, now, chunkSize: 25 })]);
    expect(ra.queued + rb.queued).toBe(300);
    expect(ra.alreadyDecided + rb.alreadyDecided).toBeGreaterThan(0);
    expect((await a.outbox.digests()).length).toBe(300);
    expect(
      await a.outbox.recordDecision({ chatId: 1000, localDate: '2026-05-01', dueAt: now, cutoffAt: now, ingestedAfter: null, topic: null, storyCount: 0, messages: [] }),
    ).toBeNull();
    // Everyone got a rendered, ordered digest in the outbox.
    const items = await a.outbox.items();
    expect(new Set(items.map((i) => i.chatId)).size).toBe(300);
    expect(items.every((i) => i.status === 'pending' && i.html.length > 0)).toBe(true);
  });

  it('--now makes everyone due at once, at their own local date', async () => {
    const store = await freshStore();
    await addSubscribers(store, [
      { chatId: 1, timezone: 'Asia/Tokyo', digestTime: '23:00' },
      { chatId: 2, timezone: 'America/New_York', digestTime: '23:00' },
    ]);
    const now = new Date('2026-05-01T16:00:00Z');
    expect((await findDue(store, now)).due).toEqual([]);
    const due = (await findDue(store, now, { everyoneDue: true })).due.map((d) => [d.subscriber.chatId, d.localDate]);
    expect(due).toEqual([
      [1, '2026-05-02'],
      [2, '2026-05-01'],
    ]);
  });

  // The CPU per personalised digest (under 1 ms) is measured by `npm run bench` (bench/fanout.ts), not asserted here.
  it('builds each distinct digest once per run, however many subscribers share it', async () => {
    const store = await freshStore();
    const now = new Date('2026-05-01T09:00:00Z');
    await seedArticles(store, now, 60);
    await addSubscribers(store, Array.from({ length: 2000 }, (_, i) => ({ chatId: 5000 + i, topics: i % 4 === 0 ? [] : [['Syria', 'markets', 'climate'][i % 3]!] })));
    const report = await decideDue(store, { ...DIGEST_DEFAULTS.daily, now, maxStories: 5 });
    expect(report.queued).toBe(2000);
    expect(report.built).toBeLessThanOrEqual(4);
  });

  it("writes each daily digest in its reader's language, with their stories per digest and Follow / Unfollow under each story", async () => {
    const store = await freshStore();
    const now = new Date('2026-05-01T09:00:00Z');
    // Ten stories that share nothing: one article each, each of its own place and subject.
    const places = ['Lisbon', 'Oslo', 'Nairobi', 'Lima', 'Hanoi', 'Quito', 'Dakar', 'Riga', 'Tbilisi', 'Accra'];
    const subjects = ['port strike', 'flood warning', 'rail tender', 'bank merger', 'vaccine drive', 'oil discovery', 'museum fire', 'chess record', 'space launch', 'wine harvest'];
    for (const [i, place] of places.entries()) {
      await storeDraft(store, {
        title: `New ${subjects[i]} divides ${place}`,
        text: `The ${subjects[i]} in ${place} has divided the city for ${i + 2} months. "We will settle the ${subjects[i]} soon," said mayor Ana Number${i} in ${place}.`,
        published: new Date(now.getTime() - (i + 1) * 600_000).toISOString(),
        outlet: `Outlet ${i}`,
        url: `https://outlet${i}.example/${i}`,
      });
    }
    await addSubscribers(store, [
      { chatId: 1, topics: [] },
      { chatId: 2, topics: [] },
    ]);
    await store.subscribers.setLanguage(2, 'ru');
    await store.subscribers.setStoriesPerDigest(2, 3);
    await decideDue(store, { ...DIGEST_DEFAULTS.daily, now, maxStories: 8 });
    const messages = async (chatId: number) => await store.outbox.items((await store.outbox.digests({ chatId }))[0]!.id);
    const english = await messages(1);
    const russian = await messages(2);
    expect(visibleText(english[0]!.html)).toMatch(/^Top stories: 8 stories\n/);
    expect(english.flatMap((m) => m.stories)).toHaveLength(8);
    expect(visibleText(russian[0]!.html)).toMatch(/^Главные новости: 3 сюжета\n/);
    expect(russian.flatMap((m) => m.stories)).toHaveLength(3);
    // The same stories (the headlines stay as written); only the bot's words differ.
    const labels = russian[0]!.keyboard.flat().map((b) => (b as { text: string }).text);
    expect(labels).toContain('Подробнее 1');
    expect(labels.some((l) => l.startsWith('Следить: '))).toBe(true);
  });

  it('records the improved digest (the LLM path) built once per request, outside the write transaction', async () => {
    const store = await freshStore();
    const now = new Date('2026-11-27T12:00:00Z');
    await seedArticles(store, now, 10, { ingestedAt: new Date(now.getTime() - 3_600_000) });
    await addSubscribers(store, [{ chatId: 1, timezone: 'UTC' }, { chatId: 2, timezone: 'UTC' }, { chatId: 3, timezone: 'UTC' }]);
    let calls = 0;
    const improve = async (digest: Parameters<NonNullable<Parameters<typeof decideDue>[1]['improve']>>[0]) => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return { ...digest, headline: 'Model headline over the day' };
    };
    const report = await decideDue(store, { ...DIGEST_DEFAULTS.daily, now, everyoneDue: true, improve });
    expect(report.queued).toBe(3);
    // Three subscribers with the same (empty) topics share one digest: one LLM pass.
    expect(calls).toBe(1);
    for (const chatId of [1, 2, 3]) {
      const [digest] = await store.outbox.digests({ chatId });
      expect((await store.outbox.items(digest!.id))[0]!.html).toContain('Model headline over the day');
    }
  });
});
