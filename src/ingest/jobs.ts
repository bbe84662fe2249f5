// The untrusted parsing jobs that run in the ingest worker threads (worker-pool.ts): pure
// functions of a message, so one hostile document can be cut off by terminating its worker
// without the main thread (the bot, the scheduler, the single writer) ever running it.
import { readFileSync } from 'node:fs';
import type { ArticleDraft } from '../model.ts';
import { AnalysisContext } from '../nlp/context.ts';
import { decodeBodyChecked } from './charset.ts';
import { documentToDrafts, type DocumentHint } from './document.ts';
import { parseFeed, type ParsedFeed } from './feed.ts';
import { extractPage } from './page.ts';
import { prepareArticle, storable, type PreparedArticle, type StorableArticle } from './prepare.ts';
import { sanitizeDraft } from './sanitize.ts';

/** A document for a worker: bytes already read (a URL's response), or a file path that the worker reads itself. */
export type DocumentSource = { body: Uint8Array; hint: DocumentHint; path?: undefined } | { path: string; hint: DocumentHint; body?: undefined };

export type Job =
  /** Any document (feed, page, text) to stored-ready articles (their analysis encoded, see storable): bulk ingest. */
  | { kind: 'document'; source: DocumentSource }
  /** A fetched feed to its items. */
  | { kind: 'feed'; body: Uint8Array; hint: DocumentHint }
  /** A fetched page to its article. */
  | { kind: 'page'; body: Uint8Array; hint: DocumentHint }
  /** A draft built from a feed item to its analysis and content keys. */
  | { kind: 'prepare'; draft: ArticleDraft };

/** What a fetched body parsed to, and what was wrong with it without stopping it (e.g. invalid UTF-8, replaced). */
export interface Parsed<T> {
  value: T;
  warnings: string[];
}

export interface JobResults {
  document: StorableArticle[];
  feed: Parsed<ParsedFeed>;
  page: Parsed<ArticleDraft>;
  prepare: PreparedArticle;
}

export type JobOf<K extends Job['kind']> = Extract<Job, { kind: K }>;

/** What a job runs with: `readFile` serves documents given by path; `analysis` is the runner's own context. */
export interface JobEnvironment {
  readFile: (path: string) => Uint8Array;
  analysis: AnalysisContext;
}

/** Runs one job. */
export function runJob<K extends Job['kind']>(job: JobOf<K>, env: JobEnvironment): JobResults[K];
export function runJob(job: Job, env: JobEnvironment): JobResults[Job['kind']] {
  switch (job.kind) {
    case 'document': {
      const body = job.source.path !== undefined ? env.readFile(job.source.path) : job.source.body;
      return documentToDrafts(body, job.source.hint).map((draft) => storable(prepareArticle(draft, env.analysis)));
    }
    case 'feed': {
      const { text, warnings } = decodeBodyChecked(job.body, job.hint.contentType);
      return { value: parseFeed(text, job.hint.url), warnings };
    }
    case 'page': {
      const { text, warnings } = decodeBodyChecked(job.body, job.hint.contentType);
      return { value: sanitizeDraft(extractPage(text, job.hint.url ? { url: job.hint.url } : {})), warnings };
    }
    case 'prepare':
      return prepareArticle(job.draft, env.analysis);
  }
}

/** Runs jobs: the worker pool (PreparePool), or in-process where a worker is not worth starting. */
export interface JobRunner {
  run<K extends Job['kind']>(job: JobOf<K>): Promise<JobResults[K]>;
}

/** Jobs on the calling thread, with the runner's own analysis context: no time or memory limit, for small trusted inputs and tests. */
export function inProcessJobs(): JobRunner {
  const env: JobEnvironment = { readFile: (path) => readFileSync(path), analysis: new AnalysisContext() };
  return { run: (job) => Promise.resolve().then(() => runJob(job, env)) };
}
