// The article pipeline shared by `ingest`, `extract` and the fetcher: read a file, folder,
// URL, JSON Lines or standard input, turn each document into article drafts, analyse them, and (for ingest) store them.
import { createReadStream, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FetchConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ArticleDraft } from '../model.ts';
import { AnalysisContext } from '../nlp/context.ts';
import type { InsertResult, Store } from '../store/index.ts';
import { decodeBody } from './charset.ts';
import { documentKind, documentToDrafts, withOutletName, type DocumentHint } from './document.ts';
import { pollSources, type PollOptions, type PollReport } from './fetcher.ts';
import { DEFAULT_MAX_BYTES, fetchUrl, type FetchOptions } from './http.ts';
import type { DocumentSource, JobRunner } from './jobs.ts';
import type { Metrics } from '../util/metrics.ts';
import { isJsonlPath, documentFromJsonlLine, numberedLines } from './jsonl.ts';
import { prepareArticle, prepareDocument, storable, type PreparedArticle, type StorableArticle } from './prepare.ts';
import { PreparePool, TASKS_PER_WORKER, defaultWorkerCount, sharedPreparePool } from './worker-pool.ts';

export interface IngestCounts {
  new: number;
  duplicate: number;
  nearDuplicate: number;
  failed: { input: string; reason: string }[];
}

export interface DocumentResult {
  input: string;
  drafts: ArticleDraft[];
  error?: string;
}

/**
 * One document to prepare: a URL to fetch, a file to read (a worker reads it itself), bytes
 * already in hand (a JSON Lines line, standard input), or why there is nothing to read.
 */
type InputItem =
  | { input: string; error: string }
  | { input: string; url: string }
  | { input: string; path: string; hint: DocumentHint }
  | { input: string; body: Uint8Array; hint: DocumentHint };

/** One document's bytes as read, or why it could not be read. */
type RawDocument = { input: string; body: Uint8Array; hint: DocumentHint; error?: undefined } | { input: string; error: string };

const DOCUMENT_FILE = /\.(txt|text|html?|xhtml|xml|rss|atom|json|jsonl|ndjson)$/i;
/** The input that means standard input. */
export const STDIN = '-';
/**
 * Below this many documents an ingest runs in-process: starting a worker costs about half a
 * second of CPU (loading the modules), more than a few dozen articles' analysis.
 */
const MIN_DOCUMENTS_FOR_WORKERS = 50;
/** Documents stored per write transaction in a bulk ingest. */
export const STORE_BATCH = 32;

export interface InputOptions {
  /** 'jsonl': every file (and standard input) is JSON Lines; default 'auto': by extension, stdin as one document. */
  format?: 'auto' | 'jsonl';
  /** Given for a single text or HTML document (--url, --outlet, --published). */
  hint?: Pick<DocumentHint, 'url' | 'meta'>;
  /** Read for the input "-". */
  stdin?: AsyncIterable<Uint8Array>;
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

async function listDocumentFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listDocumentFiles(path)));
    else if (entry.isFile() && DOCUMENT_FILE.test(entry.name)) files.push(path);
  }
  return files;
}

/** A JSON Lines stream's lines as documents, "name:line" each; blank lines are skipped. */
async function* jsonlItems(name: string, chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<InputItem> {
  for await (const line of numberedLines(chunks, maxLineBytes)) {
    const input = `${name}:${line.number}`;
    if (line.tooLong) yield { input, error: `line longer than ${maxLineBytes} bytes` };
    else if (line.text.trim()) {
      const document = documentFromJsonlLine(line.text, input);
      yield document.error === undefined ? { input, body: document.body, hint: document.hint } : { input, error: document.error };
    }
  }
}

/** The largest document read from a stream (a JSON Lines line, standard input): as for a fetched one. */
function documentLimit(fetchOptions: FetchOptions): number {
  return fetchOptions.maxBytes ?? DEFAULT_MAX_BYTES;
}

async function readAll(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
    parts.push(Buffer.from(chunk));
  }
  return Buffer.concat(parts, size);
}

/**
 * Every input (file, folder, URL, JSON Lines line, standard input) as documents to read, in
 * order, one at a time: a JSON Lines file of any size is never held whole. A bad path is
 * reported, not thrown.
 */
async function* expandInputs(inputs: string[], options: InputOptions, maxBytes: number): AsyncGenerator<InputItem> {
  const given = options.hint ?? {};
  for (const input of inputs) {
    if (isUrl(input)) {
      yield { input, url: input };
      continue;
    }
    if (input === STDIN) {
      if (!options.stdin) yield { input, error: 'standard input is not available' };
      else if (options.format === 'jsonl') yield* jsonlItems('stdin', options.stdin, maxBytes);
      else {
        try {
          yield { input, body: await readAll(options.stdin, maxBytes), hint: { name: input, ...given } };
        } catch (error) {
          yield { input, error: reasonOf(error) };
        }
      }
      continue;
    }
    let files: string[];
    try {
      files = (await stat(input)).isDirectory() ? await listDocumentFiles(input) : [input];
    } catch (error) {
      yield { input, error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : reasonOf(error) };
      continue;
    }
    for (const file of files) {
      if (options.format === 'jsonl' || isJsonlPath(file)) {
        try {
          yield* jsonlItems(file, createReadStream(file), maxBytes);
        } catch (error) {
          yield { input: file, error: reasonOf(error) };
        }
      } else yield { input: file, path: file, hint: { name: file, ...(file === input ? given : {}) } };
    }
  }
}

async function readDocument(item: InputItem, fetchOptions: FetchOptions): Promise<RawDocument> {
  if ('error' in item) return item;
  if ('body' in item) return item;
  try {
    // Read synchronously: the caller turns the text into drafts on this thread right after, for
    // far longer than the read; fs.promises.readFile took 4-5 times the CPU of readFileSync for
    // a news text (its open, stat, reads and close each a trip through the thread pool).
    if ('path' in item) return { input: item.input, body: readFileSync(item.path), hint: item.hint };
    const response = await fetchUrl(item.url, fetchOptions);
    return { input: item.input, body: response.body, hint: { url: response.url, contentType: response.headers['content-type'] ?? null } };
  } catch (error) {
    return { input: item.input, error: reasonOf(error) };
  }
}

/** Reads every input (file, folder, URL, JSON Lines) into drafts; a failing input never stops the others. */
export async function* readInputs(inputs: string[], fetchOptions: FetchOptions, options: InputOptions = {}): AsyncGenerator<DocumentResult> {
  for await (const item of expandInputs(inputs, options, documentLimit(fetchOptions))) {
    const document = await readDocument(item, fetchOptions);
    if (document.error !== undefined) {
      yield { input: document.input, drafts: [], error: document.error };
      continue;
    }
    try {
      yield { input: document.input, drafts: documentToDrafts(document.body, document.hint) };
    } catch (error) {
      yield { input: document.input, drafts: [], error: reasonOf(error) };
    }
  }
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Analyses and stores one draft in-process; duplicates are detected before any analysis work. */
export async function storeDraft(store: Store, draft: ArticleDraft, sourceId?: number | null): Promise<InsertResult> {
  // A source's configured name (a feed's title by default) reads as the outlet's name.
  withOutletName(draft);
  if (await store.articles.isKnown(draft, sourceId ?? null)) return await store.articles.insert(draft, { sourceId: sourceId ?? null });
  return await storePrepared(store, prepareArticle(draft), sourceId ?? null);
}

async function storePrepared(store: Store, { draft, analysis, keys, storyFeatures }: PreparedArticle, sourceId: number | null): Promise<InsertResult> {
  return await store.articles.insert(draft, { sourceId, analysis, keys, storyFeatures });
}

export function emptyCounts(): IngestCounts {
  return { new: 0, duplicate: 0, nearDuplicate: 0, failed: [] };
}

export function countResult(counts: IngestCounts, result: InsertResult): void {
  if (result.status === 'new') counts.new++;
  else if (result.status === 'duplicate') counts.duplicate++;
  else counts.nearDuplicate++;
}

type Prepared = { articles: StorableArticle[] } | { error: string };

/**
 * A document on its way: read, then prepared, then stored in input order. `outcome` once its
 * preparation has started (in a worker, or on this thread); until then `waiting` holds it.
 */
interface InFlight {
  input: string;
  outcome?: Promise<Prepared>;
  waiting?: Extract<InputItem, { hint: DocumentHint }>;
}

/**
 * The largest plain text the writer prepares itself in a bulk ingest; a larger one always goes to
 * a worker, under its time and memory limits. Also bounds how long the writer is away from writing.
 */
const MAX_WRITER_DOCUMENT_BYTES = 1024 * 1024;
/** Files read as plain text (raw-text articles): the writer may prepare them. */
const TEXT_FILE = /\.(txt|text)$/i;

/** Whether a document read as text holds no markup (a .txt file may hold a saved page). */
function isPlainText(body: Uint8Array, hint: DocumentHint): boolean {
  // Markup shows in its first characters: only the head is decoded here.
  return documentKind(hint.kind ? '' : decodeBody(body.subarray(0, 4096), hint.contentType), hint) === 'text';
}

/**
 * The writer thread's analysis context in a bulk ingest, kept for the process as the worker pool
 * keeps its workers (and they theirs). Analyses on this thread run synchronously, one at a time,
 * so two ingests in one process never interleave on it.
 */
let writerContext: AnalysisContext | undefined;

export interface IngestOptions {
  store: Store;
  log: Logger;
  fetchOptions: FetchOptions;
  /**
   * Worker threads for parsing and analysis of a bulk ingest (MIN_DOCUMENTS_FOR_WORKERS or
   * more documents); 0 runs everything in-process. Default: one per core.
   */
  workers?: number;
}

/**
 * Ingests files, folders and URLs. Parsing, extraction and analysis run in worker threads
 * (for more than a handful of documents) while this thread reads ahead and stores the
 * results in input order, so duplicates resolve the same way as a one-by-one ingest.
 * Ready results are stored in one transaction per batch.
 */
export async function ingestInputs(inputs: string[], deps: IngestOptions, options: InputOptions = {}): Promise<IngestCounts> {
  const counts = emptyCounts();
  const items = expandInputs(inputs, options, documentLimit(deps.fetchOptions));
  // Enough documents for workers? Looking that far ahead is all it takes to know.
  const head: InputItem[] = [];
  for (let next = await items.next(); !next.done; next = head.length < MIN_DOCUMENTS_FOR_WORKERS ? await items.next() : { done: true, value: undefined }) {
    head.push(next.value);
  }
  const workers = head.length >= MIN_DOCUMENTS_FOR_WORKERS ? (deps.workers ?? defaultWorkerCount()) : 0;
  const pool = workers > 0 ? sharedPreparePool(workers) : null;
  // Without workers this run is the pipeline, and its analyses share one context (a worker has its own).
  const analysis = pool ? (writerContext ??= new AnalysisContext()) : new AnalysisContext();
  // Plain texts go to all workers but one (packed into them) and to this thread, which prepares
  // those the workers have no room for: with two cores, two busy threads instead of three. Markup
  // (HTML, feeds, JSON) goes to any worker, never to this thread: it is parsed under a worker's
  // time and memory limits, and with the last worker it keeps every core busy.
  const textCapacity = Math.max(1, workers - 1) * TASKS_PER_WORKER;
  // With workers: every worker's queue full, the next batch to store, and two more batches'
  // documents for whichever thread is free first, in flight.
  const readAhead = pool ? 3 * STORE_BATCH + workers * TASKS_PER_WORKER : STORE_BATCH;
  /** Plain texts sent to the workers and not yet answered. */
  let textsInPool = 0;
  /** Plain texts read ahead that no thread has started on, oldest first (the workers are behind). */
  const waiting: InFlight[] = [];

  const prepared = (promise: Promise<StorableArticle[]>): Promise<Prepared> => promise.then((articles) => ({ articles }), (error) => ({ error: reasonOf(error) }));
  const textInWorker = (source: DocumentSource): Promise<Prepared> => {
    textsInPool++;
    return prepared(pool!.prepare(source, true)).finally(() => {
      textsInPool--;
      // A worker has room again: it takes the oldest text still waiting.
      const flight = waiting.shift();
      if (flight) startInWorker(flight);
    });
  };
  const startInWorker = (flight: InFlight) => {
    const item = flight.waiting!;
    flight.waiting = undefined;
    // A file goes to a worker by path: the worker reads it.
    flight.outcome = textInWorker('path' in item ? { path: item.path, hint: item.hint } : { body: item.body, hint: item.hint });
  };
  const prepareHere = async (item: InputItem): Promise<Prepared> => {
    try {
      // The workers' answers first (they are events: a synchronous read and prepare would keep
      // them waiting, and the workers idle, while this thread took on text after text).
      if (pool) await new Promise((resolve) => setImmediate(resolve));
      const document = await readDocument(item, deps.fetchOptions);
      if (document.error !== undefined) return { error: document.error };
      const { body, hint } = document;
      // A text file that holds markup, or a large one, goes to a worker after all.
      if (pool && (body.byteLength > MAX_WRITER_DOCUMENT_BYTES || !isPlainText(body, hint))) return await prepared(pool.prepare({ body, hint }));
      return { articles: prepareDocument(body, hint, analysis).map(storable) };
    } catch (error) {
      return { error: reasonOf(error) };
    }
  };
  const prepareOnWriter = (flight: InFlight): Promise<Prepared> => {
    flight.outcome = prepareHere(flight.waiting!);
    flight.waiting = undefined;
    return flight.outcome;
  };
  const start = (item: InputItem): InFlight => {
    const { input } = item;
    if ('error' in item) return { input, outcome: Promise.resolve({ error: item.error }) };
    if (!pool) return { input, outcome: Promise.resolve().then(() => prepareHere(item)) };
    // A URL is fetched here at once, and its page prepared in a worker.
    if ('url' in item) return { input, outcome: readDocument(item, deps.fetchOptions).then((d) => (d.error !== undefined ? { error: d.error } : prepared(pool.prepare({ body: d.body, hint: d.hint })))) };
    if (!('path' in item ? TEXT_FILE.test(item.path) : item.hint.kind === 'text')) {
      return { input, outcome: prepared(pool.prepare('path' in item ? { path: item.path, hint: item.hint } : { body: item.body, hint: item.hint })) };
    }
    const flight: InFlight = { input, waiting: item };
    if (textsInPool < textCapacity) startInWorker(flight);
    else waiting.push(flight);
    return flight;
  };

  const fail = (input: string, reason: string, title?: string) => {
    // The counts carry each failure with its reason, and `ingest` prints them: not logged twice.
    deps.log.debug({ input, ...(title ? { title } : {}), reason }, 'ingest failed');
    counts.failed.push({ input, reason });
  };
  const store = async (batch: InFlight[]) => {
    // The documents of this batch still waiting, this thread prepares itself while the workers
    // work on theirs: with fewer cores than workers and writer together, both cores stay busy.
    for (const flight of batch) {
      if (flight.outcome) continue;
      waiting.splice(waiting.indexOf(flight), 1);
      prepareOnWriter(flight);
    }
    // Until the workers have answered for this batch, this thread takes on the next documents waiting.
    let unanswered = batch.length;
    for (const flight of batch) void flight.outcome!.then(() => unanswered--);
    while (unanswered > 0 && waiting.length) await prepareOnWriter(waiting.shift()!);
    const outcomes = await Promise.all(batch.map((f) => f.outcome!));
    const results: InsertResult[] = [];
    const failures: [input: string, reason: string, title?: string][] = [];
    try {
      await deps.store.transaction(async (tx) => {
        for (const [i, outcome] of outcomes.entries()) {
          const input = batch[i]!.input;
          if ('error' in outcome) {
            failures.push([input, outcome.error]);
            continue;
          }
          for (const { draft, analysisJson, keys, storyFeatures } of outcome.articles) {
            try {
              // A savepoint inside the batch's transaction: a failing article leaves the others stored.
              results.push(await tx.articles.insert(draft, { analysisJson, keys, storyFeatures }));
            } catch (error) {
              failures.push([input, reasonOf(error), draft.title]);
            }
          }
        }
      });
    } catch (error) {
      // The batch's transaction itself failed (e.g. the database stayed locked): nothing of it is stored.
      for (const flight of batch) fail(flight.input, `not stored: ${reasonOf(error)}`);
      return;
    }
    for (const result of results) countResult(counts, result);
    for (const failure of failures) fail(...failure);
  };

  const inFlight: InFlight[] = [];
  let exhausted = false;
  const nextItem = async (): Promise<InputItem | undefined> => {
    if (head.length) return head.shift();
    if (exhausted) return undefined;
    const next = await items.next();
    exhausted = Boolean(next.done);
    return next.done ? undefined : next.value;
  };
  for (;;) {
    while (inFlight.length < readAhead) {
      const item = await nextItem();
      if (!item) break;
      inFlight.push(start(item));
    }
    if (!inFlight.length) break;
    // In input order, STORE_BATCH documents per transaction: one commit, one FTS5 flush
    // per batch (about 0.6 ms of SQL per article instead of 1 ms one by one).
    await store(inFlight.splice(0, STORE_BATCH));
  }
  return counts;
}

/** Polls every due source once and stores (analysed) what is new: `fetch` and the scheduler. Parsing and analysis run on `jobs` (the worker pool). */
/** `metrics` (serve's monitoring) is told each source's outcome and each new article. */
export function pollAndStore(deps: { store: Store; log: Logger; jobs: JobRunner; metrics?: Pick<Metrics, 'sourceFetched' | 'articlesIngested'> }, options: PollOptions): Promise<PollReport> {
  const { store, jobs, metrics } = deps;
  return pollSources(
    {
      ...deps,
      // As storeDraft, with the analysis in a worker.
      ingest: async (draft, sourceId) => {
        withOutletName(draft);
        const result = await store.articles.isKnown(draft, sourceId) ? await store.articles.insert(draft, { sourceId }) : await storePrepared(store, await jobs.run({ kind: 'prepare', draft }), sourceId);
        if (result.status === 'new') metrics?.articlesIngested(1);
        return result;
      },
      complete: async (id, page) => {
        const prepared = await jobs.run({ kind: 'prepare', draft: page });
        return await store.articles.completeText(id, prepared.draft, prepared);
      },
    },
    options,
  );
}

/** The poll's settings: fetch options plus the poll's budgets. */
export function pollOptionsOf(poll: FetchConfig['poll'], fetchOptions: FetchOptions, signal?: AbortSignal): PollOptions {
  return { ...fetchOptions, ...poll, ...(signal ? { signal } : {}) };
}

/** The worker threads that parse what `fetch` and `serve` download, with each document's time and memory limit. */
export function fetchJobPool(parse: FetchConfig['parse']): PreparePool {
  // Few jobs queued per worker: one slow document should hold up little behind it.
  return new PreparePool(parse.workers, { taskTimeoutMs: parse.taskTimeoutMs, memoryMb: parse.memoryMb, tasksPerWorker: 2 });
}
