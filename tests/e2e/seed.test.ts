// The seed article end to end through the CLI: ingest, search, extract, summary, ask.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { SEED, runCli } from './cli.ts';

const expected = JSON.parse(readFileSync(SEED.replace(/\.txt$/, '.expected.json'), 'utf8')) as {
  title: string;
  quotes: { speaker: string; text: string; fragment?: boolean }[];
  topics_that_must_match: string[];
  topics_that_must_not_match: string[];
};

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd-e2e-'));
  db = join(dir, 'news.db');
  const result = await runCli(['ingest', SEED, '--db', db]);
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(/new: 1, duplicate: 0/);
  expect(result.code).toBe(0);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seed article through the CLI', () => {
  it('is stored once: ingesting it again counts a duplicate', async () => {
    const again = await runCli(['ingest', SEED, '--db', db]);
    expect(again.stdout).toMatch(/new: 0, duplicate: 1/);
  });

  it('search syria --json finds it with the right title and date', async () => {
    const result = await runCli(['search', 'syria', '--json', '--db', db]);
    expect(result.code).toBe(0);
    const { articles } = JSON.parse(result.stdout) as { articles: { title: string; published: string }[] };
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: expected.title, published: '2016-09-05T14:12:00.000Z' });
  });

  it('every topic that must match finds it, and none of the others do', async () => {
    // In-process against the same database file: one child process per topic adds nothing.
    const store = await openStore(db);
    try {
      for (const topic of expected.topics_that_must_match) expect(await store.articles.search(topic), topic).toHaveLength(1);
      for (const topic of expected.topics_that_must_not_match) expect(await store.articles.search(topic), topic).toHaveLength(0);
    } finally {
      await store.close();
    }
  });

  it('extract --json gives title, time, clean text, sentences, summary and attributed quotes', async () => {
    const result = await runCli(['extract', SEED, '--json']);
    const line = JSON.parse(result.stdout.trim()) as {
      ok: boolean;
      article: { title: string; published: string; text: string; sentences: string[]; summary: string[]; quotes: { text: string; speaker: string | null; verified: boolean }[] };
    };
    expect(line.ok).toBe(true);
    expect(line.article.title).toBe(expected.title);
    expect(line.article.published).toBe('2016-09-05T14:12:00.000Z');
    expect(line.article.text).not.toMatch(/bookmarkicon|chevron/);
    expect(line.article.text.startsWith('Moscow and Washington')).toBe(true);
    expect(line.article.sentences.length).toBeGreaterThan(20);
    expect(line.article.summary.length).toBeGreaterThanOrEqual(2);
    expect(line.article.summary.length).toBeLessThanOrEqual(3);
    for (const quote of expected.quotes.filter((q) => !q.fragment)) {
      const found = line.article.quotes.find((q) => q.text.replace(/[,.]$/, '') === quote.text.replace(/[,.]$/, ''));
      expect(found, quote.text).toBeDefined();
      expect(found!.speaker).toBe(quote.speaker);
      expect(line.article.text).toContain(found!.text);
    }
  });

  it('summary syria shows one story: headline, 2-3 sentences, Putin and Obama quotes, the RT source with its time', async () => {
    const result = await runCli(['summary', 'syria', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`1. ${expected.title}`);
    expect(result.stdout).toMatch(/— Vladimir Putin/);
    expect(result.stdout).toMatch(/— Barack Obama/);
    expect(result.stdout).toContain('5 Sep 2016, 14:12 UTC');
    expect(result.stdout).not.toMatch(/^2\. /m);

    const json = JSON.parse((await runCli(['summary', 'syria', '--json', '--db', db])).stdout) as {
      topic: string;
      since: string;
      stories: { title: string; summary: string[]; quotes: { speaker: string }[]; sources: { title: string; published?: string }[] }[];
    };
    expect(json.topic).toBe('syria');
    expect(json.stories).toHaveLength(1);
    const story = json.stories[0]!;
    expect(story.title).toBe(expected.title);
    expect(story.summary.length).toBeGreaterThanOrEqual(2);
    expect(story.summary.length).toBeLessThanOrEqual(3);
    expect(new Set(story.quotes.map((q) => q.speaker))).toEqual(new Set(['Vladimir Putin', 'Barack Obama']));
    expect(story.sources[0]!.published).toBe('2016-09-05T14:12:00.000Z');
  });

  it('summary brexit says nothing matched and suggests topics, never an empty answer', async () => {
    const result = await runCli(['summary', 'brexit', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/nothing about "brexit"/);
    expect(result.stdout).toMatch(/Recent topics: .*(Putin|Obama|Syria)/);
  });

  it('ask answers the sanctions question with Obama\'s position and cites the article', async () => {
    const result = await runCli(['ask', 'What did Obama say about sanctions?', '--json', '--db', db]);
    const answer = JSON.parse(result.stdout) as { answer: string; sources: { title: string }[] };
    expect(answer.answer).toMatch(/Minsk agreements/);
    expect(answer.answer).toMatch(/sanctions/);
    expect(answer.sources.map((s) => s.title)).toEqual([expected.title]);
    const unknown = JSON.parse((await runCli(['ask', 'Who won the football world cup?', '--json', '--db', db])).stdout) as { answer: string; sources: unknown[] };
    expect(unknown.answer).toBe("I don't find that in the articles: I searched the last 7 days of news, then older articles.");
    expect(unknown.sources).toEqual([]);
  });

  it('fails with one clear line and a non-zero exit on bad input', async () => {
    const missing = await runCli(['ingest', join(dir, 'nope.txt'), '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/failed: .*nope\.txt: no such file or folder/);
    const badWindow = await runCli(['summary', 'syria', '--since', 'yesterday', '--db', db]);
    expect(badWindow.code).toBe(1);
    expect(badWindow.stderr.trim().split('\n')).toHaveLength(1);
    expect(badWindow.stderr).toMatch(/invalid time window/);
    const badConfig = await runCli(['search', 'syria', '--db', db], { DEFAULT_TIMEZONE: 'Mars/Base' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/DEFAULT_TIMEZONE/);
  });
});
