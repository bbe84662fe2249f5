import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, secretsOf, storeTarget } from '../src/config.ts';

describe('config', () => {
  it('has working defaults: SQLite file, offline, 08:00 UTC', () => {
    const config = parseConfig({});
    expect(config.storage.databasePath).toBe('./data/news-digest.db');
    expect(config.bot.defaultDigestTime).toBe('08:00');
    expect(config.bot.defaultTimezone).toBe('UTC');
    expect(config.llm.apiKey).toBeUndefined();
    expect(config.bot.apiRoot).toBe('https://api.telegram.org');
    expect(config.bot.adminIds).toEqual([]);
    expect(config.bot.webhook).toBeUndefined();
  });

  it('parses lists and numbers', () => {
    const config = parseConfig({ ADMIN_IDS: '12, 34', FETCH_TIMEOUT_MS: '2500', ALLOW_PRIVATE_SOURCES: 'yes' });
    expect(config.bot.adminIds).toEqual([12, 34]);
    expect(config.fetch.request.timeoutMs).toBe(2500);
    expect(config.fetch.request.allowPrivate).toBe(true);
  });

  it('hands out slices, each with the settings of one part, in its own words', () => {
    const config = parseConfig({ SEND_RATE_PER_SECOND: '20', DIGEST_MAX_STORIES: '5', FETCH_WORKERS: '3', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', INGEST_WORKERS: '0' });
    expect(Object.keys(config).sort()).toEqual(['bot', 'delivery', 'fetch', 'llm', 'log', 'storage']);
    expect(config.delivery).toMatchObject({ ratePerSecond: 20, maxStories: 5, leaseMs: 60_000 });
    expect(config.fetch.parse).toEqual({ workers: 3, taskTimeoutMs: 20_000, memoryMb: 512 });
    expect(config.fetch.ingestWorkers).toBe(0);
    expect(config.llm).toEqual({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'gpt-4o-mini', maxConcurrency: 2, timeoutMs: 30_000 });
  });

  it('is frozen: changing a setting after start throws, in any slice', () => {
    const config = parseConfig({ ADMIN_IDS: '12' });
    expect(() => {
      (config.storage as { databasePath: string }).databasePath = '/tmp/other.db';
    }).toThrow(TypeError);
    expect(() => (config.bot.adminIds as number[]).push(34)).toThrow(TypeError);
    expect(() => {
      (config as { llm: unknown }).llm = {};
    }).toThrow(TypeError);
    expect(config.storage.databasePath).toBe('./data/news-digest.db');
    expect(config.bot.adminIds).toEqual([12]);
  });

  it('takes the command line\'s --db over DATABASE_PATH', () => {
    expect(parseConfig({ DATABASE_PATH: './a.db' }, { databasePath: './b.db' }).storage.databasePath).toBe('./b.db');
  });

  it('opens PostgreSQL when DATABASE_URL is set (unless --db names a file), keeps its password out of logs, and refuses another URL', () => {
    const url = 'postgres://news:s3cr%40t@127.0.0.1:5432/news';
    const config = parseConfig({ DATABASE_URL: url });
    expect(storeTarget(config.storage)).toBe(url);
    expect(secretsOf(config)).toContain('s3cr@t');
    expect(storeTarget(parseConfig({ DATABASE_URL: url }, { databasePath: './b.db' }).storage)).toBe('./b.db');
    expect(storeTarget(parseConfig({}).storage)).toBe('./data/news-digest.db');
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL.*PostgreSQL URL/);
  });

  it.each([
    ['DEFAULT_DIGEST_TIME', '25:00', /DEFAULT_DIGEST_TIME.*HH:MM.*25:00/],
    ['DEFAULT_TIMEZONE', 'Mars/Olympus', /DEFAULT_TIMEZONE.*IANA/],
    ['FETCH_TIMEOUT_MS', 'soon', /FETCH_TIMEOUT_MS.*whole number/],
    ['ADMIN_IDS', 'alice', /ADMIN_IDS.*numeric/],
    ['OPENAI_BASE_URL', 'localhost:8080', /OPENAI_BASE_URL.*absolute http\(s\) URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL.*one of/],
  ])('rejects %s=%s with one line naming the variable', (name, value, message) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    try {
      parseConfig({ [name]: value });
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('never echoes a secret back, even when it is malformed', () => {
    try {
      parseConfig({ BOT_TOKEN: 'not-a-token-but-secret' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/BOT_TOKEN/);
      expect((error as Error).message).not.toContain('not-a-token-but-secret');
    }
  });

  it('sets a malformed BOT_TOKEN aside for a command that never talks to Telegram, and still never logs it', () => {
    const config = parseConfig({ BOT_TOKEN: '12345:typo-in-the-token' }, { bot: false });
    expect(config.bot.token).toBeUndefined();
    expect(config.bot.tokenIgnored?.reason).toBe('Invalid setting BOT_TOKEN: expected a token from @BotFather, like 123456789:AAE...');
    expect(secretsOf(config)).toContain('12345:typo-in-the-token');
    expect(() => parseConfig({ BOT_TOKEN: '12345:typo-in-the-token' })).toThrow(ConfigError);
    const good = '123456789:AAEabcdefghijklmnopqrstuvwxyz';
    expect(parseConfig({ BOT_TOKEN: good }, { bot: false }).bot.token).toBe(good);
  });

  it('reads DEFAULT_DIGEST_TIME as people write it and keeps it as HH:MM', () => {
    expect(parseConfig({ DEFAULT_DIGEST_TIME: '7:30' }).bot.defaultDigestTime).toBe('07:30');
    expect(parseConfig({ DEFAULT_DIGEST_TIME: '6pm' }).bot.defaultDigestTime).toBe('18:00');
  });

  it('opens the metrics port only with METRICS_PORT, on 127.0.0.1 unless METRICS_HOST says otherwise', () => {
    expect(parseConfig({}).metrics).toBeUndefined();
    expect(parseConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(parseConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(() => parseConfig({ METRICS_PORT: 'prometheus' })).toThrow(/^Invalid setting METRICS_PORT: expected a port number from 1 to 65535 \(got "prometheus"\)$/);
  });

  it('refuses WEBHOOK_URL without WEBHOOK_SECRET: a webhook anyone can post to is a configuration error', () => {
    expect(() => parseConfig({ WEBHOOK_URL: 'https://bot.example.org/hook' })).toThrow(
      /^Invalid setting WEBHOOK_SECRET: required with WEBHOOK_URL/,
    );
    expect(parseConfig({ WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 'abc_DEF-123' }).bot.webhook).toEqual({ url: 'https://bot.example.org/hook', secret: 'abc_DEF-123', port: 8443 });
  });

  it('has defaults for the rate limit, retention and the bot start timeout', () => {
    const config = parseConfig({});
    expect(config.bot.rateLimit).toEqual({ commands: 5, windowMs: 10_000 });
    expect(config.bot.startTimeoutMs).toBe(120_000);
    expect(config.storage).toMatchObject({ retention: { articlesDays: 90, sentMessagesDays: 30, deliveryDays: 30, llmCacheDays: 90 }, retentionCron: '20 3 * * *' });
    const off = parseConfig({ RATE_LIMIT_COMMANDS: '0', RETENTION_ARTICLES_DAYS: '0' });
    expect(off.bot.rateLimit).toBeUndefined();
    expect(off.storage.retention.articlesDays).toBe(0);
    expect(() => parseConfig({ RETENTION_CRON: 'daily' })).toThrow(/RETENTION_CRON.*cron expression/);
  });
});
