// Worker-thread entry of the ingest pool (see worker-pool.ts): runs one job per message
// (jobs.ts). Errors (an unreadable file too) go back as text; the worker itself stays up
// for the next job.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { runJob, type Job } from './jobs.ts';
import type { WorkerReply } from './worker-pool.ts';

parentPort!.on('message', ({ id, job }: { id: number; job: Job }) => {
  let reply: WorkerReply;
  try {
    reply = { id, result: runJob(job, (path) => readFileSync(path)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
// Loaded: the pool starts the time limit of the first job from here.
parentPort!.postMessage({ ready: true });
