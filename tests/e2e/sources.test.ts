// Managing sources and fetching them from the CLI, against feeds served on 127.0.0.1.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { openStore } from '../../src/store/index.ts';
import { runCli } from './cli.ts';

const FEEDS = new URL('../fixtures/feeds/', import.meta.url);
let dir: string;
let server: FixtureServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd-sources-'));
  server = await startFixtureServer();
  server.static('/rss.xml', readFileSync(new URL('rss2.xml', FEEDS)), { contentType: 'application/rss+xml', etag: '"v1"' });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sources and fetch from the CLI', () => {
  it('adds a feed after checking it, lists, fetches with a conditional GET the second time, removes', async () => {
    const db = join(dir, 'a.db');
    // The feed's teaser items link to pages on hosts that do not resolve here: quick failures, then the teaser text.
    const env = { ALLOW_PRIVATE_SOURCES: 'true', FETCH_HOST_INTERVAL_MS: '0', FETCH_TIMEOUT_MS: '2000' };
    const added = await runCli(['sources', 'add', server.url('/rss.xml'), '--db', db], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/added 1: .+ \[feed\]/);
    const missing = await runCli(['sources', 'add', server.url('/nope.xml'), '--db', db], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot add .*nope\.xml: HTTP 404/);

    const first = JSON.parse((await runCli(['fetch', '--json', '--db', db], env)).stdout) as { sources: number; new: number; failed: unknown[] };
    expect(first).toMatchObject({ sources: 1, failed: [] });
    expect(first.new).toBeGreaterThan(0);
    const second = JSON.parse((await runCli(['fetch', '--json', '--db', db], env)).stdout) as { notModified: number; new: number };
    expect(second).toMatchObject({ notModified: 1, new: 0 });
    expect(server.requestsTo('/rss.xml').at(-1)?.headers['if-none-match']).toBe('"v1"');

    const list = await runCli(['sources', 'list', '--db', db], env);
    expect(list.stdout).toMatch(/ok \d{4}-\d\d-\d\d/);
    // Disabled: kept and listed, but not fetched; enabled again, fetched again.
    expect((await runCli(['sources', 'disable', '1', '--db', db])).stdout).toMatch(/disabled 1: /);
    expect((await runCli(['sources', 'list', '--db', db])).stdout).toMatch(/disabled/);
    expect(JSON.parse((await runCli(['fetch', '--json', '--db', db], env)).stdout)).toMatchObject({ sources: 0 });
    expect((await runCli(['sources', 'enable', server.url('/rss.xml'), '--db', db])).stdout).toMatch(/enabled 1: /);
    const disabledMissing = await runCli(['sources', 'disable', '7', '--db', db]);
    expect(disabledMissing.code).toBe(1);
    expect(disabledMissing.stderr).toMatch(/no such source: 7/);
    expect((await runCli(['sources', 'remove', '1', '--db', db])).stdout).toMatch(/removed 1/);
    expect((await runCli(['sources', 'list', '--db', db])).stdout).toMatch(/No sources/);
    // fetch starts its parsing worker (seconds of CPU through tsx on a busy machine).
  }, 120_000);

  it('sources add and fetch agree on invalid UTF-8: both keep the feed, replace the bytes and warn', async () => {
    const item = `<item><title>Markets</title><link>${server.url('/m')}</link><description>${'Shares rose on Monday after the report. '.repeat(20)}</description></item>`;
    const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Caf'), Buffer.from([0xe9, 0xff]), Buffer.from(`</title>${item}</channel></rss>`)]);
    server.static('/bad-utf8.xml', body, { contentType: 'application/rss+xml; charset=utf-8' });
    const db = join(dir, 'utf8.db');
    const env = { ALLOW_PRIVATE_SOURCES: 'true', FETCH_HOST_INTERVAL_MS: '0' };
    const added = await runCli(['sources', 'add', server.url('/bad-utf8.xml'), '--db', db], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/added 1: Caf\uFFFD\uFFFD \[feed\]/);
    expect(added.stderr).toContain('invalid UTF-8: byte sequences that are not UTF-8 were replaced with U+FFFD');
    const fetched = await runCli(['fetch', '--json', '--db', db], env);
    expect(JSON.parse(fetched.stdout)).toMatchObject({ sources: 1, fetched: 1, new: 1, failed: [] });
    expect(fetched.stderr).toContain('invalid UTF-8: byte sequences that are not UTF-8 were replaced with U+FFFD');
  }, 120_000);

  it('refuses loopback feeds unless ALLOW_PRIVATE_SOURCES is set', async () => {
    const result = await runCli(['sources', 'add', server.url('/rss.xml'), '--db', join(dir, 'b.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a public address/);
  });

  it('imports an OPML file', async () => {
    const opml = join(dir, 'feeds.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
        <outline text="World"><outline type="rss" text="Example World" xmlUrl="https://world.example/rss.xml"/>
        <outline type="rss" text="Other" xmlUrl="https://other.example/feed"/></outline></body></opml>`,
    );
    const db = join(dir, 'c.db');
    expect((await runCli(['sources', 'import', opml, '--db', db])).stdout).toMatch(/imported 2 feeds .*2 new/);
    const list = JSON.parse((await runCli(['sources', 'list', '--json', '--db', db])).stdout) as { sources: { name: string; url: string }[] };
    expect(list.sources.map((s) => s.name)).toEqual(['Example World', 'Other']);
  });

  it('prints a source URL without its credentials or secret-looking parameters', async () => {
    const db = join(dir, 'secret.db');
    const url = 'https://reader:pa55word@feeds.example.org/rss.xml?apikey=K3Y-VALUE&lang=en';
    const added = await runCli(['sources', 'add', url, '--no-check', '--name', 'Paid feed', '--db', db]);
    expect(added.code, added.stderr).toBe(0);
    const list = await runCli(['sources', 'list', '--db', db]);
    for (const output of [added.stdout, list.stdout]) {
      expect(output).toContain('https://feeds.example.org/rss.xml?apikey=%5BREDACTED%5D&lang=en');
      expect(output).not.toMatch(/pa55word|K3Y-VALUE/);
    }
  });
});

describe('the default sources on a fresh install', () => {
  const defaults = (JSON.parse(readFileSync(new URL('../../sources.json', import.meta.url), 'utf8')) as { sources: { url: string }[] }).sources;
  const env = { SOURCES_FILE: new URL('../../sources.json', import.meta.url).pathname };
  const listed = async (db: string) => (JSON.parse((await runCli(['sources', 'list', '--json', '--db', db], env)).stdout) as { sources: { id: number; url: string }[] }).sources;

  it('are in a new database whatever the first command is, and a removed one stays removed', async () => {
    const db = join(dir, 'fresh.db');
    // search never seeded the sources before: a user's first command on a fresh clone.
    expect((await runCli(['search', 'syria', '--db', db], env)).code).toBe(0);
    const store = await openStore(db);
    expect((await store.sources.list()).map((s) => s.url)).toEqual(defaults.map((s) => s.url));
    await store.close();
    const first = await listed(db);

    const removed = first[0]!;
    expect((await runCli(['sources', 'remove', String(removed.id), '--db', db], env)).code).toBe(0);
    expect((await runCli(['search', 'syria', '--db', db], env)).code).toBe(0);
    const after = await listed(db);
    expect(after).toHaveLength(defaults.length - 1);
    expect(after.map((s) => s.url)).not.toContain(removed.url);
  }, 60_000);

  it('are loaded into a new database only: one created without them is not filled by a later search', async () => {
    const db = join(dir, 'no-defaults.db');
    expect((await runCli(['search', 'syria', '--db', db])).code).toBe(0);
    expect((await runCli(['search', 'syria', '--db', db], env)).code).toBe(0);
    const store = await openStore(db);
    expect(await store.sources.list()).toEqual([]);
    await store.close();
  }, 60_000);
});
