// `backup PATH`: a consistent copy of the database while `serve` keeps running (SQLite's online
// backup API through the store). Restoring is copying the file back with serve stopped (README, Deploy).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError, type CliContext } from './context.ts';
import { printJsonLine, printLine } from './format.ts';

export async function backupCommand(ctx: CliContext, path: string, options: { json?: boolean }): Promise<number> {
  const target = resolve(path);
  // Never written over: the file may be an older backup, or the database itself.
  if (existsSync(target)) throw new UserError(`${path} already exists; give a new file name (or remove it first)`);
  if (!existsSync(ctx.config.storage.databasePath)) throw new UserError(`no database at ${ctx.config.storage.databasePath} to back up`);
  const store = await ctx.store();
  if (!store.backup) throw new UserError('this database is PostgreSQL: back it up with pg_dump (see docs/scaling.md); `backup` copies a SQLite file');
  mkdirSync(dirname(target), { recursive: true });
  const { articles } = await store.backup(target);
  const summary = { path: target, bytes: statSync(target).size, articles };
  ctx.log.info(summary, 'backup finished');
  if (options.json) printJsonLine(summary);
  else printLine(`backed up ${articles} articles to ${target} (${(summary.bytes / 1_048_576).toFixed(1)} MB)`);
  return 0;
}
