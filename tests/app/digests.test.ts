// The app layer is the one place for digest defaults, on demand and daily: the CLI's `summary` prints the
// stories the bot's /summary sends, in the same order, capped the same way.
import { renderTelegram, renderText } from '../../src/digest/render.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, dailyDigestSettings, DIGEST_DEFAULTS } from '../../src/app/index.ts';
import { parseConfig } from '../../src/config.ts';
import { Delivery, botApi } from '../../src/delivery/index.ts';
import { storeDraft } from '../../src/ingest/pipeline.ts';
import { offlineSummarizer } from '../../src/llm/summarizer.ts';
import { openStore } from '../../src/store/index.ts';
import { startHarness, type Harness } from '../bot/harness.ts';
import { memoryLogger, settings } from '../delivery/helpers.ts';
import { startTelegramEmulator } from '../support/telegram-emulator.ts';
import { runCli } from '../e2e/cli.ts';

// Nine unrelated harbour stories, so that the cap on the number of stories decides what is shown.
const EVENTS = [
  ['Dockers in Valmora walk out over night shifts', 'Dockers at the Valmora harbour walked out on Tuesday over new night shifts, the union said. Cargo ships waited offshore.'],
  ['Lorn council votes to dredge its silted channel', 'The Lorn council voted to dredge the silted channel of its harbour after two trawlers ran aground in March.'],
  ['Storm sinks three yachts at Kessing marina', 'A storm sank three yachts in the Kessing harbour overnight; the coastguard rescued four sailors from the water.'],
  ['Ferry operator Brightwave adds a route to Ostrel', 'Brightwave will run a daily ferry from the harbour of Tamsby to Ostrel from June, its chief executive announced.'],
  ['Customs officers seize forged watches in Pellmouth', 'Customs officers seized 2,000 forged watches from a container in the Pellmouth harbour, the finance ministry reported.'],
  ['Grain exports from Darrow reach a record', 'Grain shipped through the Darrow harbour reached a record 4 million tonnes this year, the port authority said.'],
  ['Seals return to the old Fennick docks', 'Marine biologists counted forty grey seals in the old Fennick harbour, the first colony there in decades.'],
  ['Cruise ship fire forces an evacuation near Saltby', 'A fire in the engine room of a cruise ship forced 900 passengers ashore in the Saltby harbour on Sunday.'],
  ['Architects unveil a floating museum for Ambrel', 'A floating maritime museum will be moored in the Ambrel harbour from 2028, its architects said at the unveiling.'],
] as const;

let dir: string | undefined;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function newsDatabase(now: Date): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'nd-app-'));
  const path = join(dir, 'news.db');
  const store = await openStore(path);
  for (const [i, [title, text]] of EVENTS.entries()) {
    const published = new Date(now.getTime() - (i + 1) * 20 * 60_000).toISOString();
    await storeDraft(store, { title, text, published, outlet: 'Harbour News', url: `https://harbour.example/news/${i}` });
  }
  await store.close();
  return path;
}

describe('DigestService', () => {
  it('caps an on-demand digest at its default number of stories and looks back its default window', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const store = await openStore(await newsDatabase(now));
    try {
      const { digests } = createServices({ store, summarizer: offlineSummarizer, now: () => now });
      const digest = await digests.onDemand({ topic: 'harbour' });
      expect(digest.stories).toHaveLength(DIGEST_DEFAULTS.onDemand.maxStories);
      expect(new Date(digest.since).getTime()).toBe(now.getTime() - DIGEST_DEFAULTS.onDemand.windowHours * 3_600_000);
      // A later window sees nothing of it.
      const later = createServices({ store, summarizer: offlineSummarizer, now: () => new Date('2026-06-03T12:00:00Z') });
      const older = await later.digests.onDemand({ topic: 'harbour' });
      expect(older.note).toMatch(/^Nothing new since 2 Jun, 12:00 UTC\.$/);
      // The header agrees: no "N stories (since …)" over stories that are all older than that.
      expect(renderTelegram(older)[0]!.html).toMatch(/^<b>The \d+ most recent stories about harbour<\/b>\n<i>Nothing new since 2 Jun, 12:00 UTC\.<\/i>/);
      expect(renderText(older)).toMatch(/^The \d+ most recent stories about harbour\n/);
    } finally {
      await store.close();
    }
  });

  it("gives a reader's own digest (/digest, the daily one) the daily count: DIGEST_MAX_STORIES, else 8", async () => {
    const store = await openStore(await newsDatabase(new Date('2026-06-01T12:00:00Z')));
    try {
      expect(createServices({ store, summarizer: offlineSummarizer }).digests.daily.maxStories).toBe(DIGEST_DEFAULTS.daily.maxStories);
      const configured = parseConfig({ DIGEST_MAX_STORIES: '3' }).delivery;
      expect(createServices({ store, summarizer: offlineSummarizer, dailyDigest: configured }).digests.daily.maxStories).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('news-digest summary prints the stories /summary sends, in the same order', async () => {
    const path = await newsDatabase(new Date());
    const cli = await runCli(['summary', 'harbour', '--json', '--db', path]);
    expect(cli.code).toBe(0);
    const printed = (JSON.parse(cli.stdout) as { stories: { title: string }[] }).stories.map((s) => s.title);
    expect(printed).toHaveLength(DIGEST_DEFAULTS.onDemand.maxStories);

    harness = await startHarness({ dbPath: path, seed: false, now: () => new Date() });
    const sent = (await harness.say(7001, '/summary harbour')).join('\n');
    const shown = EVENTS.map(([title]) => title).filter((title) => sent.includes(title));
    expect(shown.sort((a, b) => sent.indexOf(a) - sent.indexOf(b))).toEqual(printed);
  }, 60_000);
});

describe('daily digest defaults', () => {
  it('come from the app layer; DIGEST_MAX_STORIES overrides the count', () => {
    expect(dailyDigestSettings(parseConfig({}).delivery)).toEqual(DIGEST_DEFAULTS.daily);
    expect(dailyDigestSettings(parseConfig({ DIGEST_MAX_STORIES: '5' }).delivery)).toEqual({ ...DIGEST_DEFAULTS.daily, maxStories: 5 });
    // A daily digest is the day's news: it holds more than one asked for on demand.
    expect(DIGEST_DEFAULTS.daily.maxStories).toBeGreaterThan(DIGEST_DEFAULTS.onDemand.maxStories);
  });

  it('a delivered daily digest holds the default number of stories, or the configured one', async () => {
    const path = await newsDatabase(new Date());
    const store = await openStore(path);
    const emulator = await startTelegramEmulator({ chats: [5001, 5002] });
    const { maxStories: _, ...unset } = settings();
    const deliver = async (chatId: number, configured: typeof unset & { maxStories?: number }) => {
      await store.subscribers.subscribe({ chatId, digestTime: '08:00', timezone: 'UTC' }, new Date('2026-01-01T00:00:00Z'));
      const delivery = new Delivery({ store, log: memoryLogger().log, api: botApi(emulator.token, emulator.apiRoot), settings: configured });
      expect((await delivery.start()).acquired).toBe(true);
      await delivery.tick({ everyoneDue: true });
      await delivery.drain();
      await delivery.stop();
      return (await store.outbox.digests({ chatId }))[0]!.storyCount;
    };
    try {
      // Nine harbour stories: the default count of the daily digest decides how many are sent.
      expect(await deliver(5001, unset)).toBe(DIGEST_DEFAULTS.daily.maxStories);
      expect(await deliver(5002, { ...unset, maxStories: 2 })).toBe(2);
    } finally {
      await store.close();
      await emulator.close();
    }
  }, 60_000);
});
