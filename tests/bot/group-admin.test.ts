import { afterEach, describe, expect, it } from 'vitest';
import { english } from '../../src/i18n/index.ts';
import { startHarness, type Harness } from './harness.ts';

const GROUP_SETTINGS_REFUSED = english.t('errors.groupAdminsOnly');

const GROUP = -100_500;
const ADMIN = 11;
const MEMBER = 13;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

/** A group member writes; resolves with the bot's next message in the group. */
async function inGroup(userId: number, text: string): Promise<string> {
  const { emulator } = harness!;
  const before = emulator.botMessages(GROUP).length;
  emulator.sendMessage({ chatId: GROUP, userId, text });
  const messages = await emulator.waitForBotMessages(GROUP, before + 1);
  return messages.at(-1)!.text ?? '';
}

describe('group settings belong to the group admins (getChatMember)', () => {
  it('members cannot /start, /stop, /time, /timezone, /follow or /unfollow for the group; admins can; anyone can ask for news', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    harness.emulator.registerChat({ id: GROUP, type: 'supergroup' });
    harness.emulator.setChatMember(GROUP, ADMIN, 'administrator');
    const subscriber = async () => await harness!.store.subscribers.get(GROUP);

    expect(await inGroup(MEMBER, '/start')).toBe(GROUP_SETTINGS_REFUSED);
    expect(await subscriber()).toBeUndefined();
    expect(await inGroup(ADMIN, '/start')).toMatch(/subscribed/);
    expect(await subscriber()).toMatchObject({ active: true, digestTime: '08:00' });

    for (const command of ['/stop', '/time 07:30', '/timezone Europe/Berlin', '/follow climate', '/unfollow climate']) {
      expect(await inGroup(MEMBER, command)).toBe(GROUP_SETTINGS_REFUSED);
    }
    expect(await subscriber()).toMatchObject({ active: true, digestTime: '08:00', timezone: 'UTC' });
    expect(await harness.store.subscribers.topics(GROUP)).toEqual([]);

    expect(await inGroup(ADMIN, '/time 07:30')).toMatch(/07:30/);
    expect(await inGroup(MEMBER, '/summary syria')).toMatch(/Putin/);
    expect(await inGroup(ADMIN, '/stop')).toMatch(/no more daily digests/);
    expect((await subscriber())?.active).toBe(false);
    expect(harness.emulator.countRequests('getChatMember')).toBeGreaterThanOrEqual(8);
    expect(harness.emulator.rejected).toEqual([]);
  });

  it('an anonymous admin (writing as the group) may change settings', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    harness.emulator.registerChat({ id: GROUP, type: 'supergroup' });
    const before = harness.emulator.botMessages(GROUP).length;
    // Telegram sends an anonymous admin's message from GroupAnonymousBot with sender_chat = the group.
    const chat = { id: GROUP, type: 'supergroup' as const, title: 'Test group' };
    harness.emulator.pushUpdate({
      message: {
        message_id: 1, date: 1, chat, sender_chat: chat, text: '/start',
        from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' },
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    });
    const [reply] = (await harness.emulator.waitForBotMessages(GROUP, before + 1)).slice(-1);
    expect(reply!.text).toMatch(/subscribed/);
  });
});
