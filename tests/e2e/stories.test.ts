// `news-digest stories` end to end: feeds of three outlets ingested by the CLI, then the stored
// stories listed as text and as JSON (the contract in src/stories/listing.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/model.ts';
import { StoryListingSchema } from '../../src/stories/listing.ts';
import { damBreach, damFollowUp, rateDecision } from '../fixtures/stories.ts';
import { runCli } from './cli.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed of one outlet: its name is the channel title. */
function rss(outlet: string, items: ArticleDraft[]): string {
  const entries = items.map(
    (d) => `<item><title>${escapeXml(d.title)}</title><link>${d.url}</link><guid>${d.url}</guid><pubDate>${new Date(d.published!).toUTCString()}</pubDate><description>${escapeXml(d.text)}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${outlet}</title><link>https://${outlet.replace(/\W/g, '').toLowerCase()}.example/</link>${entries.join('')}</channel></rss>`;
}

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd-e2e-stories-'));
  db = join(dir, 'news.db');
  const all = [...damBreach, damFollowUp, rateDecision];
  const files = [...new Set(all.map((d) => d.outlet!))].map((outlet) => {
    const file = join(dir, `${outlet.replace(/\W/g, '')}.xml`);
    writeFileSync(file, rss(outlet, all.filter((d) => d.outlet === outlet)));
    return file;
  });
  const result = await runCli(['ingest', ...files, '--db', db]);
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(/new: 5, duplicate: 0/);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('news-digest stories', () => {
  it('--json lists the stories with their articles: the dam breach from three outlets with its follow-up, the rate decision alone', async () => {
    const result = await runCli(['stories', '--since', '2025-03-01', '--json', '--db', db]);
    expect(result.code).toBe(0);
    const { stories } = StoryListingSchema.parse(JSON.parse(result.stdout));
    expect(stories).toHaveLength(2);
    const dam = stories.find((s) => s.articles.length === 4)!;
    expect(dam.outlets.sort()).toEqual(['Daily Ledger', 'Northern Courier', 'Valley Radio']);
    expect(dam.first).toBe('2025-03-12T07:00:00.000Z');
    expect(dam.last).toBe('2025-03-14T09:00:00.000Z');
    expect(dam.articles.map((a) => a.url).sort()).toEqual([...damBreach, damFollowUp].map((d) => d.url).sort());
    expect(dam.articles[0]).toEqual({ id: expect.any(Number), url: damBreach[0]!.url, title: damBreach[0]!.title, outlet: 'Northern Courier', published: '2025-03-12T07:00:00.000Z' });
    // Latest first.
    expect(stories[0]).toBe(dam);
    const rate = stories.find((s) => s !== dam)!;
    expect(rate.articles.map((a) => a.title)).toEqual([rateDecision.title]);
  });

  it('--topic keeps the stories with an article about it; the text listing shows outlets and links', async () => {
    const result = await runCli(['stories', '--since', '2025-03-01', '--topic', 'interest rate', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^#\d+ Central bank holds interest rate at 3\.5 percent\n/);
    expect(result.stdout).toContain('1 article, 1 outlet');
    expect(result.stdout).toContain('Daily Ledger, 2025-03-12 13:00 UTC: Central bank holds interest rate at 3.5 percent https://ledger.example/markets/rate-hold');
    expect(result.stdout).not.toContain('Kessel');
  });

  it('says so when nothing is in the window, and refuses a bad window in one line', async () => {
    const none = await runCli(['stories', '--since', '2025-06-01', '--db', db]);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^No stories since 2025-06-01/);
    const bad = await runCli(['stories', '--since', 'lately', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^news-digest: invalid time window "lately"/);
  });
});
