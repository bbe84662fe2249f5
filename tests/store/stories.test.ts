import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/model.ts';
import { Store } from '../../src/store/index.ts';
import type { ArticleFeatures } from '../../src/stories/features.ts';
import { memoryLogger } from '../delivery/helpers.ts';
import { damBreach, damFollowUp, otherDam, rateDecision, valleyElection } from '../fixtures/stories.ts';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nd-stories-'));
  store = Store.open(join(dir, 'test.db'));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const add = (draft: ArticleDraft, storyFeatures?: ArticleFeatures) => store.articles.insert(draft, storyFeatures ? { storyFeatures } : {});

describe('stories assigned at ingest', () => {
  it('puts three outlets on one event in one story, and other events in their own', () => {
    const ids = damBreach.map((d) => add(d).storyId);
    const rate = add(rateDecision).storyId;
    expect(new Set(ids).size).toBe(1);
    expect(rate).not.toBe(ids[0]);
    const story = store.stories.get(ids[0]!)!;
    expect(story.articleCount).toBe(3);
    expect(story.first).toBe('2025-03-12T07:00:00.000Z');
    expect(story.last).toBe('2025-03-12T18:00:00.000Z');
    // Its title is one of its own headlines.
    expect(damBreach.map((d) => d.title)).toContain(story.title);
    expect(store.stories.members([story.id]).get(story.id)).toHaveLength(3);
  });

  it('takes in a follow-up two days later, but not another event in the same valley a week later, nor a dam breach elsewhere', () => {
    const story = damBreach.map((d) => add(d).storyId)[0]!;
    expect(add(damFollowUp).storyId).toBe(story);
    expect(add(valleyElection).storyId).not.toBe(story);
    expect(add(otherDam).storyId).not.toBe(story);
    expect(store.stories.get(story)!.articleCount).toBe(4);
  });

  it('joins a near-duplicate to its original\'s story whatever its headline', () => {
    const original = add(damBreach[0]!);
    const copy = add({ ...damBreach[0]!, title: 'Breaking: water everywhere', url: 'https://copy.example/1', text: `${damBreach[0]!.text} Reporting by the wire desk.` });
    expect(copy.status).toBe('near-duplicate');
    expect(copy.storyId).toBe(original.storyId);
  });

  it('is more careful without dates: a follow-up that joins when dated stays apart when neither report has a date', () => {
    const undated = (d: ArticleDraft): ArticleDraft => {
      const { published: _published, ...rest } = d;
      return rest;
    };
    add(rateDecision);
    add(valleyElection);
    const first = add(undated(damBreach[1]!)).storyId;
    const followUp = add(undated(damFollowUp)).storyId;
    expect(followUp).not.toBe(first);
    expect(store.stories.get(first!)!.dated).toBe(false);
    // The same two reports with their dates (two days apart) are one story.
    const dated = Store.open(join(dir, 'dated.db'));
    dated.articles.insert(rateDecision);
    dated.articles.insert(valleyElection);
    const a = dated.articles.insert(damBreach[1]!).storyId;
    expect(dated.articles.insert(damFollowUp).storyId).toBe(a);
    dated.close();
  });

  it('merges two stories that one article shows to be one; the old id leads to the survivor and the merge is logged', () => {
    store.close();
    const { log, lines } = memoryLogger();
    store = Store.open(join(dir, 'test.db'), { log });
    // Features chosen so that the first two reports share too little to join, and the third
    // shares much with both (as when a report of the rescue and one of the breach come first).
    const breach: ArticleFeatures = { terms: [['kessel', 6], ['dam', 6], ['breach', 3], ['wall', 2], ['varna', 3]], entities: [['kessel dam', 3], ['lake varna', 2]] };
    const rescue: ArticleFeatures = { terms: [['helicopt', 6], ['rooftop', 3], ['rescu', 3], ['brezno', 4], ['famili', 2]], entities: [['brezno', 3], ['ivo sedlak', 1]] };
    const both: ArticleFeatures = {
      terms: [...breach.terms, ...rescue.terms],
      entities: [...breach.entities, ...rescue.entities],
    };
    const a = add(damBreach[0]!, breach).storyId!;
    const b = add({ ...damBreach[1]!, title: 'Army helicopters lift families from Brezno rooftops' }, rescue).storyId!;
    expect(b).not.toBe(a);
    const c = add(damBreach[2]!, both).storyId!;
    const survivor = store.stories.get(c)!.id;
    const gone = survivor === a ? b : a;
    // Old ids (in buttons of messages sent before the merge) still resolve, to the survivor.
    expect(store.stories.resolve(gone)).toBe(survivor);
    expect(store.stories.get(gone)!.id).toBe(survivor);
    expect(store.stories.get(gone)!.articleCount).toBe(3);
    expect(store.stories.members([survivor]).get(survivor)).toHaveLength(3);
    expect(store.stories.changes()).toEqual([{ kind: 'merge', storyId: survivor, otherId: gone, articles: 1, at: expect.any(String) }]);
    expect(lines.some((l) => l.msg.startsWith('stories merged') && l.story === survivor && l.mergedStory === gone)).toBe(true);
    // A story merged into it later still resolves in one step.
    expect(store.stories.recent({ limit: 10 }).map((s) => s.id)).not.toContain(gone);
  });

  it('splits a story that two events formed while the store knew little, once the counts tell them apart, and logs it', () => {
    // While a store is young every word weighs about the same, so a report of a dam failing
    // and two of a helicopter rescue join on the words they share...
    const shared = 'Flood water reached the villages overnight and families were evacuated to the school.';
    const report = (title: string, text: string, hour: number, n: number): ArticleDraft => ({
      title,
      text: `${shared} ${text}`,
      url: `https://valley.example/${n}`,
      published: `2025-03-12T${String(hour).padStart(2, '0')}:00:00.000Z`,
    });
    const first = add(report('Kessel dam wall fails', 'The Kessel dam wall failed along forty metres, said Petra Halova.', 6, 1)).storyId!;
    expect(add(report('Helicopters over the valley', 'Helicopters flew eleven sorties, said Ivo Sedlak, and Petra Halova thanked the crews.', 8, 2)).storyId).toBe(first);
    expect(add(report('Helicopter crews lift families', 'Helicopters lifted families from rooftops, said Ivo Sedlak; Petra Halova thanked the crews.', 9, 3)).storyId).toBe(first);
    // ...then weeks of news make those words common (too late to join the story)...
    for (let i = 0; i < 40; i++) {
      add({ title: `Valley bulletin number ${i}`, text: `${shared} Bulletin ${i} from Petra Halova on the topic of ${['roads', 'schools', 'power', 'wells'][i % 4]} ${i}.`, url: `https://news.example/${i}`, published: '2025-04-10T09:00:00.000Z' });
    }
    // ...and when the story is re-examined (at four members), its two events come apart.
    const late = add(report('Kessel dam breach inquiry', 'Prosecutors opened an inquiry into the Kessel dam wall, said Petra Halova.', 20, 4));
    expect(late.storyId).toBe(first);
    const changes = store.stories.changes();
    expect(changes.map((c) => c.kind)).toEqual(['split']);
    const [split] = changes;
    expect(split!.storyId).toBe(first);
    // The earliest report keeps the id, with the other dam report; the rescue reports leave.
    expect(store.stories.storyOf(1)).toBe(first);
    expect(store.stories.storyOf(late.id)).toBe(first);
    expect(store.stories.storyOf(2)).toBe(split!.otherId);
    expect(store.stories.storyOf(3)).toBe(split!.otherId);
    expect(store.stories.get(split!.otherId)!.articleCount).toBe(2);
  });

  it('assigns the articles of a database from before stories, once, when it is opened', () => {
    for (const d of [...damBreach, rateDecision]) add(d);
    store.close();
    // As an older version left it: articles, no stories.
    const db = new Database(join(dir, 'test.db'));
    db.exec('DELETE FROM story_articles; DELETE FROM article_keys; DELETE FROM stories; DELETE FROM story_statistics');
    db.close();
    store = Store.open(join(dir, 'test.db'));
    const stories = [1, 2, 3, 4].map((id) => store.stories.storyOf(id));
    expect(stories.every((s) => s !== undefined)).toBe(true);
    expect(new Set(stories.slice(0, 3)).size).toBe(1);
    expect(stories[3]).not.toBe(stories[0]);
    expect(store.stories.assignStored()).toBe(0);
  });

  it('keeps its term counts across processes: what one wrote, the next one reads and adds to', () => {
    for (const d of damBreach) add(d);
    store.close();
    const db = new Database(join(dir, 'test.db'));
    const documents = () => db.prepare('SELECT documents FROM story_statistics').pluck().get();
    // And per day, for the burst weights: the breach's day, then the rate decision's.
    const days = () => db.prepare('SELECT documents FROM story_term_days ORDER BY day').pluck().all();
    expect(documents()).toBe(3);
    expect(days()).toEqual([3]);
    store = Store.open(join(dir, 'test.db'));
    add(rateDecision);
    store.close();
    expect(documents()).toBe(4);
    // The rate decision's day is the breach's: added to what the first process wrote.
    expect(days()).toEqual([4]);
    db.close();
    store = Store.open(join(dir, 'test.db'));
  });

  it('remembers which stories and articles each daily digest carried, without failed ones', () => {
    const storyId = damBreach.map((d) => add(d).storyId)[0]!;
    store.subscribers.subscribe({ chatId: 5, digestTime: '08:00', timezone: 'UTC' });
    const decide = (localDate: string, messages: number) =>
      store.outbox.recordDecision({
        chatId: 5,
        localDate,
        dueAt: new Date(`${localDate}T08:00:00Z`),
        cutoffAt: new Date(`${localDate}T08:00:00Z`),
        ingestedAfter: null,
        topic: null,
        storyCount: 1,
        messages: Array.from({ length: messages }, () => ({ html: 'x', keyboard: [], stories: [] })),
      })!;
    const first = decide('2025-03-13', 1);
    store.stories.recordDigest(first, [{ storyId, articleIds: [1, 2] }]);
    expect([...store.stories.deliveredArticles(5)].sort()).toEqual([1, 2]);
    const second = decide('2025-03-14', 1);
    store.stories.recordDigest(second, [{ storyId, articleIds: [3] }]);
    store.outbox.markFailed(store.outbox.items(second)[0]!.id, 'gone');
    expect([...store.stories.deliveredArticles(5)].sort()).toEqual([1, 2]);
    expect(store.stories.deliveredArticles(6).size).toBe(0);
  });
});
