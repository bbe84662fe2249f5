// `summary` and `ask`: the digest and follow-up answers from the terminal.
import { createServices } from '../app/index.ts';
import { quotesNotRepeating } from '../digest/compose.ts';
import { renderJson, renderText, sourceLine } from '../digest/render.ts';
import { windowStart } from '../digest/window.ts';
import type { Answer } from '../model/answer.ts';
import { createSummarizer } from '../llm/summarizer.ts';
import { UserError, type CliContext } from './context.ts';
import { printJsonLine, printLine } from './format.ts';

function since(spec: string, now: Date): Date {
  try {
    return windowStart(spec, now);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

export async function summaryCommand(ctx: CliContext, words: string[], options: { since?: string; json?: boolean }): Promise<number> {
  const now = new Date();
  const summarizer = createSummarizer({ llm: ctx.config.llm, store: await ctx.store(), log: ctx.log });
  // The same service and defaults as the bot's /summary: the same stories for the same request.
  const { digests } = createServices({ store: await ctx.store(), summarizer, now: () => now });
  const digest = await digests
    .onDemand({ topic: words.join(' '), ...(options.since ? { since: since(options.since, now) } : {}) })
    .finally(() => summarizer.close());
  process.stdout.write(options.json ? `${renderJson(digest)}\n` : renderText(digest));
  return 0;
}

function printAnswer(answer: Answer, now: Date): void {
  if (!answer.found) {
    printLine(answer.answer);
    if (answer.related.length) {
      printLine('Related stories:');
      for (const s of answer.related) printLine(`  - ${s.title} (${sourceLine(s, now)})`);
    }
    return;
  }
  if (answer.sentences.length) {
    for (const s of answer.sentences) {
      printLine(`${s.text}${s.speaker ? ` — ${s.speaker}` : ''}`);
      printLine(`  (${sourceLine(s.source, now)})`);
    }
  } else {
    printLine(answer.answer);
    if (answer.sources.length) {
      printLine('Sources:');
      for (const s of answer.sources) printLine(`  - ${sourceLine(s, now)}`);
    }
  }
  // A quote the answer's own sentence already holds is not listed again below it.
  const quotes = quotesNotRepeating(answer.quotes, answer.sentences.map((s) => s.text));
  if (quotes.length) {
    printLine('Quotes:');
    for (const quote of quotes) printLine(`  “${quote.text}” — ${quote.speaker ?? 'unattributed'}`);
  }
  if (answer.age) printLine(answer.age);
}

export async function askCommand(ctx: CliContext, question: string, options: { topic?: string; since?: string; json?: boolean }): Promise<number> {
  if (!question.trim()) throw new UserError('ask needs a question, e.g. news-digest ask "What did Obama say about sanctions?"');
  const now = new Date();
  const summarizer = createSummarizer({ llm: ctx.config.llm, store: await ctx.store(), log: ctx.log });
  const { answers } = createServices({ store: await ctx.store(), summarizer, now: () => now });
  const answer = await answers
    .answer({ question, topic: options.topic ?? null, ...(options.since ? { since: since(options.since, now) } : {}) })
    .finally(() => summarizer.close());
  if (options.json) {
    const { question: asked, found, answer: text, sentences, quotes, sources, related, searched, age } = answer;
    printJsonLine({ question: asked, found, answer: text, sentences, quotes, sources, related, searched, ...(age ? { age } : {}) });
    return 0;
  }
  printAnswer(answer, now);
  return 0;
}
