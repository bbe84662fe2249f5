import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/wait-until.ts';
import { findDue } from '../../src/delivery/decide.ts';
import { storeDraft } from '../../src/ingest/pipeline.ts';
import { articleFeatures, type ArticleFeatures } from '../../src/stories/features.ts';
import { damBreach } from '../fixtures/stories.ts';
import { startFixtureServer } from '../support/fixture-server.ts';
import { startHarness, type Harness } from './harness.ts';

const USER = 5001;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('the bot, end to end through the Bot API emulator', () => {
  it('registers its command menu at start', async () => {
    harness = await startHarness();
    const commands = harness.emulator.commands.map((c) => c.command);
    expect(commands).toEqual(expect.arrayContaining(['start', 'stop', 'summary', 'digest', 'follow', 'unfollow', 'topics', 'time', 'timezone', 'sources', 'help']));
    expect(commands).not.toContain('stats');
  });

  it('/start subscribes and greets; /summary syria sends the story with quotes and the RT link; More and a follow-up question work', async () => {
    harness = await startHarness();
    const { emulator, store } = harness;
    const [greeting] = await harness.say(USER, '/start');
    expect(greeting).toMatch(/subscribed/);
    expect(greeting).toMatch(/08:00/);
    expect(await store.subscribers.get(USER)).toMatchObject({ active: true, digestTime: '08:00', timezone: 'UTC' });

    const [digestText] = await harness.say(USER, '/summary syria');
    expect(digestText).toContain("Putin: Russia & US may reach agreement on Syria 'within next few days'");
    expect(digestText).toMatch(/— Vladimir Putin/);
    expect(digestText).toMatch(/— Barack Obama/);
    expect(emulator.chatActions.some((a) => a.chatId === USER && a.action === 'typing')).toBe(true);
    const digestMessage = emulator.botMessages(USER).at(-1)!;
    const link = digestMessage.entities?.find((e) => e.type === 'text_link');
    expect(link?.url).toMatch(/^https:\/\/www\.rt\.com\//);
    const buttons = digestMessage.reply_markup?.inline_keyboard?.flat() ?? [];
    const more = buttons.find((b) => b.text.startsWith('More'))!;

    emulator.pressButton({ chatId: USER, messageId: digestMessage.message_id, data: more.callback_data! });
    const [detail] = (await emulator.waitForBotMessages(USER, emulator.botMessages(USER).length + 1)).slice(-1);
    expect(detail!.text).toMatch(/Quotes/);
    expect(detail!.text).toContain('Our other partners, including Iran, will also be informed [on the progress]');
    expect(emulator.answeredCallbacks.length).toBe(1);

    const [answer] = await harness.say(USER, 'What did Obama say about sanctions?', 1, { replyToMessageId: digestMessage.message_id });
    expect(answer).toMatch(/Minsk agreements/);
    expect(answer).toMatch(/RT/);
    // Nothing was refused; pacing answers (429) were waited out and retried.
    expect(emulator.rejected.filter((r) => r.errorCode !== 429)).toEqual([]);
  });

  it('shows a story once with how many outlets covered it; Coverage lists every article by outlet, with links, and still works after the story was merged', async () => {
    harness = await startHarness({ seed: false, now: () => new Date('2025-03-12T20:00:00Z') });
    const { emulator, store } = harness;
    for (const draft of damBreach) await storeDraft(store, draft);
    const [damText] = await harness.say(USER, '/summary Kessel dam');
    // Three reports, one story: shown once, with its outlet count on the source line.
    expect(damText).toMatch(/^Kessel dam: 1 story/);
    expect(damText).toContain('3 outlets');

    // A report of the rescue, that shares too little with the breach reports to join them
    // (story features chosen so), is a story of its own, sent on its own.
    const rescue: ArticleFeatures = { terms: [['helicopt', 6], ['rooftop', 3], ['sortie', 2], ['brezno', 2]], entities: [['ivo sedlak', 2], ['brezno', 1]] };
    await store.articles.insert(
      { title: 'Army helicopters lift families from Brezno rooftops', outlet: 'Air Force News', url: 'https://airforce.example/brezno', published: '2025-03-12T12:00:00.000Z', text: 'Army helicopters lifted dozens of families from rooftops in Brezno on Wednesday, flying eleven sorties before noon. "We will keep flying," said Colonel Ivo Sedlak.' },
      { storyFeatures: rescue },
    );
    const [rescueText] = await harness.say(USER, '/summary sorties');
    expect(rescueText).toMatch(/^sorties: 1 story/);
    const message = emulator.botMessages(USER).at(-1)!;
    const coverage = message.reply_markup!.inline_keyboard!.flat().find((b) => b.text.startsWith('Coverage'))!;
    expect(coverage.callback_data).toMatch(/^cov:s\d+$/);
    const rescueStory = Number(coverage.callback_data!.slice('cov:s'.length));

    // Then a report of both (the breach's main words and the rescue's) shows the two stories
    // are one: they merge into the larger, and the rescue story's id now leads there.
    const breach = articleFeatures(damBreach[1]!);
    const mainTerms = [...breach.terms].sort((a, b) => b[1] - a[1]).slice(0, 10);
    const mainNames = breach.entities.slice(0, 4);
    await store.articles.insert(
      { title: 'Kessel dam: helicopters join the rescue in Brezno', outlet: 'Daily Ledger', url: 'https://ledger.example/news/kessel-helicopters', published: '2025-03-12T14:00:00.000Z', text: 'Army helicopters joined the rescue in Brezno after the Kessel dam breach on Lake Varna.' },
      { storyFeatures: { terms: [...mainTerms, ...rescue.terms.filter(([t]) => !mainTerms.some(([m]) => m === t))], entities: [...mainNames, ...rescue.entities.filter(([n]) => !mainNames.some(([m]) => m === n))] } },
    );
    expect((await store.stories.changes()).map((c) => [c.kind, c.otherId])).toEqual([['merge', rescueStory]]);

    emulator.pressButton({ chatId: USER, messageId: message.message_id, data: coverage.callback_data! });
    const [list] = (await emulator.waitForBotMessages(USER, emulator.botMessages(USER).length + 1)).slice(-1);
    expect(list!.text).toMatch(/^Coverage: /);
    expect(list!.text).toContain('5 articles from 4 outlets');
    for (const outlet of ['Northern Courier', 'Daily Ledger', 'Valley Radio', 'Air Force News']) expect(list!.text).toContain(outlet);
    // Grouped by outlet, the outlet with most articles first; every article linked.
    expect(list!.text!.indexOf('Daily Ledger')).toBeLessThan(list!.text!.indexOf('Northern Courier'));
    const links = list!.entities!.filter((e) => e.type === 'text_link').map((e) => e.url);
    expect(links).toEqual(expect.arrayContaining([...damBreach.map((d) => d.url), 'https://airforce.example/brezno', 'https://ledger.example/news/kessel-helicopters']));

    expect(emulator.rejected.filter((r) => r.errorCode !== 429)).toEqual([]);
  });

  it('the Coverage button lists each outlet, then its articles as "title, date" with the link, never the title twice', async () => {
    harness = await startHarness();
    const { emulator } = harness;
    await harness.say(USER, '/summary syria');
    const digestMessage = emulator.botMessages(USER).at(-1)!;
    const sources = digestMessage.reply_markup!.inline_keyboard!.flat().find((b) => b.text.startsWith('Coverage'))!;
    emulator.pressButton({ chatId: USER, messageId: digestMessage.message_id, data: sources.callback_data! });
    const [list] = (await emulator.waitForBotMessages(USER, emulator.botMessages(USER).length + 1)).slice(-1);
    const title = "Putin: Russia & US may reach agreement on Syria 'within next few days'";
    expect(list!.text).toContain(`RT\n• ${title}, 5 Sep, 14:12 UTC`);
    expect(list!.text).not.toContain(`${title}: ${title}`);
    expect(list!.entities?.find((e) => e.type === 'text_link')?.url).toMatch(/^https:\/\/www\.rt\.com\//);
  });

  it('asks for a topic, with suggestions, when /summary has none', async () => {
    harness = await startHarness();
    const [reply] = await harness.say(USER, '/summary');
    expect(reply).toMatch(/Which topic\?/);
    const message = harness.emulator.botMessages(USER).at(-1)!;
    expect(message.reply_markup?.inline_keyboard?.flat().length).toBeGreaterThan(0);
  });

  it('answers a question it cannot answer plainly', async () => {
    harness = await startHarness();
    const [reply] = await harness.say(USER, 'Who won the football world cup?');
    // It says what it searched: a week of news, then the archive; never "today's articles".
    expect(reply).toMatch(/^I don't find that in the articles: I searched the last 7 days of news, then older articles\./);
    expect(reply).not.toMatch(/today/);
  });

  it('validates /time and /timezone with helpful errors', async () => {
    harness = await startHarness();
    await harness.say(USER, '/start');
    expect((await harness.say(USER, '/time 7:30'))[0]).toMatch(/07:30/);
    expect((await harness.say(USER, '/time 25:99'))[0]).toMatch(/HH:MM/);
    expect((await harness.say(USER, '/timezone europe/berlin'))[0]).toMatch(/Europe\/Berlin/);
    const mars = (await harness.say(USER, '/timezone Mars'))[0]!;
    expect(mars).toMatch(/not a time zone/);
    expect(mars).toMatch(/Europe\/Berlin/);
    expect(await harness.store.subscribers.get(USER)).toMatchObject({ digestTime: '07:30', timezone: 'Europe/Berlin' });
  });

  it('follows and unfollows topics', async () => {
    harness = await startHarness();
    await harness.say(USER, '/start');
    expect((await harness.say(USER, '/topics'))[0]).toMatch(/top stories/);
    expect((await harness.say(USER, '/follow Syria'))[0]).toMatch(/Following Syria/);
    expect((await harness.say(USER, '/follow syria'))[0]).toMatch(/already follow/);
    expect((await harness.say(USER, '/topics'))[0]).toMatch(/Syria/);
    expect((await harness.say(USER, '/unfollow syria'))[0]).toMatch(/Stopped following/);
    expect(await harness.store.subscribers.topics(USER)).toEqual([]);
  });

  it('/stop unsubscribes and says how to come back; a blocked bot counts as /stop', async () => {
    harness = await startHarness();
    await harness.say(USER, '/start');
    expect((await harness.say(USER, '/stop'))[0]).toMatch(/\/start/);
    expect((await harness.store.subscribers.get(USER))?.active).toBe(false);

    const other = 5002;
    await harness.say(other, '/start');
    harness.emulator.blockChat(other);
    harness.emulator.sendMessage({ chatId: other, text: '/summary syria' });
    await waitUntil(async () => (await harness!.store.subscribers.get(other))?.active === false);
    expect((await harness.store.subscribers.get(other))?.stopReason).toBe('blocked');

    // Delivery's rule holds for replies too: a chat that no longer exists is unsubscribed.
    const gone = 5004;
    await harness.say(gone, '/start');
    harness.emulator.injectFault({ type: 'error', chatId: gone, errorCode: 400, description: 'Bad Request: chat not found', times: Infinity });
    harness.emulator.sendMessage({ chatId: gone, text: '/summary syria' });
    await waitUntil(async () => (await harness!.store.subscribers.get(gone))?.active === false);
    expect((await harness.store.subscribers.get(gone))?.stopReason).toBe('chat not found');
  });

  it('settings after /stop never restart daily digests: /time, /timezone and /follow say how to resume, and nobody is due', async () => {
    harness = await startHarness();
    await harness.say(USER, '/start');
    await harness.say(USER, '/stop');
    expect((await harness.say(USER, '/time 07:30'))[0]).toMatch(/arrives at 07:30[\s\S]*paused; send \/start/);
    expect((await harness.say(USER, '/timezone Europe/Berlin'))[0]).toMatch(/Europe\/Berlin[\s\S]*paused/);
    expect((await harness.say(USER, '/follow climate'))[0]).toMatch(/Following climate[\s\S]*paused/);
    expect(await harness.store.subscribers.get(USER)).toMatchObject({ active: false, digestTime: '07:30', timezone: 'Europe/Berlin' });
    // 07:45 in Berlin on the test day: the digest time has passed, yet a stopped reader is not due.
    expect((await findDue(harness.store, new Date('2016-09-05T05:45:00Z'), { everyoneDue: true })).due).toEqual([]);

    // /start brings it back with the settings kept; settings on an active subscription say nothing about pausing.
    await harness.say(USER, '/start');
    expect(await harness.store.subscribers.get(USER)).toMatchObject({ active: true, digestTime: '07:30' });
    expect((await harness.say(USER, '/time 07:45'))[0]).not.toMatch(/paused/);
    expect((await findDue(harness.store, new Date('2016-09-05T05:50:00Z'))).due.map((d) => d.subscriber.chatId)).toEqual([USER]);
  });

  it('refuses admin commands to others politely and serves them to admins', async () => {
    harness = await startHarness({ settings: { adminIds: [USER] } });
    expect((await harness.say(5003, '/stats'))[0]).toMatch(/administrators/);
    const [stats] = await harness.say(USER, '/stats');
    expect(stats).toMatch(/Subscribers: 0/);
    expect(stats).toMatch(/Articles today \(UTC\): 1 of 1/);
    expect(stats).toMatch(/Digests today: sent 0/);
    expect(stats).toMatch(/Messages unknown .*: 0/);
  });

  it('gets every reply through 429 and 5xx, once', async () => {
    harness = await startHarness();
    harness.emulator.injectFault({ type: 'rate-limit', method: 'sendMessage', retryAfter: 1, times: 1 });
    harness.emulator.injectFault({ type: 'server-error', method: 'sendMessage', times: 2 });
    const [reply] = await harness.say(USER, '/summary syria');
    expect(reply).toMatch(/Putin/);
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.emulator.botMessages(USER)).toHaveLength(1);
  });

  it('shows a friendly line, not a stack trace, when a reply fails; other users are not affected', async () => {
    harness = await startHarness();
    const other = 5010;
    harness.emulator.injectFault({ type: 'error', method: 'sendMessage', chatId: USER, errorCode: 400, description: 'Bad Request: injected failure' });
    const [reply] = await harness.say(USER, '/help');
    expect(reply).toBe('Sorry, something went wrong on my side. Please try again in a minute.');
    const [help] = await harness.say(other, '/help');
    expect(help).toMatch(/What I can do/);
  });

  it('/addsource fetches a feed once before saving it and refuses private addresses unless allowed', async () => {
    const server = await startFixtureServer();
    try {
      server.static('/feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>Local World News</title><link>http://x/</link><description>d</description><item><title>One</title><link>http://x/1</link><description>Text of one.</description></item></channel></rss>', { contentType: 'application/rss+xml' });
      harness = await startHarness({ settings: { adminIds: [USER], allowPrivateSources: false } });
      expect((await harness.say(USER, `/addsource ${server.url('/feed.xml')}`))[0]).toMatch(/could not add that source: refusing to fetch 127.0.0.1: not a public address/);
      expect(await harness.store.sources.list()).toHaveLength(0);
      await harness.stop();
      harness = await startHarness({ settings: { adminIds: [USER], allowPrivateSources: true } });
      expect((await harness.say(USER, `/addsource ${server.url('/feed.xml')}`))[0]).toMatch(/Added source 1: Local World News \(feed\)/);
      expect(server.requestsTo('/feed.xml').length).toBe(1);
      expect((await harness.say(USER, `/addsource ${server.url('/missing.xml')}`))[0]).toMatch(/could not add that source: .*404/);
      expect((await harness.say(USER, '/sources'))[0]).toMatch(/Local World News/);
      expect((await harness.say(USER, '/removesource 1'))[0]).toMatch(/Removed source 1/);
      expect(await harness.store.sources.list()).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe('follow-up questions', () => {
  /** Twenty election stories, one per city: enough for /summary to split the digest over several messages. */
  const places = ['Lisbon', 'Oslo', 'Nairobi', 'Lima', 'Hanoi', 'Quito', 'Dakar', 'Riga', 'Tbilisi', 'Accra', 'Manila', 'Bogota', 'Tunis', 'Vilnius', 'Kigali', 'Yerevan', 'Havana', 'Minsk', 'Doha', 'Baku'];
  const subjects = ['port strike', 'flood warning', 'rail tender', 'bank merger', 'vaccine drive', 'oil discovery', 'museum fire', 'chess record', 'space launch', 'wine harvest', 'tram crash', 'bridge opening', 'teacher protest', 'dam project', 'ferry delay', 'drought relief', 'festival ban', 'mine rescue', 'airport expansion', 'wildfire'];

  it('answers a reply to the second message of a split digest from the stories of the whole digest', async () => {
    harness = await startHarness({ seed: false, emulator: { rateLimits: false }, settings: { maxStories: 20 } });
    for (const [i, place] of places.entries()) {
      const subject = subjects[i]!;
      await storeDraft(harness!.store, {
        title: `Election campaign in ${place} dominated by ${subject}`,
        text: [
          `Voters in ${place} heard candidates argue about the ${subject} ahead of the election on Sunday.`,
          `The ${subject} has divided ${place} for ${i + 2} months, according to local officials.`,
          `Opposition leaders in ${place} said the government mishandled the ${subject} from the start.`,
          `"We will fix the ${subject} within a year," said candidate Maria Number${i}, speaking in ${place}.`,
        ].join(' '),
        published: '2016-09-05T12:00:00Z',
        outlet: `Outlet ${i}`,
        url: `https://outlet${i}.example/news/${i}`,
      });
    }
    await harness.say(USER, '/summary election', 2);
    await new Promise((r) => setTimeout(r, 300));
    const messages = harness.emulator.botMessages(USER);
    expect(messages.length).toBeGreaterThan(1);
    const [first, second] = [messages[0]!, messages[1]!];
    // A story shown in the first message only.
    const i = places.findIndex((p) => first.text!.includes(`in ${p} dominated`) && !second.text!.includes(`in ${p} dominated`));
    expect(i).toBeGreaterThanOrEqual(0);
    const place = places[i]!;
    // Another outlet's article on the same dispute, outside the digest, that a free question would find first.
    await storeDraft(harness.store, {
      title: `The ${subjects[i]} in ${place}`,
      text: `The ${subjects[i]} has divided ${place} for 11 months, union officials said.`,
      published: '2016-09-05T13:00:00Z',
      outlet: 'Other Wire',
      url: 'https://other.example/wire',
    });
    const question = `How many months has the ${subjects[i]} divided ${place}?`;
    const [free] = await harness.say(USER, question);
    expect(free).toMatch(/11 months/);
    const [reply] = await harness.say(USER, question, 1, { replyToMessageId: second.message_id });
    expect(reply).toMatch(new RegExp(`for ${i + 2} months`));
    expect(reply).toMatch(new RegExp(`Outlet ${i}`));
    const sent = harness.emulator.botMessages(USER).at(-1)!;
    expect(sent.entities?.find((e) => e.type === 'text_link')?.url).toBe(`https://outlet${i}.example/news/${i}`);
    expect(harness.emulator.rejected).toEqual([]);
  });

  it('answers "Who is X?" with what the articles say X is, with the source, and no sentence twice', async () => {
    harness = await startHarness();
    const [reply] = await harness.say(USER, 'Who is Putin?');
    expect(reply).toMatch(/Russian President Vladimir Putin/);
    expect(reply).toMatch(/\(RT, 5 Sep, 14:12 UTC\)/);
    const lines = reply!.split('\n').filter((l) => l.trim());
    expect(new Set(lines).size).toBe(lines.length);
    // Not one of Putin's own quotes.
    expect(reply).not.toMatch(/Our collaborative effort/);
    const [who] = await harness.say(USER, 'who is barack obama');
    expect(who).toMatch(/US leader Barack Obama|US counterpart Barack Obama/);
  });
});

