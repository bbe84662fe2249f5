// The monitoring port of `serve` (METRICS_PORT, on 127.0.0.1 unless METRICS_HOST says
// otherwise): GET /metrics in Prometheus' text format and GET /healthz for a supervisor, a
// container's HEALTHCHECK or a load balancer. Anything else is 404; nothing here changes state.
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import type { Logger } from '../log.ts';

export interface HealthReport {
  /** True when every part below is as it should be: /healthz answers 200, else 503. */
  ok: boolean;
  /** 'ok' or why not. */
  database: string;
  /** 'running', or 'stopped' / 'stalled' (the every-minute due check has not run for a while). */
  scheduler: string;
  /** The bot's state: 'running', 'starting', 'stopping', 'failed', or 'off' without BOT_TOKEN. */
  bot: string;
}

export interface MetricsServerOptions {
  host: string;
  port: number;
  registry: Registry;
  health: () => HealthReport | Promise<HealthReport>;
}

export async function startMetricsServer(options: MetricsServerOptions, log: Logger): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      Promise.resolve()
        .then(() => options.health())
        .then(
          ({ ok, ...parts }) => res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(parts)),
          (error: unknown) => {
            log.error({ err: error }, 'health could not be checked');
            res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'health could not be checked' }));
          },
        );
      return;
    }
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': options.registry.contentType }).end(text),
        (error: unknown) => {
          log.error({ err: error }, 'metrics could not be collected');
          res.writeHead(500).end();
        },
      );
      return;
    }
    res.writeHead(404).end();
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  log.info({ host: options.host, port: options.port }, 'metrics and /healthz listening');
  return server;
}
