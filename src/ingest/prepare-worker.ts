// Worker-thread entry of the ingest pool (see worker-pool.ts): prepares one document per
// message, reading it first when it is a file. Errors (an unreadable file too) go back as
// text; the worker itself stays up for the next document.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { prepareDocument } from './prepare.ts';
import type { DocumentSource, PrepareReply } from './worker-pool.ts';

parentPort!.on('message', (task: { id: number } & DocumentSource) => {
  let reply: PrepareReply;
  try {
    const body = task.path !== undefined ? readFileSync(task.path) : task.body;
    reply = { id: task.id, articles: prepareDocument(body, task.hint) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
