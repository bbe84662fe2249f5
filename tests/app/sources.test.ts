// The sources service (what /addsource, /removesource, /sources and `news-digest sources` call),
// against a feed served on 127.0.0.1 and a real SQLite store.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceError, SourceService } from '../../src/app/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';

let dir: string;
let store: Store;
let server: FixtureServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd-app-sources-'));
  store = await openStore(join(dir, 'news.db'));
  server = await startFixtureServer();
  server.static('/rss.xml', readFileSync(new URL('../fixtures/feeds/rss2.xml', import.meta.url)), { contentType: 'application/rss+xml' });
});

afterEach(async () => {
  await store.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const service = (allowPrivate: boolean) => new SourceService({ store, fetchOptions: { timeoutMs: 2_000 }, allowPrivate });

describe('SourceService', () => {
  it('checks a new source once before saving it: its kind and name come from the feed', async () => {
    const { source, warnings } = await service(true).add(server.url('/rss.xml'));
    expect(source).toMatchObject({ id: 1, kind: 'feed', enabled: true });
    expect(source.name).not.toBe('127.0.0.1');
    expect(warnings).toEqual([]);
    expect(server.requestsTo('/rss.xml')).toHaveLength(1);
    expect((await service(true).list()).map((s) => s.url)).toEqual([server.url('/rss.xml')]);
  });

  it('refuses, with the reason and nothing saved: a private address unless allowed, a feed that is not there, a URL that is not http(s)', async () => {
    await expect(service(false).add(server.url('/rss.xml'))).rejects.toThrow(/not a public address/);
    await expect(service(true).add(server.url('/missing.xml'))).rejects.toThrow(/404/);
    await expect(service(true).add('ftp://example.org/feed')).rejects.toBeInstanceOf(SourceError);
    expect(await store.sources.list()).toEqual([]);
  });

  it('keeps a long feed title short, and a name or kind given wins over what the check found', async () => {
    const { source } = await service(false).add('https://feeds.example.org/rss.xml', { name: 'x'.repeat(500), kind: 'page', check: false });
    expect(source.name.length).toBeLessThanOrEqual(200);
    expect(source.kind).toBe('page');
  });

  it('disables a source (kept, not fetched), enables it again, and removes it by number or URL', async () => {
    const sources = service(false);
    const { source } = await sources.add('https://feeds.example.org/a.xml', { check: false });
    await sources.add('https://feeds.example.org/b.xml', { check: false });
    expect((await sources.setEnabled(String(source.id), false))?.enabled).toBe(false);
    expect((await store.sources.due()).map((s) => s.url)).toEqual(['https://feeds.example.org/b.xml']);
    expect((await sources.setEnabled(source.url, true))?.enabled).toBe(true);
    expect(await store.sources.due()).toHaveLength(2);
    expect(await sources.setEnabled('99', true)).toBeUndefined();
    expect(await sources.remove('1')).toBe(true);
    expect(await sources.remove('https://feeds.example.org/b.xml')).toBe(true);
    expect(await sources.remove('1')).toBe(false);
    expect(await sources.list()).toEqual([]);
  });
});
