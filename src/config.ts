// Every setting comes from the environment (and an optional .env file), validated once at start.
import { existsSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import { validate as isValidCron } from 'node-cron';
import { z } from 'zod';
import { normaliseTimeOfDay } from './util/time-of-day.ts';
import { isHttpUrl } from './util/url.ts';

function isIanaTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const optionalUrl = optionalString.refine((v) => v === undefined || isHttpUrl(v), {
  message: 'expected an absolute http(s) URL such as https://example.org/path',
});

function intSetting(defaultValue: number, min: number, max: number) {
  return z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(defaultValue) : v.trim()))
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
      message: `expected a whole number from ${min} to ${max}`,
    })
    .transform(Number);
}

function boolSetting(defaultValue: boolean) {
  return z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(defaultValue) : v.trim().toLowerCase()))
    .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), { message: 'expected true or false' })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
}

const envSchema = z.object({
  // Checked after the schema (parseConfig): only commands that talk to Telegram refuse a bad one.
  BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalUrl.transform((v) => v ?? 'https://api.telegram.org'),
  DATABASE_PATH: optionalString.transform((v) => v ?? './data/news-digest.db'),
  SOURCES_FILE: optionalString.transform((v) => v ?? './sources.json'),
  FETCH_CRON: optionalString
    .transform((v) => v ?? '*/15 * * * *')
    .refine((v) => isValidCron(v), { message: 'expected a cron expression such as */15 * * * * (every 15 minutes)' }),
  FETCH_TIMEOUT_MS: intSetting(15_000, 100, 300_000),
  FETCH_MAX_BYTES: intSetting(5_000_000, 10_000, 100_000_000),
  FETCH_CONCURRENCY: intSetting(4, 1, 64),
  FETCH_HOST_INTERVAL_MS: intSetting(1_000, 0, 60_000),
  FETCH_USER_AGENT: optionalString.transform(
    (v) => v ?? 'news-digest-bot/0.1 (+https://github.com/news-digest-bot)',
  ),
  ALLOW_PRIVATE_SOURCES: boolSetting(false),
  // Budgets of one poll (src/ingest/fetcher.ts): teaser pages per source and per poll, the time
  // a source may spend on pages, and the poll's deadline (below the FETCH_CRON interval).
  FETCH_PAGES_PER_SOURCE: intSetting(30, 0, 100_000),
  FETCH_PAGES_PER_POLL: intSetting(300, 0, 1_000_000),
  FETCH_PAGE_TIME_PER_SOURCE_MS: intSetting(120_000, 0, 3_600_000),
  FETCH_POLL_DEADLINE_MS: intSetting(600_000, 1_000, 86_400_000),
  // Untrusted parsing in worker threads for fetch and serve: how many, and each document's limits.
  FETCH_WORKERS: intSetting(2, 1, 16),
  PARSE_TIMEOUT_MS: intSetting(20_000, 100, 600_000),
  PARSE_MEMORY_MB: intSetting(512, 64, 16_384),
  /** Worker threads for a bulk `ingest` (50+ documents); empty = one per core (at most 8), 0 = none. */
  INGEST_WORKERS: optionalString.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 64), {
    message: 'expected a whole number from 0 to 64, or empty for one per core',
  }).transform((v) => (v === undefined ? undefined : Number(v))),
  DEFAULT_DIGEST_TIME: optionalString
    .transform((v) => v ?? '08:00')
    .refine((v) => normaliseTimeOfDay(v) !== null, { message: 'expected a 24-hour time HH:MM such as 08:00' })
    .transform((v) => normaliseTimeOfDay(v)!),
  DEFAULT_TIMEZONE: optionalString
    .transform((v) => v ?? 'UTC')
    .refine(isIanaTimeZone, { message: 'expected an IANA time zone such as Europe/Berlin or UTC' }),
  // Daily-digest delivery (src/delivery): pace, concurrency, retries, scheduler lease.
  SEND_RATE_PER_SECOND: intSetting(29, 1, 10_000),
  SEND_MAX_IN_FLIGHT: intSetting(8, 1, 256),
  SEND_PER_CHAT_INTERVAL_MS: intSetting(1_000, 0, 60_000),
  SEND_MAX_ATTEMPTS: intSetting(5, 1, 100),
  SEND_RETRY_BASE_MS: intSetting(1_000, 1, 600_000),
  SEND_TIMEOUT_MS: intSetting(30_000, 50, 600_000),
  SCHEDULER_LEASE_MS: intSetting(60_000, 200, 3_600_000),
  DIGEST_MAX_STORIES: intSetting(8, 1, 50),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: optionalString.transform((v) => v ?? 'gpt-4o-mini'),
  OPENAI_MAX_CONCURRENCY: intSetting(2, 1, 32),
  OPENAI_TIMEOUT_MS: intSetting(30_000, 100, 600_000),
  ADMIN_IDS: optionalString
    .refine((v) => v === undefined || /^\s*-?\d+(\s*,\s*-?\d+)*\s*$/.test(v), {
      message: 'expected comma-separated numeric Telegram user ids such as 12345,67890',
    })
    .transform((v) => (v === undefined ? [] : v.split(',').map((id) => Number(id.trim())))),
  WEBHOOK_URL: optionalUrl.refine((v) => v === undefined || v.startsWith('https://') || v.startsWith('http://127.'), {
    message: 'expected an https:// URL (Telegram only calls webhooks over HTTPS)',
  }),
  WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: 'expected 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram secret_token rules)',
  }),
  WEBHOOK_PORT: intSetting(8443, 1, 65535),
  /** How long `serve` keeps retrying to start the bot (Bot API unreachable) before it exits non-zero. */
  BOT_START_TIMEOUT_MS: intSetting(120_000, 1_000, 3_600_000),
  // Per-user rate limit of the bot: a token bucket of this many updates, refilled over the window; 0 = off.
  RATE_LIMIT_COMMANDS: intSetting(5, 0, 1_000),
  RATE_LIMIT_WINDOW_SECONDS: intSetting(10, 1, 3_600),
  // Retention, in days (0 = keep forever), run daily at RETENTION_CRON by `serve`.
  RETENTION_ARTICLES_DAYS: intSetting(90, 0, 36_500),
  RETENTION_SENT_MESSAGES_DAYS: intSetting(30, 0, 36_500),
  RETENTION_DELIVERY_DAYS: intSetting(30, 0, 36_500),
  RETENTION_LLM_CACHE_DAYS: intSetting(90, 0, 36_500),
  RETENTION_CRON: optionalString
    .transform((v) => v ?? '20 3 * * *')
    .refine((v) => isValidCron(v), { message: 'expected a cron expression such as 20 3 * * * (daily at 03:20)' }),
  LOG_LEVEL: optionalString
    .transform((v) => (v ?? 'info').toLowerCase())
    .refine((v) => ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v), {
      message: 'expected one of fatal, error, warn, info, debug, trace, silent',
    }),
}).superRefine((config, ctx) => {
  // Without a secret anyone who finds the URL can post updates as any user, admins included.
  if (config.WEBHOOK_URL && !config.WEBHOOK_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['WEBHOOK_SECRET'],
      message: 'required with WEBHOOK_URL: set 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram sends it with every update)',
    });
  }
});

export type Config = z.output<typeof envSchema> & {
  /** A BOT_TOKEN that is not a token, set aside for a command that needs none: why (say it once), and the value (never logged). */
  botTokenIgnored?: { reason: string; value: string };
};

export interface ConfigNeeds {
  /**
   * False for a command that never talks to Telegram (search, summary, ingest...): a malformed
   * BOT_TOKEN does not stop it; it is set aside and `botTokenIgnored` says so. Default true.
   */
  bot?: boolean;
}

const isBotToken = (value: string): boolean => /^\d+:[\w-]{20,}$/.test(value);

/** Never echoed back, not even in a configuration error. */
const SECRET_SETTINGS = ['BOT_TOKEN', 'OPENAI_API_KEY', 'WEBHOOK_SECRET'];

export class ConfigError extends Error {}

/** Validates an environment; throws ConfigError with one readable line naming the variable. */
export function parseConfig(env: Record<string, string | undefined>, needs: ConfigNeeds = {}): Config {
  const result = envSchema.safeParse(env);
  if (result.success) return checkBotToken(result.data, needs);
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  const got = env[name];
  const shown = got === undefined || SECRET_SETTINGS.includes(name) ? '' : ` (got "${got.length > 40 ? `${got.slice(0, 40)}...` : got}")`;
  throw new ConfigError(`Invalid setting ${name}: ${issue.message}${shown}`);
}

function checkBotToken(config: Config, needs: ConfigNeeds): Config {
  if (config.BOT_TOKEN === undefined || isBotToken(config.BOT_TOKEN)) return config;
  const problem = 'Invalid setting BOT_TOKEN: expected a token from @BotFather, like 123456789:AAE...';
  if (needs.bot ?? true) throw new ConfigError(problem);
  return { ...config, BOT_TOKEN: undefined, botTokenIgnored: { reason: problem, value: config.BOT_TOKEN } };
}

/** Reads .env (if present; the real environment wins) and validates everything. */
export function loadConfig(needs: ConfigNeeds = {}, env: NodeJS.ProcessEnv = process.env, dotenvPath = '.env'): Config {
  if (env === process.env && existsSync(dotenvPath)) loadDotenv({ path: dotenvPath, quiet: true });
  return parseConfig(env, needs);
}

/** The values that must never appear in a log line. */
export function secretsOf(config: Config): string[] {
  return [config.BOT_TOKEN, config.botTokenIgnored?.value, config.OPENAI_API_KEY, config.WEBHOOK_SECRET].filter(
    (s): s is string => typeof s === 'string' && s.length >= 4,
  );
}
