/**
 * Nested transactions over one connection. The outermost call is a real transaction (BEGIN
 * IMMEDIATE: takes the write lock up front, so it cannot fail half-way with SQLITE_BUSY when a
 * read upgrades to a write); inner calls are savepoints, so an inner failure the caller catches
 * undoes only the inner writes, and an outer failure undoes everything.
 */
import { StoreError } from './errors';
import type { Connection } from './connection';

export class Transactions {
  private depth = 0;

  constructor(private readonly db: Connection) {}

  get active(): boolean {
    return this.depth > 0;
  }

  run<T>(work: () => T): T {
    const name = `pult_${this.depth}`;
    const outer = this.depth === 0;
    this.db.exec(outer ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${name}`);
    this.depth += 1;
    try {
      const result = work();
      // A transaction cannot span an await: it would commit before the async work ran, and a
      // network request inside it would hold the write lock for seconds.
      if (isThenable(result)) throw new StoreError('invalid', 'A store transaction must be synchronous; do the async work before or after it.');
      this.db.exec(outer ? 'COMMIT' : `RELEASE ${name}`);
      return result;
    } catch (error) {
      this.undo(outer, name);
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  private undo(outer: boolean, name: string): void {
    // SQLite rolls the whole transaction back by itself after some errors (a full disk, for one);
    // then there is nothing left to undo and ROLLBACK would itself fail.
    if (!this.db.inTransaction) return;
    try {
      if (outer) this.db.exec('ROLLBACK');
      else this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
    } catch {
      // The original error is the one worth reporting; a failed rollback leaves SQLite to discard
      // the uncommitted transaction when the connection closes.
    }
  }
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
