/**
 * Brings a freshly opened connection to the latest schema, or refuses a file it must not touch.
 */
import type { Connection } from './connection';
import { StoreError } from './errors';
import type { Migration } from './migrations';

/** Marks the file as Pult's ("PULT" in ASCII), so a foreign SQLite file is not mistaken for one. */
export const APPLICATION_ID = 0x50554c54;

function readInt(db: Connection, pragma: string): number {
  const row = db.prepare(`PRAGMA ${pragma}`).get() as Record<string, unknown> | undefined;
  const value = row?.[pragma];
  return typeof value === 'number' ? value : 0;
}

/** Returns the schema version the file has after the pending steps ran. */
export function migrate(db: Connection, file: string, migrations: readonly Migration[]): number {
  migrations.forEach((step, index) => {
    if (step.version !== index + 1) throw new Error(`Migration list out of order at "${step.name}": expected version ${index + 1}`);
  });
  const latest = migrations.length;
  const current = readInt(db, 'user_version');
  const appId = readInt(db, 'application_id');

  if (current === 0) {
    // An empty file is ours to initialise; a file with tables but no version is someone else's.
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw new StoreError('corrupt', `${file} is an SQLite database, but not a Pult one. Choose another file, or move this one away.`);
  } else if (appId !== APPLICATION_ID) {
    throw new StoreError('corrupt', `${file} is an SQLite database, but not a Pult one. Choose another file, or move this one away.`);
  }
  if (current > latest) {
    throw new StoreError(
      'newer-schema',
      `${file} was written by a newer version of Pult (schema ${current}; this version knows up to ${latest}). Update Pult to open it; this version leaves it untouched.`,
    );
  }
  if (current === latest) return current;

  // IMMEDIATE takes the write lock up front, so two processes cannot both start upgrading.
  db.exec('BEGIN IMMEDIATE');
  try {
    // Another process may have upgraded the file between our read and the lock.
    const underLock = readInt(db, 'user_version');
    for (const step of migrations.slice(underLock)) {
      db.exec(step.sql);
      // user_version lives in the file header and is written by this same transaction.
      db.exec(`PRAGMA user_version = ${step.version}`);
    }
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return latest;
}
