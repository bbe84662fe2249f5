import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW } from '../../src/digest/window.ts';
import { storeDraft } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { startWebhook } from '../../src/serve.ts';
import { startHarness, type Harness } from './harness.ts';

const USER = 7001;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const NASTY = [
  '<script>alert(1)</script>',
  'a & b < c > d',
  '</b><i>unclosed',
  '"syria"',
  "O'Brien's",
  'syria* NEAR(putin obama) -brexit (AND OR)',
  '🔥💥 emoji 👩‍👩‍👧‍👦',
  'سوريا والسلام',
  'שלום עולם',
  '\u202Eevil rtl override',
  '&amp;&lt;&#x27;',
  '*'.repeat(50),
  'x'.repeat(4000),
  'syria '.repeat(700),
];

describe('the bot under hostile input', () => {
  it('answers every nasty topic and question without a single rejected request or crash', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    for (const input of NASTY) {
      const [summary] = await harness.say(USER, `/summary ${input}`);
      expect(summary!.length).toBeGreaterThan(0);
      const [answer] = await harness.say(USER, input);
      expect(answer!.length).toBeGreaterThan(0);
      await harness.say(USER, `/follow ${input}`);
      await harness.say(USER, `/timezone ${input}`);
    }
    expect(harness.emulator.rejected).toEqual([]);
    // Still healthy afterwards.
    const [summary] = await harness.say(USER, '/summary syria');
    expect(summary).toMatch(/Putin/);
  }, 60_000);

  it('splits a 20-story digest into valid messages of at most 4096 characters', async () => {
    harness = await startHarness({ seed: false, emulator: { rateLimits: false }, settings: { maxStories: 20 } });
    const places = ['Lisbon', 'Oslo', 'Nairobi', 'Lima', 'Hanoi', 'Quito', 'Dakar', 'Riga', 'Tbilisi', 'Accra', 'Manila', 'Bogota', 'Tunis', 'Vilnius', 'Kigali', 'Yerevan', 'Havana', 'Minsk', 'Doha', 'Baku'];
    const subjects = ['port strike', 'flood warning', 'rail tender', 'bank merger', 'vaccine drive', 'oil discovery', 'museum fire', 'chess record', 'space launch', 'wine harvest', 'tram crash', 'bridge opening', 'teacher protest', 'dam project', 'ferry delay', 'drought relief', 'festival ban', 'mine rescue', 'airport expansion', 'wildfire'];
    places.forEach((place, i) => {
      const subject = subjects[i]!;
      // Twenty different events: each text talks only about its own place and subject.
      const sentences = [
        `Voters in ${place} heard candidates argue about the ${subject} ahead of the election on Sunday.`,
        `The ${subject} has divided ${place} for ${i + 2} months, according to local officials.`,
        `Opposition leaders in ${place} said the government mishandled the ${subject} from the start.`,
        `Turnout in ${place} is expected to reach ${40 + i} percent, pollsters said on Friday.`,
        `"We will fix the ${subject} within a year," said candidate Maria Number${i}, speaking in ${place}.`,
      ];
      storeDraft(harness!.store, {
        title: `Election campaign in ${place} dominated by ${subject}`,
        text: sentences.join(' '),
        published: '2016-09-05T12:00:00Z',
        outlet: `Outlet ${i}`,
        url: `https://outlet${i}.example/news/${i}`,
      });
    });
    const before = harness.emulator.botMessages(USER).length;
    harness.emulator.sendMessage({ chatId: USER, text: '/summary election' });
    await harness.emulator.waitFor(() => harness!.emulator.requests.filter((r) => r.method === 'sendMessage' && r.ok).length >= 2, 10_000);
    await new Promise((r) => setTimeout(r, 500));
    const messages = harness.emulator.botMessages(USER).slice(before);
    expect(messages.length).toBeGreaterThan(1);
    const text = messages.map((m) => m.text ?? '').join('\n');
    for (let i = 1; i <= 20; i++) expect(text).toContain(`${i}. Election campaign`);
    for (const m of messages) expect([...(m.text ?? '')].length).toBeLessThanOrEqual(4096);
    expect(harness.emulator.rejected).toEqual([]);
    expect(DEFAULT_WINDOW).toBe('24h');
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('webhook mode', () => {
  it('refuses a request without the secret and handles one with it', async () => {
    harness = await startHarness();
    harness.bot.stop('switching to webhook');
    const port = await freePort();
    const server = await startWebhook(harness.bot, { url: `http://127.0.0.1:${port}/telegram/hook`, secret: 'hook-secret_1', port }, silentLogger);
    try {
      expect(harness.emulator.webhook).toMatchObject({ url: `http://127.0.0.1:${port}/telegram/hook`, secretToken: 'hook-secret_1' });
      const update = harness.emulator.sendCommand(USER, '/help');
      expect(await harness.emulator.deliverUpdateToWebhook(update, { secretToken: null })).toBe(403);
      expect(await harness.emulator.deliverUpdateToWebhook(update, { secretToken: 'wrong' })).toBe(403);
      expect(harness.emulator.botMessages(USER)).toHaveLength(0);
      expect(await harness.emulator.deliverUpdateToWebhook(update)).toBe(200);
      const [help] = await harness.emulator.waitForBotMessages(USER, 1);
      expect(help!.text).toMatch(/What I can do/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
