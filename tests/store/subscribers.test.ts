// The subscriber store's contract, on every engine: what a reader would notice if it broke
// (settings lost on /start, a /stop silently undone, a topic followed twice, a reply to a digest
// answered from the wrong stories).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_TOPICS_PER_SUBSCRIBER, type Store } from '../../src/store/index.ts';
import { engines } from '../support/engines.ts';

const T0 = new Date('2026-03-01T10:00:00Z');
const T1 = new Date('2026-03-02T10:00:00Z');

describe.each(engines())('subscribers on $name', ({ open }) => {
  let store: Store;

  beforeEach(async () => {
    store = await open();
  });

  afterEach(async () => {
    await store.close();
  });

  describe('subscriptions and settings', () => {
    it('a new chat is subscribed with the defaults; /start again keeps its settings and says it is not new', async () => {
      const first = await store.subscribers.subscribe({ chatId: 1, userId: 11, firstName: 'Ann', username: 'ann', digestTime: '08:00', timezone: 'UTC' }, T0);
      expect(first).toMatchObject({ created: true, subscriber: { chatId: 1, userId: 11, firstName: 'Ann', active: true, digestTime: '08:00', timezone: 'UTC', createdAt: T0.toISOString(), pendingInput: null } });
      await store.subscribers.setDigestTime(1, '07:30', T0);
      await store.subscribers.setTimezone(1, 'Europe/Berlin', T0);
      await store.subscribers.setLanguage(1, 'de', T0);
      await store.subscribers.setStoriesPerDigest(1, 5, T0);
      expect(await store.subscribers.unsubscribe(1, 'user', T1)).toBe(true);
      expect(await store.subscribers.unsubscribe(1, 'user', T1)).toBe(false);
      expect(await store.subscribers.get(1)).toMatchObject({ active: false, stoppedAt: T1.toISOString(), stopReason: 'user' });
      const again = await store.subscribers.subscribe({ chatId: 1, firstName: null, digestTime: '09:00', timezone: 'UTC' }, T1);
      expect(again).toMatchObject({
        created: false,
        subscriber: { active: true, stoppedAt: null, stopReason: null, userId: 11, firstName: 'Ann', digestTime: '07:30', timezone: 'Europe/Berlin', language: 'de', storiesPerDigest: 5, createdAt: T0.toISOString() },
      });
    });

    it('ensure never re-subscribes a reader who sent /stop, and creates a missing chat', async () => {
      await store.subscribers.subscribe({ chatId: 2, digestTime: '08:00', timezone: 'UTC' }, T0);
      await store.subscribers.unsubscribe(2, 'user', T0);
      expect(await store.subscribers.ensure({ chatId: 2, username: 'bob', digestTime: '08:00', timezone: 'UTC' }, T1)).toMatchObject({ active: false, username: 'bob' });
      expect(await store.subscribers.ensure({ chatId: 3, digestTime: '06:00', timezone: 'Asia/Tokyo' }, T1)).toMatchObject({ chatId: 3, active: true, digestTime: '06:00' });
      expect(await store.subscribers.resume(2, T1)).toBe(true);
      expect(await store.subscribers.resume(2, T1)).toBe(false);
      expect(await store.subscribers.resume(99, T1)).toBe(false);
      expect((await store.subscribers.listActive()).map((s) => s.chatId)).toEqual([2, 3]);
      expect(await store.subscribers.countActive()).toBe(2);
    });

    it('keeps the pending input of a settings button, the language Telegram reports and the last topic', async () => {
      await store.subscribers.subscribe({ chatId: 4, digestTime: '08:00', timezone: 'UTC' }, T0);
      await store.subscribers.setPendingInput(4, { kind: 'timezone', messageId: 77 });
      await store.subscribers.setClientLanguage(4, 'fr');
      await store.subscribers.setClientLanguage(4, 'fr');
      await store.subscribers.setLastTopic(4, 'syria');
      expect(await store.subscribers.get(4)).toMatchObject({ pendingInput: { kind: 'timezone', messageId: 77 }, clientLanguage: 'fr', lastTopic: 'syria' });
      await store.subscribers.setPendingInput(4, null);
      await store.subscribers.setStoriesPerDigest(4, null);
      expect(await store.subscribers.get(4)).toMatchObject({ pendingInput: null, storiesPerDigest: null });
      expect(await store.subscribers.get(5)).toBeUndefined();
    });
  });

  describe('topics', () => {
    it('follows a topic once whatever its case, up to the limit, in the order followed', async () => {
      await store.subscribers.subscribe({ chatId: 6, digestTime: '08:00', timezone: 'UTC' }, T0);
      expect(await store.subscribers.follow(6, 'Syria', T0)).toBe('added');
      expect(await store.subscribers.follow(6, 'syria', T0)).toBe('exists');
      expect(await store.subscribers.follow(6, 'climate', T1)).toBe('added');
      expect(await store.subscribers.topics(6)).toEqual(['Syria', 'climate']);
      expect(await store.subscribers.unfollow(6, 'SYRIA')).toBe(true);
      expect(await store.subscribers.unfollow(6, 'syria')).toBe(false);
      for (let i = (await store.subscribers.topics(6)).length; i < MAX_TOPICS_PER_SUBSCRIBER; i++) await store.subscribers.follow(6, `topic ${i}`, T1);
      expect(await store.subscribers.follow(6, 'one too many', T1)).toBe('limit');
      expect(await store.subscribers.topics(6)).toHaveLength(MAX_TOPICS_PER_SUBSCRIBER);
    });
  });

  describe('sent messages', () => {
    it("gives a reply to any message of a split digest all the digest's stories; other messages keep their own", async () => {
      const chatId = 42;
      await store.subscribers.recordSentMessage({ chatId, messageId: 10, kind: 'summary', topic: 'storm', stories: ['a', 'b'], digestKey: 'summary:1' });
      await store.subscribers.recordSentMessage({ chatId, messageId: 11, kind: 'summary', topic: 'storm', stories: ['c'], digestKey: 'summary:1' });
      await store.subscribers.recordSentMessage({ chatId, messageId: 12, kind: 'summary', topic: 'bridge', stories: ['d'], digestKey: 'summary:2' });
      await store.subscribers.recordSentMessage({ chatId, messageId: 13, kind: 'answer', topic: null, stories: ['e'] });
      expect((await store.subscribers.digestStories<string>(chatId, 11))?.stories).toEqual(['a', 'b', 'c']);
      expect((await store.subscribers.digestStories<string>(chatId, 10))?.stories).toEqual(['a', 'b', 'c']);
      expect((await store.subscribers.digestStories<string>(chatId, 12))?.stories).toEqual(['d']);
      expect((await store.subscribers.digestStories<string>(chatId, 13))?.stories).toEqual(['e']);
      expect(await store.subscribers.digestStories(chatId, 99)).toBeUndefined();
      // Another chat's digest with the same key is not this one's.
      await store.subscribers.recordSentMessage({ chatId: 7, messageId: 10, kind: 'summary', topic: 'storm', stories: ['x'], digestKey: 'summary:1' });
      expect((await store.subscribers.digestStories<string>(chatId, 10))?.stories).toEqual(['a', 'b', 'c']);
      // Recorded again (an edit): the latest content wins.
      await store.subscribers.recordSentMessage({ chatId, messageId: 13, kind: 'answer', topic: 'q', stories: ['f'] }, T1);
      expect(await store.subscribers.sentMessage(chatId, 13)).toMatchObject({ topic: 'q', stories: ['f'], createdAt: T1.toISOString(), digestKey: null });
    });
  });
});
