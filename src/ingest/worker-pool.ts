// A small pool of worker threads for bulk ingest: parsing, extraction and analysis are pure
// CPU work (prepare.ts), so they run on every core while the main thread reads files and is
// the single SQLite writer. Hand-written: about a hundred lines, and it needs our own rules
// (a stuck document is cut off after a timeout, a crashed worker is replaced, nothing waits
// forever).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentHint } from './document.ts';
import type { PreparedArticle } from './prepare.ts';

/**
 * A document for a worker: bytes already read (a URL's response), or a file path that the
 * worker reads itself, which spares the main thread (the single writer) the file I/O and the
 * copy of the bytes.
 */
export type DocumentSource = { body: Uint8Array; hint: DocumentHint; path?: undefined } | { path: string; hint: DocumentHint; body?: undefined };

export type PrepareReply = { id: number; articles: PreparedArticle[]; error?: undefined } | { id: number; error: string; articles?: undefined };

interface Task {
  id: number;
  source: DocumentSource;
  resolve: (articles: PreparedArticle[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Sent and not yet answered, oldest first (the worker answers in order). */
  tasks: Task[];
  /** The oldest task's time limit while busy; the idle limit while idle. */
  timer?: NodeJS.Timeout;
}

/**
 * Documents sent to a worker ahead of its answers: enough queued (about 40 ms of work) that a
 * worker never waits while this thread, busy with a write transaction, cannot send it more.
 */
export const TASKS_PER_WORKER = 16;

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
  prepare(source: DocumentSource): Promise<PreparedArticle[]> {
    if (this.closed) return Promise.reject(new Error('ingest pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, source, resolve, reject });
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
      let slot = this.slots.reduce<Slot | undefined>((best, s) => (s.tasks.length < TASKS_PER_WORKER && (!best || s.tasks.length < best.tasks.length) ? s : best), undefined);
      if ((!slot || slot.tasks.length) && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.tasks.push(task);
      if (slot.tasks.length === 1) this.startTimer(slot);
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, ...task.source });
    }
  }

  /** The oldest task's time limit, or (no task) when an idle worker is stopped. */
  private startTimer(slot: Slot): void {
    clearTimeout(slot.timer);
    if (slot.tasks.length) {
      slot.timer = setTimeout(() => void this.replace(slot, new Error(`not prepared within ${this.taskTimeoutMs / 1000} s`)), this.taskTimeoutMs);
    } else {
      slot.timer = setTimeout(() => void this.replace(slot, new Error('idle')), this.idleTimeoutMs);
      slot.timer.unref();
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(), tasks: [] };
    slot.worker.on('message', (reply: PrepareReply) => {
      const task = slot.tasks[0];
      if (!task || task.id !== reply.id) return;
      slot.tasks.shift();
      this.startTimer(slot);
      // Only a busy worker keeps the process alive.
      if (!slot.tasks.length) slot.worker.unref();
      if (reply.error !== undefined) task.reject(new Error(reply.error));
      else task.resolve(reply.articles);
      this.dispatch();
    });
    slot.worker.on('error', (error) => void this.replace(slot, new Error(`ingest worker crashed: ${error.message}`)));
    slot.worker.on('exit', (code) => void this.replace(slot, new Error(`ingest worker exited (code ${code})`)));
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /**
   * Fails the slot's oldest task (the one it was working on), stops its worker and lets a
   * fresh one take the queue, starting with the tasks this worker never got to.
   */
  private async replace(slot: Slot, reason: Error): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    const [current, ...waiting] = slot.tasks.splice(0);
    current?.reject(reason);
    this.queue.unshift(...waiting);
    await this.stop(slot, reason);
    if (!this.closed) this.dispatch();
  }

  private async stop(slot: Slot, reason: Error): Promise<void> {
    clearTimeout(slot.timer);
    for (const task of slot.tasks.splice(0)) task.reject(reason);
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
