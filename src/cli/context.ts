// What every CLI command needs: validated config, a logger, and the store (opened lazily).
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, secretsOf, type Config } from '../config.ts';
import { createLogger, scrubDebugOutput, type Logger } from '../log.ts';
import { SourcesFileError, loadSourcesFile } from '../sources-file.ts';
import { openStore, type Store } from '../store/index.ts';

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
  /** The store, opened on first use (the same one after). */
  store(): Promise<Store>;
  close(): Promise<void>;
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

/**
 * Adds the sources of the sources file (SOURCES_FILE), when there is one, to the store; a
 * source the user removed stays removed and a known one keeps its fetch state. Returns how
 * many were new.
 */
export async function seedSourcesFile(store: Store, path: string): Promise<number> {
  if (!existsSync(path)) return 0;
  try {
    return await store.sources.seed(loadSourcesFile(path));
  } catch (error) {
    // SOURCES_FILE is a setting: a broken file is bad settings (exit 2), as a bad variable is.
    if (error instanceof SourcesFileError) throw new ConfigError(error.message);
    throw error;
  }
}

/**
 * Opens the database. A database this open creates starts with the default sources, whatever
 * the first command is, so that `sources list` or the bot's /sources on a fresh install lists
 * them; they are added once, so a source removed later does not come back.
 */
export async function openConfiguredStore(config: Config, log?: Logger): Promise<Store> {
  const store = await openStore(config.storage.databasePath, log ? { log } : {});
  if (store.created) {
    try {
      await seedSourcesFile(store, config.fetch.sourcesFile);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

export function createContext(options: GlobalOptions, needs: CommandNeeds = {}): CliContext {
  const config = loadConfig({ bot: needs.bot ?? false, ...(options.db ? { databasePath: options.db } : {}) });
  const log = createLogger({ level: config.log.level, secrets: secretsOf(config) });
  scrubDebugOutput();
  if (config.bot.tokenIgnored) log.warn(`${config.bot.tokenIgnored.reason}; the bot side is off (this command does not need it)`);
  // The promise is kept: commands that ask twice at once get the one store.
  let store: Promise<Store> | undefined;
  return {
    config,
    log,
    store: () => (store ??= openConfiguredStore(config, log)),
    // A store that failed to open has nothing to close.
    close: async () => await store?.then((s) => s.close(), () => undefined),
  };
}
