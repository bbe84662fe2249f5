import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, secretsOf } from '../src/config.ts';

describe('config', () => {
  it('has working defaults: SQLite file, offline, 08:00 UTC', () => {
    const config = parseConfig({});
    expect(config.DATABASE_PATH).toBe('./data/news-digest.db');
    expect(config.DEFAULT_DIGEST_TIME).toBe('08:00');
    expect(config.DEFAULT_TIMEZONE).toBe('UTC');
    expect(config.OPENAI_API_KEY).toBeUndefined();
    expect(config.TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
    expect(config.ADMIN_IDS).toEqual([]);
  });

  it('parses lists and numbers', () => {
    const config = parseConfig({ ADMIN_IDS: '12, 34', FETCH_TIMEOUT_MS: '2500', ALLOW_PRIVATE_SOURCES: 'yes' });
    expect(config.ADMIN_IDS).toEqual([12, 34]);
    expect(config.FETCH_TIMEOUT_MS).toBe(2500);
    expect(config.ALLOW_PRIVATE_SOURCES).toBe(true);
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
    expect(config.BOT_TOKEN).toBeUndefined();
    expect(config.botTokenIgnored?.reason).toBe('Invalid setting BOT_TOKEN: expected a token from @BotFather, like 123456789:AAE...');
    expect(secretsOf(config)).toContain('12345:typo-in-the-token');
    expect(() => parseConfig({ BOT_TOKEN: '12345:typo-in-the-token' })).toThrow(ConfigError);
    const good = '123456789:AAEabcdefghijklmnopqrstuvwxyz';
    expect(parseConfig({ BOT_TOKEN: good }, { bot: false })).toMatchObject({ BOT_TOKEN: good });
  });

  it('reads DEFAULT_DIGEST_TIME as people write it and keeps it as HH:MM', () => {
    expect(parseConfig({ DEFAULT_DIGEST_TIME: '7:30' }).DEFAULT_DIGEST_TIME).toBe('07:30');
    expect(parseConfig({ DEFAULT_DIGEST_TIME: '6pm' }).DEFAULT_DIGEST_TIME).toBe('18:00');
  });

  it('refuses WEBHOOK_URL without WEBHOOK_SECRET: a webhook anyone can post to is a configuration error', () => {
    expect(() => parseConfig({ WEBHOOK_URL: 'https://bot.example.org/hook' })).toThrow(
      /^Invalid setting WEBHOOK_SECRET: required with WEBHOOK_URL/,
    );
    expect(parseConfig({ WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 'abc_DEF-123' }).WEBHOOK_SECRET).toBe('abc_DEF-123');
  });

  it('has defaults for the rate limit, retention and the bot start timeout', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      RATE_LIMIT_COMMANDS: 5,
      RATE_LIMIT_WINDOW_SECONDS: 10,
      RETENTION_ARTICLES_DAYS: 90,
      RETENTION_SENT_MESSAGES_DAYS: 30,
      RETENTION_DELIVERY_DAYS: 30,
      RETENTION_LLM_CACHE_DAYS: 90,
      RETENTION_CRON: '20 3 * * *',
      BOT_START_TIMEOUT_MS: 120_000,
    });
    expect(parseConfig({ RATE_LIMIT_COMMANDS: '0', RETENTION_ARTICLES_DAYS: '0' })).toMatchObject({ RATE_LIMIT_COMMANDS: 0, RETENTION_ARTICLES_DAYS: 0 });
    expect(() => parseConfig({ RETENTION_CRON: 'daily' })).toThrow(/RETENTION_CRON.*cron expression/);
  });
});
