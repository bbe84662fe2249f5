// `ingest` and `extract`: the article pipeline from the terminal.
import { statSync } from 'node:fs';
import type { DocumentHint } from '../ingest/document.ts';
import { isJsonlPath } from '../ingest/jsonl.ts';
import { toIsoUtc } from '../ingest/page.ts';
import { STDIN, ingestInputs, isUrl, readInputs, type InputOptions } from '../ingest/pipeline.ts';
import { analyseArticle } from '../nlp/analyse.ts';
import { AnalysisContext } from '../nlp/context.ts';
import { UsageError, exitCodeOf, type CliContext } from './context.ts';
import { formatTime, printJsonLine, printLine } from './format.ts';
import { isHttpUrl } from '../util/url.ts';

export interface InputFlags {
  format?: string;
  url?: string;
  outlet?: string;
  published?: string;
}

/** --format, --url, --outlet and --published checked against the inputs they go with. */
export function inputOptionsOf(inputs: string[], flags: InputFlags): InputOptions {
  if (flags.format !== undefined && flags.format !== 'jsonl' && flags.format !== 'auto') {
    throw new UsageError(`unknown --format "${flags.format}" (jsonl, or auto for detection)`);
  }
  const format = flags.format === 'jsonl' ? 'jsonl' : 'auto';
  if (inputs.filter((input) => input === STDIN).length > 1) throw new UsageError('standard input (-) can be read once');
  const options: InputOptions = { format };
  if (inputs.includes(STDIN)) options.stdin = process.stdin;
  if (flags.url === undefined && flags.outlet === undefined && flags.published === undefined) return options;

  // They describe one document: a folder, a feed's items or JSON Lines bring their own.
  const [input] = inputs;
  const single = inputs.length === 1 && input !== undefined && !isUrl(input) && format !== 'jsonl' && !isJsonlPath(input) && !isFolder(input);
  if (!single) throw new UsageError('--url, --outlet and --published go with a single text or HTML file (or - for standard input)');
  const hint: Pick<DocumentHint, 'url' | 'meta'> = {};
  const meta: NonNullable<DocumentHint['meta']> = {};
  if (flags.url !== undefined) {
    if (!isHttpUrl(flags.url)) throw new UsageError(`--url "${flags.url}" is not an http(s) URL`);
    hint.url = flags.url;
  }
  if (flags.outlet !== undefined) {
    if (!flags.outlet.trim()) throw new UsageError('--outlet is empty');
    meta.outlet = flags.outlet.trim();
  }
  if (flags.published !== undefined) {
    const published = toIsoUtc(flags.published);
    if (!published) throw new UsageError(`--published "${flags.published}" is not a date (e.g. 2016-09-05 or 2016-09-05T14:12Z)`);
    meta.published = published;
  }
  if (Object.keys(meta).length) hint.meta = meta;
  options.hint = hint;
  return options;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a missing file is reported by the ingest itself
  }
}

export async function ingestCommand(ctx: CliContext, inputs: string[], options: InputFlags & { json?: boolean }): Promise<number> {
  const inputOptions = inputOptionsOf(inputs, options);
  const counts = await ingestInputs(
    inputs,
    {
      store: await ctx.store(),
      log: ctx.log,
      fetchOptions: ctx.config.fetch.request,
      ...(ctx.config.fetch.ingestWorkers !== undefined ? { workers: ctx.config.fetch.ingestWorkers } : {}),
    },
    inputOptions,
  );
  if (options.json) {
    printJsonLine(counts);
  } else {
    printLine(`new: ${counts.new}, duplicate: ${counts.duplicate}, near-duplicate: ${counts.nearDuplicate}, failed: ${counts.failed.length}`);
    for (const failure of counts.failed) printLine(`  failed: ${failure.input}: ${failure.reason}`);
  }
  return exitCodeOf(counts.new + counts.duplicate + counts.nearDuplicate, counts.failed.length);
}

export async function extractCommand(ctx: CliContext, inputs: string[], options: InputFlags & { json?: boolean }): Promise<number> {
  const inputOptions = inputOptionsOf(inputs, options);
  let failures = 0;
  let successes = 0;
  const context = new AnalysisContext();
  for await (const document of readInputs(inputs, ctx.config.fetch.request, inputOptions)) {
    if (document.error) {
      failures++;
      if (options.json) printJsonLine({ input: document.input, ok: false, error: document.error });
      else process.stderr.write(`${document.input}: ${document.error}\n`);
      continue;
    }
    for (const draft of document.drafts) {
      successes++;
      const analysis = analyseArticle(draft, context);
      const quotes = analysis.quotes.map(({ text, speaker, cue, verified }) => ({ text, speaker, ...(cue ? { cue } : {}), verified }));
      if (options.json) {
        printJsonLine({
          input: document.input,
          ok: true,
          article: {
            url: draft.url,
            title: draft.title,
            published: draft.published,
            language: draft.language,
            outlet: draft.outlet,
            subheadings: draft.subheadings,
            text: draft.text,
            sentences: analysis.sentences,
            summary: analysis.summary,
            quotes,
          },
        });
        continue;
      }
      printLine(`# ${draft.title}`);
      const meta = [draft.outlet, formatTime(draft.published), draft.url, draft.language].filter(Boolean).join(' · ');
      if (meta) printLine(meta);
      printLine();
      printLine('Summary:');
      for (const sentence of analysis.summary) printLine(`  ${sentence}`);
      if (quotes.length) {
        printLine();
        printLine('Quotes:');
        for (const quote of quotes) printLine(`  “${quote.text}” — ${quote.speaker ?? 'unattributed'}`);
      }
      printLine();
      printLine(draft.text);
      printLine();
    }
  }
  return exitCodeOf(successes, failures);
}
