import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SubscriptionService } from '../../src/app/subscriptions.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { ingestSeed } from '../bot/harness.ts';

const now = new Date('2016-09-05T18:00:00Z');
const defaults = { digestTime: '08:00', timezone: 'UTC' };
const chat = { chatId: 42, userId: 42, firstName: 'Ada' };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshStore(path = ':memory:'): Promise<Store> {
  const store = await openStore(path);
  cleanups.push(async () => await store.close());
  return store;
}

describe('SubscriptionService', () => {
  it('settings never resubscribe a stopped chat; only subscribe (/start) and resume (the settings "on" button) do', async () => {
    const subscriptions = new SubscriptionService({ store: await freshStore(), now: () => now, defaults });
    await subscriptions.subscribe(chat);
    expect(await subscriptions.stop(42)).toBe(true);
    await subscriptions.setTime(chat, '07:30');
    await subscriptions.setTimezone(chat, 'Europe/Berlin');
    await subscriptions.setStoriesPerDigest(chat, 3);
    await subscriptions.setLanguage(chat, 'ru');
    await subscriptions.follow(chat, 'climate');
    expect(await subscriptions.get(42)).toMatchObject({ active: false, digestTime: '07:30', timezone: 'Europe/Berlin', storiesPerDigest: 3, language: 'ru' });
    expect(await subscriptions.resume(42)).toBe(true);
    expect(await subscriptions.get(42)).toMatchObject({ active: true, stoppedAt: null, stopReason: null });
    // Resuming a chat that never wrote makes nothing.
    expect(await subscriptions.resume(99)).toBe(false);
    expect(await subscriptions.get(99)).toBeUndefined();
  });

  it('/follow says how many stories the topic had this week, and follows a topic with none', async () => {
    const store = await freshStore();
    await ingestSeed(store);
    const subscriptions = new SubscriptionService({ store, now: () => now, defaults });
    expect(await subscriptions.follow(chat, 'syria')).toEqual({ result: 'added', storiesThisWeek: 1 });
    expect(await subscriptions.follow(chat, 'climate')).toEqual({ result: 'added', storiesThisWeek: 0 });
    expect(await subscriptions.follow(chat, 'Syria')).toEqual({ result: 'exists' });
    expect((await subscriptions.topics(42)).sort()).toEqual(['climate', 'syria']);
    // A week later the story is no longer this week's.
    const later = new SubscriptionService({ store, now: () => new Date('2016-09-20T00:00:00Z'), defaults });
    expect(await later.follow(chat, 'putin')).toEqual({ result: 'added', storiesThisWeek: 0 });
  });

  it('keeps what the next message is for in the database: a restart between the press and the message loses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-subs-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'subs.db');
    const first = await freshStore(path);
    await new SubscriptionService({ store: first, now: () => now, defaults }).setPendingInput(chat, { kind: 'topic', messageId: 7 });
    await first.close();
    const reopened = new SubscriptionService({ store: await freshStore(path), now: () => now, defaults });
    expect((await reopened.get(42))?.pendingInput).toEqual({ kind: 'topic', messageId: 7 });
    await reopened.setPendingInput(chat, null);
    expect((await reopened.get(42))?.pendingInput).toBeNull();
  });
});
