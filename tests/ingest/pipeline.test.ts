// Bulk ingest through worker threads must store exactly what a one-by-one, in-process ingest
// stores: same articles, same analysis, same duplicate and near-duplicate decisions, and a
// broken document fails alone.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInputs, type InputOptions } from '../../src/ingest/pipeline.ts';
import { createLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/index.ts';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');
const SEED = join(FIXTURES, 'rt-2016-09-05-putin-obama-syria.txt');
const log = createLogger({ level: 'silent' });
const fetchOptions = { timeoutMs: 1000, maxBytes: 1_000_000, userAgent: 'test' };

let dir: string;
let folder: string;
let jsonl: string;

/** A text of its own: 40 words drawn from the seed's vocabulary (seeded), so no two are near-duplicates. */
function filler(n: number, vocabulary: string[]): string {
  let state = n * 7919 + 17;
  const pick = () => vocabulary[(state = (state * 1103515245 + 12345) % 2147483648) % vocabulary.length]!;
  const sentence = () => Array.from({ length: 10 }, pick).join(' ');
  return [`Report ${n}: ${sentence()}`, '', ...Array.from({ length: 4 }, () => `${sentence()}.`)].join('\n');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nd-pipeline-'));
  folder = join(dir, 'in');
  const seed = readFileSync(SEED, 'utf8');
  const files: Record<string, string> = {
    '01-seed.txt': seed,
    // The same story republished with an edited headline and a dropped paragraph.
    '02-seed-edited.txt': seed.replace('Putin: Russia & US may reach agreement', 'Russia and US close to deal').replace(/\n[^\n]*Minsk[^\n]*\n/, '\n'),
    '03-seed-again.txt': seed,
    '04-empty.txt': '   \n',
  };
  const vocabulary = [...new Set(seed.toLowerCase().match(/[a-z]{4,}/g))];
  // Enough documents for a bulk ingest (worker threads start at 50).
  for (let n = 0; n < 50; n++) files[`5${String(n).padStart(2, '0')}-filler.txt`] = filler(n, vocabulary);
  mkdirSync(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  copyFileSync(join(FIXTURES, 'feeds', 'rss2.xml'), join(folder, '20-feed.xml'));
  copyFileSync(join(FIXTURES, 'pages', 'article.html'), join(folder, '21-page.html'));
  // A page late in the order, when one worker's queue is full and the writer takes documents too.
  writeFileSync(join(folder, '90-late-page.html'), `<!doctype html><html><head><title>Late report</title></head><body><article><h1>Late report</h1>${filler(90, vocabulary).split('\n').filter(Boolean).map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);

  // JSON Lines: enough articles for workers, a broken line, a line without a body, a blank line.
  const lines = Array.from({ length: 55 }, (_, n) =>
    JSON.stringify({ url: `https://wire.example/${n}`, title: `Wire report ${n}`, outlet: 'Wire', published: `2026-01-${String((n % 28) + 1).padStart(2, '0')}`, text: filler(100 + n, vocabulary) }),
  );
  lines.splice(10, 0, '{"title": "cut off', JSON.stringify({ title: 'no body' }), '');
  jsonl = join(dir, 'articles.jsonl');
  writeFileSync(jsonl, `${lines.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let runs = 0;

/** Ingests the folder (or other inputs) into a fresh database. */
async function ingestWith(workers: number, inputs = [folder], options: InputOptions = {}) {
  const store = await openStore(join(dir, `run-${++runs}.db`));
  try {
    const counts = await ingestInputs(inputs, { store, log, fetchOptions, workers }, options);
    const rows = (await store.articles.recent({ limit: 100 })).sort((a, b) => a.id - b.id);
    return {
      counts,
      rows: rows.map((a) => ({ title: a.title, url: a.url, outlet: a.outlet, published: a.published, nearDuplicateOf: a.nearDuplicateOf, analysis: a.analysis, fingerprint: a.fingerprint })),
    };
  } finally {
    await store.close();
  }
}

describe('ingestInputs', () => {
  it('stores the same articles, analyses and duplicate links with worker threads as in-process', async () => {
    const inProcess = await ingestWith(0);
    const pooled = await ingestWith(2);
    expect(pooled.counts).toEqual(inProcess.counts);
    expect(pooled.rows).toEqual(inProcess.rows);
  }, 60_000);

  it('stores the same with one worker, where the writer prepares the documents the worker has no room for', async () => {
    const inProcess = await ingestWith(0);
    const oneWorker = await ingestWith(1);
    expect(oneWorker.counts).toEqual(inProcess.counts);
    expect(oneWorker.rows).toEqual(inProcess.rows);
    expect(oneWorker.rows.at(-1)?.title).toBe('Late report');
  }, 60_000);

  it('counts duplicates, near-duplicates and the one broken file, which fails alone', async () => {
    const { counts, rows } = await ingestWith(2);
    expect(counts.duplicate).toBe(1);
    expect(counts.nearDuplicate).toBe(1);
    expect(counts.failed).toEqual([{ input: join(folder, '04-empty.txt'), reason: 'empty document' }]);
    // 50 fillers, the seed, its edited copy (linked), the feed's items and the page
    expect(counts.new).toBeGreaterThanOrEqual(53);
    const edited = rows.find((r) => r.title.startsWith('Russia and US close to deal'));
    const original = rows.findIndex((r) => r.title.startsWith('Putin: Russia & US'));
    expect(edited?.nearDuplicateOf).toBe(original + 1);
    expect(rows.every((r) => r.analysis !== null)).toBe(true);
    // Every article has a summary but the feed teaser whose one sentence restates its headline.
    expect(rows.filter((r) => !r.analysis?.summary.length).map((r) => r.title)).toEqual(['Summit ends without a joint statement']);
  }, 60_000);

  it('stores each JSON Lines line as an article, the same with workers as in-process; bad lines fail alone with their line number', async () => {
    const inProcess = await ingestWith(0, [jsonl]);
    const pooled = await ingestWith(2, [jsonl]);
    expect(pooled).toEqual(inProcess);
    expect(pooled.counts.new).toBe(55);
    expect(pooled.counts.failed).toEqual([
      { input: `${jsonl}:11`, reason: expect.stringMatching(/^not JSON/) },
      { input: `${jsonl}:12`, reason: 'no "text" or "html" to read' },
    ]);
    expect(pooled.rows[0]).toMatchObject({ title: 'Wire report 0', url: 'https://wire.example/0', outlet: 'Wire', published: '2026-01-01T00:00:00.000Z' });
  }, 60_000);

  it('reads JSON Lines from standard input, and one document with the given URL, outlet and time', async () => {
    const fromStdin = await ingestWith(0, ['-'], { format: 'jsonl', stdin: Readable.from([readFileSync(jsonl)]) });
    expect(fromStdin.counts.new).toBe(55);
    expect(fromStdin.counts.failed.map((f) => f.input)).toEqual(['stdin:11', 'stdin:12']);

    const hint = { url: 'https://rt.example/putin-obama', meta: { outlet: 'RT', published: '2016-09-05T14:12:00.000Z' } };
    const single = await ingestWith(0, [SEED], { hint });
    expect(single.rows).toEqual([expect.objectContaining({ url: 'https://rt.example/putin-obama', outlet: 'RT', published: '2016-09-05T14:12:00.000Z' })]);
    const piped = await ingestWith(0, ['-'], { hint, stdin: Readable.from([readFileSync(SEED)]) });
    expect(piped.rows).toEqual(single.rows);
  }, 60_000);
});
