// `npm run playground`: chat with the real bot in the terminal, without Telegram. The bot
// (createBot, real Telegraf) talks to the Bot API emulator on 127.0.0.1; you type as a user.
//   text or /command   sends it          :press N   presses button N of the last message
//   :reply text        replies to the last digest message          :quit   leaves
// Standard input may be a pipe or a here-doc: each line waits for the bot's replies to the one
// before, and the end of the input ends the session. Colours only on a terminal (and never
// with NO_COLOR); bold shows as *…* and links as `text <url>`.
import { createInterface } from 'node:readline';
import { createBot, registerCommands } from '../../src/bot/index.ts';
import { UpdateQueue } from '../../src/bot/update-queue.ts';
import { openConfiguredStore } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { readableText } from './readable-message.ts';
import { startTelegramEmulator, type TgMessage, type TgUpdate } from './telegram-emulator.ts';

const CHAT = 1001;
/** Longest wait for the bot to take an update; past it the line is reported unanswered. */
const TAKE_TIMEOUT_MS = 60_000;

const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code: string, text: string) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);

function show(message: TgMessage, buttons: { label: string; data: string }[], edited: boolean): void {
  const who = edited ? 'bot (edited) ›' : 'bot ›';
  process.stdout.write(`\n${paint('36', who)} ${readableText(message.text ?? '', message.entities)}\n`);
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
  // As every command opens it: a new database starts with the sources of sources.json.
  const store = await openConfiguredStore(config);
  const emulator = await startTelegramEmulator({ rateLimits: false });
  const updates = new UpdateQueue({ onError: (error) => log.error({ err: error }, 'update did not finish') });
  const bot = createBot({
    token: emulator.token,
    apiRoot: emulator.apiRoot,
    store,
    log,
    updates,
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

  /** Resolves when the bot has answered `update`: taken from the emulator (acknowledged) and its chat's queue drained. */
  const answered = async (update: TgUpdate): Promise<boolean> => {
    try {
      await emulator.waitFor(() => !emulator.pendingUpdates().some((u) => u.update_id === update.update_id), TAKE_TIMEOUT_MS);
    } catch {
      return false;
    }
    return updates.idle(TAKE_TIMEOUT_MS);
  };

  process.stdout.write(
    `Playground: you are a Telegram user talking to the real bot (database ${config.storage.databasePath}, ${await store.articles.count()} articles).\n` +
      'Try /start, /summary syria, /help; ":press N" presses a button, ":reply question" replies to the last digest, ":quit" leaves.\n',
  );
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  rl.setPrompt(`\n${paint('33', 'you ›')} `);
  if (interactive) rl.prompt();
  let buttons: { label: string; data: string }[] = [];
  let lastDigest: TgMessage | undefined;
  // The async iterator keeps lines that arrive while a reply is awaited (a pipe delivers them all at once).
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) {
      if (interactive) rl.prompt();
      continue;
    }
    if (line === ':quit') break;
    // A transcript of piped input shows what was typed.
    if (!interactive) process.stdout.write(`\n${paint('33', 'you ›')} ${line}\n`);
    const before = new Map(emulator.botMessages(CHAT).map((m) => [m.message_id, m.edit_date]));
    let update: TgUpdate | undefined;
    if (line.startsWith(':press ')) {
      const button = buttons[Number(line.slice(7)) - 1];
      const target = emulator.botMessages(CHAT).findLast((m) => m.reply_markup?.inline_keyboard?.flat().some((b) => b.callback_data === button?.data));
      if (button && target) update = emulator.pressButton({ chatId: CHAT, messageId: target.message_id, data: button.data });
      else process.stdout.write('No such button.\n');
    } else if (line.startsWith(':reply ')) {
      update = emulator.sendMessage({ chatId: CHAT, text: line.slice(7), ...(lastDigest ? { replyToMessageId: lastDigest.message_id } : {}) });
    } else {
      update = emulator.sendMessage({ chatId: CHAT, text: line });
    }
    if (update && !(await answered(update))) process.stdout.write(`(no answer within ${TAKE_TIMEOUT_MS / 1000} s)\n`);
    // New messages, and messages edited in place (a button that changes its own message).
    const changed = emulator.botMessages(CHAT).filter((m) => !before.has(m.message_id) || before.get(m.message_id) !== m.edit_date);
    if (changed.length) buttons = [];
    for (const m of changed) {
      show(m, buttons, before.has(m.message_id));
      if (m.reply_markup?.inline_keyboard?.flat().some((b) => b.callback_data?.startsWith('more:'))) lastDigest = m;
    }
    // A button's short notice (answerCallbackQuery), which Telegram shows over the chat.
    for (const notice of emulator.answeredCallbacks) if (notice.text) process.stdout.write(`\n${paint('36', 'bot (notice) ›')} ${notice.text}\n`);
    for (const rejected of emulator.rejected) process.stdout.write(`${paint('31', `(emulator rejected ${rejected.method}: ${rejected.description})`)}\n`);
    emulator.clearLogs();
    if (interactive) rl.prompt();
  }
  rl.close();
  bot.stop('playground');
  await updates.idle(TAKE_TIMEOUT_MS);
  await emulator.close();
  await store.close();
}

await main();
