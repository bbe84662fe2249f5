// Counts the statements a benchmark sends to PostgreSQL through node-postgres: every pool
// connection is a pg.Client, and each query waits for the server's answer (one round trip).
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
