import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/store/sqlite/store.ts';
import { mapInOrder } from '../support/in-order.ts';
import type { ArticleDraft } from '../../src/model.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { engines } from '../support/engines.ts';
import type { ArticleFeatures } from '../../src/stories/features.ts';
import { memoryLogger } from '../delivery/helpers.ts';
import { damBreach, damFollowUp, otherDam, rateDecision, valleyElection } from '../fixtures/stories.ts';

// The store contract: the same tests on every engine (tests/support/engines.ts).
describe.each(engines())('story store ($name)', (engine) => {
  let store: Store;

  beforeEach(async () => {
    store = await engine.open();
  });

  afterEach(async () => {
    await store.close();
  });

  const add = async (draft: ArticleDraft, storyFeatures?: ArticleFeatures) => await store.articles.insert(draft, storyFeatures ? { storyFeatures } : {});

  describe('stories assigned at ingest', () => {
    it('puts three outlets on one event in one story, and other events in their own', async () => {
      const ids = await mapInOrder(damBreach, async (d) => (await add(d)).storyId);
      const rate = (await add(rateDecision)).storyId;
      expect(new Set(ids).size).toBe(1);
      expect(rate).not.toBe(ids[0]);
      const story = await (await store.stories.get(ids[0]!))!;
      expect(story.articleCount).toBe(3);
      expect(story.first).toBe('2025-03-12T07:00:00.000Z');
      expect(story.last).toBe('2025-03-12T18:00:00.000Z');
      // Its title is one of its own headlines.
      expect(damBreach.map((d) => d.title)).toContain(story.title);
      expect((await store.stories.members([story.id])).get(story.id)).toHaveLength(3);
    });

    it('takes in a follow-up two days later, but not another event in the same valley a week later, nor a dam breach elsewhere', async () => {
      const story = (await mapInOrder(damBreach, async (d) => (await add(d)).storyId))[0]!;
      expect((await add(damFollowUp)).storyId).toBe(story);
      expect((await add(valleyElection)).storyId).not.toBe(story);
      expect((await add(otherDam)).storyId).not.toBe(story);
      expect((await store.stories.get(story))!.articleCount).toBe(4);
    });

    it('joins a near-duplicate to its original\'s story whatever its headline', async () => {
      const original = await add(damBreach[0]!);
      const copy = await add({ ...damBreach[0]!, title: 'Breaking: water everywhere', url: 'https://copy.example/1', text: `${damBreach[0]!.text} Reporting by the wire desk.` });
      expect(copy.status).toBe('near-duplicate');
      expect(copy.storyId).toBe(original.storyId);
    });

    it('is more careful without dates: a follow-up that joins when dated stays apart when neither report has a date', async () => {
      const undated = (d: ArticleDraft): ArticleDraft => {
        const { published: _published, ...rest } = d;
        return rest;
      };
      await add(rateDecision);
      await add(valleyElection);
      const first = (await add(undated(damBreach[1]!))).storyId;
      const followUp = (await add(undated(damFollowUp))).storyId;
      expect(followUp).not.toBe(first);
      expect((await store.stories.get(first!))!.dated).toBe(false);
      // The same two reports with their dates (two days apart) are one story.
      const dated = await engine.open();
      await dated.articles.insert(rateDecision);
      await dated.articles.insert(valleyElection);
      const a = (await dated.articles.insert(damBreach[1]!)).storyId;
      expect((await dated.articles.insert(damFollowUp)).storyId).toBe(a);
      await dated.close();
    });

    it('weighs an undated report’s words without the bursts of the days it was ingested on', async () => {
      // Today's dated news is full of one flood; two undated files on other subjects that use the word
      // and share a name stay apart: their ingest day says nothing of when they happened.
      const today = new Date().toISOString();
      const draft = (i: number, published?: string): ArticleDraft => ({ title: `Report ${i}`, text: `Report number ${i}.`, url: `https://news.example/${i}`, ...(published ? { published } : {}) });
      for (let i = 0; i < 40; i++) await add(draft(i, '2020-01-15T12:00:00Z'), { terms: [[`old${i}`, 3], ['council', 2]], entities: [[`town ${i}`, 1]] });
      for (let i = 40; i < 52; i++) await add(draft(i, today), { terms: [['flood', 4], [`river${i}`, 3]], entities: [[`village ${i}`, 1]] });
      const first = (await add(draft(52), { terms: [['flood', 6], ['insur', 2], ['premium', 2]], entities: [['kessel dam', 1]] })).storyId;
      const second = (await add(draft(53), { terms: [['flood', 6], ['school', 2], ['exam', 2]], entities: [['kessel dam', 1]] })).storyId;
      expect(second).not.toBe(first);
    });

    it('merges two stories that one article shows to be one; the old id leads to the survivor and the merge is logged', async () => {
      await store.close();
      const { log, lines } = memoryLogger();
      store = await engine.reopen({ log });
      // Features chosen so that the first two reports share too little to join, and the third
      // shares much with both (as when a report of the rescue and one of the breach come first).
      const breach: ArticleFeatures = { terms: [['kessel', 6], ['dam', 6], ['breach', 3], ['wall', 2], ['varna', 3]], entities: [['kessel dam', 3], ['lake varna', 2]] };
      const rescue: ArticleFeatures = { terms: [['helicopt', 6], ['rooftop', 3], ['rescu', 3], ['brezno', 4], ['famili', 2]], entities: [['brezno', 3], ['ivo sedlak', 1]] };
      const both: ArticleFeatures = {
        terms: [...breach.terms, ...rescue.terms],
        entities: [...breach.entities, ...rescue.entities],
      };
      const a = (await add(damBreach[0]!, breach)).storyId!;
      const b = (await add({ ...damBreach[1]!, title: 'Army helicopters lift families from Brezno rooftops' }, rescue)).storyId!;
      expect(b).not.toBe(a);
      const c = (await add(damBreach[2]!, both)).storyId!;
      const survivor = (await store.stories.get(c))!.id;
      const gone = survivor === a ? b : a;
      // Old ids (in buttons of messages sent before the merge) still resolve, to the survivor.
      expect(await store.stories.resolve(gone)).toBe(survivor);
      expect((await store.stories.get(gone))!.id).toBe(survivor);
      expect((await store.stories.get(gone))!.articleCount).toBe(3);
      expect((await store.stories.members([survivor])).get(survivor)).toHaveLength(3);
      expect(await store.stories.changes()).toEqual([{ kind: 'merge', storyId: survivor, otherId: gone, articles: 1, at: expect.any(String) }]);
      expect(lines.some((l) => l.msg.startsWith('stories merged') && l.story === survivor && l.mergedStory === gone)).toBe(true);
      // A story merged into it later still resolves in one step.
      expect((await store.stories.recent({ limit: 10 })).map((s) => s.id)).not.toContain(gone);
    });

    it('splits a story that two events formed while the store knew little, once the counts tell them apart, and logs it', async () => {
      // While a store is young every word weighs about the same, so a report of a dam failing
      // and two of a helicopter rescue join on the words they share...
      const shared = 'Flood water reached the villages overnight and families were evacuated to the school.';
      const report = (title: string, text: string, hour: number, n: number): ArticleDraft => ({
        title,
        text: `${shared} ${text}`,
        url: `https://valley.example/${n}`,
        published: `2025-03-12T${String(hour).padStart(2, '0')}:00:00.000Z`,
      });
      const first = (await add(report('Kessel dam wall fails', 'The Kessel dam wall failed along forty metres, said Petra Halova.', 6, 1))).storyId!;
      expect((await add(report('Helicopters over the valley', 'Helicopters flew eleven sorties, said Ivo Sedlak, and Petra Halova thanked the crews.', 8, 2))).storyId).toBe(first);
      expect((await add(report('Helicopter crews lift families', 'Helicopters lifted families from rooftops, said Ivo Sedlak; Petra Halova thanked the crews.', 9, 3))).storyId).toBe(first);
      // ...then weeks of news make those words common (too late to join the story)...
      for (let i = 0; i < 40; i++) {
        await add({ title: `Valley bulletin number ${i}`, text: `${shared} Bulletin ${i} from Petra Halova on the topic of ${['roads', 'schools', 'power', 'wells'][i % 4]} ${i}.`, url: `https://news.example/${i}`, published: '2025-04-10T09:00:00.000Z' });
      }
      // ...and when the story is re-examined (at four members), its two events come apart.
      const late = await add(report('Kessel dam breach inquiry', 'Prosecutors opened an inquiry into the Kessel dam wall, said Petra Halova.', 20, 4));
      expect(late.storyId).toBe(first);
      const changes = await store.stories.changes();
      expect(changes.map((c) => c.kind)).toEqual(['split']);
      const [split] = changes;
      expect(split!.storyId).toBe(first);
      // The earliest report keeps the id, with the other dam report; the rescue reports leave.
      expect(await store.stories.storyOf(1)).toBe(first);
      expect(await store.stories.storyOf(late.id)).toBe(first);
      expect(await store.stories.storyOf(2)).toBe(split!.otherId);
      expect(await store.stories.storyOf(3)).toBe(split!.otherId);
      expect((await store.stories.get(split!.otherId))!.articleCount).toBe(2);
    });

    it('keeps a topic reported every few days for weeks (the same names, other events) out of one story, yet takes in a follow-up of one of its events', async () => {
      // Petra Halova's water authority makes news every two days for three weeks: each report
      // names her and Lake Varna and uses the topic's words, and has its own event's words. A
      // day and a half after the pipe burst, a follow-up on it. Other news (farm reports, from
      // a month before) keeps the topic's names specific, as in a real store.
      const DAY = 86_400_000;
      const start = Date.parse('2025-03-01T09:00:00Z');
      const events = [['pipe', 'burst', 'kessel street'], ['tariff', 'rise', 'city council'], ['drought', 'warn', 'brezno farms'], ['reservoir', 'audit', 'audit office'], ['fish', 'kill', 'dolna creek'], ['boil', 'notic', 'kamen school'], ['pump', 'strike', 'pump union'], ['sewer', 'leak', 'old town'], ['alga', 'bloom', 'north beach'], ['meter', 'fraud', 'metro police']];
      const report = ([what, how, where]: string[]): ArticleFeatures => ({
        terms: [[what!, 3], [how!, 3], ['halova', 2], ['water', 2], ['author', 2], ['varna', 1]],
        entities: [['petra halova', 2], ['lake varna', 1], [where!, 1]],
      });
      const draft = (title: string, at: number): ArticleDraft => ({ title, text: `${title}.`, url: `https://news.example/${at}/${title.replace(/\W+/g, '-')}`, published: new Date(at).toISOString() });
      const stream: { at: number; title: string; features: ArticleFeatures; event?: number }[] = [];
      for (let n = 0; n < 80; n++) stream.push({ at: start - 30 * DAY + n * 12 * 3_600_000, title: `Farm report ${n}`, features: { terms: [[`crop${n}`, 3], [`yield${n}`, 2]], entities: [[`farm ${n}`, 1]] } });
      for (const [k, event] of events.entries()) stream.push({ at: start + k * 2 * DAY, title: `Water authority: ${event[0]} ${event[1]}`, features: report(event), event: k });
      const pipeBurst = report(events[0]!);
      const followUp = { at: start + 1.5 * DAY, title: 'Pipe burst: repairs done', features: { ...pipeBurst, terms: [...pipeBurst.terms, ['repair', 3]] as [string, number][] }, event: 0 };
      stream.push(followUp);
      stream.sort((a, b) => a.at - b.at);
      const topic: { id: number; at: number; event: number }[] = [];
      let reopened = false;
      for (const item of stream) {
        // Halfway, another process takes over: the stories' event times come from their rows.
        if (!reopened && item.at > start + 9 * DAY) {
          await store.close();
          store = await engine.reopen();
          reopened = true;
        }
        const { id } = await add(draft(item.title, item.at), item.features);
        if (item.event !== undefined) topic.push({ id, at: item.at, event: item.event });
      }
      // Read after the whole stream, so that splits and merges on the way count.
      const storyOf = new Map(await mapInOrder(topic, async (t) => [t.id, (await store.stories.storyOf(t.id))!] as const));
      // No story holds reports of the topic more than a week apart: three weeks are not one event...
      for (const a of topic) for (const b of topic) if (storyOf.get(a.id) === storyOf.get(b.id)) expect(Math.abs(a.at - b.at)).toBeLessThanOrEqual(7 * DAY);
      expect(new Set(storyOf.values()).size).toBeGreaterThanOrEqual(events.length / 2);
      // ...while the follow-up, with its event's own words and place, joins the pipe burst's story.
      const [burst, repairs] = topic.filter((t) => t.event === 0);
      expect(storyOf.get(repairs!.id)).toBe(storyOf.get(burst!.id));
    });

    it('keeps its term counts across processes: what one wrote, the next one reads and adds to', async () => {
      for (const d of damBreach) await add(d);
      await store.close();
      const documents = async () => (await engine.rows('SELECT documents FROM story_statistics'))[0]?.documents;
      // And per day, for the burst weights: the breach's day, then the rate decision's.
      const days = async () => (await engine.rows('SELECT documents FROM story_term_days ORDER BY day')).map((r) => r.documents);
      expect(await documents()).toBe(3);
      expect(await days()).toEqual([3]);
      store = await engine.reopen();
      await add(rateDecision);
      await store.close();
      expect(await documents()).toBe(4);
      // The rate decision's day is the breach's: added to what the first process wrote.
      expect(await days()).toEqual([4]);
      store = await engine.reopen();
    });

    it('remembers which stories and articles each daily digest carried, without failed ones', async () => {
      const storyId = (await mapInOrder(damBreach, async (d) => (await add(d)).storyId))[0]!;
      await store.subscribers.subscribe({ chatId: 5, digestTime: '08:00', timezone: 'UTC' });
      const decide = async (localDate: string, messages: number) =>
        await (await store.outbox.recordDecision({
          chatId: 5,
          localDate,
          dueAt: new Date(`${localDate}T08:00:00Z`),
          cutoffAt: new Date(`${localDate}T08:00:00Z`),
          ingestedAfter: null,
          topic: null,
          storyCount: 1,
          messages: Array.from({ length: messages }, () => ({ html: 'x', keyboard: [], stories: [] })),
        }))!;
      const first = await decide('2025-03-13', 1);
      await store.stories.recordDigest(first, [{ storyId, articleIds: [1, 2] }]);
      expect([...await store.stories.deliveredArticles(5)].sort()).toEqual([1, 2]);
      const second = await decide('2025-03-14', 1);
      await store.stories.recordDigest(second, [{ storyId, articleIds: [3] }]);
      await store.outbox.markFailed((await store.outbox.items(second))[0]!.id, 'gone');
      expect([...await store.stories.deliveredArticles(5)].sort()).toEqual([1, 2]);
      expect((await store.stories.deliveredArticles(6)).size).toBe(0);
    });
  });
});

// SQLite only: a database file from a version before stories. Every PostgreSQL database was
// created with stories (its schema starts at their final state), so it has no such past.
describe('a SQLite database from before stories', () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nd-stories-'));
    store = await openStore(join(dir, 'test.db'));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const add = async (draft: ArticleDraft) => await store.articles.insert(draft);

  it('assigns the articles of a database from before stories, once, when it is opened', async () => {
    for (const d of [...damBreach, rateDecision]) await add(d);
    await store.close();
    // As an older version left it: articles, no stories.
    const db = new Database(join(dir, 'test.db'));
    db.exec('DELETE FROM story_articles; DELETE FROM article_keys; DELETE FROM stories; DELETE FROM story_statistics');
    db.close();
    store = await openStore(join(dir, 'test.db'));
    const stories = await mapInOrder([1, 2, 3, 4], async (id) => await store.stories.storyOf(id));
    expect(stories.every((s) => s !== undefined)).toBe(true);
    expect(new Set(stories.slice(0, 3)).size).toBe(1);
    expect(stories[3]).not.toBe(stories[0]);
    expect((store as SqliteStore).sync.stories.assignStored()).toBe(0);
  });
});
