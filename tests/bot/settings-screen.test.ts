// /settings against the Bot API emulator: one message, edited in place by every press.
import { afterEach, describe, expect, it } from 'vitest';
import { findDue } from '../../src/delivery/decide.ts';
import type { TgMessage } from '../support/telegram-emulator.ts';
import { startHarness, type Harness } from './harness.ts';

const USER = 7001;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

/** The callback_data of the button whose label matches. */
function buttonData(message: TgMessage, label: RegExp): string {
  const button = message.reply_markup?.inline_keyboard?.flat().find((b) => label.test(b.text));
  if (!button?.callback_data) throw new Error(`no button ${label} in ${JSON.stringify(message.reply_markup)}`);
  return button.callback_data;
}

describe('/settings: one message edited in place', () => {
  it('sets time, time zone, stories per digest and daily digest on/off with presses that edit the one message and send none', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    const { emulator, store } = harness;
    await harness.say(USER, '/start');
    const [screen] = await harness.say(USER, '/settings');
    expect(screen).toMatch(/Settings\nDaily digest: on\nTime: 08:00 \(UTC\)/);
    const settings = emulator.botMessages(USER).at(-1)!;
    const sent = emulator.deliveredCount(USER);
    const current = () => emulator.botMessages(USER).find((m) => m.message_id === settings.message_id)!;
    const press = async (label: RegExp) => harness!.press(USER, settings.message_id, buttonData(current(), label));

    await press(/Time$/);
    expect(current().text).toMatch(/Choose the hour/);
    await press(/^07$/);
    expect(current().text).toMatch(/minutes after 07:00/);
    expect((await press(/^07:30$/)).text).toBe('Saved');
    expect(current().text).toMatch(/Time: 07:30 \(UTC\)/);

    await press(/Time zone/);
    expect(current().text).toMatch(/Time zone: UTC/);
    await press(/^Europe\/Berlin$/);
    expect(current().text).toMatch(/Time: 07:30 \(Europe\/Berlin\)/);

    // The default shown is the daily digest's (8), the count /digest and the daily digest use.
    await press(/^Stories: 8$/);
    await press(/^5$/);
    expect(current().text).toMatch(/Stories per digest: 5/);

    expect((await press(/Turn daily digest off/)).text).toBe('Daily digests are off');
    expect(current().text).toMatch(/Daily digest: off/);
    expect((await store.subscribers.get(USER))?.active).toBe(false);
    // 07:45 in Berlin: past the digest time, yet a stopped reader is not due.
    expect((await findDue(store, new Date('2016-09-05T05:45:00Z'), { everyoneDue: true })).due).toEqual([]);
    // The "on" button is the one way besides /start back in.
    await press(/Turn daily digest on/);
    expect(await store.subscribers.get(USER)).toMatchObject({ active: true, digestTime: '07:30', timezone: 'Europe/Berlin', storiesPerDigest: 5 });
    expect((await findDue(store, new Date('2016-09-05T05:45:00Z'))).due.map((d) => d.subscriber.chatId)).toEqual([USER]);

    // Every press edited the one message: nothing new was sent, every query was answered, nothing refused.
    expect(emulator.deliveredCount(USER)).toBe(sent);
    expect(emulator.answeredCallbacks).toHaveLength(emulator.requests.filter((r) => r.method === 'answerCallbackQuery').length);
    expect(emulator.rejected.filter((r) => r.errorCode !== 429)).toEqual([]);
  });

  it('adds a topic from the next text message (the wait is kept in the database) and removes one with its button', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    const { emulator, store } = harness;
    await harness.say(USER, '/settings');
    const settings = emulator.botMessages(USER).at(-1)!;
    const current = () => emulator.botMessages(USER).find((m) => m.message_id === settings.message_id)!;
    await harness.press(USER, settings.message_id, buttonData(current(), /Topics/));
    await harness.press(USER, settings.message_id, buttonData(current(), /Add topic/));
    expect(current().text).toMatch(/Send the topic/);
    expect((await store.subscribers.get(USER))?.pendingInput).toEqual({ kind: 'topic', messageId: settings.message_id });

    const [followed] = await harness.say(USER, 'Syria');
    expect(followed).toMatch(/^Following Syria: it is in your daily digest from now on\. It has 1 story this week\.$/);
    expect(await store.subscribers.topics(USER)).toEqual(['Syria']);
    expect((await store.subscribers.get(USER))?.pendingInput).toBeNull();
    // The settings message lists it with a remove button; the next text is a question again.
    await emulator.waitFor(() => current().reply_markup?.inline_keyboard?.flat().some((b) => b.text === '✖️ Syria'));
    await harness.press(USER, settings.message_id, buttonData(current(), /✖️ Syria/));
    expect(await store.subscribers.topics(USER)).toEqual([]);
    expect(current().reply_markup?.inline_keyboard?.flat().some((b) => /Syria/.test(b.text))).toBe(false);
    const [answer] = await harness.say(USER, 'What did Obama say about sanctions?');
    expect(answer).toMatch(/Minsk/);
    expect(await store.subscribers.topics(USER)).toEqual([]);
  });

  it('a shared location sets the time zone, and the location keyboard goes away', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    const { emulator, store } = harness;
    await harness.say(USER, '/settings');
    const settings = emulator.botMessages(USER).at(-1)!;
    await harness.press(USER, settings.message_id, buttonData(settings, /Time zone/));
    const zonePage = emulator.botMessages(USER).find((m) => m.message_id === settings.message_id)!;
    await harness.press(USER, settings.message_id, buttonData(zonePage, /Send my location/));
    const keyboard = emulator.replyKeyboard(USER);
    expect(keyboard?.keyboard).toEqual([[expect.objectContaining({ request_location: true })]]);

    const before = emulator.botMessages(USER).length;
    emulator.sendLocation({ chatId: USER, latitude: 35.68, longitude: 139.69 });
    const [reply] = (await emulator.waitForBotMessages(USER, before + 1)).slice(-1);
    expect(reply!.text).toMatch(/Time zone set to Asia\/Tokyo from your location; your digest arrives at 08:00 local time\./);
    expect((await store.subscribers.get(USER))?.timezone).toBe('Asia/Tokyo');
    expect(emulator.replyKeyboard(USER)).toBeNull();
    // The settings message shows it too.
    await harness.emulator.waitFor(() => emulator.botMessages(USER).find((m) => m.message_id === settings.message_id)!.text!.includes('Asia/Tokyo'));

    // A typed zone works the same way, after the zone button; a wrong one is explained and the wait goes on.
    await harness.press(USER, settings.message_id, buttonData(emulator.botMessages(USER).find((m) => m.message_id === settings.message_id)!, /Time zone/));
    expect((await harness.say(USER, 'Mars'))[0]).toMatch(/not a time zone/);
    expect((await harness.say(USER, 'america/new_york'))[0]).toMatch(/Time zone set to America\/New_York/);
    expect((await store.subscribers.get(USER))?.timezone).toBe('America/New_York');
    expect(emulator.rejected.filter((r) => r.errorCode !== 429)).toEqual([]);
  });
});
