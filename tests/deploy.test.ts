// The deploy files as a user meets them: the Dockerfile's and compose's health checks run
// against a real serve, and the settings that decide whether a container or a systemd service
// keeps its database, runs unprivileged and shuts down without cutting off a digest in flight.
// (Docker itself is not run here; see README, "Deploy".)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { serve } from '../src/serve.ts';
import { openStore } from '../src/store/index.ts';
import { freePort } from './support/free-port.ts';
import { outputOf } from './support/process-output.ts';

const ROOT = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const dockerfile = DockerfileParser.parse(read('Dockerfile'));
const compose = parseYaml(read('docker-compose.yml')) as {
  services: Record<string, { build?: unknown; env_file?: string | string[]; volumes?: string[]; restart?: string; stop_grace_period?: string; healthcheck?: { test: string[] } }>;
  volumes?: Record<string, unknown>;
};
const service = Object.values(compose.services)[0]!;

/** Instructions of the final stage (after its FROM). */
function finalStage(): Instruction[] {
  const all = dockerfile.getInstructions();
  const from = all.map((i) => i.getKeyword()).lastIndexOf('FROM');
  return all.slice(from + 1);
}
const instruction = (keyword: string) => finalStage().filter((i) => i.getKeyword() === keyword);
const jsonArgs = (i: Instruction) => JSON.parse(i.getArgumentsContent()!.replace(/^(?:--\S+\s+)*(?:CMD\s+)?/, '')) as string[];
const envOf = () => new Map(instruction('ENV').flatMap((i) => [...i.getArgumentsContent()!.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!] as const)));
/** Seconds of a "60s" / "1m" duration. */
const seconds = (value: string) => Number.parseFloat(value) * (value.trim().endsWith('m') ? 60 : 1);

/** How long serve may take to stop with the default settings: updates (10 s), then the messages in flight (SEND_TIMEOUT_MS + 1 s). */
const SHUTDOWN_SECONDS = 10 + parseConfig({}).delivery.requestTimeoutMs / 1000 + 1;

const dir = mkdtempSync(join(tmpdir(), 'nd-deploy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a health check's exec form (["node", "-e", ...] or ["CMD", "node", ...]) as Docker would, with the container's METRICS_PORT. */
async function runHealthCheck(command: string[], port: number): Promise<number | null> {
  const [program, ...args] = command[0] === 'CMD' ? command.slice(1) : command;
  expect(program).toBe('node');
  // Not spawnSync: the serve under test answers from this process's event loop.
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', METRICS_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  return (await outputOf(child)).code;
}

describe('Dockerfile', () => {
  it('builds in stages with npm ci from the lockfile and runs serve as a non-root user under an init that passes SIGTERM on', () => {
    const froms = dockerfile.getFROMs();
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const build = dockerfile.getInstructions().filter((i) => i.getKeyword() === 'RUN' && /\bnpm ci\b/.test(i.getArgumentsContent() ?? ''));
    expect(build.length).toBeGreaterThan(0);
    expect(instruction('RUN').some((i) => /\bnpm (ci|install)\b/.test(i.getArgumentsContent() ?? ''))).toBe(false);
    expect(read('Dockerfile')).toMatch(/COPY package\.json package-lock\.json/);

    const user = instruction('USER').at(-1)?.getArgumentsContent();
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user!.split(':')[0]);
    const entrypoint = jsonArgs(instruction('ENTRYPOINT').at(-1)!);
    expect(entrypoint[0]).toMatch(/\/tini$/);
    const cmd = jsonArgs(instruction('CMD').at(-1)!);
    expect(cmd[0]).toBe('node');
    expect(cmd.at(-1)).toBe('serve');
  });

  it('keeps the database on a volume the service user may write', () => {
    const database = envOf().get('DATABASE_PATH')!;
    const volumes = instruction('VOLUME').flatMap((i) => jsonArgs(i));
    expect(volumes.some((v) => database.startsWith(`${v}/`))).toBe(true);
    const volume = posix.dirname(database);
    expect(instruction('RUN').some((i) => new RegExp(`chown [^ ]*node[^ ]* ${volume}\\b`).test(i.getArgumentsContent() ?? ''))).toBe(true);
  });

  it('leaves secrets, databases and installed modules out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['.env', 'node_modules', 'data', '*.db']) expect(ignored).toContain(entry);
  });
});

describe('the health checks of the image and of compose', () => {
  it('pass against a running serve and fail once it has stopped', async () => {
    const port = await freePort();
    const config = parseConfig({ DATABASE_PATH: join(dir, 'health.db'), METRICS_PORT: String(port), FETCH_CRON: '0 0 1 1 *' });
    const store = await openStore(config.storage.databasePath);
    const running = await serve({ config, log: createLogger({ level: 'silent' }), store, fetchOptions: config.fetch.request });
    const image = jsonArgs(instruction('HEALTHCHECK').at(-1)!);
    const composed = service.healthcheck!.test;
    try {
      expect(await runHealthCheck(image, port)).toBe(0);
      expect(await runHealthCheck(composed, port)).toBe(0);
    } finally {
      await running.stop('test');
    }
    expect(await runHealthCheck(image, port)).toBe(1);
  }, 60_000);
});

describe('docker-compose.yml', () => {
  it('runs the bot alone with its settings from .env, restarts it, keeps the database on the image volume, and waits for a clean stop', () => {
    expect(Object.keys(compose.services)).toHaveLength(1);
    expect([service.env_file].flat()).toContain('.env');
    expect(['always', 'unless-stopped', 'on-failure']).toContain(service.restart);
    const volumes = instruction('VOLUME').flatMap((i) => jsonArgs(i));
    const mounted = (service.volumes ?? []).map((v) => v.split(':'));
    expect(mounted.some(([name, target]) => volumes.includes(target!) && compose.volumes && name! in compose.volumes)).toBe(true);
    // Docker's default 10 s would kill serve while digest messages are still in flight.
    expect(seconds(service.stop_grace_period ?? '10s')).toBeGreaterThanOrEqual(SHUTDOWN_SECONDS);
  });
});

describe('deploy/news-digest.service', () => {
  const unit = new Map(
    read('deploy/news-digest.service')
      .split('\n')
      .filter((line) => /^\w+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );

  it('runs serve unprivileged, restarts it on failure and waits for a clean stop', () => {
    expect(unit.get('ExecStart')).toMatch(/ serve$/);
    expect(unit.get('User')).toBeDefined();
    expect(unit.get('User')).not.toBe('root');
    expect(unit.get('Restart')).toBe('on-failure');
    expect(unit.get('NoNewPrivileges')).toBe('yes');
    expect(unit.get('ProtectSystem')).toBe('strict');
    expect(seconds(unit.get('TimeoutStopSec') ?? '90s')).toBeGreaterThanOrEqual(SHUTDOWN_SECONDS);
    // The database lives in the one writable place.
    expect(unit.get('Environment')).toMatch(new RegExp(`DATABASE_PATH=/var/lib/${unit.get('StateDirectory')}/`));
  });
});
