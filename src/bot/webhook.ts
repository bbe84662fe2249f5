// The webhook's HTTP server, in place of telegraf's webhookCallback: the secret header is
// required and compared in constant time (and never logged: telegraf's debug output prints
// it), the body is limited to 1 MB (raw-body) and parsed defensively (secure-json-parse), so a
// forged, empty, huge or malformed request gets a 4xx answer and never reaches the bot or
// crashes the process. GET /healthz reports the bot's state for a supervisor or load balancer.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import secureJson from 'secure-json-parse';
import type { Bot } from './index.ts';
import type { Update } from 'telegraf/types';
import type { Logger } from '../log.ts';

export const WEBHOOK_MAX_BODY_BYTES = 1_000_000;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export type BotState = 'starting' | 'running' | 'stopping' | 'failed';

export interface WebhookServerOptions {
  /** The path of WEBHOOK_URL: updates are accepted there only. */
  path: string;
  secret: string;
  maxBodyBytes?: number;
  /** What /healthz reports. */
  state: () => BotState;
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function answer(res: ServerResponse, status: number, body = ''): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': body ? 'application/json' : 'text/plain', connection: 'close' });
  res.end(body);
}

/** The update in a request body, or why it is not one. */
export function parseUpdate(body: string): { update: Update } | { error: string } {
  let value: unknown;
  try {
    value = secureJson.parse(body, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    return { error: 'body is not JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'body is not an update object' };
  if (!Number.isSafeInteger((value as { update_id?: unknown }).update_id)) return { error: 'update_id is missing' };
  return { update: value as Update };
}

export function createWebhookServer(bot: Bot, options: WebhookServerOptions, log: Logger): Server {
  const limit = options.maxBodyBytes ?? WEBHOOK_MAX_BODY_BYTES;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      const state = options.state();
      answer(res, state === 'running' ? 200 : 503, JSON.stringify({ bot: state }));
      return;
    }
    if (path !== options.path) return answer(res, 404);
    if (req.method !== 'POST') return answer(res, 405);
    if (!sameSecret(req.headers[SECRET_HEADER], options.secret)) {
      log.warn({ ip: req.socket.remoteAddress }, 'webhook request without the right secret refused');
      return answer(res, 403);
    }
    let body: string;
    try {
      body = await getRawBody(req, { limit, length: req.headers['content-length'] ?? null, encoding: 'utf8' });
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400;
      log.warn({ status, reason: (error as Error).message }, 'webhook body refused');
      return answer(res, status >= 400 && status < 500 ? status : 400);
    }
    const parsed = parseUpdate(body);
    if ('error' in parsed) {
      log.warn({ reason: parsed.error, bytes: body.length }, 'webhook body refused');
      return answer(res, 400);
    }
    // Telegram waits for this answer before it sends the next update: the bot queues the
    // update (update-queue.ts) and handleUpdate returns at once.
    await bot.handleUpdate(parsed.update);
    answer(res, 200);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Told to the user by the bot's error handler already; Telegram need not send it again.
      log.error({ err: error }, 'webhook update failed');
      answer(res, 200);
    });
  });
  // A client that trickles its headers or body is cut off.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}
