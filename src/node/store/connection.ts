/**
 * Opens the SQLite file with the settings the outbox's durability depends on, and migrates it.
 */
import Database from 'libsql';
import { StoreError, toStoreError } from './errors';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { openNodeSqlite } from './node-sqlite';
import type { SqlValue } from './rows';

/** The little of a SQLite binding the store uses, so the same store code runs on either driver. */
export interface SqlStatement {
  get(params?: readonly SqlValue[]): unknown;
  all(params?: readonly SqlValue[]): unknown[];
  run(params?: readonly SqlValue[]): { changes: number | bigint; lastInsertRowid: number | bigint };
}

export interface Connection {
  exec(sql: string): unknown;
  prepare(sql: string): SqlStatement;
  readonly inTransaction: boolean;
  close(): unknown;
}

/**
 * libsql (a native module) is the product's; Node's built-in node:sqlite is there for the
 * measured comparison (bench/sqlite-drivers.ts) and loaded only when asked for.
 */
export type SqliteDriver = 'libsql' | 'node:sqlite';

export interface SqliteStoreOptions {
  /** How long a write waits for another process's lock before failing with `busy`. */
  busyTimeoutMs?: number;
  /**
   * Caps the file at this many pages (4 KiB each). Writes beyond it fail like a full disk; tests
   * use it to produce a real SQLITE_FULL without filling a disk.
   */
  maxPageCount?: number;
  /** The schema steps; only tests pass a different list (to see an old file upgraded). */
  migrations?: readonly Migration[];
  driver?: SqliteDriver;
}

export function openConnection(file: string, options: SqliteStoreOptions): Connection {
  let db: Connection;
  try {
    const timeout = options.busyTimeoutMs ?? 5000;
    db = options.driver === 'node:sqlite' ? openNodeSqlite(file, timeout) : (new Database(file, { timeout }) as Connection);
  } catch (error) {
    // libsql reports a failed open as a plain Error ("ConnectionFailed(...: 14)"), not an
    // SqliteError: a missing folder, a folder in place of the file, no permission.
    const mapped = toStoreError(error, file, 'open the database');
    if (mapped instanceof StoreError) throw mapped;
    throw new StoreError(
      'io',
      `Could not open the Pult database ${file}: check that its folder exists and that the user may read and write it (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
  try {
    // The first statement reads the file header: a garbage file fails here with SQLITE_NOTADB,
    // which becomes a `corrupt` StoreError instead of a crash later on.
    db.exec('PRAGMA journal_mode = WAL');
    // FULL: in WAL mode every commit fsyncs the log, so an intent addIntent returned survives a
    // power loss, not just a killed process (NORMAL would only survive the latter). Commits are
    // rare (user edits, sync batches), so the fsync cost does not matter.
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    if (options.maxPageCount !== undefined) db.exec(`PRAGMA max_page_count = ${Math.max(1, Math.trunc(options.maxPageCount))}`);
    migrate(db, file, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error instanceof StoreError ? error : toStoreError(error, file, 'open the database');
  }
}
