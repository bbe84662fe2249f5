import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd-subscribers-'));
  store = await openStore(join(dir, 'test.db'));
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sent messages', () => {
  it('gives a reply to any message of a split digest all the digest\'s stories; other messages keep their own', async () => {
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
  });
});
