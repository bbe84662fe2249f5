// `news-digest backup PATH` while another process has the database open and is writing, as a
// running serve does; the backup is restored by copying it in place and searched.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { SEED, runCli } from './cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'nd-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const titles = async (db: string, query: string) =>
  (JSON.parse((await runCli(['search', query, '--json', '--db', db])).stdout) as { articles: { title: string }[] }).articles.map((a) => a.title);

describe('news-digest backup', () => {
  it('copies the database while it is open and written to; the restored copy has every article', async () => {
    const db = join(dir, 'live.db');
    expect((await runCli(['ingest', SEED, '--db', db])).code).toBe(0);
    // The running bot: its connection stays open, and its last write is still in the WAL file.
    const live = await openStore(db);
    await live.articles.insert({
      title: 'Harbour council approves the new bridge budget',
      text: 'The harbour council approved the bridge budget on Tuesday after a long debate about costs and delays.',
      url: 'https://news.example.org/harbour/bridge',
      outlet: 'Harbour News',
    });
    try {
      const backup = await runCli(['backup', join(dir, 'backups', 'news.db'), '--db', db]);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/^backed up 2 articles to .*backups\/news\.db \(\d+\.\d MB\)\n$/);
      // Never over an existing file, whatever it is: exit 1 and one line.
      const again = await runCli(['backup', join(dir, 'backups', 'news.db'), '--db', db]);
      expect(again.code).toBe(1);
      expect(again.stderr.trim().split('\n')).toEqual([expect.stringMatching(/news\.db already exists/)]);
    } finally {
      await live.close();
    }

    const restored = join(dir, 'restored.db');
    copyFileSync(join(dir, 'backups', 'news.db'), restored);
    expect(await titles(restored, 'syria')).toEqual([expect.stringMatching(/^Putin: Russia & US may reach agreement on Syria/)]);
    expect(await titles(restored, 'harbour bridge')).toEqual(['Harbour council approves the new bridge budget']);
  }, 120_000);

  it('says so when there is no database to back up, and creates none', async () => {
    const result = await runCli(['backup', join(dir, 'nothing-backup.db'), '--db', join(dir, 'missing.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^news-digest: no database at .*missing\.db to back up\n$/);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
    expect(existsSync(join(dir, 'nothing-backup.db'))).toBe(false);
  }, 60_000);
});
