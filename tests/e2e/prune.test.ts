import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { runCli } from './cli.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('news-digest prune', () => {
  it('deletes what the retention settings no longer keep and, with --vacuum, converts an older database to incremental auto-vacuum', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-prune-'));
    dirs.push(dir);
    const path = join(dir, 'old.db');
    // A database from before retention: auto_vacuum NONE.
    const legacy = new Database(path);
    legacy.pragma('auto_vacuum = NONE');
    legacy.exec('CREATE TABLE placeholder (x)');
    legacy.close();
    const store = await openStore(path);
    const now = Date.now();
    await store.subscribers.recordSentMessage({ chatId: 1, messageId: 1, kind: 'summary', topic: null, stories: [] }, new Date(now - 40 * 86_400_000));
    await store.subscribers.recordSentMessage({ chatId: 1, messageId: 2, kind: 'summary', topic: null, stories: [] }, new Date(now - 10 * 86_400_000));
    await store.close();

    const first = await runCli(['prune', '--db', path]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^deleted 0 articles, 1 sent messages, 0 digests, 0 LLM results/);
    expect(first.stdout).toMatch(/prune --vacuum/);

    const second = await runCli(['prune', '--vacuum', '--json', '--db', path], { RETENTION_SENT_MESSAGES_DAYS: '5' });
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ sentMessages: 1, autoVacuum: 'incremental', vacuumed: true });
  });
});
