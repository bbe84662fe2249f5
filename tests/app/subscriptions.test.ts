import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SubscriptionService } from '../../src/app/subscriptions.ts';
import { Store } from '../../src/store/index.ts';
import { ingestSeed } from '../bot/harness.ts';

const now = new Date('2016-09-05T18:00:00Z');
const defaults = { digestTime: '08:00', timezone: 'UTC' };
const chat = { chatId: 42, userId: 42, firstName: 'Ada' };
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function openStore(path = ':memory:'): Store {
  const store = Store.open(path);
  cleanups.push(() => store.close());
  return store;
}

describe('SubscriptionService', () => {
  it('settings never resubscribe a stopped chat; only subscribe (/start) and resume (the settings "on" button) do', () => {
    const subscriptions = new SubscriptionService({ store: openStore(), now: () => now, defaults });
    subscriptions.subscribe(chat);
    expect(subscriptions.stop(42)).toBe(true);
    subscriptions.setTime(chat, '07:30');
    subscriptions.setTimezone(chat, 'Europe/Berlin');
    subscriptions.setStoriesPerDigest(chat, 3);
    subscriptions.setLanguage(chat, 'ru');
    subscriptions.follow(chat, 'climate');
    expect(subscriptions.get(42)).toMatchObject({ active: false, digestTime: '07:30', timezone: 'Europe/Berlin', storiesPerDigest: 3, language: 'ru' });
    expect(subscriptions.resume(42)).toBe(true);
    expect(subscriptions.get(42)).toMatchObject({ active: true, stoppedAt: null, stopReason: null });
    // Resuming a chat that never wrote makes nothing.
    expect(subscriptions.resume(99)).toBe(false);
    expect(subscriptions.get(99)).toBeUndefined();
  });

  it('/follow says how many stories the topic had this week, and follows a topic with none', () => {
    const store = openStore();
    ingestSeed(store);
    const subscriptions = new SubscriptionService({ store, now: () => now, defaults });
    expect(subscriptions.follow(chat, 'syria')).toEqual({ result: 'added', storiesThisWeek: 1 });
    expect(subscriptions.follow(chat, 'climate')).toEqual({ result: 'added', storiesThisWeek: 0 });
    expect(subscriptions.follow(chat, 'Syria')).toEqual({ result: 'exists' });
    expect(subscriptions.topics(42).sort()).toEqual(['climate', 'syria']);
    // A week later the story is no longer this week's.
    const later = new SubscriptionService({ store, now: () => new Date('2016-09-20T00:00:00Z'), defaults });
    expect(later.follow(chat, 'putin')).toEqual({ result: 'added', storiesThisWeek: 0 });
  });

  it('keeps what the next message is for in the database: a restart between the press and the message loses nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-subs-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'subs.db');
    const first = Store.open(path);
    new SubscriptionService({ store: first, now: () => now, defaults }).setPendingInput(chat, { kind: 'topic', messageId: 7 });
    first.close();
    const reopened = new SubscriptionService({ store: openStore(path), now: () => now, defaults });
    expect(reopened.get(42)?.pendingInput).toEqual({ kind: 'topic', messageId: 7 });
    reopened.setPendingInput(chat, null);
    expect(reopened.get(42)?.pendingInput).toBeNull();
  });
});
