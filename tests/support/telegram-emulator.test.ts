import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Markup, Telegraf, TelegramError } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegramEmulator, type TelegramEmulator, type TelegramEmulatorOptions } from './telegram-emulator.ts';

const CHAT = 4242;

let emulator: TelegramEmulator | undefined;
const running: Array<{ bot: Telegraf; done: Promise<unknown> }> = [];
const servers: http.Server[] = [];

async function startEmulator(options: TelegramEmulatorOptions = {}): Promise<TelegramEmulator> {
  emulator = await startTelegramEmulator(options);
  return emulator;
}

function newBot(emu: TelegramEmulator): Telegraf {
  return new Telegraf(emu.token, { telegram: { apiRoot: emu.apiRoot } });
}

/** bot.launch() resolves only when polling stops; keep the promise so the bot can be stopped and awaited. */
async function launch(bot: Telegraf): Promise<void> {
  let launched!: () => void;
  const started = new Promise<void>((resolve) => (launched = resolve));
  const done = bot.launch({ dropPendingUpdates: false }, () => launched()).catch((error: unknown) => error);
  running.push({ bot, done });
  await started;
}

async function stop(bot: Telegraf): Promise<void> {
  const index = running.findIndex((r) => r.bot === bot);
  const entry = running[index];
  if (entry === undefined) return;
  running.splice(index, 1);
  try {
    bot.stop('test');
  } catch {
    // not running
  }
  await entry.done;
}

async function expectTelegramError(promise: Promise<unknown>, code: number, description: string | RegExp): Promise<TelegramError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TelegramError);
  const tgError = error as TelegramError;
  expect(tgError.code).toBe(code);
  if (typeof description === 'string') expect(tgError.description).toBe(description);
  else expect(tgError.description).toMatch(description);
  return tgError;
}

afterEach(async () => {
  for (const { bot } of [...running]) await stop(bot);
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
  await emulator?.close();
  emulator = undefined;
});

describe('telegram emulator with the real Telegraf (long polling)', () => {
  it('answers /start: the test reads the reply as Telegram would return it', async () => {
    const emu = await startEmulator();
    const bot = newBot(emu);
    bot.start((ctx) => ctx.reply('Welcome, <b>friend</b> &amp; reader!', { parse_mode: 'HTML' }));
    await launch(bot);

    const update = emu.sendCommand(CHAT, '/start');
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    expect(update.message?.chat).toMatchObject({ id: CHAT, type: 'private', first_name: expect.any(String) });

    const [reply] = await emu.waitForBotMessages(CHAT, 1, 20_000);
    expect(reply?.text).toBe('Welcome, friend & reader!');
    expect(reply?.entities).toEqual([{ type: 'bold', offset: 9, length: 6 }]);
    expect(reply?.from).toMatchObject({ id: emu.botUser.id, is_bot: true });
    expect(reply?.chat).toMatchObject({ id: CHAT, type: 'private' });
    expect(reply?.message_id).toBe(2); // the user's /start was message 1 in this chat
    expect(emu.deliveredCount(CHAT)).toBe(1);
    expect(emu.rejected).toEqual([]);
    expect(emu.countRequests('getMe')).toBe(1);
    expect(emu.countRequests('deleteWebhook')).toBe(1);
  });

  it('acknowledges offsets: no update is delivered twice, even across a bot restart', async () => {
    const emu = await startEmulator();
    const seen1: number[] = [];
    const bot1 = newBot(emu);
    bot1.on('text', async (ctx) => {
      seen1.push(ctx.update.update_id);
      await ctx.reply(`echo ${ctx.message.text}`);
    });
    await launch(bot1);
    emu.sendMessage({ chatId: CHAT, text: 'one' });
    emu.sendMessage({ chatId: CHAT, text: 'two' });
    await emu.waitForBotMessages(CHAT, 2);
    await stop(bot1);

    // Sent while no bot runs: waits for the next bot.
    const pending = emu.sendMessage({ chatId: CHAT, text: 'three' });
    expect(emu.pendingUpdates().map((u) => u.update_id)).toEqual([pending.update_id]);

    const seen2: number[] = [];
    const bot2 = newBot(emu);
    bot2.on('text', async (ctx) => {
      seen2.push(ctx.update.update_id);
      await ctx.reply(`echo ${ctx.message.text}`);
    });
    await launch(bot2);
    const texts = (await emu.waitForBotMessages(CHAT, 3)).map((m) => m.text);
    expect(texts).toEqual(['echo one', 'echo two', 'echo three']);
    expect(seen1).toHaveLength(2);
    expect(seen2).toEqual([pending.update_id]);
    await stop(bot2);
    expect(emu.duplicateDeliveries()).toEqual([]);
    expect(emu.pendingUpdates()).toEqual([]);
  });

  it('holds long polls: an idle bot does not spin', async () => {
    const emu = await startEmulator({ maxLongPollMs: 300 }); // Telegraf always asks timeout=50 s; cap it
    const bot = newBot(emu);
    await launch(bot);
    const before = emu.getUpdatesCalls;
    const t0 = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const elapsed = Date.now() - t0;
    const calls = emu.getUpdatesCalls - before;
    // Each poll is held for the 300 ms cap: at most one new poll per 300 ms of however long
    // the wait really took (a busy machine stretches it), never a spin.
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(Math.ceil(elapsed / 300) + 1);

    // and a poll with updates waiting returns at once: uncapped, a held 50 s poll would lose
    // the race against 20 s, however slow the machine.
    await stop(bot);
    emu.setMaxLongPollMs(undefined);
    emu.sendMessage({ chatId: CHAT, text: 'hi' });
    const poll = bot.telegram.callApi('getUpdates', { timeout: 50, offset: 0 });
    let timer: NodeJS.Timeout | undefined;
    const held = new Promise<'held'>((resolve) => (timer = setTimeout(() => resolve('held'), 20_000)));
    const updates = await Promise.race([poll, held]).finally(() => clearTimeout(timer));
    expect(updates).not.toBe('held');
    expect(updates).toHaveLength(1);
  });

  it('long poll is held until an update arrives, and a second poller gets 409 Conflict', async () => {
    const emu = await startEmulator();
    const bot = newBot(emu);
    const t0 = Date.now();
    const first = bot.telegram.callApi('getUpdates', { timeout: 5 });
    setTimeout(() => emu.sendMessage({ chatId: CHAT, text: 'late' }), 150);
    const updates = await first;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(120);
    expect(updates.map((u) => ('message' in u && u.message && 'text' in u.message ? u.message.text : ''))).toEqual(['late']);

    const polls = emu.getUpdatesCalls;
    const held = bot.telegram.callApi('getUpdates', { timeout: 5, offset: (updates[0]?.update_id ?? 0) + 1 });
    // The second poll must arrive after the first is held (a fixed pause loses that race on a busy machine).
    await emu.waitFor(() => emu.getUpdatesCalls > polls, 20_000);
    const second = bot.telegram.callApi('getUpdates', { timeout: 0 });
    await expectTelegramError(held, 409, /^Conflict: terminated by other getUpdates request/);
    await expect(second).resolves.toEqual([]);
  });
});

describe('telegram emulator validation (Telegram error shapes)', () => {
  it('rejects malformed or disallowed HTML', async () => {
    const emu = await startEmulator({ chats: [CHAT] });
    const tg = newBot(emu).telegram;
    const html = (text: string): Promise<unknown> => tg.sendMessage(CHAT, text, { parse_mode: 'HTML' });
    const err = "Bad Request: can't parse entities: ";

    await expectTelegramError(html('<div>x</div>'), 400, `${err}Unsupported start tag "div" at byte offset 0`);
    await expectTelegramError(html('ok <b>bold'), 400, `${err}Can't find end tag corresponding to start tag "b"`);
    await expectTelegramError(
      html('<b><i>x</b></i>'),
      400,
      `${err}Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`,
    );
    await expectTelegramError(html('1 < 2'), 400, `${err}Unsupported start tag "" at byte offset 2`);
    await expectTelegramError(html('x</b>'), 400, `${err}Unexpected end tag at byte offset 1`);
    await expectTelegramError(html('<span>x</span>'), 400, `${err}Tag "span" must have class "tg-spoiler" at byte offset 0`);
    await expectTelegramError(html('Tom & Jerry'), 400, /^Bad Request: can't parse entities: Character "&" at byte offset 4/);
    // byte offsets are UTF-8 bytes, as Telegram reports them
    await expectTelegramError(html('é <p>'), 400, `${err}Unsupported start tag "p" at byte offset 3`);

    const ok = await tg.sendMessage(
      CHAT,
      '<b>B</b> <strong>S</strong> <i>I</i> <u>U</u> <s>S</s> <tg-spoiler>x</tg-spoiler> <span class="tg-spoiler">y</span> ' +
        '<a href="https://example.org/a?b=1&amp;c=2">link</a> <code>c</code> <pre><code class="language-ts">let a;</code></pre> ' +
        '<blockquote expandable>q</blockquote> &lt;&gt;&quot;&#65;&#x42;',
      { parse_mode: 'HTML' },
    );
    expect(ok.text).toBe('B S I U S x y link c let a; q <>"AB');
    expect(ok.entities?.map((e) => e.type)).toEqual([
      'bold', 'bold', 'italic', 'underline', 'strikethrough', 'spoiler', 'spoiler', 'text_link', 'code', 'pre',
      'expandable_blockquote',
    ]);
    expect(ok.entities?.find((e) => e.type === 'text_link')).toMatchObject({ url: 'https://example.org/a?b=1&c=2' });
    expect(ok.entities?.find((e) => e.type === 'pre')).toMatchObject({ language: 'ts', length: 6 });
    expect(emu.rejected.map((r) => r.errorCode)).toEqual([400, 400, 400, 400, 400, 400, 400, 400]);
  });

  it('rejects too long and empty texts, counting length after entity parsing', async () => {
    const emu = await startEmulator({ chats: [CHAT], rateLimits: false });
    const tg = newBot(emu).telegram;
    await expectTelegramError(tg.sendMessage(CHAT, 'a'.repeat(4097)), 400, 'Bad Request: message is too long');
    await expect(tg.sendMessage(CHAT, 'a'.repeat(4096))).resolves.toMatchObject({ text: 'a'.repeat(4096) });
    // 4096 characters of text inside tags: the markup does not count
    await expect(tg.sendMessage(CHAT, `<b>${'a'.repeat(4096)}</b>`, { parse_mode: 'HTML' })).resolves.toBeTruthy();
    await expectTelegramError(
      tg.sendMessage(CHAT, `<b>${'&amp;'.repeat(4097)}</b>`, { parse_mode: 'HTML' }),
      400,
      'Bad Request: message is too long',
    );
    await expectTelegramError(tg.sendMessage(CHAT, ''), 400, 'Bad Request: message text is empty');
    await expectTelegramError(tg.sendMessage(CHAT, '  \n '), 400, 'Bad Request: message text is empty');
    await expectTelegramError(tg.sendMessage(CHAT, '<b> </b>', { parse_mode: 'HTML' }), 400, 'Bad Request: message text is empty');
    // trailing whitespace is trimmed like Telegram does
    await expect(tg.sendMessage(CHAT, 'text \n\n')).resolves.toMatchObject({ text: 'text' });
  });

  it('counts entity offsets in UTF-16 code units and the length limit in characters', async () => {
    const emu = await startEmulator({ chats: [CHAT], rateLimits: false });
    const tg = newBot(emu).telegram;
    const sent = await tg.sendMessage(CHAT, '👍 <b>ok</b> 🇺🇦 <i>x</i> ✓<u>y</u>', { parse_mode: 'HTML' });
    expect(sent.text).toBe('👍 ok 🇺🇦 x ✓y');
    expect(sent.entities).toEqual([
      { type: 'bold', offset: 3, length: 2 },
      { type: 'italic', offset: 11, length: 1 },
      { type: 'underline', offset: 14, length: 1 },
    ]);
    // 4096 emoji = 8192 UTF-16 code units: accepted; one more is too long
    await expect(tg.sendMessage(CHAT, '😀'.repeat(4096))).resolves.toBeTruthy();
    await expectTelegramError(tg.sendMessage(CHAT, '😀'.repeat(4097)), 400, 'Bad Request: message is too long');
  });

  it('validates inline keyboards: 64-byte callback_data, button text, URLs', async () => {
    const emu = await startEmulator({ chats: [CHAT], rateLimits: false });
    const tg = newBot(emu).telegram;
    const keyboard = (button: Record<string, unknown>) => ({ reply_markup: { inline_keyboard: [[button]] } }) as never;
    await expectTelegramError(
      tg.sendMessage(CHAT, 'x', keyboard({ text: 'More', callback_data: 'd'.repeat(65) })),
      400,
      'Bad Request: BUTTON_DATA_INVALID',
    );
    // bytes, not characters: 33 x "é" = 66 bytes
    await expectTelegramError(
      tg.sendMessage(CHAT, 'x', keyboard({ text: 'More', callback_data: 'é'.repeat(33) })),
      400,
      'Bad Request: BUTTON_DATA_INVALID',
    );
    await expect(
      tg.sendMessage(CHAT, 'x', Markup.inlineKeyboard([Markup.button.callback('More', 'd'.repeat(64))])),
    ).resolves.toMatchObject({ reply_markup: { inline_keyboard: [[{ text: 'More', callback_data: 'd'.repeat(64) }]] } });
    await expectTelegramError(
      tg.sendMessage(CHAT, 'x', keyboard({ text: 'More', callback_data: '' })),
      400,
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
    await expectTelegramError(tg.sendMessage(CHAT, 'x', keyboard({ text: '', callback_data: 'a' })), 400, 'Bad Request: BUTTON_TEXT_EMPTY');
    await expectTelegramError(
      tg.sendMessage(CHAT, 'x', keyboard({ text: 'Open', url: 'not a url' })),
      400,
      "Bad Request: inline keyboard button URL 'not a url' is invalid: Wrong HTTP URL",
    );
    await expect(tg.sendMessage(CHAT, 'x', Markup.inlineKeyboard([Markup.button.url('Open', 'https://example.com/x')]))).resolves.toBeTruthy();
  });

  it('refuses half a surrogate pair anywhere (text, button text, callback_data) and entities past the end or inside a character', async () => {
    const emu = await startEmulator({ chats: [CHAT], rateLimits: false });
    const tg = newBot(emu).telegram;
    const utf8 = 'Bad Request: strings must be encoded in UTF-8';
    // "😀" cut by UTF-16 index leaves "\ud83d"
    await expectTelegramError(tg.sendMessage(CHAT, `title ${'😀'.slice(0, 1)}`), 400, utf8);
    await expectTelegramError(tg.sendMessage(CHAT, 'x', Markup.inlineKeyboard([Markup.button.callback('More', `topic:𝐁${'𝐁'.slice(0, 1)}`)])), 400, utf8);
    await expectTelegramError(tg.sendMessage(CHAT, 'x', Markup.inlineKeyboard([Markup.button.callback(`🔥${'🔥'.slice(1)}`, 'ok')])), 400, utf8);
    await expectTelegramError(
      tg.sendMessage(CHAT, '<b>&#55357;</b>', { parse_mode: 'HTML' }),
      400,
      /can't parse entities: Text contains invalid Unicode characters after decoding HTML entities/,
    );
    await expect(tg.sendMessage(CHAT, 'whole 😀 pairs 𝐁 pass')).resolves.toBeTruthy();

    await expectTelegramError(
      tg.sendMessage(CHAT, 'bold', { entities: [{ type: 'bold', offset: 0, length: 5 }] }),
      400,
      "Bad Request: can't parse entities: entity bold ends beyond the end of the text",
    );
    await expectTelegramError(
      tg.sendMessage(CHAT, 'a😀b', { entities: [{ type: 'bold', offset: 0, length: 2 }] }),
      400,
      "Bad Request: can't parse entities: entity bold begins or ends inside a character",
    );
    await expect(tg.sendMessage(CHAT, 'a😀b', { entities: [{ type: 'bold', offset: 1, length: 2 }] })).resolves.toMatchObject({
      entities: [{ type: 'bold', offset: 1, length: 2 }],
    });
    expect(emu.botMessages(CHAT)).toHaveLength(2);
  });

  it('answers getChatMember: what the test set, members for group writers, left for strangers', async () => {
    const emu = await startEmulator({ rateLimits: false });
    const tg = newBot(emu).telegram;
    const group = -100777;
    emu.registerChat({ id: group, type: 'supergroup' });
    emu.setChatMember(group, 11, 'creator');
    emu.setChatMember(group, 12, 'administrator');
    emu.sendMessage({ chatId: group, userId: 13, text: 'hello' });
    emu.sendMessage({ chatId: 14, text: 'private hello' });
    expect((await tg.getChatMember(group, 11)).status).toBe('creator');
    expect(await tg.getChatMember(group, 12)).toMatchObject({ status: 'administrator', user: { id: 12 }, can_manage_chat: true });
    expect((await tg.getChatMember(group, 13)).status).toBe('member');
    expect((await tg.getChatMember(group, 14)).status).toBe('left');
    expect((await tg.getChatMember(14, 14)).status).toBe('member');
    await expectTelegramError(tg.getChatMember(group, 999), 400, 'Bad Request: user not found');
    await expectTelegramError(tg.getChatMember(-5, 11), 400, 'Bad Request: chat not found');
  });

  it('answers with an HTML page instead of JSON on demand (a proxy, a wrong API root)', async () => {
    const emu = await startEmulator({ chats: [CHAT], rateLimits: false });
    const tg = newBot(emu).telegram;
    emu.injectFault({ type: 'not-json', method: 'getMe' });
    await expect(tg.getMe()).rejects.toMatchObject({ name: 'FetchError', type: 'invalid-json' });
    emu.injectFault({ type: 'not-json', method: 'sendMessage', status: 404 });
    await expect(tg.sendMessage(CHAT, 'x')).rejects.toMatchObject({ type: 'invalid-json' });
    await expect(tg.getMe()).resolves.toMatchObject({ is_bot: true });
    expect(emu.requests.filter((r) => r.injected).map((r) => [r.method, r.status])).toEqual([
      ['getMe', 200],
      ['sendMessage', 404],
    ]);
  });

  it('rejects unknown chats, replies to missing messages, bad tokens and unknown methods', async () => {
    const emu = await startEmulator({ chats: [CHAT] });
    const tg = newBot(emu).telegram;
    await expectTelegramError(tg.sendMessage(999, 'hello'), 400, 'Bad Request: chat not found');
    await expectTelegramError(tg.sendChatAction(999, 'typing'), 400, 'Bad Request: chat not found');
    await expectTelegramError(
      tg.sendMessage(CHAT, 'hello', { reply_parameters: { message_id: 77 } }),
      400,
      'Bad Request: message to be replied not found',
    );
    // a chat becomes known when its user writes
    emu.sendMessage({ chatId: 555, text: 'hi' });
    const reply = await tg.sendMessage(555, 'hello', { reply_parameters: { message_id: 1 } });
    expect(reply.reply_to_message).toMatchObject({ message_id: 1, text: 'hi' });

    const wrong = await fetch(`${emu.apiRoot}/bot123:wrong/getMe`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
    const unknown = await fetch(`${emu.apiRoot}/bot${emu.token}/sendTelepathy`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
    const raw = await fetch(`${emu.apiRoot}/bot${emu.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: 999, text: 'x' }),
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({ ok: false, error_code: 400, description: 'Bad Request: chat not found' });
  });

  it('accepts JSON, form-urlencoded, multipart and query-string requests', async () => {
    const emu = await startEmulator({ chats: [CHAT], rateLimits: false });
    const base = `${emu.apiRoot}/bot${emu.token}`;
    const me = (await (await fetch(`${base}/getMe`)).json()) as { ok: boolean; result: { username: string } };
    expect(me).toMatchObject({ ok: true, result: { is_bot: true, username: emu.botUser.username } });
    const form = await fetch(`${base}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({ chat_id: String(CHAT), text: '<i>form</i>', parse_mode: 'HTML' }),
    });
    expect(await form.json()).toMatchObject({ ok: true, result: { text: 'form', entities: [{ type: 'italic' }] } });
    const data = new FormData();
    data.set('chat_id', String(CHAT));
    data.set('text', 'multipart');
    data.set('reply_markup', JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }));
    const multipart = await fetch(`${base}/sendMessage`, { method: 'POST', body: data });
    expect(await multipart.json()).toMatchObject({ ok: true, result: { text: 'multipart', reply_markup: { inline_keyboard: [[{ callback_data: 'a' }]] } } });
    const query = await fetch(`${base}/sendmessage?chat_id=${CHAT}&text=query`);
    expect(await query.json()).toMatchObject({ ok: true, result: { text: 'query' } });
    expect(emu.botMessages(CHAT).map((m) => m.text)).toEqual(['form', 'multipart', 'query']);
  });

  it('validates setMyCommands and records commands and chat actions', async () => {
    const emu = await startEmulator({ chats: [CHAT] });
    const tg = newBot(emu).telegram;
    await expectTelegramError(tg.setMyCommands([{ command: 'Summary', description: 'x' }]), 400, 'Bad Request: BOT_COMMAND_INVALID');
    await expectTelegramError(tg.setMyCommands([{ command: 'a'.repeat(33), description: 'x' }]), 400, 'Bad Request: BOT_COMMAND_INVALID');
    await expectTelegramError(tg.setMyCommands([{ command: 'help', description: '' }]), 400, 'Bad Request: command description must be non-empty');
    await expectTelegramError(
      tg.setMyCommands([{ command: 'help', description: 'd'.repeat(257) }]),
      400,
      'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID',
    );
    const commands = [
      { command: 'start', description: 'Subscribe' },
      { command: 'summary', description: 'Digest of a topic now' },
    ];
    await tg.setMyCommands(commands);
    expect(emu.commands).toEqual(commands);
    expect(await tg.getMyCommands()).toEqual(commands);
    await tg.sendChatAction(CHAT, 'typing');
    await expectTelegramError(tg.sendChatAction(CHAT, 'dancing' as never), 400, 'Bad Request: wrong parameter action in request');
    expect(emu.chatActions).toMatchObject([{ chatId: CHAT, action: 'typing' }]);
  });

  it('records descriptions per language and refuses ones over Telegram\'s limits', async () => {
    const emu = await startEmulator({ chats: [CHAT] });
    const tg = newBot(emu).telegram;
    await tg.setMyDescription('A news bot.');
    await tg.setMyDescription('Новостной бот.', 'ru');
    await tg.setMyShortDescription('News.', 'ru');
    expect(emu.descriptionFor()).toBe('A news bot.');
    expect(emu.descriptionFor('ru')).toBe('Новостной бот.');
    expect(emu.shortDescriptionFor('ru')).toBe('News.');
    expect(await tg.getMyDescription('ru')).toEqual({ description: 'Новостной бот.' });
    await expectTelegramError(tg.setMyDescription('d'.repeat(513)), 400, 'Bad Request: description is too long');
    await expectTelegramError(tg.setMyShortDescription('d'.repeat(121)), 400, 'Bad Request: short description is too long');
    await expectTelegramError(tg.setMyDescription('x', 'russian'), 400, 'Bad Request: invalid language code specified');
  });

  it('keeps a reply keyboard on the chat until it is removed or a one-time keyboard is used, and sends location messages', async () => {
    const emu = await startEmulator({ chats: [CHAT] });
    const tg = newBot(emu).telegram;
    await expectTelegramError(tg.sendMessage(CHAT, 'x', { reply_markup: { keyboard: [[{ text: '' }]] } }), 400, 'Bad Request: BUTTON_TEXT_EMPTY');
    const sent = await tg.sendMessage(CHAT, 'Where are you?', { reply_markup: { keyboard: [[{ text: 'Send my location', request_location: true }]], one_time_keyboard: true } });
    // Like Telegram, the message does not carry a reply keyboard; the chat shows it.
    expect(sent.reply_markup).toBeUndefined();
    expect(emu.replyKeyboard(CHAT)?.keyboard).toEqual([[{ text: 'Send my location', request_location: true }]]);
    const update = emu.sendLocation({ chatId: CHAT, latitude: 52.52, longitude: 13.4 });
    expect(update.message).toMatchObject({ location: { latitude: 52.52, longitude: 13.4 } });
    expect(update.message?.text).toBeUndefined();
    expect(emu.replyKeyboard(CHAT)).toBeNull();
    await tg.sendMessage(CHAT, 'Again', { reply_markup: { keyboard: [[{ text: 'A' }]] } });
    await tg.sendMessage(CHAT, 'Done', { reply_markup: { remove_keyboard: true } });
    expect(emu.replyKeyboard(CHAT)).toBeNull();
  });
});

describe('telegram emulator faults and pacing', () => {
  it('injects 429 with retry_after, 5xx, 403, slow answers and dropped connections', async () => {
    const emu = await startEmulator({ chats: [CHAT, 77], rateLimits: false });
    const tg = newBot(emu).telegram;

    emu.injectFault({ type: 'rate-limit', method: 'sendMessage', retryAfter: 7 });
    const tooMany = await expectTelegramError(tg.sendMessage(CHAT, 'a'), 429, 'Too Many Requests: retry after 7');
    expect(tooMany.parameters).toEqual({ retry_after: 7 });
    await expect(tg.sendMessage(CHAT, 'a')).resolves.toBeTruthy(); // one-shot

    emu.injectFault({ type: 'server-error', method: 'sendMessage' });
    await expectTelegramError(tg.sendMessage(CHAT, 'b'), 500, 'Internal Server Error');
    emu.injectFault({ type: 'bad-gateway', method: 'sendMessage' });
    await expectTelegramError(tg.sendMessage(CHAT, 'b'), 502, 'Bad Gateway');

    emu.blockChat(77);
    await expectTelegramError(tg.sendMessage(77, 'c'), 403, 'Forbidden: bot was blocked by the user');
    emu.unblockChat(77);
    await expect(tg.sendMessage(77, 'c')).resolves.toBeTruthy();
    emu.injectFault({ type: 'blocked', chatId: 77 });
    await expectTelegramError(tg.sendMessage(77, 'c'), 403, 'Forbidden: bot was blocked by the user');

    emu.injectFault({ type: 'slow', method: 'sendMessage', delayMs: 300 });
    const t0 = Date.now();
    await tg.sendMessage(CHAT, 'slow');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);

    emu.injectFault({ type: 'drop', method: 'sendMessage', processed: true });
    await expect(tg.sendMessage(CHAT, 'dropped but sent')).rejects.toThrow();
    expect(emu.botMessages(CHAT).map((m) => m.text)).toEqual(['a', 'slow', 'dropped but sent']);

    expect(emu.rejected.map((r) => [r.errorCode, r.injected === true])).toEqual([
      [429, true],
      [403, false],
      [403, true],
    ]);
  });

  it('paces sends per chat: 5 messages at once to one chat, a burst of 3 passes, the rest get 429', async () => {
    const emu = await startEmulator({ chats: [CHAT, 43] });
    const tg = newBot(emu).telegram;
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((i) => tg.sendMessage(CHAT, `m${i}`)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as TelegramError);
    expect(failures).toHaveLength(2);
    for (const failure of failures) {
      expect(failure.code).toBe(429);
      expect(failure.description).toBe('Too Many Requests: retry after 1');
      expect(failure.parameters).toEqual({ retry_after: 1 });
    }
    // another chat has its own bucket
    await expect(tg.sendMessage(43, 'other chat')).resolves.toBeTruthy();
    expect(emu.deliveredCount(CHAT)).toBe(3);

    // the global bucket: 30/s by default, configurable per test
    emu.setRateLimits({ global: { perSecond: 2, burst: 2 }, perChat: { perSecond: 100, burst: 100 } });
    const many = await Promise.allSettled([1, 2, 3, 4].map((i) => tg.sendMessage(43, `g${i}`)));
    expect(many.filter((r) => r.status === 'fulfilled')).toHaveLength(2); // the global burst of 2
    const tooFast = many.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason as TelegramError;
    expect(tooFast.parameters).toEqual({ retry_after: 1 });
  });

  it('a higher global limit lets a fast test fan out to many chats', async () => {
    const chats = Array.from({ length: 60 }, (_, i) => 10_000 + i);
    const emu = await startEmulator({ chats, rateLimits: { global: { perSecond: 10_000, burst: 10_000 } } });
    const tg = newBot(emu).telegram;
    await Promise.all(chats.map((id) => tg.sendMessage(id, 'digest')));
    expect(chats.every((id) => emu.deliveredCount(id) === 1)).toBe(true);
    expect(emu.rejected).toEqual([]);
  });
});

describe('telegram emulator callbacks, edits, webhook', () => {
  it('round-trips a button press: callback_query update, answerCallbackQuery, edit', async () => {
    const emu = await startEmulator();
    const bot = newBot(emu);
    bot.start((ctx) => ctx.reply('Story 1', Markup.inlineKeyboard([Markup.button.callback('More', 'more:1')])));
    bot.action('more:1', async (ctx) => {
      await ctx.answerCbQuery('Loading');
      await ctx.editMessageText('Story 1, <i>expanded</i>', { parse_mode: 'HTML' });
    });
    await launch(bot);
    emu.sendCommand(CHAT, '/start');
    const [message] = await emu.waitForBotMessages(CHAT, 1);
    expect(message?.reply_markup?.inline_keyboard?.[0]?.[0]).toEqual({ text: 'More', callback_data: 'more:1' });
    expect(() => emu.pressButton({ chatId: CHAT, messageId: message?.message_id ?? 0, data: 'nope' })).toThrow(/no button/);

    const press = emu.pressButton({ chatId: CHAT, messageId: message?.message_id ?? 0, data: 'more:1' });
    const edited = await emu.waitFor(() => emu.botMessages(CHAT).find((m) => m.text === 'Story 1, expanded'));
    expect(edited.entities).toEqual([{ type: 'italic', offset: 9, length: 8 }]);
    expect(edited.reply_markup).toBeUndefined(); // editMessageText without reply_markup drops the keyboard
    expect(edited.edit_date).toBeTypeOf('number');
    expect(emu.answeredCallbacks).toMatchObject([{ id: press.callback_query?.id, text: 'Loading', data: 'more:1' }]);
    expect(emu.botMessages(CHAT)).toHaveLength(1);

    // answering again: the query is spent
    await expectTelegramError(
      bot.telegram.answerCbQuery(press.callback_query?.id ?? ''),
      400,
      'Bad Request: query is too old and response timeout expired or query ID is invalid',
    );
    await expectTelegramError(
      bot.telegram.answerCbQuery('12345'),
      400,
      'Bad Request: query is too old and response timeout expired or query ID is invalid',
    );
  });

  it('edits messages and rejects an edit that changes nothing', async () => {
    const emu = await startEmulator({ chats: [CHAT], rateLimits: false });
    const tg = newBot(emu).telegram;
    const kb = Markup.inlineKeyboard([Markup.button.callback('A', 'a')]);
    const sent = await tg.sendMessage(CHAT, '<b>v1</b>', { parse_mode: 'HTML', ...kb });
    const v2 = await tg.editMessageText(CHAT, sent.message_id, undefined, '<b>v2</b>', { parse_mode: 'HTML', ...kb });
    expect(v2).toMatchObject({ message_id: sent.message_id, text: 'v2', edit_date: expect.any(Number) });
    await expectTelegramError(
      tg.editMessageText(CHAT, sent.message_id, undefined, '<b>v2</b>', { parse_mode: 'HTML', ...kb }),
      400,
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    // same text, different markup is a modification
    await tg.editMessageText(CHAT, sent.message_id, undefined, '<b>v2</b>', { parse_mode: 'HTML' });
    await expectTelegramError(tg.editMessageReplyMarkup(CHAT, sent.message_id, undefined, undefined), 400, /^Bad Request: message is not modified/);
    await expectTelegramError(tg.editMessageText(CHAT, 999, undefined, 'x'), 400, 'Bad Request: message to edit not found');
    expect(emu.botMessages(CHAT).map((m) => m.text)).toEqual(['v2']);
    await tg.deleteMessage(CHAT, sent.message_id);
    expect(emu.botMessages(CHAT)).toEqual([]);
    await expectTelegramError(tg.deleteMessage(CHAT, sent.message_id), 400, 'Bad Request: message to delete not found');
  });

  it('delivers updates to a webhook with the secret token; getUpdates conflicts while it is set', async () => {
    const emu = await startEmulator();
    const bot = newBot(emu);
    bot.start((ctx) => ctx.reply('hello from webhook', Markup.inlineKeyboard([Markup.button.callback('Ok', 'ok')])));
    bot.action('ok', (ctx) => ctx.answerCbQuery('done')); // Telegraf answers this in the webhook response body
    const server = http.createServer(bot.webhookCallback('/hook', { secretToken: 's3cret' }));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await bot.telegram.setWebhook(url, { secret_token: 's3cret' });
    expect(emu.webhook).toMatchObject({ url, secretToken: 's3cret' });
    await expectTelegramError(bot.telegram.callApi('getUpdates', {}), 409, /^Conflict: can't use getUpdates method while webhook is active/);

    const update = emu.sendCommand(CHAT, '/start');
    expect(await bot.telegram.getWebhookInfo()).toMatchObject({ url, pending_update_count: 1 });
    expect(await emu.deliverUpdateToWebhook(update, { secretToken: 'wrong' })).toBe(403);
    expect(await emu.deliverUpdateToWebhook(update)).toBe(200);
    const [reply] = await emu.waitForBotMessages(CHAT, 1);
    expect(reply?.text).toBe('hello from webhook');
    expect(emu.pendingUpdates()).toEqual([]);

    const press = emu.pressButton({ chatId: CHAT, messageId: reply?.message_id ?? 0, data: 'ok' });
    expect(await emu.deliverPendingToWebhook()).toEqual([200]);
    expect(emu.answeredCallbacks).toMatchObject([{ id: press.callback_query?.id, text: 'done' }]);
    expect(emu.requests.find((r) => r.method === 'answerCallbackQuery')).toMatchObject({ ok: true, viaWebhookReply: true });
    await bot.telegram.deleteWebhook();
    await expect(bot.telegram.callApi('getUpdates', {})).resolves.toEqual([]);
  });

  it('pushes updates to the webhook by itself with autoDeliverWebhook', async () => {
    const emu = await startEmulator({ autoDeliverWebhook: true });
    const bot = newBot(emu);
    bot.on('text', (ctx) => ctx.reply(`got ${ctx.message.text}`));
    const server = http.createServer(bot.webhookCallback('/hook'));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await bot.telegram.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
    emu.sendMessage({ chatId: CHAT, text: 'a' });
    emu.sendMessage({ chatId: CHAT, text: 'b' });
    const replies = await emu.waitForBotMessages(CHAT, 2);
    expect(replies.map((m) => m.text)).toEqual(['got a', 'got b']);
    expect(emu.duplicateDeliveries()).toEqual([]);
  });
});
