// A small pool of worker threads for bulk ingest: parsing, extraction and analysis are pure
// CPU work (prepare.ts), so they run on every core while the main thread reads files and is
// the single SQLite writer. Hand-written: about a hundred lines, and it needs our own rules
// (a stuck document is cut off after a timeout, a crashed worker is replaced, nothing waits
// forever).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentHint } from './document.ts';
import type { PreparedArticle } from './prepare.ts';

export type PrepareReply = { id: number; articles: PreparedArticle[]; error?: undefined } | { id: number; error: string; articles?: undefined };

interface Task {
  id: number;
  body: Uint8Array;
  hint: DocumentHint;
  resolve: (articles: PreparedArticle[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  /** The task's time limit while busy; the idle limit while idle. */
  timer?: NodeJS.Timeout;
}

/** Workers for a bulk ingest: one per core, at most 8 (the single writer is the limit beyond); none on one core. */
export function defaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores > 1 ? Math.min(8, cores) : 0;
}

/** A worker running prepare-worker next to this module: the .js file when built; from source (.ts) through tsx. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./prepare-worker.js', import.meta.url));
  // Node 20 does not apply the parent's module hooks (tsx) to workers: register them first.
  const entry = new URL('./prepare-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

export class PreparePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly taskTimeoutMs = 60_000,
    /** An idle worker is stopped after this long, so a long-running process gives its memory back. */
    private readonly idleTimeoutMs = 30_000,
  ) {}

  /** Prepares one document in a worker; rejects with the document's error, a timeout or a crash. */
  prepare(body: Uint8Array, hint: DocumentHint): Promise<PreparedArticle[]> {
    if (this.closed) return Promise.reject(new Error('ingest pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, body, hint, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('ingest pool is closed'));
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot, new Error('ingest pool is closed'))));
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      clearTimeout(slot.timer);
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(() => void this.replace(slot!, new Error(`not prepared within ${this.taskTimeoutMs / 1000} s`)), this.taskTimeoutMs);
      slot.worker.postMessage({ id: task.id, body: task.body, hint: task.hint });
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker() };
    slot.worker.on('message', (reply: PrepareReply) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      clearTimeout(slot.timer);
      slot.task = undefined;
      slot.worker.unref();
      if (reply.error !== undefined) task.reject(new Error(reply.error));
      else task.resolve(reply.articles);
      this.dispatch();
      if (!slot.task) {
        slot.timer = setTimeout(() => void this.replace(slot, new Error('idle')), this.idleTimeoutMs);
        slot.timer.unref();
      }
    });
    slot.worker.on('error', (error) => void this.replace(slot, new Error(`ingest worker crashed: ${error.message}`)));
    slot.worker.on('exit', (code) => void this.replace(slot, new Error(`ingest worker exited (code ${code})`)));
    // Only a busy worker keeps the process alive (ref'd while it holds a task).
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** Fails the slot's task, stops its worker and lets a fresh one take the queue. */
  private async replace(slot: Slot, reason: Error): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    await this.stop(slot, reason);
    if (!this.closed) this.dispatch();
  }

  private async stop(slot: Slot, reason: Error): Promise<void> {
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = undefined;
    task?.reject(reason);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    await slot.worker.terminate();
  }
}

let shared: PreparePool | undefined;

/**
 * The process's pool, created on first use and kept: a later bulk ingest in the same process
 * reuses warm workers (starting one costs about half a second of CPU) until they idle out.
 */
export function sharedPreparePool(size: number): PreparePool {
  if (shared?.size !== size) {
    void shared?.close();
    shared = new PreparePool(size);
  }
  return shared;
}
