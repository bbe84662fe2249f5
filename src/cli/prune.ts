// `prune [--vacuum]`: the retention `serve` runs daily (RETENTION_* settings), once, now.
// --vacuum also rewrites the file with incremental auto-vacuum: needed once for a database
// created before retention existed, so that later prunes give space back to the file system.
import type { CliContext } from './context.ts';
import { printJsonLine, printLine } from './format.ts';

export async function pruneCommand(ctx: CliContext, options: { vacuum?: boolean; json?: boolean }): Promise<number> {
  const store = await ctx.store();
  const report = await store.retention.prune(ctx.config.storage.retention, new Date());
  if (options.vacuum) await store.retention.vacuum();
  const summary = { ...report, autoVacuum: await store.retention.autoVacuum(), vacuumed: options.vacuum === true };
  ctx.log.info(summary, 'prune finished');
  if (options.json) printJsonLine(summary);
  else {
    printLine(`deleted ${report.articles} articles, ${report.sentMessages} sent messages, ${report.digests} digests, ${report.llmCache} LLM results; freed ${report.freedPages} pages`);
    if (summary.autoVacuum !== 'incremental') printLine('this database keeps freed pages for reuse; run `news-digest prune --vacuum` once, with serve stopped, to give them back to the file system');
  }
  return 0;
}
