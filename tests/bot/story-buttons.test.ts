// The buttons under stories and under a not-found reply, and /summary with a trailing window,
// against the Bot API emulator.
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/wait-until.ts';
import type { TgMessage } from '../support/telegram-emulator.ts';
import { startHarness, type Harness } from './harness.ts';

const USER = 7101;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

function buttons(message: TgMessage): Array<{ text: string; data: string }> {
  return (message.reply_markup?.inline_keyboard?.flat() ?? []).map((b) => ({ text: b.text, data: b.callback_data ?? '' }));
}

describe('buttons under stories', () => {
  it('follows and unfollows the topic from a /summary story; the button turns over in place', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    const { emulator, store } = harness;
    await harness.say(USER, '/summary syria');
    const digest = emulator.botMessages(USER).at(-1)!;
    const follow = buttons(digest).find((b) => b.text === 'Follow syria')!;
    expect(follow.data).toBe('fol:syria');

    expect((await harness.press(USER, digest.message_id, follow.data)).text).toBe('Following syria');
    expect(await store.subscribers.topics(USER)).toEqual(['syria']);
    const turned = emulator.botMessages(USER).find((m) => m.message_id === digest.message_id)!;
    expect(buttons(turned).map((b) => b.text)).toEqual(['More on 1', 'Coverage 1', 'Unfollow syria']);
    // Following from a button never subscribes anyone by itself to more than the topic: the row is made, active as /follow makes it.
    expect((await store.subscribers.get(USER))?.active).toBe(true);

    expect((await harness.press(USER, digest.message_id, 'unf:syria')).text).toBe('Stopped following syria');
    expect(await store.subscribers.topics(USER)).toEqual([]);
    expect(buttons(emulator.botMessages(USER).find((m) => m.message_id === digest.message_id)!).at(-1)!.text).toBe('Follow syria');
    // No new message for either press.
    expect(emulator.deliveredCount(USER)).toBe(1);
    expect(emulator.rejected.filter((r) => r.errorCode !== 429)).toEqual([]);
  });

  it('a button of an old digest whose messages are gone says the digest has expired', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    const { emulator, store } = harness;
    await harness.say(USER, '/summary syria');
    const digest = emulator.botMessages(USER).at(-1)!;
    await waitUntil(async () => await store.subscribers.sentMessage(USER, digest.message_id));
    await store.retention.prune({ articlesDays: 0, sentMessagesDays: 1, deliveryDays: 0, llmCacheDays: 0 }, new Date('2016-09-08T00:00:00Z'));
    const more = buttons(digest).find((b) => b.text === 'More on 1')!;
    expect((await harness.press(USER, digest.message_id, more.data)).text).toBe('This digest has expired; ask again with /summary.');
    expect(emulator.deliveredCount(USER)).toBe(1);
  });
});

describe('/summary with a window, and a not-found reply', () => {
  it('/summary syria 3d looks three days back; without the window, older stories are called the most recent, with their dates', async () => {
    // Two days after the seed article.
    harness = await startHarness({ now: () => new Date('2016-09-07T18:00:00Z') });
    const [recent] = await harness.say(USER, '/summary syria');
    expect(recent).toMatch(/^The most recent story about syria\nNothing new since 6 Sep, 18:00 UTC\.\n\n1\. Putin: .* \(5 Sep, 14:12 UTC\)/);
    expect(recent).not.toMatch(/1 story/);

    const [windowed] = await harness.say(USER, '/summary syria 3d');
    expect(windowed).toMatch(/^syria: 1 story\n/);
    expect(windowed).toContain("Putin: Russia & US may reach agreement on Syria 'within next few days'");
  });

  it('offers wider windows under a not-found reply, that search again, and never mentions CLI flags', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    const { emulator } = harness;
    const [reply] = await harness.say(USER, '/summary football');
    expect(reply).toMatch(/^I found nothing about "football" in the last 24 hours\./);
    expect(reply).not.toMatch(/--/);
    const message = emulator.botMessages(USER).at(-1)!;
    expect(buttons(message)).toEqual([
      { text: 'Last 24 h', data: 'win:24:football' },
      { text: '7 days', data: 'win:168:football' },
      { text: '30 days', data: 'win:720:football' },
    ]);
    emulator.pressButton({ chatId: USER, messageId: message.message_id, data: 'win:720:football' });
    const [again] = (await emulator.waitForBotMessages(USER, 2)).slice(-1);
    expect(again!.text).toMatch(/^I found nothing about "football" in the last 30 days\./);
    expect(emulator.answeredCallbacks).toHaveLength(1);
  });
});
