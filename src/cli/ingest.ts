// `ingest` and `extract`: the article pipeline from the terminal.
import { analyseArticle } from '../nlp/analyse.ts';
import { ingestInputs, readInputs } from '../ingest/pipeline.ts';
import { fetchOptionsOf, type CliContext } from './context.ts';
import { formatTime, printJsonLine, printLine } from './format.ts';

export async function ingestCommand(ctx: CliContext, inputs: string[], options: { json?: boolean }): Promise<number> {
  const counts = await ingestInputs(inputs, {
    store: ctx.store(),
    log: ctx.log,
    fetchOptions: fetchOptionsOf(ctx.config),
    ...(ctx.config.INGEST_WORKERS !== undefined ? { workers: ctx.config.INGEST_WORKERS } : {}),
  });
  if (options.json) {
    printJsonLine(counts);
  } else {
    printLine(`new: ${counts.new}, duplicate: ${counts.duplicate}, near-duplicate: ${counts.nearDuplicate}, failed: ${counts.failed.length}`);
    for (const failure of counts.failed) printLine(`  failed: ${failure.input}: ${failure.reason}`);
  }
  // Partial success is still success; only "nothing could be read" is a failure.
  return counts.failed.length && counts.new + counts.duplicate + counts.nearDuplicate === 0 ? 1 : 0;
}

export async function extractCommand(ctx: CliContext, inputs: string[], options: { json?: boolean }): Promise<number> {
  let failures = 0;
  let successes = 0;
  for await (const document of readInputs(inputs, fetchOptionsOf(ctx.config))) {
    if (document.error) {
      failures++;
      if (options.json) printJsonLine({ input: document.input, ok: false, error: document.error });
      else process.stderr.write(`${document.input}: ${document.error}\n`);
      continue;
    }
    for (const draft of document.drafts) {
      successes++;
      const analysis = analyseArticle(draft);
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
  return failures && !successes ? 1 : 0;
}
