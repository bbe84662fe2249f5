// The real `news-digest serve` process (and the CLI's process-level error handler) as a
// supervisor sees it: exit codes, one clear line on stderr, no secret anywhere in its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegramEmulator, type TelegramEmulator } from '../support/telegram-emulator.ts';
import { PROJECT_ROOT, runCli } from './cli.ts';
import { freePort } from '../support/free-port.ts';

const TOKEN = '123456789:TEST-emulator-token-for-serve-e2e';
const TOKEN_SECRET_PART = TOKEN.split(':')[1]!;
const WEBHOOK_SECRET = 'e2e_webhook-secret_77';
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nd-serve-e2e-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function startServe(env: Record<string, string>): { child: ChildProcess; exit: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, ['bin/news-digest.js', 'serve'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SOURCES_FILE: '/nonexistent/sources.json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.resume();
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, exit, stderr: () => stderr };
}

function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function emulator(): Promise<TelegramEmulator> {
  const emu = await startTelegramEmulator({ token: TOKEN, maxLongPollMs: 200, rateLimits: false });
  cleanups.push(() => emu.close());
  return emu;
}

describe('news-digest serve, as a supervisor sees it', () => {
  it('WEBHOOK_URL without WEBHOOK_SECRET is a configuration error: exit 2, one line', async () => {
    const dir = tempDir();
    const result = await runCli(['serve', '--db', join(dir, 'db.sqlite')], { BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.org/hook' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^news-digest: Invalid setting WEBHOOK_SECRET: required with WEBHOOK_URL/);
  });

  it('a Bot API that answers with an HTML page: retries, then exit 1 with one clear line and the token nowhere', async () => {
    const emu = await emulator();
    emu.injectFault({ type: 'not-json', method: ['getMe', 'setMyCommands', 'deleteWebhook'], times: Infinity });
    const dir = tempDir();
    const serve = startServe({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emu.apiRoot, DATABASE_PATH: join(dir, 'db.sqlite'), BOT_START_TIMEOUT_MS: '1500', LOG_LEVEL: 'debug', DEBUG: 'telegraf:*' });
    expect(await serve.exit).toBe(1);
    const stderr = serve.stderr();
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^news-digest: the Telegram bot could not start: getMe failed: the Bot API answered with something other than JSON/);
    expect(stderr).toMatch(/telegraf:client/); // debug output was on, and scrubbed
    expect(stderr).not.toContain(TOKEN_SECRET_PART);
    expect(emu.countRequests('getMe')).toBeGreaterThan(1);
  });

  it('webhook mode with DEBUG=telegraf:*: forged and malformed requests are refused, the secret and token are never printed, SIGTERM exits 0', async () => {
    const emu = await emulator();
    const dir = tempDir();
    const port = await freePort();
    const hook = `http://127.0.0.1:${port}/telegram/hook`;
    const serve = startServe({
      BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emu.apiRoot, DATABASE_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'debug', DEBUG: 'telegraf:*',
      WEBHOOK_URL: hook, WEBHOOK_SECRET, WEBHOOK_PORT: String(port),
    });
    await emu.waitFor(() => emu.webhook !== null, 45_000);
    expect(await post(hook, 'null', { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET })).toBe(400);
    expect(await post(hook, '{"update_id":1}', { 'x-telegram-bot-api-secret-token': 'wrong' })).toBe(403);
    const update = emu.sendCommand(4242, '/help');
    expect(await emu.deliverUpdateToWebhook(update)).toBe(200);
    const [help] = await emu.waitForBotMessages(4242, 1, 30_000);
    expect(help!.text).toMatch(/What I can do/);
    expect(serve.child.exitCode).toBeNull();
    serve.child.kill('SIGTERM');
    expect(await serve.exit).toBe(0);
    const stderr = serve.stderr();
    expect(stderr).toMatch(/telegraf:/);
    expect(stderr).not.toContain(WEBHOOK_SECRET);
    expect(stderr).not.toContain(TOKEN_SECRET_PART);
  }, 90_000);

  it('an unhandled rejection anywhere ends the process with exit 1 and one scrubbed line', async () => {
    const dir = tempDir();
    const script = join(dir, 'crash.ts');
    writeFileSync(
      script,
      `import { exitOnUncaughtErrors } from ${JSON.stringify(pathToFileURL(join(PROJECT_ROOT, 'src/log.ts')).href)};
exitOnUncaughtErrors();
setTimeout(() => console.log('still running'), 5_000);
void Promise.reject(new Error('request to https://api.telegram.org/bot${TOKEN}/getMe failed'));
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('news-digest: unhandled promise rejection: request to https://api.telegram.org/bot[REDACTED]/getMe failed\n');
  });
});
