// `npm run playground`: chat with the real bot in the terminal, without Telegram. The bot
// (createBot, real Telegraf) talks to the Bot API emulator on 127.0.0.1; you type as a user.
//   text or /command   sends it          :press N   presses button N of the last message
//   :reply text        replies to the last digest message          :quit   leaves
import { createInterface } from 'node:readline/promises';
import { createBot, registerCommands } from '../../src/bot/index.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { Store } from '../../src/store/index.ts';
import { startTelegramEmulator, type TgMessage } from './telegram-emulator.ts';

const CHAT = 1001;

function show(message: TgMessage, buttons: { label: string; data: string }[]): void {
  process.stdout.write(`\n\x1b[36mbot ›\x1b[0m ${message.text ?? ''}\n`);
  for (const row of message.reply_markup?.inline_keyboard ?? []) {
    for (const button of row) {
      if (!button.callback_data) continue;
      buttons.push({ label: button.text, data: button.callback_data });
      process.stdout.write(`   [${buttons.length}] ${button.text}\n`);
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  const store = Store.open(config.storage.databasePath);
  const emulator = await startTelegramEmulator({ rateLimits: false });
  const bot = createBot({
    token: emulator.token,
    apiRoot: emulator.apiRoot,
    store,
    log,
    settings: {
      defaultDigestTime: config.bot.defaultDigestTime,
      defaultTimezone: config.bot.defaultTimezone,
      adminIds: [CHAT],
      allowPrivateSources: config.fetch.request.allowPrivate,
      fetchOptions: config.fetch.request,
      windowHours: 24 * 365 * 20,
    },
  });
  await registerCommands(bot);
  void bot.launch({ dropPendingUpdates: false });

  process.stdout.write(
    `Playground: you are a Telegram user talking to the real bot (database ${config.storage.databasePath}, ${store.articles.count()} articles).\n` +
      'Try /start, /summary syria, /help; ":press N" presses a button, ":reply question" replies to the last digest, ":quit" leaves.\n',
  );
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  let buttons: { label: string; data: string }[] = [];
  let lastDigest: TgMessage | undefined;
  for (;;) {
    const line = (await rl.question('\n\x1b[33myou ›\x1b[0m ').catch(() => ':quit')).trim();
    if (!line) continue;
    if (line === ':quit') break;
    const before = emulator.botMessages(CHAT).length;
    if (line.startsWith(':press ')) {
      const button = buttons[Number(line.slice(7)) - 1];
      const target = emulator.botMessages(CHAT).find((m) => m.reply_markup?.inline_keyboard?.flat().some((b) => b.callback_data === button?.data));
      if (!button || !target) {
        process.stdout.write('No such button.\n');
        continue;
      }
      emulator.pressButton({ chatId: CHAT, messageId: target.message_id, data: button.data });
    } else if (line.startsWith(':reply ')) {
      emulator.sendMessage({ chatId: CHAT, text: line.slice(7), ...(lastDigest ? { replyToMessageId: lastDigest.message_id } : {}) });
    } else {
      emulator.sendMessage({ chatId: CHAT, text: line });
    }
    // Show what the bot sends until it has been quiet for a moment.
    let seen = before;
    buttons = [];
    for (let quiet = 0; quiet < 8; ) {
      await new Promise((r) => setTimeout(r, 100));
      const messages = emulator.botMessages(CHAT);
      if (messages.length > seen) {
        for (const m of messages.slice(seen)) {
          show(m, buttons);
          if (m.reply_markup?.inline_keyboard?.flat().some((b) => b.callback_data?.startsWith('more:'))) lastDigest = m;
        }
        seen = messages.length;
        quiet = 0;
      } else quiet++;
    }
    for (const rejected of emulator.rejected) process.stdout.write(`\x1b[31m(emulator rejected ${rejected.method}: ${rejected.description})\x1b[0m\n`);
    emulator.clearLogs();
  }
  rl.close();
  bot.stop('playground');
  await emulator.close();
  store.close();
}

await main();
