// `sources list|add|remove|import` and `fetch`.
import { readFile } from 'node:fs/promises';
import { probeSource } from '../ingest/probe.ts';
import { fetchJobPool, pollAndStore, pollOptionsOf } from '../ingest/pipeline.ts';
import { redactUrl } from '../secrets.ts';
import { parseOpml } from '../sources-file.ts';
import type { Source, SourceKind } from '../store/index.ts';
import { UserError, exitCodeOf, seedSourcesFile, type CliContext } from './context.ts';
import { formatTime, printJsonLine, printLine } from './format.ts';
import { isHttpUrl } from '../util/url.ts';

/** Seeds the store with the configured default sources, also those added to the file later (a removed one stays removed). */
export function seedSources(ctx: CliContext): void {
  seedSourcesFile(ctx.store(), ctx.config.fetch.sourcesFile);
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

export function sourcesListCommand(ctx: CliContext, options: { json?: boolean }): number {
  seedSources(ctx);
  const sources = ctx.store().sources.list();
  if (options.json) printJsonLine({ sources });
  else if (!sources.length) printLine('No sources. Add one with: news-digest sources add <feed-url>');
  else for (const source of sources) printLine(describe(source));
  return 0;
}

export async function sourcesAddCommand(ctx: CliContext, url: string, options: { name?: string; kind?: string; check?: boolean }): Promise<number> {
  if (!isHttpUrl(url)) throw new UserError(`not an http(s) URL: ${url}`);
  if (options.kind && options.kind !== 'feed' && options.kind !== 'page') throw new UserError('--kind must be feed or page');
  let kind = options.kind as SourceKind | undefined;
  let name = options.name;
  if (options.check !== false) {
    // Fetched once before it is saved, so a typo does not become a source that fails forever.
    const probed = await probeSource(url, ctx.config.fetch.request).catch((error: unknown) => {
      throw new UserError(`cannot add ${url}: ${error instanceof Error ? error.message : String(error)}`);
    });
    kind ??= probed.kind;
    name ??= probed.title;
    // The same warning `fetch` logs for this source: kept, with the bad bytes replaced.
    for (const warning of probed.warnings) ctx.log.warn({ url, reason: warning }, `${url}: ${warning}`);
  }
  const source = ctx.store().sources.add({ url, name: name ?? new URL(url).hostname, kind: kind ?? 'feed' });
  printLine(`added ${source.id}: ${source.name} [${source.kind}] ${redactUrl(source.url)}`);
  return 0;
}

export function sourcesRemoveCommand(ctx: CliContext, idOrUrl: string): number {
  seedSources(ctx);
  const removed = ctx.store().sources.remove(/^\d+$/.test(idOrUrl) ? Number(idOrUrl) : idOrUrl);
  if (!removed) throw new UserError(`no such source: ${idOrUrl} (see: news-digest sources list)`);
  printLine(`removed ${idOrUrl}`);
  return 0;
}

export async function sourcesImportCommand(ctx: CliContext, path: string): Promise<number> {
  const xml = await readFile(path, 'utf8').catch(() => {
    throw new UserError(`cannot read ${path}`);
  });
  const sources = parseOpml(xml);
  if (!sources.length) throw new UserError(`no feeds found in ${path}`);
  const added = ctx.store().sources.seed(sources);
  printLine(`imported ${sources.length} feeds from ${path} (${added} new, ${sources.length - added} already known)`);
  return 0;
}

export async function fetchCommand(ctx: CliContext, options: { json?: boolean }): Promise<number> {
  seedSources(ctx);
  const store = ctx.store();
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
