// `sources list|add|remove|enable|disable|import` and `fetch`, through the sources service (src/app/sources.ts).
import { readFile } from 'node:fs/promises';
import { SourceError, SourceService } from '../app/index.ts';
import { fetchJobPool, pollAndStore, pollOptionsOf } from '../ingest/pipeline.ts';
import { redactUrl } from '../secrets.ts';
import { parseOpml } from '../sources-file.ts';
import type { Source, SourceKind } from '../store/index.ts';
import { UserError, exitCodeOf, seedSourcesFile, type CliContext } from './context.ts';
import { formatTime, printJsonLine, printLine } from './format.ts';
import { isHttpUrl } from '../util/url.ts';

/** The sources service over the command's store; a new source is checked with the fetch settings. */
async function sourceService(ctx: CliContext): Promise<SourceService> {
  const request = ctx.config.fetch.request;
  return new SourceService({ store: await ctx.store(), fetchOptions: request, allowPrivate: request.allowPrivate });
}

/** Seeds the store with the configured default sources, also those added to the file later (a removed one stays removed). */
export async function seedSources(ctx: CliContext): Promise<void> {
  await seedSourcesFile(await ctx.store(), ctx.config.fetch.sourcesFile);
}

function describe(source: Source): string {
  const state = !source.enabled
    ? 'disabled'
    : source.consecutiveFailures
      ? `failing x${source.consecutiveFailures}: ${source.lastError ?? ''}`
      : source.lastSuccessAt
        ? `ok ${formatTime(source.lastSuccessAt)}`
        : 'not fetched yet';
  // Shown without user:password@ and secret-looking parameters (terminals get copied and shared); --json keeps the URL.
  return `${source.id}\t${source.name} [${source.kind}]\n\t${redactUrl(source.url)}\n\t${state}`;
}

export async function sourcesListCommand(ctx: CliContext, options: { json?: boolean }): Promise<number> {
  await seedSources(ctx);
  const sources = await (await sourceService(ctx)).list();
  if (options.json) printJsonLine({ sources });
  else if (!sources.length) printLine('No sources. Add one with: news-digest sources add <feed-url>');
  else for (const source of sources) printLine(describe(source));
  return 0;
}

export async function sourcesAddCommand(ctx: CliContext, url: string, options: { name?: string; kind?: string; check?: boolean }): Promise<number> {
  if (!isHttpUrl(url)) throw new UserError(`not an http(s) URL: ${url}`);
  if (options.kind && options.kind !== 'feed' && options.kind !== 'page') throw new UserError('--kind must be feed or page');
  const { source, warnings } = await (await sourceService(ctx))
    .add(url, { ...(options.name ? { name: options.name } : {}), ...(options.kind ? { kind: options.kind as SourceKind } : {}), check: options.check !== false })
    .catch((error: unknown) => {
      throw error instanceof SourceError ? new UserError(`cannot add ${url}: ${error.message}`) : error;
    });
  // The same warning `fetch` logs for this source: kept, with the bad bytes replaced.
  for (const warning of warnings) ctx.log.warn({ url, reason: warning }, `${url}: ${warning}`);
  printLine(`added ${source.id}: ${source.name} [${source.kind}] ${redactUrl(source.url)}`);
  return 0;
}

export async function sourcesRemoveCommand(ctx: CliContext, idOrUrl: string): Promise<number> {
  await seedSources(ctx);
  if (!(await (await sourceService(ctx)).remove(idOrUrl))) throw new UserError(`no such source: ${idOrUrl} (see: news-digest sources list)`);
  printLine(`removed ${idOrUrl}`);
  return 0;
}

/** `sources enable|disable`: a disabled source is kept (with its fetch state) but not fetched. */
export async function sourcesEnableCommand(ctx: CliContext, idOrUrl: string, enabled: boolean): Promise<number> {
  await seedSources(ctx);
  const source = await (await sourceService(ctx)).setEnabled(idOrUrl, enabled);
  if (!source) throw new UserError(`no such source: ${idOrUrl} (see: news-digest sources list)`);
  printLine(`${enabled ? 'enabled' : 'disabled'} ${source.id}: ${source.name}`);
  return 0;
}

export async function sourcesImportCommand(ctx: CliContext, path: string): Promise<number> {
  const xml = await readFile(path, 'utf8').catch(() => {
    throw new UserError(`cannot read ${path}`);
  });
  const sources = parseOpml(xml);
  if (!sources.length) throw new UserError(`no feeds found in ${path}`);
  const added = await (await sourceService(ctx)).seed(sources);
  printLine(`imported ${sources.length} feeds from ${path} (${added} new, ${sources.length - added} already known)`);
  return 0;
}

export async function fetchCommand(ctx: CliContext, options: { json?: boolean }): Promise<number> {
  await seedSources(ctx);
  const store = await ctx.store();
  const jobs = fetchJobPool(ctx.config.fetch.parse);
  const totals = await pollAndStore({ store, log: ctx.log, jobs }, pollOptionsOf(ctx.config.fetch.poll, ctx.config.fetch.request)).finally(() => jobs.close());
  if (options.json) printJsonLine(totals);
  else {
    // Each failed source was logged once as it failed (name, URL, reason, next attempt), as serve logs it.
    printLine(
      `sources: ${totals.sources}, fetched: ${totals.fetched}, not modified: ${totals.notModified}, new: ${totals.new}, duplicate: ${totals.duplicate}, near-duplicate: ${totals.nearDuplicate}, failed: ${totals.failed.length}`,
    );
  }
  return exitCodeOf(totals.sources - totals.failed.length, totals.failed.length);
}
