import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { lines, destination };
}

describe('log', () => {
  const token = '123456789:AAEsecretSECRETsecret_tokenValue';
  const apiKey = 'sk-test-abcdefghijklmnop';
  const webhookSecret = 'hook_secret-42';

  it('writes JSON lines with level and message', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info({ source: 'rt' }, 'fetched');
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 30, msg: 'fetched', source: 'rt' });
  });

  it('never writes a secret, wherever it hides: message, URL, error, nested field', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination, secrets: [token, apiKey, webhookSecret], level: 'debug' });
    log.error({ err: new Error(`request to https://api.telegram.org/bot${token}/sendMessage failed`) }, 'telegram error');
    log.info(`calling with ${apiKey}`);
    log.warn({ request: { url: `/webhook?secret=${encodeURIComponent(webhookSecret)}`, headers: { authorization: `Bearer ${apiKey}` } } }, 'webhook');
    log.debug({ config: { bot: { token } } }, 'config');
    log.info({ token }, 'field named token');
    const all = lines.join('');
    expect(lines).toHaveLength(5);
    for (const secret of [token, apiKey, webhookSecret, encodeURIComponent(token)]) expect(all).not.toContain(secret);
    expect(all).toContain('[REDACTED]');
    expect(all).toContain('sendMessage failed');
  });
});
