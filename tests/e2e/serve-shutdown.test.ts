// SIGTERM while `serve` is fetching a source that never answers: the fetch is aborted and
// the process exits within seconds (issue 18: it waited for the whole fetch, hours with
// a feed of many teasers).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { tempDir } from '../delivery/helpers.ts';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';

const BIN = fileURLToPath(new URL('../../bin/news-digest.js', import.meta.url));
const tmp = tempDir();
const db = `${tmp.dir}/news.db`;
let fx: FixtureServer;

beforeAll(async () => {
  fx = await startFixtureServer();
  fx.static('/stuck.xml', '<rss version="2.0"><channel><title>Stuck</title></channel></rss>', { contentType: 'application/rss+xml', headersDelayMs: 120_000 });
  const store = await openStore(db);
  await store.sources.add({ name: 'Stuck', url: fx.url('/stuck.xml') });
  await store.close();
});

afterAll(async () => {
  await fx.close();
  tmp.cleanup();
});

describe('serve shutdown', () => {
  it('aborts a fetch in flight on SIGTERM and exits at once, with code 0', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--db', db], {
      cwd: tmp.dir,
      // No BOT_TOKEN: serve fetches only, which is all this test needs.
      env: { PATH: process.env.PATH, ALLOW_PRIVATE_SOURCES: 'true', FETCH_TIMEOUT_MS: '120000', SOURCES_FILE: '/nonexistent/sources.json', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let waited = 0; fx.requestsTo('/stuck.xml').length === 0; waited += 100) {
        if (waited > 60_000) throw new Error(`serve never fetched the source:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      // The fetch was aborted, not waited for (its timeout is 120 s, past this test's budget);
      // how soon serve exits, in wall time, is measured by `npm run bench` (bench/timing.ts).
      expect(output).toMatch(/fetch stopped early: 1 sources left for the next poll \(aborted \(shutting down\)\)/);
      expect(output).toMatch(/stopped/);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
