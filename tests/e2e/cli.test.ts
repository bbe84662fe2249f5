// The CLI's contract as a shell user meets it: exit codes, one line per failure, a reader
// that closes the pipe early, and a BOT_TOKEN that only the commands talking to Telegram need.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { outputOf } from '../support/process-output.ts';
import { CLI, PROJECT_ROOT, SEED, runCli, type CliResult } from './cli.ts';

let dir: string;
let server: FixtureServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd-cli-'));
  server = await startFixtureServer();
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `news-digest ARGS | head -1` in a shell whose pipeline fails when the command does. */
function firstLineOf(args: string[]): Promise<CliResult> {
  const command = `set -o pipefail; "${process.execPath}" "${CLI}" ${args.map((a) => `'${a}'`).join(' ')} | head -1`;
  const child = spawn('bash', ['-c', command], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', SOURCES_FILE: '/nonexistent/sources.json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return outputOf(child);
}

describe('news-digest on the command line', () => {
  it('ends quietly when the reader closes the pipe early: sources list | head -1, search | head -1', async () => {
    // Far more output than a pipe holds (64 KB), so the command is still writing when head exits.
    const db = join(dir, 'pipe.db');
    const store = await openStore(db);
    await store.sources.seed(Array.from({ length: 1_500 }, (_, i) => ({ name: `Feed ${i} with a name long enough to fill lines`, url: `https://feeds${i}.example.org/some/long/path/rss.xml` })));
    for (let i = 0; i < 200; i++) {
      await store.articles.insert({
        title: `Harbour report ${i}: ${'the council debated the new harbour bridge and its budget at length '.repeat(5)}`,
        text: `The harbour council met on day ${i} and agreed the bridge budget after a long debate about costs and delays.`,
        url: `https://news.example.org/harbour/${i}`,
        outlet: 'Harbour News',
      });
    }
    await store.close();

    const sources = await firstLineOf(['sources', 'list', '--db', db]);
    expect(sources.stdout).toMatch(/^\d+\tFeed 0 /);
    expect(sources.stderr).toBe('');
    expect(sources.code).toBe(0);
    const search = await firstLineOf(['search', 'harbour', '--limit', '200', '--db', db]);
    expect(search.stdout).toMatch(/^\d+\tHarbour report/);
    expect(search.stderr).toBe('');
    expect(search.code).toBe(0);
  });

  it('documents its exit codes in --help, exits 0 for --help and 2 for a command line that cannot work', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:\n\s+0\s+success\n\s+1\s+failure.*\n\s+2\s+bad settings or usage.*\n\s+3\s+partial success/);
    const unknown = await runCli(['search', '--bogus', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--bogus'/);
    const missing = await runCli(['ingest']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument/);
  });

  it('an invalid sources file is bad settings: exit 2 and one line naming the file', async () => {
    const file = join(dir, 'broken-sources.json');
    writeFileSync(file, '{"sources": [{"name": "x", "url": ');
    const result = await runCli(['sources', 'list', '--db', join(dir, 'bad-sources.db')], { SOURCES_FILE: file });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`${file}: invalid JSON`);
  });

  it('fetch: exit 3 when some sources fail, 1 when all do, each failure printed once', async () => {
    server.static('/good.xml', '<rss version="2.0"><channel><title>Good</title><item><title>Bridge reopens</title><description>The harbour bridge reopened on Thursday after two years of repairs.</description></item></channel></rss>', {
      contentType: 'application/rss+xml',
    });
    const env = { ALLOW_PRIVATE_SOURCES: 'true', FETCH_HOST_INTERVAL_MS: '0' };
    const db = join(dir, 'fetch.db');
    const store = await openStore(db);
    await store.sources.add({ name: 'Good', url: server.url('/good.xml') });
    await store.sources.add({ name: 'Gone', url: server.url('/gone.xml') });
    await store.close();

    const partial = await runCli(['fetch', '--db', db], env);
    expect(partial.code, partial.stderr).toBe(3);
    expect(partial.stdout).toMatch(/sources: 2, fetched: 1, .*failed: 1/);
    const mentions = `${partial.stdout}\n${partial.stderr}`.split('\n').filter((line) => line.includes('HTTP 404'));
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatch(/Gone/);

    const onlyBad = join(dir, 'fetch-bad.db');
    const bad = await openStore(onlyBad);
    await bad.sources.add({ name: 'Gone', url: server.url('/gone.xml') });
    await bad.close();
    expect((await runCli(['fetch', '--db', onlyBad], env)).code).toBe(1);
  });

  it('ingest: exit 3 when some inputs fail, each failure printed once, with its reason', async () => {
    const missing = join(dir, 'missing.txt');
    const result = await runCli(['ingest', missing, SEED, '--db', join(dir, 'ingest.db')]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/new: 1, duplicate: 0, near-duplicate: 0, failed: 1/);
    expect(`${result.stdout}\n${result.stderr}`.split(missing).length - 1).toBe(1);
  });

  it('a malformed BOT_TOKEN does not stop a command that needs none (said once); deliver and serve refuse it with exit 2', async () => {
    const db = join(dir, 'token.db');
    const search = await runCli(['search', 'syria', '--db', db], { BOT_TOKEN: 'abc' });
    expect(search.code).toBe(0);
    expect(search.stdout).toMatch(/No articles match "syria"/);
    expect(search.stderr.match(/bot side is off/g)).toHaveLength(1);
    expect(search.stderr).not.toContain('"abc"');
    for (const command of ['deliver', 'serve']) {
      const refused = await runCli([command, '--db', db], { BOT_TOKEN: 'abc' });
      expect(refused.code, command).toBe(2);
      expect(refused.stderr.trim()).toBe('news-digest: Invalid setting BOT_TOKEN: expected a token from @BotFather, like 123456789:AAE...');
    }
  });
});
