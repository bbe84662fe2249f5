// Every setting comes from the environment (and an optional .env file), validated once at start
// and handed out in slices (bot, delivery, fetch, llm, storage, log): each part of the program
// gets its slice, never the environment's names. The result is frozen: nothing changes it later.
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

/** A whole number, or undefined when unset: the default lives with the code that owns it. */
function optionalIntSetting(min: number, max: number) {
  return optionalString
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), {
      message: `expected a whole number from ${min} to ${max}`,
    })
    .transform((v) => (v === undefined ? undefined : Number(v)));
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
  // Set: the PostgreSQL engine at this URL instead of the SQLite file (src/store/pg/).
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\/./i.test(v), {
    message: 'expected a PostgreSQL URL such as postgres://user:password@host:5432/news (or leave it unset for the SQLite file)',
  }),
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
  // With PostgreSQL, several instances deliver: each renews its registration, the lease of the
  // messages it claimed (a crashed instance's are taken over once it runs out).
  DELIVERY_INSTANCE_LEASE_MS: intSetting(15_000, 300, 600_000),
  // Overrides the daily digest's story count; the default is the app layer's (DIGEST_DEFAULTS.daily).
  DIGEST_MAX_STORIES: optionalIntSetting(1, 50),
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
  // The monitoring port of `serve` (/metrics, /healthz): off unless METRICS_PORT is set.
  METRICS_PORT: optionalString.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535), {
    message: 'expected a port number from 1 to 65535',
  }),
  METRICS_HOST: optionalString.transform((v) => v ?? '127.0.0.1'),
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

type Env = z.output<typeof envSchema>;

/** The Telegram bot (serve) and the Bot API client of delivery. */
export interface BotConfig {
  /** A valid token, or undefined: then the bot and daily digests are off. */
  token?: string;
  /** A BOT_TOKEN that is not a token, set aside for a command that needs none: why (say it once), and the value (never logged). */
  tokenIgnored?: { reason: string; value: string };
  apiRoot: string;
  defaultDigestTime: string;
  defaultTimezone: string;
  adminIds: readonly number[];
  /** How long `serve` keeps retrying to start the bot before it exits non-zero. */
  startTimeoutMs: number;
  /** Webhook mode; long polling when absent. The secret is required with the URL. */
  webhook?: { url: string; secret: string; port: number };
  /** Per-user limit of updates (a token bucket); absent when RATE_LIMIT_COMMANDS is 0. */
  rateLimit?: { commands: number; windowMs: number };
}

/** Daily-digest delivery: the sender's pace and retries, the scheduler lease, stories per digest. */
export interface DeliveryConfig {
  ratePerSecond: number;
  maxInFlight: number;
  perChatIntervalMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  requestTimeoutMs: number;
  /** Scheduler lease length; renewed every third of it. */
  leaseMs: number;
  /** Several instances (PostgreSQL): how long an instance's claims last without renewal (default 15 s); renewed every third of it. */
  instanceLeaseMs?: number;
  /** Stories per daily digest (DIGEST_MAX_STORIES), when set: it overrides DIGEST_DEFAULTS.daily (src/app/digests.ts). */
  maxStories?: number;
}

/** Getting the news: each request's limits, one poll's budgets, the parsing workers. */
export interface FetchConfig {
  cron: string;
  sourcesFile: string;
  /** Every HTTP request; allowPrivate also decides whether /addsource may name a private host. */
  request: { timeoutMs: number; maxBytes: number; userAgent: string; allowPrivate: boolean };
  poll: { concurrency: number; hostIntervalMs: number; pagesPerSource: number; pagesPerPoll: number; pageTimePerSourceMs: number; deadlineMs: number };
  /** Worker threads that parse what `fetch` and `serve` download, and each document's limits. */
  parse: { workers: number; taskTimeoutMs: number; memoryMb: number };
  /** Worker threads of a bulk `ingest`: undefined = one per core, 0 = none. */
  ingestWorkers?: number;
}

/** The optional LLM: on when an API key or a base URL (a local server) is set. */
export interface LlmConfig {
  apiKey?: string;
  baseUrl?: string;
  model: string;
  maxConcurrency: number;
  timeoutMs: number;
}

/** The database and how long its rows are kept (days; 0 = forever), pruned at retentionCron. */
export interface StorageConfig {
  databasePath: string;
  /** DATABASE_URL: the PostgreSQL database, when set (and no --db given). */
  databaseUrl?: string;
  retention: { articlesDays: number; sentMessagesDays: number; deliveryDays: number; llmCacheDays: number };
  retentionCron: string;
}

/** The monitoring port of `serve`: /metrics (Prometheus) and /healthz; absent when METRICS_PORT is not set. */
export interface MetricsConfig {
  port: number;
  host: string;
}

export interface Config {
  /** Absent when METRICS_PORT is not set. */
  metrics?: MetricsConfig;
  bot: BotConfig;
  delivery: DeliveryConfig;
  fetch: FetchConfig;
  llm: LlmConfig;
  storage: StorageConfig;
  log: { level: string };
}

export interface ConfigOptions {
  /**
   * False for a command that never talks to Telegram (search, summary, ingest...): a malformed
   * BOT_TOKEN does not stop it; it is set aside and `bot.tokenIgnored` says so. Default true.
   */
  bot?: boolean;
  /** The command line's --db: wins over DATABASE_PATH and DATABASE_URL. */
  databasePath?: string;
}

const isBotToken = (value: string): boolean => /^\d+:[\w-]{20,}$/.test(value);

/** Never echoed back, not even in a configuration error. */
const SECRET_SETTINGS = ['BOT_TOKEN', 'OPENAI_API_KEY', 'WEBHOOK_SECRET'];

export class ConfigError extends Error {}

/** Validates an environment; throws ConfigError with one readable line naming the variable. */
export function parseConfig(env: Record<string, string | undefined>, options: ConfigOptions = {}): Config {
  const result = envSchema.safeParse(env);
  if (result.success) return deepFreeze(slicesOf(result.data, options));
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  const got = env[name];
  const shown = got === undefined || SECRET_SETTINGS.includes(name) ? '' : ` (got "${got.length > 40 ? `${got.slice(0, 40)}...` : got}")`;
  throw new ConfigError(`Invalid setting ${name}: ${issue.message}${shown}`);
}

/** A malformed BOT_TOKEN stops a command that talks to Telegram; any other sets it aside. */
function botToken(token: string | undefined, options: ConfigOptions): Pick<BotConfig, 'token' | 'tokenIgnored'> {
  if (token === undefined || isBotToken(token)) return token === undefined ? {} : { token };
  const problem = 'Invalid setting BOT_TOKEN: expected a token from @BotFather, like 123456789:AAE...';
  if (options.bot ?? true) throw new ConfigError(problem);
  return { tokenIgnored: { reason: problem, value: token } };
}

function slicesOf(env: Env, options: ConfigOptions): Config {
  return {
    bot: {
      ...botToken(env.BOT_TOKEN, options),
      apiRoot: env.TELEGRAM_API_ROOT,
      defaultDigestTime: env.DEFAULT_DIGEST_TIME,
      defaultTimezone: env.DEFAULT_TIMEZONE,
      adminIds: env.ADMIN_IDS,
      startTimeoutMs: env.BOT_START_TIMEOUT_MS,
      // The schema refuses WEBHOOK_URL without WEBHOOK_SECRET.
      ...(env.WEBHOOK_URL && env.WEBHOOK_SECRET ? { webhook: { url: env.WEBHOOK_URL, secret: env.WEBHOOK_SECRET, port: env.WEBHOOK_PORT } } : {}),
      ...(env.RATE_LIMIT_COMMANDS > 0 ? { rateLimit: { commands: env.RATE_LIMIT_COMMANDS, windowMs: env.RATE_LIMIT_WINDOW_SECONDS * 1000 } } : {}),
    },
    delivery: {
      ratePerSecond: env.SEND_RATE_PER_SECOND,
      maxInFlight: env.SEND_MAX_IN_FLIGHT,
      perChatIntervalMs: env.SEND_PER_CHAT_INTERVAL_MS,
      maxAttempts: env.SEND_MAX_ATTEMPTS,
      retryBaseMs: env.SEND_RETRY_BASE_MS,
      requestTimeoutMs: env.SEND_TIMEOUT_MS,
      leaseMs: env.SCHEDULER_LEASE_MS,
      instanceLeaseMs: env.DELIVERY_INSTANCE_LEASE_MS,
      ...(env.DIGEST_MAX_STORIES !== undefined ? { maxStories: env.DIGEST_MAX_STORIES } : {}),
    },
    fetch: {
      cron: env.FETCH_CRON,
      sourcesFile: env.SOURCES_FILE,
      // Feeds link to pages we then fetch: refuse private and loopback addresses unless allowed.
      request: { timeoutMs: env.FETCH_TIMEOUT_MS, maxBytes: env.FETCH_MAX_BYTES, userAgent: env.FETCH_USER_AGENT, allowPrivate: env.ALLOW_PRIVATE_SOURCES },
      poll: {
        concurrency: env.FETCH_CONCURRENCY,
        hostIntervalMs: env.FETCH_HOST_INTERVAL_MS,
        pagesPerSource: env.FETCH_PAGES_PER_SOURCE,
        pagesPerPoll: env.FETCH_PAGES_PER_POLL,
        pageTimePerSourceMs: env.FETCH_PAGE_TIME_PER_SOURCE_MS,
        deadlineMs: env.FETCH_POLL_DEADLINE_MS,
      },
      parse: { workers: env.FETCH_WORKERS, taskTimeoutMs: env.PARSE_TIMEOUT_MS, memoryMb: env.PARSE_MEMORY_MB },
      ...(env.INGEST_WORKERS !== undefined ? { ingestWorkers: env.INGEST_WORKERS } : {}),
    },
    llm: {
      ...(env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY } : {}),
      ...(env.OPENAI_BASE_URL ? { baseUrl: env.OPENAI_BASE_URL } : {}),
      model: env.OPENAI_MODEL,
      maxConcurrency: env.OPENAI_MAX_CONCURRENCY,
      timeoutMs: env.OPENAI_TIMEOUT_MS,
    },
    storage: {
      databasePath: options.databasePath ?? env.DATABASE_PATH,
      // The command line's --db names a SQLite file and wins over both settings.
      ...(env.DATABASE_URL && options.databasePath === undefined ? { databaseUrl: env.DATABASE_URL } : {}),
      retention: {
        articlesDays: env.RETENTION_ARTICLES_DAYS,
        sentMessagesDays: env.RETENTION_SENT_MESSAGES_DAYS,
        deliveryDays: env.RETENTION_DELIVERY_DAYS,
        llmCacheDays: env.RETENTION_LLM_CACHE_DAYS,
      },
      retentionCron: env.RETENTION_CRON,
    },
    log: { level: env.LOG_LEVEL },
    ...(env.METRICS_PORT ? { metrics: { port: Number(env.METRICS_PORT), host: env.METRICS_HOST } } : {}),
  };
}

/** Frozen all the way down: a slice handed to one part cannot be changed under another. */
function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (child !== null && typeof child === 'object') deepFreeze(child);
  return Object.freeze(value);
}

/** Reads .env (if present; the real environment wins) and validates everything. */
export function loadConfig(options: ConfigOptions = {}, env: NodeJS.ProcessEnv = process.env, dotenvPath = '.env'): Config {
  if (env === process.env && existsSync(dotenvPath)) loadDotenv({ path: dotenvPath, quiet: true });
  return parseConfig(env, options);
}

/** The password in a database URL (a connection error may quote the URL). */
function urlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** The values that must never appear in a log line. */
export function secretsOf(config: Config): string[] {
  return [config.bot.token, config.bot.tokenIgnored?.value, config.llm.apiKey, config.bot.webhook?.secret, urlPassword(config.storage.databaseUrl)].filter(
    (s): s is string => typeof s === 'string' && s.length >= 4,
  );
}

/** What openStore opens: the PostgreSQL URL when DATABASE_URL is set, else the SQLite file. */
export function storeTarget(storage: Pick<StorageConfig, 'databasePath' | 'databaseUrl'>): string {
  return storage.databaseUrl ?? storage.databasePath;
}
