// Extraction eval on the Zyte article-extraction-benchmark (181 pages): our HTML pipeline
// and our raw-text cleaning, scored as the benchmark scores (see eval/shingle-score.ts).
// Run: npx tsx eval/extraction.ts   (EVAL_DATA_DIR overrides ../shared/eval)
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractPage } from '../src/ingest/page.ts';
import { cleanPageText } from '../src/ingest/rawtext.ts';
import { aggregate, matchShingles, pageF1, type Score, type ShingleCounts } from './shingle-score.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(projectRoot, process.env.EVAL_DATA_DIR ?? '../shared/eval', 'extraction');

type Bodies = Map<string, string>;

/** Benchmark JSON files are `{id: {articleBody}}`, some wrapped in `{output: ...}`. */
function loadBodies(file: string): Bodies {
  const json = JSON.parse(readFileSync(resolve(dataDir, file), 'utf8')) as Record<string, unknown>;
  const items = (json.output ?? json) as Record<string, { articleBody?: string }>;
  return new Map(Object.entries(items).map(([id, item]) => [id, item.articleBody ?? '']));
}

function scorePages(truth: Bodies, predicted: Bodies): { score: Score; perPage: Map<string, ShingleCounts> } {
  const perPage = new Map([...truth].map(([id, text]) => [id, matchShingles(text, predicted.get(id) ?? '')] as const));
  return { score: aggregate([...perPage.values()]), perPage };
}

const truth = loadBodies('ground-truth.json');
const rows: Array<[string, Score, string?]> = [];

const reference = scorePages(truth, loadBodies('output/readability_js.json')).score;
const scorerOk = Math.abs(reference.f1 - 0.947) < 0.0005;
rows.push(['readability_js (reference)', reference, scorerOk ? 'scorer check OK: published 0.947' : 'SCORER MISMATCH: published 0.947']);

// Ours on the HTML pages. Pages are read and gunzipped before the clock starts.
const pages = readdirSync(resolve(dataDir, 'html'))
  .filter((name) => name.endsWith('.html.gz'))
  .map((name) => [name.slice(0, -'.html.gz'.length), gunzipSync(readFileSync(resolve(dataDir, 'html', name))).toString('utf8')] as const);
const ours: Bodies = new Map();
const failures: string[] = [];
const started = performance.now();
for (const [id, html] of pages) {
  try {
    ours.set(id, extractPage(html).text);
  } catch (error) {
    failures.push(`${id}: ${(error as Error).message}`);
    ours.set(id, '');
  }
}
const seconds = (performance.now() - started) / 1000;
const oursScored = scorePages(truth, ours);
rows.push(['ours: extractPage on HTML', oursScored.score, `${(pages.length / seconds).toFixed(1)} pages/s`]);

const wholeText = loadBodies('output/html-text.json');
const cleaned: Bodies = new Map([...wholeText].map(([id, text]) => [id, cleanPageText(text)]));
rows.push(['ours: cleanPageText on html-text', scorePages(truth, cleaned).score]);
rows.push(['html-text unchanged', scorePages(truth, wholeText).score]);

const pad = (s: string, n: number): string => s.padEnd(n);
console.log(`data: ${dataDir}\n`);
console.log(`${pad('system', 36)} ${pad('F1', 7)} ${pad('P', 7)} ${pad('R', 7)} note`);
for (const [name, s, note] of rows) {
  console.log(`${pad(name, 36)} ${pad(s.f1.toFixed(3), 7)} ${pad(s.precision.toFixed(3), 7)} ${pad(s.recall.toFixed(3), 7)} ${note ?? ''}`);
}

const weak = [...oursScored.perPage].map(([id, c]) => [id, pageF1(c)] as const).filter(([, f1]) => f1 < 0.8).sort((a, b) => a[1] - b[1]);
console.log(`\nour pages below F1 0.8 (${weak.length}):`);
for (const [id, f1] of weak) console.log(`  ${f1.toFixed(3)}  ${id}`);
if (failures.length > 0) console.log(`\nextraction errors (${failures.length}):\n  ${failures.join('\n  ')}`);
