// The SQLite engine's transaction gate. better-sqlite3 runs every statement synchronously on one
// connection, so a transaction that awaits (Store.transaction) leaves that connection inside the
// transaction while other tasks run: any statement they ran then would join it (and be rolled
// back with it). The gate is the async mutex that prevents this: while a transaction is open,
// calls from other tasks wait until it has ended; calls of the transaction's own task (its `tx`,
// found through AsyncLocalStorage) run at once.
import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** An open transaction: `ended` resolves when it commits or rolls back. */
interface OpenTransaction {
  open: boolean;
  ended: Promise<void>;
  /** Savepoints opened inside it so far (their names must differ). */
  savepoints: number;
}

export class TransactionGate {
  private current: OpenTransaction | undefined;
  private readonly task = new AsyncLocalStorage<OpenTransaction>();

  /** The transaction the calling task is inside, if it is still open. */
  ownTransaction(): OpenTransaction | undefined {
    const own = this.task.getStore();
    return own?.open ? own : undefined;
  }

  /** Resolves once no other task's transaction is open (at once when none is, or inside our own). */
  async free(): Promise<void> {
    while (this.current && this.current !== this.ownTransaction()) await this.current.ended;
  }

  /** Gives the event loop a turn, then waits until the gate is free: between the batches of a long operation. */
  async pause(): Promise<void> {
    await yieldToEventLoop();
    await this.free();
  }

  /**
   * Runs `call` (synchronous SQL) for a caller outside any transaction, once the gate is free.
   * A call on the store itself from inside the caller's own transaction is a mistake (with a
   * pooled engine it would run outside the transaction and could wait on its locks): it throws.
   */
  async outside<R>(call: () => R): Promise<Awaited<R>> {
    if (this.ownTransaction()) throw new Error('store used inside its own transaction: use the tx that store.transaction passes to its callback');
    while (this.current) await this.current.ended;
    return await call();
  }

  /**
   * Runs `body` as one transaction: `begin` (BEGIN IMMEDIATE), then `body`, then `commit`, or
   * `rollback` when it throws. Other tasks wait at the gate meanwhile. Inside a transaction of the
   * same task, runs `nested` with a fresh savepoint name instead.
   */
  async transaction<T>(
    sql: { begin(): void; commit(): void; rollback(): void },
    nested: (savepoint: string) => Promise<T>,
    body: () => Promise<T>,
  ): Promise<T> {
    const own = this.ownTransaction();
    if (own) return nested(`nested_${++own.savepoints}`);
    while (this.current) await this.current.ended;
    let end!: () => void;
    const transaction: OpenTransaction = { open: true, ended: new Promise((resolve) => (end = resolve)), savepoints: 0 };
    this.current = transaction;
    try {
      sql.begin();
      const result = await this.task.run(transaction, body);
      sql.commit();
      return result;
    } catch (error) {
      // Also when COMMIT itself failed (the transaction is then still open); a no-op when BEGIN failed.
      sql.rollback();
      throw error;
    } finally {
      transaction.open = false;
      this.current = undefined;
      end();
    }
  }
}
