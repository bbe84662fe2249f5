// pino logger: JSON lines in production, readable when stderr is a terminal.
// Logs go to stderr so that stdout stays clean for CLI output (JSON, digests).
// Secrets are scrubbed from the final serialized line, so they cannot leak through
// an error message or a URL (telegraf puts the bot token in its request URLs).
import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';

// pino-pretty only for a terminal: a service logging to a pipe never loads it.
const require = createRequire(import.meta.url);
const pretty = (options: object): DestinationStream => (require('pino-pretty') as { default: (options: object) => DestinationStream }).default(options);

export type { Logger };

export interface LogOptions {
  level?: string;
  secrets?: string[];
  /** Where lines go; defaults to stderr (pretty when it is a TTY). */
  destination?: DestinationStream;
}

export function scrubSecrets(line: string, secrets: string[]): string {
  let out = line;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    out = out.split(secret).join('[REDACTED]');
    // The same secret as it appears inside a JSON string or a URL.
    const jsonEscaped = JSON.stringify(secret).slice(1, -1);
    if (jsonEscaped !== secret) out = out.split(jsonEscaped).join('[REDACTED]');
    const urlEncoded = encodeURIComponent(secret);
    if (urlEncoded !== secret) out = out.split(urlEncoded).join('[REDACTED]');
  }
  return out;
}

export function createLogger(options: LogOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const destination =
    options.destination ??
    (process.stderr.isTTY ? pretty({ colorize: true, destination: 2, sync: true }) : pino.destination({ fd: 2, sync: true }));
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['token', 'botToken', 'apiKey', 'secret', '*.token', '*.botToken', '*.apiKey', '*.secret', 'headers.authorization', '*.headers.authorization', 'config.BOT_TOKEN', 'config.OPENAI_API_KEY', 'config.WEBHOOK_SECRET'],
        censor: '[REDACTED]',
      },
      hooks: secrets.length ? { streamWrite: (line: string) => scrubSecrets(line, secrets) } : {},
    },
    destination,
  );
}

/** A logger that drops everything: the default for library code used from tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
