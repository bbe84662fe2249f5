import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, publicUrl, redactUrl, registerSecrets, scrubSecrets } from '../src/secrets.ts';
import { openStore } from '../src/store/index.ts';

const TOKEN = '987654321:AAHsecretTokenValue_abcdefghijklmnop';
const API_KEY = 'sk-live-0123456789abcdef';
registerSecrets([TOKEN, API_KEY, 'ab', undefined]);

describe('scrubSecrets', () => {
  it('masks registered secrets as written, JSON-escaped and URL-encoded', () => {
    const out = scrubSecrets(`key ${API_KEY} in ${JSON.stringify({ k: API_KEY })} and ?t=${encodeURIComponent(TOKEN)}`);
    expect(out).not.toContain(API_KEY);
    expect(out).not.toContain(encodeURIComponent(TOKEN));
    expect(out).toContain('[REDACTED]');
  });

  it('masks any bot token in a Bot API URL or on its own, even one never registered', () => {
    const other = '111222333:ZZZunregisteredTokenValue_0123456789';
    const message = `invalid json response body at http://127.0.0.1:4000/bot${other}/setMyCommands reason: Unexpected token <; also 5551234:${'x'.repeat(35)}`;
    const out = scrubSecrets(message);
    expect(out).toBe(`invalid json response body at http://127.0.0.1:4000/bot[REDACTED]/setMyCommands reason: Unexpected token <; also [REDACTED]`);
    // Ordinary text is left alone: short values, article paths that start with "bot", times.
    expect(scrubSecrets('ab: https://x.org/botany/12:30 at 12:00')).toBe('ab: https://x.org/botany/12:30 at 12:00');
  });

  it('describes a non-JSON Bot API answer without the URL that holds the token', () => {
    const error = Object.assign(new Error(`invalid json response body at https://api.telegram.org/bot${TOKEN}/getMe reason: Unexpected token '<'`), { type: 'invalid-json' });
    expect(describeError(error)).toBe('the Bot API answered with something other than JSON (an error page from a proxy, or a wrong TELEGRAM_API_ROOT?)');
    expect(describeError(new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed,\n reason: ECONNREFUSED`))).toBe(
      'request to https://api.telegram.org/bot[REDACTED]/getMe failed, reason: ECONNREFUSED',
    );
  });
});

describe('redactUrl and publicUrl', () => {
  const url = 'https://user:pa55@feeds.example.org/news/rss.xml?apikey=SECRET1&api_key=SECRET2&X-Amz-Signature=SECRET3&access_token=SECRET4&lang=en&keywords=syria';

  it('redactUrl drops user:password@ and masks secret-looking parameters, keeping the rest', () => {
    const redacted = redactUrl(url);
    for (const secret of ['pa55', 'user:', 'SECRET1', 'SECRET2', 'SECRET3', 'SECRET4']) expect(redacted).not.toContain(secret);
    expect(redacted).toContain('https://feeds.example.org/news/rss.xml?apikey=%5BREDACTED%5D');
    expect(redacted).toContain('lang=en');
    expect(redacted).toContain('keywords=syria');
  });

  it('publicUrl keeps only the host and path', () => {
    expect(publicUrl(url)).toBe('https://feeds.example.org/news/rss.xml');
    expect(publicUrl('not a url')).toBe('');
  });
});

describe('errors stored in the database', () => {
  it('are scrubbed by the store: outbox.error, digests.error and sources.last_error never hold a secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-secrets-'));
    const store = await openStore(join(dir, 'db.sqlite'));
    try {
      const source = await store.sources.add({ url: 'https://feeds.example.org/rss.xml', name: 'Example', kind: 'feed' });
      await store.sources.recordFailure(source.id, `GET https://x.org/feed?key=${API_KEY} failed`, new Date());
      await store.sources.postpone(source.id, new Date(), `via http://127.0.0.1/bot${TOKEN}/getMe`);
      const now = new Date();
      const digestId = await (await store.outbox.recordDecision({
        chatId: 1, localDate: '2026-05-01', dueAt: now, cutoffAt: now, ingestedAfter: null, topic: null, storyCount: 1,
        messages: [{ html: 'a', keyboard: [], stories: [] }, { html: 'b', keyboard: [], stories: [] }],
      }))!;
      const [first, second] = await store.outbox.items(digestId);
      await store.outbox.reschedule(first!.id, now, `network: https://api.telegram.org/bot${TOKEN}/sendMessage`, now);
      await store.outbox.markFailed(second!.id, `rejected with ${TOKEN}`, now, { cancelRest: true });
      const stored = JSON.stringify([await store.sources.list(), await store.outbox.items(), await store.outbox.digests()]);
      expect(stored).not.toContain(TOKEN);
      expect(stored).not.toContain(API_KEY);
      expect(stored).toContain('[REDACTED]');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
