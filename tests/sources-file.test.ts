import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourcesFileError, loadSourcesFile, parseOpml, parseSourcesFile } from '../src/sources-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'sources-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SourcesFileError);
    return (err as Error).message;
  }
  throw new Error('expected an error');
}

describe('loadSourcesFile', () => {
  it('loads entries with defaults', () => {
    const path = write(
      'ok.json',
      JSON.stringify({
        sources: [
          { name: 'BBC', url: 'https://feeds.bbci.co.uk/news/world/rss.xml', language: 'en' },
          { name: 'A page', url: 'https://example.org/live', kind: 'page', enabled: false },
        ],
      }),
    );
    expect(loadSourcesFile(path)).toEqual([
      { name: 'BBC', url: 'https://feeds.bbci.co.uk/news/world/rss.xml', kind: 'feed', language: 'en' },
      { name: 'A page', url: 'https://example.org/live', kind: 'page', enabled: false },
    ]);
  });

  it('names the file and the bad entry', () => {
    const bad = (sources: unknown[]) => errorOf(() => loadSourcesFile(write('bad.json', JSON.stringify({ sources }))));
    const path = join(dir, 'bad.json');
    expect(bad([{ name: 'Good', url: 'https://a.example/rss' }, { name: 'Typo', url: 'htps//b.example/rss' }])).toBe(
      `${path}: sources[1] ("Typo"): url: expected an absolute http(s) URL such as https://example.org/rss.xml`,
    );
    expect(bad([{ name: 'X', url: 'https://a.example/rss', kind: 'atom' }])).toMatch(new RegExp(`^${path}: sources\\[0\\] \\("X"\\): kind: `));
    expect(bad([{ name: 'X', url: 'https://a.example/rss', lang: 'en' }])).toBe(
      `${path}: sources[0] ("X"): unknown field "lang" (allowed: name, url, kind, language, enabled)`,
    );
    expect(bad([{ url: 'https://a.example/rss' }])).toMatch(/sources\[0\]: name: /);
    expect(bad(['https://a.example/rss'])).toBe(`${path}: sources[0]: expected an object with "name" and "url"`);
    expect(bad([{ name: 'A', url: 'https://a.example/rss' }, { name: 'B', url: 'https://a.example/rss' }])).toBe(
      `${path}: sources[1] ("B"): url https://a.example/rss is already listed at sources[0]`,
    );
  });

  it('reports a missing file, invalid JSON and a wrong shape', () => {
    expect(errorOf(() => loadSourcesFile(join(dir, 'nope.json')))).toBe(`${join(dir, 'nope.json')}: file not found`);
    expect(errorOf(() => loadSourcesFile(write('broken.json', '{"sources": [')))).toMatch(/broken\.json: invalid JSON: /);
    expect(errorOf(() => parseSourcesFile('[]', 'x.json'))).toMatch(/^x\.json: expected \{ "sources": \[/);
  });

  it('the project sources.json is valid and lists real http(s) feeds', () => {
    const sources = loadSourcesFile(join(import.meta.dirname, '../sources.json'));
    expect(sources.length).toBeGreaterThanOrEqual(8);
    expect(new Set(sources.map((s) => new URL(s.url).hostname)).size).toBe(sources.length);
  });
});

describe('parseOpml', () => {
  it('collects feed outlines at any depth, de-duplicated, skipping non-http URLs', () => {
    const xml = readFileSync(join(import.meta.dirname, 'fixtures/feeds/sources.opml'), 'utf8');
    expect(parseOpml(xml)).toEqual([
      { name: 'BBC World', url: 'https://feeds.bbci.co.uk/news/world/rss.xml', kind: 'feed' },
      { name: 'Al Jazeera', url: 'https://www.aljazeera.com/xml/rss/all.xml', kind: 'feed', language: 'en' },
      { name: 'DW', url: 'https://rss.dw.com/rdf/rss-en-all', kind: 'feed' },
    ]);
  });

  it('returns nothing for an OPML without feeds and throws on something else', () => {
    expect(parseOpml('<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="x"/></body></opml>')).toEqual([]);
    expect(errorOf(() => parseOpml('<rss version="2.0"><channel/></rss>'))).toMatch(/^not an OPML file/);
    expect(errorOf(() => parseOpml(''))).toMatch(/^not an OPML file/);
  });
});
