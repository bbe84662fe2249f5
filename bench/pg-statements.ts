// Counts the statements a benchmark sends to PostgreSQL through node-postgres: every pool
// connection is a pg.Client, and each query waits for the server's answer (one round trip).
import { readFileSync, readdirSync } from 'node:fs';
import pg from 'pg';

let sent = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  sent++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

/** Statements sent so far by this process. */
export const statementsSent = (): number => sent;

/** A fresh database `name` on the server of `url` (dropped first if a run left it): its URL. The URL's user needs CREATEDB. */
export async function freshDatabase(url: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`${name} is not a plain database name`);
  const admin = new pg.Client(url);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}

/**
 * CPU time (ms, user + system) used so far by the server processes of database `name`, when the
 * server runs on this machine (Linux: each connection is a process titled "postgres: user
 * database …", and /proc tells its CPU). Under load, wall time mostly measures the machine;
 * this and the client's CPU measure the work. Connections that closed meanwhile are missed:
 * take both readings while the store is open. Undefined where /proc is not there.
 */
export function serverCpuMs(name: string): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const pid of pids) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!title.startsWith('postgres: ') || !title.split(' ').includes(name)) continue;
      // Fields after the command name (which may hold spaces, in parentheses): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  // /proc counts in USER_HZ, 100 per second on Linux.
  return ticks * 10;
}
