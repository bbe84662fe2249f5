// A throwaway PostgreSQL server for `npm run test:scale`: Debian's initdb and pg_ctl, a data
// directory under the system temp dir, a free port on 127.0.0.1, one database. Stopped and
// deleted when the caller stops it, and also when the process exits or gets SIGINT/SIGTERM.
//
// PostgreSQL refuses to run as root: as root the binaries run as the `postgres` user (runuser),
// and the temp directory is opened to it. npm test never uses this (it runs on PGlite).
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

export interface PgServer {
  /** postgres://… of the created database. */
  url: string;
  /** The server's log file (for a report when something fails). */
  logFile: string;
  stop(): Promise<void>;
}

/** Where Debian (and most distributions) put the server binaries when they are not on PATH. */
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The folder holding initdb and pg_ctl: PATH first, else the newest /usr/lib/postgresql/N/bin. */
export function findPostgresBin(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const debian = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((v) => /^\d+(\.\d+)?$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(DEBIAN_ROOT, v, 'bin'))
    : [];
  return [...onPath, ...debian].find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

export const MISSING_POSTGRES =
  'PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or under /usr/lib/postgresql/*/bin; install them with: sudo apt-get install -y postgresql';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The command line that runs a server binary: as `postgres` when we are root. */
function asServerUser(bin: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

export async function startPgServer(options: { database?: string } = {}): Promise<PgServer> {
  const binDir = findPostgresBin();
  if (!binDir) throw new Error(MISSING_POSTGRES);
  const database = options.database ?? 'news_digest';
  const root = mkdtempSync(join(tmpdir(), 'nd-pg-'));
  // The server user must create its data directory, socket and log here.
  if (isRoot()) chmodSync(root, 0o777);
  const data = join(root, 'data');
  const logFile = join(root, 'server.log');
  const port = await freePort();
  const pgCtl = join(binDir, 'pg_ctl');

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      const [cmd, args] = asServerUser(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      execFileSync(cmd, args, { stdio: 'ignore' });
    } catch {
      // Not started, or already gone: the files still go.
    }
    rmSync(root, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stopSync();
    process.kill(process.pid, signal);
  };
  process.once('exit', stopSync);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const detach = () => {
    process.off('exit', stopSync);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };

  try {
    const [initCmd, initArgs] = asServerUser(join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    await run(initCmd, initArgs);
    // A throwaway server: durability is not the point (fsync off), connections for 3 instances and the test.
    const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    const [ctlCmd, ctlArgs] = asServerUser(pgCtl, ['-D', data, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
    await run(ctlCmd, ctlArgs);
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    stopSync();
    detach();
    throw error;
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    logFile,
    async stop() {
      detach();
      stopSync();
    },
  };
}
