// The synthetic corpus of the 100k benchmark store: reproducible from its seed, distinct texts,
// dated events covered by several outlets with the event's own names, and, through the real
// JSON Lines ingest, stories of several articles without near-duplicates. Our own source texts
// (tests/fixtures/synthetic-sources.ts), so this runs where ../shared does not exist.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCorpus, syntheticArticles, varyNumbers, type CorpusOptions, type SyntheticArticle } from '../../bench/synthetic-corpus.ts';
import { ingestInputs } from '../../src/ingest/pipeline.ts';
import { createLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/index.ts';
import { syntheticSources } from '../fixtures/synthetic-sources.ts';

const SEED = 17;
const now = new Date('2025-06-30T12:00:00Z');
const options: CorpusOptions = { seed: SEED, count: 120, now, days: 30 };
// Our fixture has a handful of surnames: keep none, so every one of them is varied.
const corpus = prepareCorpus(syntheticSources, { keptSurnames: 0 });
const generate = (o: CorpusOptions = options): SyntheticArticle[] => [...syntheticArticles(corpus, o)];
const eventOf = (a: SyntheticArticle): string => /-e(\d+)-\d+$/.exec(a.url)![1]!;

function byEvent(articles: SyntheticArticle[]): Map<string, SyntheticArticle[]> {
  const events = new Map<string, SyntheticArticle[]>();
  for (const a of articles) events.set(eventOf(a), [...(events.get(eventOf(a)) ?? []), a]);
  return events;
}

describe('synthetic corpus', () => {
  it(`is the same for the same seed (${SEED}) and another for another seed`, () => {
    const first = generate();
    expect(generate()).toEqual(first);
    expect(generate({ ...options, seed: SEED + 1 }).map((a) => a.text)).not.toEqual(first.map((a) => a.text));
  });

  it('has as many distinct texts as articles, in publication order within the period', () => {
    const articles = generate();
    expect(articles).toHaveLength(options.count);
    expect(new Set(articles.map((a) => a.text)).size).toBe(options.count);
    expect(new Set(articles.map((a) => a.url)).size).toBe(options.count);
    const times = articles.map((a) => Date.parse(a.published));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 30 * 86_400_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    // Spread over the month, not bunched at one end.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(20 * 86_400_000);
  });

  it('covers most events by several outlets, each article of an event from another outlet, within 36 hours', () => {
    const events = [...byEvent(generate()).values()];
    expect(events.filter((e) => e.length > 1).length).toBeGreaterThan(events.length / 2);
    for (const articles of events) {
      expect(new Set(articles.map((a) => a.outlet)).size).toBe(articles.length);
      const times = articles.map((a) => Date.parse(a.published));
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(36 * 3_600_000);
    }
  });

  it("gives each event its own names for the source's people, the same in all its articles", () => {
    const articles = generate();
    // Within an event, the port union leader has one name: the lead's sentences are the event's.
    const leaders = [...byEvent(articles).values()].map((e) => new Set(e.flatMap((a) => [.../Oskar (\w+)/g.exec(a.text)?.slice(1) ?? []])));
    for (const names of leaders) expect(names.size).toBeLessThanOrEqual(1);
    expect(new Set(leaders.flatMap((names) => [...names])).size).toBeGreaterThan(1);
  });

  it('varies numbers by at most 40% in the same format, and keeps years', () => {
    const rng = xoroshiro128plus(SEED);
    for (let i = 0; i < 20; i++) {
      const varied = varyNumbers('About 2,400 workers, 31 ships, 51.8 percent, in 2019.', rng);
      const [workers, ships, share, year] = varied.match(/\d[\d,.]*\d|\d/g)!;
      expect(Number(workers!.replace(/,/g, ''))).toBeGreaterThanOrEqual(1440);
      expect(Number(workers!.replace(/,/g, ''))).toBeLessThanOrEqual(3360);
      expect(workers).toMatch(/^\d{1,3}(?:,\d{3})*$/);
      expect(Number(ships)).toBeGreaterThanOrEqual(18);
      expect(Number(ships)).toBeLessThanOrEqual(44);
      expect(share).toMatch(/^\d+\.\d$/);
      expect(year).toBe('2019');
    }
  });
});

describe('the synthetic corpus through the JSON Lines ingest', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nd-synthetic-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is stored without duplicates, and the articles of an event mostly share a story', async () => {
    const articles = generate({ ...options, count: 60 });
    const file = join(dir, 'corpus.jsonl');
    writeFileSync(file, `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`);
    const store = await openStore(join(dir, 'store.db'));
    try {
      const counts = await ingestInputs([file], { store, log: createLogger({ level: 'silent' }), fetchOptions: { timeoutMs: 1000, maxBytes: 1_000_000, userAgent: 'test' }, workers: 0 });
      expect(counts.failed).toEqual([]);
      expect(counts.duplicate).toBe(0);
      expect(counts.new + counts.nearDuplicate).toBe(60);
      // Eight short source texts give few sentences to mix; the 924 PolNeAR texts give far more (bench/store100k.ts counts them).
      expect(counts.nearDuplicate).toBeLessThanOrEqual(6);
      const idOf = new Map((await store.articles.recent({ limit: 100 })).map((a) => [a.url, a.id]));
      const storyOf = await store.stories.storiesOf([...idOf.values()]);
      const events = [...byEvent(articles).values()].filter((e) => e.length > 1);
      const together = events.filter((e) => new Set(e.map((a) => storyOf.get(idOf.get(a.url)!))).size === 1);
      const stories = new Set(storyOf.values()).size;
      console.log(`seed ${SEED}: 60 articles, ${events.length} events of several articles (${together.length} in one story each), ${stories} stories, ${counts.nearDuplicate} near-duplicates`);
      expect(together.length).toBeGreaterThanOrEqual(events.length / 2);
      expect(stories).toBeGreaterThanOrEqual(2);
    } finally {
      await store.close();
    }
  });
});
