// Runs the real bot (createBot + Telegraf long polling) against the Bot API emulator,
// with a real SQLite store in a temporary folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bot } from '../../src/bot/index.ts';
import { createBot, registerCommands, type BotSettings } from '../../src/bot/index.ts';
import { UpdateQueue } from '../../src/bot/update-queue.ts';
import { parseRawText } from '../../src/ingest/rawtext.ts';
import { storeDraft } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { type AnsweredCallback, startTelegramEmulator, type TelegramEmulator, type TelegramEmulatorOptions, type TgUser } from '../support/telegram-emulator.ts';

export const SEED_PATH = new URL('../fixtures/rt-2016-09-05-putin-obama-syria.txt', import.meta.url);

export interface Harness {
  emulator: TelegramEmulator;
  store: Store;
  bot: Bot;
  /** Sends a user's text and waits until the bot has answered with `count` more messages. */
  say(chatId: number, text: string, count?: number, options?: { replyToMessageId?: number; from?: Partial<TgUser> }): Promise<string[]>;
  /** Presses a button of a bot message and waits until the bot has answered the callback query. */
  press(chatId: number, messageId: number, data: string): Promise<AnsweredCallback>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  emulator?: TelegramEmulatorOptions;
  settings?: Partial<BotSettings>;
  now?: () => Date;
  seed?: boolean;
  /** An existing database file to serve (default: a new one in a temporary folder). */
  dbPath?: string;
}

export async function ingestSeed(store: Store): Promise<number> {
  const draft = parseRawText(readFileSync(SEED_PATH, 'utf8'));
  return (await storeDraft(store, { ...draft, outlet: 'RT', url: 'https://www.rt.com/news/358280-putin-obama-syria-agreement/' })).id;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  // Short long-polls so that stopping the bot does not wait for telegraf's 50 s poll.
  const emulator = await startTelegramEmulator({ maxLongPollMs: 200, ...options.emulator });
  const dir = mkdtempSync(join(tmpdir(), 'nd-bot-'));
  const store = await openStore(options.dbPath ?? join(dir, 'bot.db'));
  if (options.seed !== false) await ingestSeed(store);
  const updates = new UpdateQueue();
  const bot = createBot({
    updates,
    token: emulator.token,
    apiRoot: emulator.apiRoot,
    store,
    log: silentLogger,
    // The seed article is from 2016: a test clock just after it keeps it "today's news".
    now: options.now ?? (() => new Date('2016-09-05T18:00:00Z')),
    retry: { baseDelayMs: 20 },
    settings: {
      defaultDigestTime: '08:00',
      defaultTimezone: 'UTC',
      adminIds: [],
      allowPrivateSources: true,
      fetchOptions: { timeoutMs: 2000, maxBytes: 1_000_000 },
      ...options.settings,
    },
  });
  await registerCommands(bot);
  let launched!: () => void;
  const started = new Promise<void>((resolve) => (launched = resolve));
  const done = bot.launch({ dropPendingUpdates: false }, () => launched()).catch((error: unknown) => error);
  await started;
  // onLaunch fires before polling starts; the first getUpdates means the bot is listening.
  await emulator.waitFor(() => emulator.getUpdatesCalls > 0);

  return {
    emulator,
    store,
    bot,
    async say(chatId, text, count = 1, sayOptions = {}) {
      const before = emulator.botMessages(chatId).length;
      emulator.sendMessage({ chatId, text, ...(sayOptions.replyToMessageId ? { replyToMessageId: sayOptions.replyToMessageId } : {}), ...(sayOptions.from ? { from: sayOptions.from } : {}) });
      const messages = await emulator.waitForBotMessages(chatId, before + count, 30_000);
      return messages.slice(before).map((m) => m.text ?? '');
    },
    async press(chatId, messageId, data) {
      const before = emulator.answeredCallbacks.length;
      emulator.pressButton({ chatId, messageId, data });
      await emulator.waitFor(() => emulator.answeredCallbacks.length > before);
      // The answer comes first; let the edit or reply that follows it land too.
      await updates.idle(10_000);
      return emulator.answeredCallbacks[before]!;
    },
    async stop() {
      try {
        bot.stop('test');
      } catch {
        // already stopped (e.g. switched to webhook mode)
      }
      await done;
      await updates.idle(10_000);
      await emulator.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
