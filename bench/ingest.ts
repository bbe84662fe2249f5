// Ingest speed: articles/s through the whole pipeline, as `news-digest ingest <folder>` runs it
// (read the file, decode, detect, parse/extract, clean, analyse, dedup, store, FTS index),
// into a fresh SQLite file per iteration, with one worker thread per core as the CLI runs a
// bulk ingest (the pool is the process's shared one: warm after tinybench's warm-up runs), and
// in-process for context.
//   - raw text: PolNeAR train texts (polnear/train/text/*.txt, 840 articles)
//   - HTML: the 181 pages of the Zyte extraction benchmark (gunzipped once into a temp folder)
//   - beside it, in the same run: Mozilla Readability over jsdom alone on the same pages (the
//     target is a ratio to it), and Readability over linkedom alone for context.
// Extraction F1 of the HTML pipeline is scored with eval/shingle-score.ts on the same pages.
// Run: npx tsx bench/ingest.ts   (BENCH_QUICK=1 for a short check)
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { Bench } from 'tinybench';
import { scoreAll } from '../eval/shingle-score.ts';
import { ingestInputs, readInputs } from '../src/ingest/pipeline.ts';
import { defaultWorkerCount } from '../src/ingest/worker-pool.ts';
import { createLogger } from '../src/log.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { DATA_DIR, QUICK, fmt, isMain, load1, machineLine, percentile, printTable, samplesOf, saveTables, type Table } from './common.ts';

const TEXT_TARGET = 500;
const HTML_RATIO_TARGET = 8;
const F1_TARGET = 0.96;

const log = createLogger({ level: 'silent' });
/** As `news-digest ingest` runs a bulk ingest: one worker thread per core (plain texts: all but one, and the writer). */
const WORKERS = defaultWorkerCount();
/**
 * Warm-up iterations before the timed ones: the first starts the workers (loading the modules),
 * and the second pass still runs partly unoptimised code in them.
 */
const WARMUP = QUICK ? 1 : 2;
const fetchOptions = { timeoutMs: 1000, maxBytes: 10_000_000, userAgent: 'bench' };

interface Corpus {
  /** What ingestInputs is given: the folder, or (quick mode) a list of files. */
  inputs: string[];
  count: number;
}

function textCorpus(): Corpus {
  const folder = resolve(DATA_DIR, 'polnear', 'train', 'text');
  const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
  if (QUICK) return { inputs: files.slice(0, 150).map((f) => join(folder, f)), count: 150 };
  return { inputs: [folder], count: files.length };
}

/** Gunzips the benchmark pages into `<tmp>/<id>.html` (untimed: the pipeline reads .html files). */
function htmlCorpus(work: string): { corpus: Corpus; pages: { id: string; file: string }[] } {
  const source = resolve(DATA_DIR, 'extraction', 'html');
  const folder = join(work, 'html');
  mkdirSync(folder, { recursive: true });
  let names = readdirSync(source).filter((n) => n.endsWith('.html.gz')).sort();
  if (QUICK) names = names.slice(0, 40);
  const pages = names.map((name) => {
    const id = name.slice(0, -'.html.gz'.length);
    const file = join(folder, `${id}.html`);
    writeFileSync(file, gunzipSync(readFileSync(join(source, name))));
    return { id, file };
  });
  return { corpus: { inputs: [folder], count: pages.length }, pages };
}

function loadTruth(): Map<string, string> {
  const json = JSON.parse(readFileSync(resolve(DATA_DIR, 'extraction', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  return new Map(Object.entries(json).map(([id, item]) => [id, item.articleBody ?? '']));
}

/** Ingest of a corpus into a fresh database file per iteration; returns per-iteration seconds. */
async function pipelineRuns(name: string, corpus: Corpus, work: string, iterations: number, workers: number): Promise<{ seconds: number[]; failed: number; stored: number }> {
  let store: Store | undefined;
  let dbDir = '';
  let failed = 0;
  let stored = 0;
  const bench = new Bench({ iterations, time: 0, warmupIterations: WARMUP, warmupTime: 0, retainSamples: true, throws: true });
  bench.add(
    name,
    async () => {
      const counts = await ingestInputs(corpus.inputs, { store: store!, log, fetchOptions, workers });
      failed = counts.failed.length;
      stored = counts.new + counts.nearDuplicate;
    },
    {
      async beforeEach() {
        dbDir = mkdtempSync(join(work, 'db-'));
        store = await openStore(join(dbDir, 'news.db'));
      },
      async afterEach() {
        await store?.close();
        rmSync(dbDir, { recursive: true, force: true });
      },
    },
  );
  await bench.run();
  return { seconds: samplesOf(bench.tasks[0]!).map((ms) => ms / 1000), failed, stored };
}

/** Readability over a DOM package, alone: parse + Readability, nothing stored. */
function readabilityPass(pages: { id: string; file: string }[], dom: 'jsdom' | 'linkedom'): { seconds: number; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  const virtualConsole = new VirtualConsole(); // jsdom's CSS parse errors stay quiet
  const started = performance.now();
  for (const page of pages) {
    const html = readFileSync(page.file, 'utf8');
    let document: unknown;
    let close = (): void => {};
    if (dom === 'jsdom') {
      const window = new JSDOM(html, { virtualConsole }).window;
      document = window.document;
      close = () => window.close();
    } else {
      document = parseHTML(html).document;
    }
    try {
      const parsed = new Readability(document as Document).parse();
      texts.set(page.id, parsed?.textContent ?? '');
    } catch {
      texts.set(page.id, '');
    }
    close();
  }
  return { seconds: (performance.now() - started) / 1000, texts };
}

export async function runIngestBench(): Promise<Table[]> {
  const work = mkdtempSync(join(tmpdir(), 'news-digest-bench-ingest-'));
  try {
    const tables: Table[] = [];
    const loadStart = load1();
    const iterations = QUICK ? 1 : 7;

    // ---- raw text ----
    const text = textCorpus();
    const textRuns = await pipelineRuns('ingest raw text', text, work, iterations, WORKERS);
    const textRates = textRuns.seconds.map((s) => text.count / s);
    const textSerial = await pipelineRuns('ingest raw text, in-process', text, work, QUICK ? 1 : 3, 0);
    const textSerialRate = percentile(textSerial.seconds.map((s) => text.count / s), 50);
    tables.push({
      title: `Ingest, raw text: ${text.count} PolNeAR train articles per iteration, ${iterations} iterations after ${WARMUP} warm-up (tinybench), fresh SQLite file each`,
      rows: [
        {
          what: `raw text: whole pipeline (read, parse, clean, analyse, store, index), ${Math.max(1, WORKERS - 1)} worker thread${WORKERS > 2 ? 's' : ''} + the writer`,
          median: `${fmt(percentile(textRates, 50), 0)} articles/s`,
          p95: `${fmt(percentile(textRuns.seconds.map((s) => (s * 1000) / text.count), 95), 2)} ms/article`,
          target: `>= ${TEXT_TARGET} articles/s`,
          met: percentile(textRates, 50) >= TEXT_TARGET,
          note: `median ${fmt((percentile(textRuns.seconds, 50) * 1000) / text.count, 2)} ms/article; ${textRuns.stored} stored, ${textRuns.failed} failed`,
        },
        {
          what: 'raw text: the same, in-process (no worker threads; context)',
          median: `${fmt(textSerialRate, 0)} articles/s`,
          note: `${textSerial.seconds.length} iterations after ${WARMUP} warm-up`,
        },
      ],
      load: [loadStart, load1()],
    });
    printTable(tables[0]!);

    // ---- HTML ----
    const loadHtml = load1();
    const { corpus: html, pages } = htmlCorpus(work);
    const htmlRuns = await pipelineRuns('ingest HTML', html, work, QUICK ? 1 : 3, WORKERS);
    const htmlRates = htmlRuns.seconds.map((s) => html.count / s);
    const htmlSerial = await pipelineRuns('ingest HTML, in-process', html, work, QUICK ? 1 : 2, 0);
    const htmlSerialRate = percentile(htmlSerial.seconds.map((s) => html.count / s), 50);

    // Extraction quality of the same pipeline on the same pages (untimed pass, same code path).
    const truth = loadTruth();
    const subsetTruth = new Map(pages.map((p) => [p.id, truth.get(p.id) ?? '']));
    const ours = new Map<string, string>();
    for await (const document of readInputs(html.inputs, fetchOptions)) {
      const id = document.input.replace(/^.*\//, '').replace(/\.html$/, '');
      ours.set(id, document.drafts.map((d) => d.text).join('\n\n'));
    }
    const oursF1 = scoreAll(subsetTruth, ours);

    // Readability + linkedom alone (context), then + jsdom alone (the baseline of the target).
    readabilityPass(pages.slice(0, 10), 'linkedom'); // warm-up
    const linkedomPasses = Array.from({ length: QUICK ? 1 : 2 }, () => readabilityPass(pages, 'linkedom'));
    const linkedomRate = percentile(linkedomPasses.map((p) => pages.length / p.seconds), 50);
    readabilityPass(pages.slice(0, QUICK ? 3 : 15), 'jsdom'); // warm-up
    const jsdomPasses = Array.from({ length: Number(process.env.BENCH_JSDOM_PASSES ?? 1) }, () => readabilityPass(pages, 'jsdom'));
    const jsdomRate = percentile(jsdomPasses.map((p) => pages.length / p.seconds), 50);
    const jsdomF1 = scoreAll(subsetTruth, jsdomPasses[0]!.texts);
    const ratio = percentile(htmlRates, 50) / jsdomRate;

    tables.push({
      title: `Ingest, HTML: the ${pages.length} extraction-benchmark pages per iteration; pipeline ${htmlRuns.seconds.length} iterations after ${WARMUP} warm-up (tinybench); Readability+jsdom ${jsdomPasses.length} pass(es) after a warm-up`,
      rows: [
        {
          what: `HTML: whole pipeline (read, decode, extract, clean, analyse, store, index), ${WORKERS} worker threads`,
          median: `${fmt(percentile(htmlRates, 50), 1)} pages/s`,
          p95: `${fmt(percentile(htmlRuns.seconds.map((s) => (s * 1000) / html.count), 95), 1)} ms/page`,
          note: `${htmlRuns.stored} stored, ${htmlRuns.failed} without article content`,
        },
        {
          what: 'HTML: the same, in-process (no worker threads; context)',
          median: `${fmt(htmlSerialRate, 1)} pages/s`,
          note: `${fmt(htmlSerialRate / jsdomRate, 1)}x Readability+jsdom`,
        },
        { what: 'Readability + jsdom alone (parse + Readability)', median: `${fmt(jsdomRate, 1)} pages/s`, note: `extraction F1 ${fmt(jsdomF1.f1, 3)}` },
        { what: 'Readability + linkedom alone (context)', median: `${fmt(linkedomRate, 1)} pages/s`, note: `${fmt(linkedomRate / jsdomRate, 1)}x Readability+jsdom` },
        { what: 'HTML pipeline / Readability+jsdom', median: `${fmt(ratio, 1)}x`, target: `>= ${HTML_RATIO_TARGET}x`, met: ratio >= HTML_RATIO_TARGET },
        {
          what: 'HTML pipeline extraction F1 (4-word shingles)',
          median: fmt(oursF1.f1, 3),
          target: `>= ${F1_TARGET}`,
          met: oursF1.f1 >= F1_TARGET,
          note: `P ${fmt(oursF1.precision, 3)} R ${fmt(oursF1.recall, 3)}`,
        },
      ],
      load: [loadHtml, load1()],
    });
    printTable(tables[1]!);
    return tables;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  console.log(machineLine());
  const tables = await runIngestBench();
  saveTables('ingest', tables);
}
