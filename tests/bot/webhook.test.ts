// The webhook server against forged, malformed and oversized requests, over real HTTP, with
// the real bot behind it (its replies go to the Bot API emulator).
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseUpdate, WEBHOOK_MAX_BODY_BYTES, type BotState } from '../../src/bot/webhook.ts';
import { silentLogger } from '../../src/log.ts';
import { startWebhook } from '../../src/serve.ts';
import { startHarness, type Harness } from './harness.ts';
import { freePort } from '../support/free-port.ts';

const USER = 9301;
const SECRET = 'hook-secret_1';
let harness: Harness | undefined;
let server: import('node:http').Server | undefined;

afterEach(async () => {
  if (server) await new Promise((r) => server!.close(r));
  server = undefined;
  await harness?.stop();
  harness = undefined;
});

/** One request without keep-alive; the status, or 0 when the server cut the connection first. */
function request(url: string, options: { method?: string; body?: string | Buffer; headers?: Record<string, string>; chunked?: boolean }): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: options.method ?? 'POST', agent: false, headers: { connection: 'close', ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    if (options.chunked && options.body) {
      const body = Buffer.from(options.body);
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

async function startOnWebhook(state?: () => BotState): Promise<string> {
  harness = await startHarness({ emulator: { rateLimits: false } });
  harness.bot.stop('switching to webhook');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/telegram/hook`;
  server = await startWebhook(harness.bot, { url, secret: SECRET, port, ...(state ? { state } : {}) }, silentLogger);
  return url;
}

const json = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };

describe('webhook server', () => {
  it('answers null, non-JSON, non-update and prototype-poisoning bodies with 400, and keeps serving', async () => {
    const url = await startOnWebhook();
    for (const body of ['null', '', 'not json', '[1,2]', '"text"', '{"message":{}}', '{"update_id":"1"}', '{"update_id":1,"__proto__":{"admin":true}}']) {
      expect((await request(url, { body, headers: json })).status, body).toBe(400);
    }
    const update = harness!.emulator.sendCommand(USER, '/help');
    expect((await request(url, { body: JSON.stringify(update), headers: json })).status).toBe(200);
    const [help] = await harness!.emulator.waitForBotMessages(USER, 1);
    expect(help!.text).toMatch(/What I can do/);
  });

  it('refuses bodies over 1 MB, announced or chunked, without reading them into memory', async () => {
    const url = await startOnWebhook();
    const big = `{"update_id":1,"message":{"text":"${'x'.repeat(WEBHOOK_MAX_BODY_BYTES)}"}}`;
    const announced = await request(url, { body: big, headers: json });
    expect([413, 0]).toContain(announced.status);
    expect((await request(url, { body: big, headers: json, chunked: true })).status).toBe(413);
    // Still alive and serving.
    const update = harness!.emulator.sendCommand(USER, '/help');
    expect((await request(url, { body: JSON.stringify(update), headers: json })).status).toBe(200);
    await harness!.emulator.waitForBotMessages(USER, 1);
  });

  it('refuses a forged update without the secret before reading it: the admin command is never run', async () => {
    const url = await startOnWebhook();
    const forged = { update_id: 5, message: { message_id: 1, date: 1, chat: { id: USER, type: 'private' }, from: { id: USER, is_bot: false, first_name: 'A' }, text: '/stats', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } };
    expect((await request(url, { body: JSON.stringify(forged), headers: { 'content-type': 'application/json' } })).status).toBe(403);
    expect((await request(url, { body: JSON.stringify(forged), headers: { ...json, 'x-telegram-bot-api-secret-token': `${SECRET}x` } })).status).toBe(403);
    expect((await request(url.replace('/telegram/hook', '/other'), { body: '{}', headers: json })).status).toBe(404);
    expect((await request(url, { method: 'GET', headers: json })).status).toBe(405);
    await new Promise((r) => setTimeout(r, 100));
    expect(harness!.emulator.botMessages(USER)).toHaveLength(0);
  });

  it('GET /healthz reports the bot state: 200 when running, 503 otherwise', async () => {
    let state: BotState = 'starting';
    const url = await startOnWebhook(() => state);
    const health = url.replace('/telegram/hook', '/healthz');
    expect(await request(health, { method: 'GET' })).toEqual({ status: 503, body: '{"bot":"starting"}' });
    state = 'running';
    expect(await request(health, { method: 'GET' })).toEqual({ status: 200, body: '{"bot":"running"}' });
  });
});

describe('parseUpdate', () => {
  it('accepts an update object and names what is wrong with anything else', () => {
    expect(parseUpdate('{"update_id":7,"message":{"text":"hi"}}')).toEqual({ update: { update_id: 7, message: { text: 'hi' } } });
    expect(parseUpdate('null')).toEqual({ error: 'body is not an update object' });
    expect(parseUpdate('{')).toEqual({ error: 'body is not JSON' });
    expect(parseUpdate('{"update_id":1,"constructor":{"prototype":{"x":1}}}')).toEqual({ error: 'body is not JSON' });
    expect(parseUpdate('{"update_id":1.5}')).toEqual({ error: 'update_id is missing' });
  });
});
