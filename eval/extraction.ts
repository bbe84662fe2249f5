// Extraction eval on the Zyte article-extraction-benchmark (181 pages), scored as the
// benchmark scores (see eval/shingle-score.ts). Both rows of ours go through the code a user's
// file takes: each page is written to a temp file (page.html, page.txt) and read back with
// readInputs, the reader behind `news-digest extract` (`ingest` prepares the same drafts with
// documentToDrafts, in its workers). The score is the draft's text, as `extract` prints it.
// The whole-page texts are split in two halves by a hash of the page id: rules are tuned on
// the tuning half only; the validation half says whether they generalise.
// A last table checks that cleaning keeps plain articles whole: the 924 PolNeAR train+dev texts
// through the same path, share of their word tokens kept in title, sub-headings and text.
// Run: npm run eval:extraction   (EVAL_DATA_DIR overrides ../shared/eval)
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { readInputs } from '../src/ingest/pipeline.ts';
import type { ArticleDraft } from '../src/model.ts';
import { aggregate, matchShingles, pageF1, tokenize, type Score, type ShingleCounts } from './shingle-score.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(projectRoot, process.env.EVAL_DATA_DIR ?? '../shared/eval');
const extractionDir = resolve(dataDir, 'extraction');

type Bodies = Map<string, string>;

/** Benchmark JSON files are `{id: {articleBody}}`, some wrapped in `{output: ...}`. */
function loadBodies(file: string): Bodies {
  const json = JSON.parse(readFileSync(resolve(extractionDir, file), 'utf8')) as Record<string, unknown>;
  const items = (json.output ?? json) as Record<string, { articleBody?: string }>;
  return new Map(Object.entries(items).map(([id, item]) => [id, item.articleBody ?? '']));
}

/** Tuning or validation half of the pages, fixed by a hash of the page id (no page is chosen by hand). */
export function halfOf(id: string): 'tuning' | 'validation' {
  return createHash('sha256').update(`split:${id}`).digest()[0]! % 2 === 0 ? 'tuning' : 'validation';
}

/**
 * Runs documents through the product path: each is written to a temp file named `<id><ext>`
 * and read back with readInputs, as `news-digest extract <file>` does. Returns the drafts per id.
 */
async function throughProductPath(documents: Map<string, Uint8Array | string>, extension: string): Promise<{ drafts: Map<string, ArticleDraft>; errors: string[]; seconds: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'eval-extraction-'));
  try {
    const paths = new Map<string, string>();
    for (const [id, body] of documents) {
      const path = join(folder, `${id}${extension}`);
      writeFileSync(path, body);
      paths.set(path, id);
    }
    const drafts = new Map<string, ArticleDraft>();
    const errors: string[] = [];
    const started = performance.now();
    for await (const result of readInputs([...paths.keys()], {})) {
      const id = paths.get(result.input)!;
      if (result.error !== undefined || result.drafts.length !== 1) errors.push(`${id}: ${result.error ?? `${result.drafts.length} drafts`}`);
      if (result.drafts[0]) drafts.set(id, result.drafts[0]);
    }
    return { drafts, errors, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function perPage(truth: Bodies, predicted: Bodies, ids: Iterable<string> = truth.keys()): Map<string, ShingleCounts> {
  return new Map([...ids].map((id) => [id, matchShingles(truth.get(id) ?? '', predicted.get(id) ?? '')] as const));
}

const score = (counts: Map<string, ShingleCounts>): Score => aggregate([...counts.values()]);
const textsOf = (drafts: Map<string, ArticleDraft>): Bodies => new Map([...drafts].map(([id, draft]) => [id, draft.text]));

const pad = (s: string, n: number): string => s.padEnd(n);
function printTable(title: string, rows: Array<[string, Score, string?]>): void {
  console.log(`\n${title}\n${pad('system', 44)} ${pad('F1', 7)} ${pad('P', 7)} ${pad('R', 7)} note`);
  for (const [name, s, note] of rows) {
    console.log(`${pad(name, 44)} ${pad(s.f1.toFixed(3), 7)} ${pad(s.precision.toFixed(3), 7)} ${pad(s.recall.toFixed(3), 7)} ${note ?? ''}`);
  }
}

function printWeakPages(label: string, counts: Map<string, ShingleCounts>, below: number): void {
  const weak = [...counts].map(([id, c]) => [id, pageF1(c)] as const).filter(([, f1]) => f1 < below).sort((a, b) => a[1] - b[1]);
  console.log(`\n${label}: pages below F1 ${below} (${weak.length}):`);
  for (const [id, f1] of weak) console.log(`  ${f1.toFixed(3)}  ${id}`);
}

/** Word tokens of `kept` found in `original`, as a share of the original's tokens (multisets). */
function tokenShareKept(original: string, kept: string): { kept: number; total: number } {
  const counts = new Map<string, number>();
  for (const token of tokenize(kept)) counts.set(token, (counts.get(token) ?? 0) + 1);
  let found = 0;
  const tokens = tokenize(original);
  for (const token of tokens) {
    const n = counts.get(token) ?? 0;
    if (n > 0) {
      found++;
      counts.set(token, n - 1);
    }
  }
  return { kept: found, total: tokens.length };
}

async function main(): Promise<void> {
  console.log(`data: ${dataDir}`);
  const truth = loadBodies('ground-truth.json');
  const ids = [...truth.keys()];
  const halves = { tuning: ids.filter((id) => halfOf(id) === 'tuning'), validation: ids.filter((id) => halfOf(id) === 'validation') };

  // HTML pages: path readInputs(page.html) -> documentToDrafts -> detectDocumentKind = html -> extractPage.
  const reference = score(perPage(truth, loadBodies('output/readability_js.json')));
  const scorerOk = Math.abs(reference.f1 - 0.947) < 0.0005;
  const pages = new Map(
    readdirSync(resolve(extractionDir, 'html'))
      .filter((name) => name.endsWith('.html.gz'))
      .map((name) => [name.slice(0, -'.html.gz'.length), gunzipSync(readFileSync(resolve(extractionDir, 'html', name)))] as const),
  );
  const html = await throughProductPath(pages, '.html');
  const htmlScored = perPage(truth, textsOf(html.drafts));
  printTable('HTML pages (181), path: readInputs(page.html) -> documentToDrafts -> extractPage; scored: draft.text', [
    ['readability_js (reference output)', reference, scorerOk ? 'scorer check OK: published 0.947' : 'SCORER MISMATCH: published 0.947'],
    ['ours', score(htmlScored), `${(pages.size / html.seconds).toFixed(1)} pages/s (read, decode, detect, extract)`],
  ]);

  // Whole-page texts: path readInputs(page.txt) -> documentToDrafts -> detectDocumentKind = text -> parseRawText.
  const wholeText = loadBodies('output/html-text.json');
  const raw = await throughProductPath(wholeText, '.txt');
  const rawScored = perPage(truth, textsOf(raw.drafts));
  const unchanged = perPage(truth, wholeText);
  const subset = (counts: Map<string, ShingleCounts>, half: string[]): Map<string, ShingleCounts> => new Map(half.map((id) => [id, counts.get(id)!]));
  printTable('Whole-page text (html-text.json), path: readInputs(page.txt) -> documentToDrafts -> parseRawText; scored: draft.text', [
    [`ours, tuning half (${halves.tuning.length} pages)`, score(subset(rawScored, halves.tuning))],
    [`ours, validation half (${halves.validation.length} pages)`, score(subset(rawScored, halves.validation))],
    [`ours, all ${ids.length} pages`, score(rawScored), `${(wholeText.size / raw.seconds).toFixed(0)} pages/s`],
    ['text unchanged, tuning half', score(subset(unchanged, halves.tuning))],
    ['text unchanged, validation half', score(subset(unchanged, halves.validation))],
    ['text unchanged, all pages', score(unchanged), 'published 0.665'],
  ]);

  // Plain articles must come through whole: PolNeAR texts have no page furniture at all.
  const polnear = new Map<string, string>();
  for (const split of ['train', 'dev']) {
    const folder = resolve(dataDir, 'polnear', split, 'text');
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.txt'))) polnear.set(`${split}-${name.slice(0, -4)}`, readFileSync(resolve(folder, name), 'utf8'));
  }
  if (polnear.size > 0) {
    const clean = await throughProductPath(polnear, '.txt');
    let kept = 0;
    let total = 0;
    const losses: Array<[string, number]> = [];
    for (const [id, text] of polnear) {
      const draft = clean.drafts.get(id);
      const share = tokenShareKept(text, draft ? [draft.title, ...(draft.subheadings ?? []), draft.text].join('\n') : '');
      kept += share.kept;
      total += share.total;
      if (share.kept < share.total) losses.push([id, share.kept / share.total]);
    }
    losses.sort((a, b) => a[1] - b[1]);
    console.log(`\nPlain articles (PolNeAR train+dev, ${polnear.size} texts), same path; kept = word tokens in title + sub-headings + text`);
    console.log(`  tokens kept: ${kept} of ${total} (${((100 * kept) / total).toFixed(2)}%); texts losing any token: ${losses.length}; below 95% kept: ${losses.filter(([, s]) => s < 0.95).length}`);
    for (const [id, s] of losses.slice(0, 10)) console.log(`    ${(100 * s).toFixed(1)}%  ${id}`);
    if (clean.errors.length > 0) console.log(`  errors (${clean.errors.length}):\n    ${clean.errors.join('\n    ')}`);
  }

  printWeakPages('HTML', htmlScored, 0.8);
  // Only the tuning half is listed page by page: the validation half is looked at as a score only.
  printWeakPages('whole-page text, tuning half', subset(rawScored, halves.tuning), 0.8);
  for (const [label, errors] of [['HTML', html.errors], ['whole-page text', raw.errors]] as const) {
    if (errors.length > 0) console.log(`\n${label} errors (${errors.length}):\n  ${errors.join('\n  ')}`);
  }
}

await main();
