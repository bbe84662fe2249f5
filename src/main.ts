// CLI entry: `news-digest <command>`. Each command returns an exit code; any error becomes
// one readable line on stderr and a non-zero exit.
import { Command, CommanderError } from 'commander';
import { ConfigError } from './config.ts';
import { EXIT, UsageError, createContext, type CliContext, type CommandNeeds, type GlobalOptions } from './cli/context.ts';
import { exitOnUncaughtErrors } from './log.ts';
import { describeError } from './secrets.ts';

// Command modules load on demand, so `--help` or `search` do not pay for the bot, the
// LLM client or the HTML pipeline.
const ingestModule = () => import('./cli/ingest.ts');
const digestModule = () => import('./cli/digest.ts');
const sourcesModule = () => import('./cli/sources.ts');

type Handler = (ctx: CliContext) => number | Promise<number>;

async function run(program: Command, handler: Handler, needs: CommandNeeds = {}): Promise<void> {
  const ctx = createContext(program.opts<GlobalOptions>(), needs);
  try {
    process.exitCode = await handler(ctx);
  } finally {
    await ctx.close();
  }
}

export function buildProgram(): Command {
  const program = new Command('news-digest')
    .description('News digests with key quotes, from the terminal or Telegram.')
    .option('--db <path>', 'SQLite database file (default: DATABASE_PATH or ./data/news-digest.db)')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Exit codes:
  0  success
  1  failure (one line on stderr says why)
  2  bad settings or usage: an invalid environment variable or sources file, an unknown option
  3  partial success: some inputs (ingest, extract) or sources (fetch) failed; the counts say which`,
    )
    .exitOverride();

  program
    .command('serve')
    .description('run the Telegram bot and the scheduler (long polling; webhook with WEBHOOK_URL)')
    .action(async () => (await import('./cli/serve.ts')).serveCommand(program.opts<GlobalOptions>()));

  program
    .command('ingest')
    .description('ingest files (text, HTML, RSS/Atom/JSON feed, JSON Lines of articles), folders or URLs into the store')
    .argument('<inputs...>', 'paths, http(s) URLs, or - for standard input')
    .option('--format <format>', 'jsonl: read the files (or standard input) as JSON Lines, one article a line (default: by extension)')
    .option('--url <url>', 'the address of a single text or HTML document')
    .option('--outlet <name>', 'the outlet of a single text or HTML document')
    .option('--published <date>', 'the publication time of a single text or HTML document, e.g. 2016-09-05T14:12Z')
    .option('--json', 'print the counts as JSON')
    .action((inputs: string[], options) => run(program, async (ctx) => (await ingestModule()).ingestCommand(ctx, inputs, options)));

  program
    .command('extract')
    .description('run the article pipeline without storing: one result per article (JSON Lines with --json)')
    .argument('<inputs...>', 'paths, http(s) URLs, or - for standard input')
    .option('--format <format>', 'jsonl: read the files (or standard input) as JSON Lines, one article a line (default: by extension)')
    .option('--url <url>', 'the address of a single text or HTML document')
    .option('--outlet <name>', 'the outlet of a single text or HTML document')
    .option('--published <date>', 'the publication time of a single text or HTML document, e.g. 2016-09-05T14:12Z')
    .option('--json', 'print JSON Lines')
    .action((inputs: string[], options) => run(program, async (ctx) => (await ingestModule()).extractCommand(ctx, inputs, options)));

  program
    .command('search')
    .description('matching articles, best first')
    .argument('<query...>', 'words to search for, e.g. syria or "putin obama"')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many articles', '20')
    .action((words: string[], options) => run(program, async (ctx) => await (await import('./cli/search.ts')).searchCommand(ctx, words, options)));

  program
    .command('summary')
    .description('the digest that /summary would send')
    .argument('[topic...]', 'topic words, e.g. syria; none for top stories')
    .option('--since <window>', 'time window: 24h, 7d, 90m, 2w or a date (default: the 24h /summary uses)')
    .option('--json', 'print JSON')
    .action((words: string[], options) => run(program, async (ctx) => (await digestModule()).summaryCommand(ctx, words, options)));

  program
    .command('ask')
    .description('the answer a follow-up question would get, with sources')
    .argument('<question>', 'e.g. "What did Obama say about sanctions?"')
    .option('--topic <topic>', 'answer from this topic\'s stories')
    .option('--since <window>', 'how far back to look first (default: the 7d a question in the chat uses)')
    .option('--json', 'print JSON')
    .action((question: string, options) => run(program, async (ctx) => (await digestModule()).askCommand(ctx, question, options)));

  program
    .command('stories')
    .description('stored stories (one event, several articles and outlets), latest first, with their articles')
    .option('--since <window>', 'stories with an article in this window: 24h, 7d, 2w or a date', '7d')
    .option('--topic <topic>', 'only stories with an article about this topic')
    .option('--limit <n>', 'at most this many stories', '200')
    .option('--json', 'print JSON: {stories: [{id, title, first, last, outlets, articles}]}')
    .action((options) => run(program, async (ctx) => await (await import('./cli/stories.ts')).storiesCommand(ctx, options)));

  program
    .command('fetch')
    .description('poll all configured sources once')
    .option('--json', 'print the totals as JSON')
    .action((options) => run(program, async (ctx) => (await sourcesModule()).fetchCommand(ctx, options)));

  program
    .command('deliver')
    .description('run the daily-digest job once: send the digests that are due, resume the outbox (--now: everyone is due)')
    .option('--now', 'everyone is due now')
    .option('--json', 'print the counts as JSON')
    .action((options) => run(program, async (ctx) => (await import('./cli/deliver.ts')).deliverCommand(ctx, options), { bot: true }));

  program
    .command('prune')
    .description('delete what the RETENTION_* settings no longer keep (serve does it daily)')
    .option('--vacuum', 'also rewrite the file with incremental auto-vacuum (once, for an older database; stop serve first)')
    .option('--json', 'print the counts as JSON')
    .action((options) => run(program, async (ctx) => (await import('./cli/prune.ts')).pruneCommand(ctx, options)));

  program
    .command('backup')
    .description('copy the database to a new file while serve keeps running (SQLite online backup)')
    .argument('<path>', 'the new file, e.g. backups/news-digest-2026-12-05.db')
    .option('--json', 'print {path, bytes, articles} as JSON')
    .action((path: string, options) => run(program, async (ctx) => (await import('./cli/backup.ts')).backupCommand(ctx, path, options)));

  const sources = program.command('sources').description('manage news sources: list, add, remove, enable, disable, import (OPML)');
  sources
    .command('list')
    .description('the sources in use, with their fetch state')
    .option('--json', 'print JSON')
    .action((options) => run(program, async (ctx) => await (await sourcesModule()).sourcesListCommand(ctx, options)));
  sources
    .command('add')
    .description('add a feed or page source (fetched once to check it)')
    .argument('<url>', 'feed or page URL')
    .option('--name <name>', 'display name (default: the feed title)')
    .option('--kind <kind>', 'feed or page (default: detected)')
    .option('--no-check', 'save without fetching it first')
    .action((url: string, options) => run(program, async (ctx) => (await sourcesModule()).sourcesAddCommand(ctx, url, options)));
  sources
    .command('remove')
    .description('remove a source by id or URL')
    .argument('<id-or-url>')
    .action((idOrUrl: string) => run(program, async (ctx) => await (await sourcesModule()).sourcesRemoveCommand(ctx, idOrUrl)));
  sources
    .command('enable')
    .description('fetch a disabled source again, by id or URL')
    .argument('<id-or-url>')
    .action((idOrUrl: string) => run(program, async (ctx) => await (await sourcesModule()).sourcesEnableCommand(ctx, idOrUrl, true)));
  sources
    .command('disable')
    .description('stop fetching a source but keep it, by id or URL')
    .argument('<id-or-url>')
    .action((idOrUrl: string) => run(program, async (ctx) => await (await sourcesModule()).sourcesEnableCommand(ctx, idOrUrl, false)));
  sources
    .command('import')
    .description('add every feed of an OPML file')
    .argument('<file>', 'OPML file')
    .action((file: string) => run(program, async (ctx) => (await sourcesModule()).sourcesImportCommand(ctx, file)));

  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed the help text, or what is wrong with the command line.
      process.exitCode = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    } else {
      // Scrubbed: an error from the Bot API client names its URL, bot token included.
      process.stderr.write(`news-digest: ${describeError(error)}\n`);
      process.exitCode = error instanceof ConfigError || error instanceof UsageError ? EXIT.usage : EXIT.failure;
    }
  }
}

exitOnUncaughtErrors();
// A reader that has seen enough (`news-digest sources list | head -1`) closes the pipe: stop
// quietly, as other command-line tools do, instead of an EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
});
await main(process.argv.slice(2));
