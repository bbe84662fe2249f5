import { afterEach, describe, expect, it } from 'vitest';
import { DIGEST_DEFAULTS } from '../../src/app/index.ts';
import { storeDraft } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { startWebhook } from '../../src/serve.ts';
import { startFixtureServer } from '../support/fixture-server.ts';
import { startHarness, type Harness } from './harness.ts';
import { freePort } from '../support/free-port.ts';

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
    for (const [i, place] of places.entries()) {
      const subject = subjects[i]!;
      // Twenty different events: each text talks only about its own place and subject.
      const sentences = [
        `Voters in ${place} heard candidates argue about the ${subject} ahead of the election on Sunday.`,
        `The ${subject} has divided ${place} for ${i + 2} months, according to local officials.`,
        `Opposition leaders in ${place} said the government mishandled the ${subject} from the start.`,
        `Turnout in ${place} is expected to reach ${40 + i} percent, pollsters said on Friday.`,
        `"We will fix the ${subject} within a year," said candidate Maria Number${i}, speaking in ${place}.`,
      ];
      await storeDraft(harness!.store, {
        title: `Election campaign in ${place} dominated by ${subject}`,
        text: sentences.join(' '),
        published: '2016-09-05T12:00:00Z',
        outlet: `Outlet ${i}`,
        url: `https://outlet${i}.example/news/${i}`,
      });
    }
    const before = harness.emulator.botMessages(USER).length;
    harness.emulator.sendMessage({ chatId: USER, text: '/summary election' });
    // Until the 20th story has arrived, however long a busy machine takes over the messages before it.
    await harness.emulator.waitFor(() => harness!.emulator.botMessages(USER).slice(before).some((m) => m.text?.includes('20. Election campaign')), 30_000);
    const messages = harness.emulator.botMessages(USER).slice(before);
    expect(messages.length).toBeGreaterThan(1);
    const text = messages.map((m) => m.text ?? '').join('\n');
    for (let i = 1; i <= 20; i++) expect(text).toContain(`${i}. Election campaign`);
    for (const m of messages) expect([...(m.text ?? '')].length).toBeLessThanOrEqual(4096);
    expect(harness.emulator.rejected).toEqual([]);
    expect(DIGEST_DEFAULTS.onDemand.windowHours).toBe(24);
  });
});

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

/** Half a surrogate pair anywhere in a string. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function story(title: string, text: string, extra: { outlet?: string; url?: string } = {}) {
  return { title, text, published: '2016-09-05T12:00:00Z', outlet: extra.outlet ?? 'Outlet', url: extra.url ?? `https://news.example/${encodeURIComponent(title.slice(0, 8))}` };
}

describe('text cut by grapheme, names and titles capped', () => {
  it('emoji and math-bold titles, topics and buttons reach Telegram whole: no half surrogate pair, no rejected request', async () => {
    harness = await startHarness({ seed: false, emulator: { rateLimits: false } });
    const { store, emulator } = harness;
    await storeDraft(store, story(`${'😀'.repeat(3000)} Quarry flood`, 'The quarry flood closed the valley road on Monday, officials said. Rescue teams pumped water from the quarry all night.'));
    await storeDraft(store, story('𝐌𝐚𝐱𝐢𝐦𝐢𝐥𝐢𝐚𝐧 𝐖𝐚𝐬𝐡𝐢𝐧𝐠𝐭𝐨𝐧 opens the harbour bridge', 'The harbour bridge opened on Monday after four years of work. Engineers said the bridge carries two rail lines.'));

    // /start suggests topics as buttons: a math-bold name is 4 bytes a letter, cut to 64 bytes.
    await harness.say(USER, '/start');
    const buttons = emulator.botMessages(USER).at(-1)!.reply_markup?.inline_keyboard?.flat() ?? [];
    const bold = buttons.find((b) => b.callback_data?.startsWith('topic:𝐌'));
    expect(bold, JSON.stringify(buttons)).toBeDefined();
    expect(Buffer.byteLength(bold!.callback_data!)).toBeLessThanOrEqual(64);
    emulator.pressButton({ chatId: USER, messageId: emulator.botMessages(USER).at(-1)!.message_id, data: bold!.callback_data! });
    await emulator.waitForBotMessages(USER, 2);

    const [quarry] = await harness.say(USER, '/summary quarry');
    expect(quarry).toMatch(/Quarry flood|😀…/);
    await harness.say(USER, `/summary ${'😀'.repeat(150)}`);
    const [followed] = await harness.say(USER, `/follow ${'🇺🇦'.repeat(60)}`);
    expect(followed).toMatch(/^Following/);
    expect((await store.subscribers.topics(USER))[0]!.length).toBeLessThanOrEqual(100);

    for (const message of emulator.botMessages(USER)) expect(LONE_SURROGATE.test(message.text ?? '')).toBe(false);
    expect(emulator.rejected).toEqual([]);
  });

  it('a 4,206-character feed title: /addsource says it added the source, /summary and /sources stay within the limits', async () => {
    const longTitle = `${'World News Network '.repeat(221)}Daily`.slice(0, 4206);
    const server = await startFixtureServer();
    try {
      server.static('/feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>${longTitle}</title><link>http://x/</link><description>d</description><item><title>One</title><link>http://x/1</link><description>Text of one.</description></item></channel></rss>`, { contentType: 'application/rss+xml' });
      harness = await startHarness({ emulator: { rateLimits: false }, settings: { adminIds: [USER] } });
      const [added] = await harness.say(USER, `/addsource ${server.url('/feed.xml')}`);
      expect(added).toMatch(/^Added source 1: World News Network/);
      expect(await harness.store.sources.list()).toHaveLength(1);
      const sourceName = (await harness.store.sources.list())[0]!.name;
      expect(sourceName.length).toBeLessThanOrEqual(200);

      // The feed's stories carry a name as long as the feed's title (what an older version stored).
      await storeDraft(harness.store, story('Harbour strike ends after talks', 'The harbour strike ended on Monday after talks between the union and the port. Ships were unloaded overnight.', { outlet: longTitle }));
      const [summary] = await harness.say(USER, '/summary harbour strike');
      expect(summary).toMatch(/Harbour strike ends/);
      expect(summary).toMatch(/World News Network/);
      await harness.say(USER, '/sources');
      for (const message of harness.emulator.botMessages(USER)) expect([...(message.text ?? '')].length).toBeLessThanOrEqual(4096);
      expect(harness.emulator.rejected).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('answers forged, stale and unknown button data, so the client spinner stops', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    const [help] = await harness.say(USER, '/help');
    expect(help).toMatch(/What I can do/);
    const messageId = harness.emulator.botMessages(USER).at(-1)!.message_id;
    harness.emulator.pressButton({ chatId: USER, messageId, data: 'bogus', force: true });
    harness.emulator.pressButton({ chatId: USER, messageId, data: 'more:no-such-story', force: true });
    harness.emulator.pressButton({ chatId: USER, messageId, data: '', force: true });
    await harness.emulator.waitFor(() => harness!.emulator.answeredCallbacks.length === 3);
    expect(harness.emulator.answeredCallbacks.map((a) => a.text)).toEqual([
      'That button no longer works; send /summary or /help.',
      'This digest has expired; ask again with /summary.',
      'That button no longer works; send /summary or /help.',
    ]);
    expect(harness.emulator.rejected).toEqual([]);
  });
});
