// Worker-thread entry of the ingest pool (see worker-pool.ts): runs one job per message
// (jobs.ts). Errors (an unreadable file too) go back as text; the worker itself stays up
// for the next job.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { AnalysisContext } from '../nlp/context.ts';
import { runJob, type Job, type JobEnvironment } from './jobs.ts';
import { packResult } from './transfer.ts';
import type { WorkerReply } from './worker-pool.ts';

// This worker's own analysis context: it runs one job at a time, so its analyses never interleave.
const env: JobEnvironment = { readFile: (path) => readFileSync(path), analysis: new AnalysisContext() };

parentPort!.on('message', ({ id, job }: { id: number; job: Job }) => {
  let reply: WorkerReply;
  try {
    reply = { id, result: packResult(job.kind, runJob(job, env)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
// Loaded: the pool starts the time limit of the first job from here.
parentPort!.postMessage({ ready: true });
