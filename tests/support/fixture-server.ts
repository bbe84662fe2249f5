// A local HTTP server (127.0.0.1, random port) serving test fixtures: static bodies with
// validators and 304s, redirects, slow and broken responses, huge bodies, 429/503 with
// Retry-After, and a log of every request for assertions.
//
//   const fx = await startFixtureServer();
//   fx.static('/feed.xml', xml, { contentType: 'application/rss+xml', etag: '"v1"' });
//   fx.redirect('/old', '/feed.xml');
//   await fetchUrl(fx.url('/old'));
//   expect(fx.requestsTo('/feed.xml')[0]?.headers['user-agent']).toBe(...);
//   await fx.close();
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LoggedRequest {
  method: string;
  /** Path with query string, as requested. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface StaticOptions {
  contentType?: string;
  status?: number;
  headers?: Record<string, string>;
  /** Sent as ETag; a matching If-None-Match gets 304. */
  etag?: string;
  /** Sent as Last-Modified; an If-Modified-Since equal to it gets 304. */
  lastModified?: string;
  /** Wait before sending the status line and headers. */
  headersDelayMs?: number;
  /** Send headers at once, then wait before sending the body. */
  bodyDelayMs?: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Serve a body (string or bytes) with content type, validators and optional delays. */
  static(path: string, body: string | Uint8Array, options?: StaticOptions): void;
  /** Serve a file (e.g. under tests/fixtures/feeds/). */
  file(path: string, filePath: string, options?: StaticOptions): void;
  /** Redirect to another path or absolute URL. Two redirects pointing at each other make a loop. */
  redirect(path: string, location: string, status?: 301 | 302 | 303 | 307 | 308): void;
  /** An error status with an optional Retry-After (seconds or HTTP date). */
  status(path: string, status: number, options?: { retryAfter?: string; body?: string; headers?: Record<string, string> }): void;
  /** Accept the request, then destroy the connection without answering. */
  reset(path: string): void;
  /** Declare Content-Length for the whole body, send only the first `sentBytes`, then close. */
  truncated(path: string, body: string | Uint8Array, sentBytes: number, contentType?: string): void;
  /** Stream `bytes` bytes of filler in chunks; with declareLength, Content-Length is sent too. */
  huge(path: string, bytes: number, options?: { contentType?: string; declareLength?: boolean }): void;
  /** Anything else. */
  handle(path: string, handler: Handler): void;
  /** Every request so far, oldest first. */
  readonly requests: LoggedRequest[];
  /** Requests whose path (without query) is `path`. */
  requestsTo(path: string): LoggedRequest[];
  /** Forget routes and the request log. */
  clear(): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers, at: Date.now() });
    const handler = routes.get(path) ?? routes.get(path.split('?')[0] ?? path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const serveStatic = (body: string | Uint8Array, options: StaticOptions = {}): Handler => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
    return (req, res) => {
      const headers: Record<string, string> = { 'content-type': options.contentType ?? 'text/plain; charset=utf-8', ...options.headers };
      if (options.etag) headers.etag = options.etag;
      if (options.lastModified) headers['last-modified'] = options.lastModified;
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      const notModified = options.etag && inm ? inm.split(',').map((s) => s.trim()).includes(options.etag) : Boolean(options.lastModified && ims === options.lastModified);
      const send = () => {
        if (notModified) {
          res.writeHead(304, headers).end();
          return;
        }
        res.writeHead(options.status ?? 200, { ...headers, 'content-length': String(bytes.length) });
        if (options.bodyDelayMs) {
          res.flushHeaders();
          later(options.bodyDelayMs, () => res.end(bytes));
        } else {
          res.end(bytes);
        }
      };
      if (options.headersDelayMs) later(options.headersDelayMs, send);
      else send();
    };
  };

  const fx: FixtureServer = {
    origin,
    requests,
    url: (path) => new URL(path, origin).href,
    static(path, body, options) {
      routes.set(path, serveStatic(body, options));
    },
    file(path, filePath, options) {
      routes.set(path, serveStatic(readFileSync(filePath), options));
    },
    redirect(path, location, status = 302) {
      routes.set(path, (_req, res) => res.writeHead(status, { location }).end());
    },
    status(path, status, options = {}) {
      routes.set(path, (_req, res) => {
        const headers: Record<string, string> = { 'content-type': 'text/plain', ...options.headers };
        if (options.retryAfter !== undefined) headers['retry-after'] = options.retryAfter;
        res.writeHead(status, headers).end(options.body ?? `status ${status}`);
      });
    },
    reset(path) {
      routes.set(path, (req) => req.socket.destroy());
    },
    truncated(path, body, sentBytes, contentType = 'application/rss+xml') {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
      routes.set(path, (_req, res) => {
        res.writeHead(200, { 'content-type': contentType, 'content-length': String(bytes.length) });
        res.write(bytes.subarray(0, sentBytes), () => later(20, () => res.socket?.destroy()));
      });
    },
    huge(path, bytes, options = {}) {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      routes.set(path, (_req, res) => {
        const headers: Record<string, string> = { 'content-type': options.contentType ?? 'text/html' };
        if (options.declareLength) headers['content-length'] = String(bytes);
        res.writeHead(200, headers);
        let left = bytes;
        // Respect backpressure, and stop as soon as the client goes away.
        const pump = () => {
          while (left > 0 && !res.destroyed) {
            const n = Math.min(left, chunk.length);
            left -= n;
            if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
              res.once('drain', pump);
              return;
            }
          }
          if (left <= 0) res.end();
        };
        pump();
      });
    },
    handle(path, handler) {
      routes.set(path, handler);
    },
    requestsTo(path) {
      return requests.filter((r) => (r.path.split('?')[0] ?? r.path) === path);
    },
    clear() {
      routes.clear();
      requests.length = 0;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fx;
}
