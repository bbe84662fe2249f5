// serve() in-process against the Bot API emulator: the bot's start-up retries, its failure
// modes (never half-alive) and webhook mode with getMe at start and /healthz.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BotStartError } from '../src/bot/startup.ts';
import { parseConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { serve, type Running } from '../src/serve.ts';
import { openStore } from '../src/store/index.ts';
import { startTelegramEmulator, type Fault, type TelegramEmulator } from './support/telegram-emulator.ts';
import { freePort } from './support/free-port.ts';

const TOKEN = '123456789:TEST-emulator-token-for-serve';
const USER = 6401;
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function start(options: { faults?: Fault[]; env?: Record<string, string>; token?: string } = {}) {
  const emulator: TelegramEmulator = await startTelegramEmulator({ token: TOKEN, maxLongPollMs: 200, rateLimits: false, faults: options.faults ?? [] });
  cleanups.push(() => emulator.close());
  const dir = mkdtempSync(join(tmpdir(), 'nd-serve-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const config = parseConfig({ BOT_TOKEN: options.token ?? TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_PATH: join(dir, 'db.sqlite'), ...options.env });
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', secrets: [options.token ?? TOKEN], destination: { write: (line: string) => void lines.push(line) } });
  const store = await openStore(config.storage.databasePath);
  const run = serve({ config, log, store, fetchOptions: config.fetch.request, startRetry: { minDelayMs: 20, maxDelayMs: 100 } });
  void run.then((running) => cleanups.push(() => running.stop('test')), () => undefined);
  return { emulator, run, lines, store };
}

describe('serve: starting the bot', () => {
  it('retries a start that meets non-JSON answers and 502s, then answers /help', async () => {
    const { emulator, run, lines } = await start({
      faults: [
        { type: 'not-json', method: 'getMe', times: 2 },
        { type: 'not-json', method: 'setMyCommands', status: 404 },
        { type: 'bad-gateway', method: 'deleteWebhook' },
      ],
    });
    const running = await run;
    expect(running.botState()).toBe('running');
    emulator.sendCommand(USER, '/help');
    const [help] = await emulator.waitForBotMessages(USER, 1);
    expect(help!.text).toMatch(/What I can do/);
    expect(emulator.commands.length).toBeGreaterThan(0);
    expect(lines.join('')).toMatch(/bot start step failed; retrying/);
    expect(lines.join('')).not.toContain(TOKEN.split(':')[1]);
  });

  it('gives up after BOT_START_TIMEOUT_MS with one clear line that holds no token, and stops everything', async () => {
    const { emulator, run, lines, store } = await start({ faults: [{ type: 'not-json', method: 'getMe', times: Infinity }], env: { BOT_START_TIMEOUT_MS: '1000' } });
    const error = await run.then(() => undefined, (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(BotStartError);
    expect(error!.message).toMatch(/^the Telegram bot could not start: getMe failed: the Bot API answered with something other than JSON .*\(still failing after 1 s of retries\)$/);
    expect(error!.message).not.toContain('\n');
    expect(emulator.countRequests('getMe')).toBeGreaterThan(1);
    await expect(store.articles.count()).rejects.toThrow(/not open/);
    expect(lines.join('')).not.toContain(TOKEN.split(':')[1]);
  });

  it('does not wait when Telegram refuses the token (401): fails at once', async () => {
    const { emulator, run } = await start({ token: '123456789:AAAnot-the-emulator-token-0000' });
    await expect(run).rejects.toThrow(/could not start: getMe failed: Telegram refused BOT_TOKEN \(401 Unauthorized\)/);
    expect(emulator.countRequests('getMe')).toBe(1);
  });

  it('a bot whose polling Telegram refuses later is reported failed, so that the process exits', async () => {
    const { emulator, run } = await start();
    const running: Running = await run;
    await emulator.waitFor(() => emulator.getUpdatesCalls > 0);
    emulator.injectFault({ type: 'error', method: 'getUpdates', errorCode: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
    const reason = await running.failed;
    expect(reason.message).toMatch(/409: Conflict/);
    expect(running.botState()).toBe('failed');
  });
});

describe('serve: webhook mode', () => {
  it('calls getMe at start, serves /healthz and answers a delivered update', async () => {
    const port = await freePort();
    const { emulator, run } = await start({ env: { WEBHOOK_URL: `http://127.0.0.1:${port}/tg/hook`, WEBHOOK_SECRET: 'hook_secret-42', WEBHOOK_PORT: String(port) } });
    const running = await run;
    expect(emulator.countRequests('getMe')).toBe(1);
    expect(emulator.webhook).toMatchObject({ url: `http://127.0.0.1:${port}/tg/hook`, secretToken: 'hook_secret-42' });
    const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      http.get(`http://127.0.0.1:${port}/healthz`, { agent: false }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }).on('error', reject);
    });
    expect(health).toEqual({ status: 200, body: '{"bot":"running"}' });
    expect(running.botState()).toBe('running');
    const update = emulator.sendCommand(USER, '/help');
    expect(await emulator.deliverUpdateToWebhook(update)).toBe(200);
    const [help] = await emulator.waitForBotMessages(USER, 1);
    expect(help!.text).toMatch(/What I can do/);
    expect(emulator.countRequests('getMe')).toBe(1);
  });
});

describe('serve: the metrics port (METRICS_PORT)', () => {
  it('in long-polling mode: /healthz reports the database, scheduler and bot, /metrics the queue; closed at stop', async () => {
    const port = await freePort();
    const { run } = await start({ env: { METRICS_PORT: String(port) } });
    const running = await run;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ database: 'ok', scheduler: 'running', bot: 'running' });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^news_digest_outbox_pending 0$/m);
    expect(metrics).toMatch(/^news_digest_digest_messages_total\{outcome="sent"\} 0$/m);
    await running.stop('test');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('a port already in use stops serve with one line naming the settings', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => busy.close(resolve)));
    const port = (busy.address() as { port: number }).port;
    const { run, store } = await start({ env: { METRICS_PORT: String(port) } });
    await expect(run).rejects.toThrow(new RegExp(`^cannot listen on METRICS_HOST 127\\.0\\.0\\.1 METRICS_PORT ${port}: .*EADDRINUSE`));
    await expect(store.articles.count()).rejects.toThrow(/not open/);
  });
});
