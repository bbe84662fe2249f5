// Input tokens the LLM path sends per new article (one summary request each), counted with
// the o200k_base tokenizer over the very request the summarizer builds: system prompt, user
// prompt with the article trimmed to the token budget, message framing and the JSON schema.
//
//   npx tsx eval/llm-tokens.ts [--budget 3000]
//
// Reads the seed article (tests/fixtures) and the PolNeAR dev texts from EVAL_DATA_DIR
// (default ../shared/eval, relative to the project root).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRawText } from '../src/ingest/rawtext.ts';
import type { ArticleDraft } from '../src/model.ts';
import { countTokens } from '../src/llm/budget.ts';
import { loadPrompts } from '../src/llm/prompts.ts';
import { articleSummaryPrompt, DEFAULT_ARTICLE_TOKENS, promptTokens } from '../src/llm/requests.ts';
import { STORY_SUMMARY_FORMAT } from '../src/llm/schemas.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(root, process.env.EVAL_DATA_DIR ?? '../shared/eval');
const budgetArg = process.argv.indexOf('--budget');
const budget = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : DEFAULT_ARTICLE_TOKENS;
const prompts = loadPrompts();

function seedDraft(): ArticleDraft {
  const raw = readFileSync(join(root, 'tests/fixtures/rt-2016-09-05-putin-obama-syria.txt'), 'utf8');
  const parsed = parseRawText(raw);
  if (parsed.title && !parsed.text.startsWith('icon bookmark')) return parsed;
  // parseRawText not finished yet: site chrome, dateline, headline, body.
  const lines = raw.split('\n').filter((l, i) => i > 0 || !l.startsWith('icon bookmark'));
  const titleAt = lines.findIndex((l, i) => i > 0 && l.trim().length > 0 && !/^\d{1,2} \w{3}, \d{4}/.test(l.trim()));
  return { title: lines[titleAt]!.trim(), text: lines.slice(titleAt + 1).join('\n').trim() };
}

interface Measured {
  name: string;
  articleTokens: number;
  sent: number;
  trimmed: boolean;
}

function measure(name: string, draft: ArticleDraft, id: number): Measured {
  const prompt = articleSummaryPrompt(prompts, { id, title: draft.title, text: draft.text }, budget);
  const articleTokens = countTokens(draft.text);
  return { name, articleTokens, sent: promptTokens(prompt, STORY_SUMMARY_FORMAT), trimmed: articleTokens > budget };
}

function stats(label: string, rows: Measured[]): void {
  const sent = rows.map((r) => r.sent).sort((a, b) => a - b);
  const mid = sent.length % 2 ? sent[(sent.length - 1) / 2]! : Math.round((sent[sent.length / 2 - 1]! + sent[sent.length / 2]!) / 2);
  const total = sent.reduce((a, b) => a + b, 0);
  const article = rows.reduce((a, r) => a + r.articleTokens, 0);
  console.log(
    `${label.padEnd(22)} n=${String(rows.length).padStart(3)}  min ${String(sent[0]).padStart(5)}  median ${String(mid).padStart(5)}  max ${String(sent[sent.length - 1]).padStart(5)}  total ${String(total).padStart(7)}` +
      `  (article text ${article} tokens; ${rows.filter((r) => r.trimmed).length} trimmed to the budget)`,
  );
}

const empty = measure('empty', { title: '', text: '' }, 1);
console.log(`LLM input tokens per new article (o200k_base; article budget ${budget} tokens; prompt + framing + schema alone: ${empty.sent})`);

const seed = measure('seed', seedDraft(), 1);
stats('seed article', [seed]);

const polnearDir = join(evalDir, 'polnear/dev/text');
if (existsSync(polnearDir)) {
  const rows = readdirSync(polnearDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file, i) => {
      const raw = readFileSync(join(polnearDir, file), 'utf8').replace(/\r\n?/g, '\n');
      const [first, ...rest] = raw.split('\n');
      return measure(file, { title: (first ?? '').trim(), text: rest.join('\n').trim() }, 1000 + i);
    });
  stats('PolNeAR dev', rows);
} else {
  console.log(`PolNeAR dev texts not found in ${polnearDir} (set EVAL_DATA_DIR)`);
}
