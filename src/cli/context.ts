// What every CLI command needs: validated config, a logger, and the store (opened lazily).
import { loadConfig, secretsOf, type Config } from '../config.ts';
import type { FetchOptions } from '../ingest/http.ts';
import { createLogger, scrubDebugOutput, type Logger } from '../log.ts';
import { Store } from '../store/index.ts';

export interface GlobalOptions {
  db?: string;
}

export interface CliContext {
  config: Config;
  log: Logger;
  store(): Store;
  close(): void;
}

/** A failure the user caused or can fix: printed as one line, exit code 1. */
export class UserError extends Error {}

/** A command line that cannot work as given (options that do not go together): exit code 2. */
export class UsageError extends UserError {}

export function createContext(options: GlobalOptions): CliContext {
  const config = loadConfig();
  if (options.db) config.DATABASE_PATH = options.db;
  const log = createLogger({ level: config.LOG_LEVEL, secrets: secretsOf(config) });
  scrubDebugOutput();
  let store: Store | undefined;
  return {
    config,
    log,
    store: () => (store ??= Store.open(config.DATABASE_PATH, { log })),
    close: () => store?.close(),
  };
}

export function fetchOptionsOf(config: Config): FetchOptions {
  return {
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    userAgent: config.FETCH_USER_AGENT,
    // Feeds link to pages we then fetch: refuse private and loopback addresses unless allowed.
    allowPrivate: config.ALLOW_PRIVATE_SOURCES,
  };
}
