// What every CLI command needs: validated config, a logger, and the store (opened lazily).
import { loadConfig, secretsOf, type Config } from '../config.ts';
import { createLogger, scrubDebugOutput, type Logger } from '../log.ts';
import { Store } from '../store/index.ts';

export interface GlobalOptions {
  db?: string;
}

export interface CommandNeeds {
  /** The command talks to Telegram (serve, deliver): a malformed BOT_TOKEN is a configuration error. */
  bot?: boolean;
}

export interface CliContext {
  config: Config;
  log: Logger;
  store(): Store;
  close(): void;
}

/** The CLI's exit codes (DESIGN.md §3), listed by --help. */
export const EXIT = { ok: 0, failure: 1, usage: 2, partial: 3 } as const;

/** For commands over many inputs: 0 when nothing failed, 1 when nothing succeeded, 3 for a partial success (the counts say what failed). */
export function exitCodeOf(succeeded: number, failed: number): number {
  if (!failed) return EXIT.ok;
  return succeeded ? EXIT.partial : EXIT.failure;
}

/** A failure the user caused or can fix: printed as one line, exit code 1 (EXIT.failure). */
export class UserError extends Error {}

/** A command line that cannot work as given (options that do not go together): exit code 2 (EXIT.usage). */
export class UsageError extends UserError {}

export function createContext(options: GlobalOptions, needs: CommandNeeds = {}): CliContext {
  const config = loadConfig({ bot: needs.bot ?? false, ...(options.db ? { databasePath: options.db } : {}) });
  const log = createLogger({ level: config.log.level, secrets: secretsOf(config) });
  scrubDebugOutput();
  if (config.bot.tokenIgnored) log.warn(`${config.bot.tokenIgnored.reason}; the bot side is off (this command does not need it)`);
  let store: Store | undefined;
  return {
    config,
    log,
    store: () => (store ??= Store.open(config.storage.databasePath, { log })),
    close: () => store?.close(),
  };
}
