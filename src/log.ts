// pino logger: JSON lines in production, readable when stderr is a terminal.
// Logs go to stderr so that stdout stays clean for CLI output (JSON, digests).
// Secrets are scrubbed from the final serialized line (src/secrets.ts), so they cannot leak
// through an error message or a URL (telegraf puts the bot token in its request URLs).
import { createRequire } from 'node:module';
import { formatWithOptions, type InspectOptions } from 'node:util';
import createDebug from 'debug';
import pino, { type DestinationStream, type Logger } from 'pino';
import { describeError, registerSecrets, scrubSecrets } from './secrets.ts';

// pino-pretty only for a terminal: a service logging to a pipe never loads it.
const require = createRequire(import.meta.url);
const pretty = (options: object): DestinationStream => (require('pino-pretty') as { default: (options: object) => DestinationStream }).default(options);

export type { Logger };

export interface LogOptions {
  level?: string;
  /** Values never to be written (registered process-wide, see src/secrets.ts). */
  secrets?: string[];
  /** Where lines go; defaults to stderr (pretty when it is a TTY). */
  destination?: DestinationStream;
}

export function createLogger(options: LogOptions = {}): Logger {
  registerSecrets(options.secrets ?? []);
  const destination =
    options.destination ??
    (process.stderr.isTTY ? pretty({ colorize: true, destination: 2, sync: true }) : pino.destination({ fd: 2, sync: true }));
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['token', 'botToken', 'apiKey', 'secret', '*.token', '*.botToken', '*.apiKey', '*.secret', 'headers.authorization', '*.headers.authorization', 'config.bot.token', 'config.bot.tokenIgnored.value', 'config.llm.apiKey', 'config.bot.webhook.secret'],
        censor: '[REDACTED]',
      },
      hooks: { streamWrite: scrubSecrets },
    },
    destination,
  );
}

/**
 * DEBUG=telegraf:* output (the `debug` package, used by telegraf) goes through the same
 * scrubber: telegraf prints request payloads, webhook secrets and URLs with the bot token.
 */
export function scrubDebugOutput(): void {
  createDebug.log = (...args: unknown[]) => {
    process.stderr.write(`${scrubSecrets(formatWithOptions((createDebug.inspectOpts ?? {}) as InspectOptions, ...args))}\n`);
  };
}

/**
 * Anything thrown that nothing caught ends the process with one scrubbed line and exit code 1:
 * state may be inconsistent, and a supervisor restarts a process that exits (the outbox
 * and the scheduler lease are safe against a sudden exit).
 */
export function exitOnUncaughtErrors(): void {
  const fatal = (what: string) => (error: unknown) => {
    process.stderr.write(`news-digest: ${what}: ${describeError(error)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', fatal('unexpected error'));
  process.on('unhandledRejection', fatal('unhandled promise rejection'));
}

/** A logger that drops everything: the default for library code used from tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
