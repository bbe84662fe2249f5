// Worker-thread entry of the ingest pool (see worker-pool.ts): prepares one document per
// message. Errors go back as text; the worker itself stays up for the next document.
import { parentPort } from 'node:worker_threads';
import type { DocumentHint } from './document.ts';
import { prepareDocument } from './prepare.ts';
import type { PrepareReply } from './worker-pool.ts';

parentPort!.on('message', (task: { id: number; body: Uint8Array; hint: DocumentHint }) => {
  let reply: PrepareReply;
  try {
    reply = { id: task.id, articles: prepareDocument(task.body, task.hint) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
