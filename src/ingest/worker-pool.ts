// A small pool of worker threads for untrusted parsing: feeds, pages, HTML-to-text and
// analysis are pure CPU work (jobs.ts). Bulk ingest runs them on every core while the main
// thread reads files and is the single SQLite writer; `fetch` and `serve` run them here so
// that a hostile document never blocks the bot or the scheduler. Hand-written: about a
// hundred lines, and it needs our own rules (a document past its time limit is cut off by
// terminating its worker, a worker past its memory limit is replaced, nothing waits forever).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentSource, Job, JobOf, JobResults } from './jobs.ts';
import type { StorableArticle } from './prepare.ts';
import { unpackResult } from './transfer.ts';

export type { DocumentSource } from './jobs.ts';

export type WorkerReply = { id: number; result: unknown; error?: undefined } | { id: number; error: string; result?: undefined };

interface Task {
  id: number;
  job: Job;
  /** Into the first worker with room, not the least busy one: keeps the other workers idle (see prepare). */
  packed: boolean;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Its modules are loaded: time limits run from here (loading is no document's fault). */
  ready: boolean;
  /** Sent and not yet answered, oldest first (the worker answers in order). */
  tasks: Task[];
  /** The oldest task's time limit while busy; the idle limit while idle. */
  timer?: NodeJS.Timeout;
}

/**
 * Documents sent to a worker ahead of its answers: enough queued that a worker never waits while
 * this thread, busy with a write transaction, cannot send it more. A bulk ingest's transaction
 * stores STORE_BATCH (32) articles, 45-60 ms of the writer's time; 16 documents per worker were
 * only 35-45 ms of work, so both workers ran dry before each commit. 32 cover two transactions.
 */
export const TASKS_PER_WORKER = 32;

/** Workers for a bulk ingest: one per core, at most 8 (the single writer is the limit beyond); none on one core. */
export function defaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores > 1 ? Math.min(8, cores) : 0;
}

export interface PoolOptions {
  /** A job not done within this is failed and its worker terminated (replaced for the next). */
  taskTimeoutMs?: number;
  /** An idle worker is stopped after this long, so a long-running process gives its memory back. */
  idleTimeoutMs?: number;
  /** Heap limit of each worker (V8 old generation); a worker past it is replaced and its job failed. */
  memoryMb?: number;
  /** Jobs sent to a worker ahead of its answers. */
  tasksPerWorker?: number;
}

export const DEFAULT_TASK_TIMEOUT_MS = 60_000;
export const DEFAULT_WORKER_MEMORY_MB = 512;

/** A worker running prepare-worker next to this module: the .js file when built; from source (.ts) through tsx. */
function startWorker(memoryMb: number): Worker {
  // The stack limit too: a deep structure that slips through would otherwise crash a worker more slowly.
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 4 };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./prepare-worker.js', import.meta.url), { resourceLimits });
  // Node 20 does not apply the parent's module hooks (tsx) to workers: register them first.
  const entry = new URL('./prepare-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, resourceLimits });
}

export class PreparePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private readonly taskTimeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly memoryMb: number;
  private readonly tasksPerWorker: number;

  constructor(
    readonly size: number,
    options: PoolOptions = {},
  ) {
    this.taskTimeoutMs = options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
    this.memoryMb = options.memoryMb ?? DEFAULT_WORKER_MEMORY_MB;
    this.tasksPerWorker = options.tasksPerWorker ?? TASKS_PER_WORKER;
  }

  /** Runs one job in a worker; rejects with the job's own error, a timeout or a crash. */
  run<K extends Job['kind']>(job: JobOf<K>, packed = false): Promise<JobResults[K]> {
    if (this.closed) return Promise.reject(new Error('ingest pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, packed, resolve: resolve as (result: unknown) => void, reject });
      this.dispatch();
    });
  }

  /**
   * Prepares one document in a worker (bulk ingest). `packed`: in the first worker with room rather
   * than the least busy, so that a caller keeping fewer packed documents in the pool than the
   * workers hold leaves the others idle (or unstarted) for what it sends unpacked.
   */
  prepare(source: DocumentSource, packed = false): Promise<StorableArticle[]> {
    return this.run({ kind: 'document', source }, packed);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('ingest pool is closed'));
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot, new Error('ingest pool is closed'))));
  }

  private dispatch(): void {
    while (this.queue.length) {
      const hasRoom = (s: Slot) => s.tasks.length < this.tasksPerWorker;
      let slot = this.queue[0]!.packed
        ? this.slots.find(hasRoom)
        : this.slots.reduce<Slot | undefined>((best, s) => (hasRoom(s) && (!best || s.tasks.length < best.tasks.length) ? s : best), undefined);
      if ((!slot || (slot.tasks.length && !this.queue[0]!.packed)) && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.tasks.push(task);
      if (slot.tasks.length === 1) this.startTimer(slot);
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, job: task.job });
    }
  }

  /** The oldest task's time limit, or (no task) when an idle worker is stopped. */
  private startTimer(slot: Slot): void {
    clearTimeout(slot.timer);
    if (!slot.ready) return;
    if (slot.tasks.length) {
      slot.timer = setTimeout(() => void this.replace(slot, new Error(`document not processed within ${this.taskTimeoutMs / 1000} s (time limit; its worker was stopped)`)), this.taskTimeoutMs);
    } else {
      slot.timer = setTimeout(() => void this.replace(slot, new Error('idle')), this.idleTimeoutMs);
      slot.timer.unref();
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(this.memoryMb), ready: false, tasks: [] };
    slot.worker.on('message', (reply: WorkerReply | { ready: true }) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.startTimer(slot);
        return;
      }
      const task = slot.tasks[0];
      if (!task || task.id !== reply.id) return;
      slot.tasks.shift();
      this.startTimer(slot);
      // Only a busy worker keeps the process alive.
      if (!slot.tasks.length) slot.worker.unref();
      if (reply.error !== undefined) task.reject(new Error(reply.error));
      else task.resolve(unpackResult(task.job.kind, reply.result));
      this.dispatch();
    });
    slot.worker.on('error', (error) => void this.replace(slot, new Error(workerFailure(error))));
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

/** One line for a worker that died: past its memory limit, or crashed. */
function workerFailure(error: Error & { code?: string }): string {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'document needed more memory than a worker may use (memory limit; its worker was replaced)';
  return `ingest worker crashed: ${error.message}`;
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
