import Database from 'libsql';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteStore, StoreError, type Migration } from '../../../../src/node/store';
import { APPLICATION_ID } from '../../../../src/node/store/migrate';
import { removeDir, task, tempDir } from './fixtures/records';

let dir: string;
let file: string;

beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'pult.db');
});

afterEach(() => removeDir(dir));

/** Reads header fields through a plain connection, independent of the store's own code. */
function header(target: string): { version: number; appId: number; tables: string[] } {
  const db = new Database(target);
  try {
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    const appId = (db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    return { version, appId, tables };
  } finally {
    db.close();
  }
}

function rawExec(target: string, sql: string): void {
  const db = new Database(target);
  db.exec(sql);
  db.close();
}

function openError(target: string, migrations?: readonly Migration[]): StoreError {
  try {
    openSqliteStore(target, migrations ? { migrations } : {}).close();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected openSqliteStore to fail');
}

const addNotes: Migration = { version: MIGRATIONS.length + 1, name: 'test: notes', sql: "CREATE TABLE notes (id TEXT PRIMARY KEY) STRICT; INSERT INTO notes VALUES ('from-migration');" };

describe('migrations', () => {
  it('numbers the steps 1, 2, 3, ... with no gaps', () => {
    expect(MIGRATIONS.map((step) => step.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('creates the latest schema in a new file and marks it as Pult’s', () => {
    openSqliteStore(file).close();
    const { version, appId, tables } = header(file);
    expect(version).toBe(MIGRATIONS.length);
    expect(appId).toBe(APPLICATION_ID);
    expect(tables).toEqual(expect.arrayContaining(['tasks', 'stages', 'groups', 'users', 'departments', 'companies', 'user_fields', 'history', 'elapsed', 'comments', 'cursors', 'outbox']));
  });

  it('opens a current file without changing it', () => {
    const store = openSqliteStore(file);
    store.upsertTasks([task('1')]);
    store.close();
    const again = openSqliteStore(file);
    expect(again.getTask('1')).toStrictEqual(task('1'));
    again.close();
    expect(header(file).version).toBe(MIGRATIONS.length);
  });

  it('version 2 gives the edits of a version-1 file the kind of their last failure', () => {
    openSqliteStore(file, { migrations: MIGRATIONS.slice(0, 1) }).close();
    // As version 1 of Pult left them: the state and the English message, no kind.
    const row = (state: string, error: string | null, i: number) =>
      `INSERT INTO outbox (name, state, payload, created_at, attempts, next_attempt_at, last_error) VALUES ('addComment', '${state}', '{"name":"addComment","taskId":"${i}","text":"x"}', ${i}, 1, 0, ${error === null ? 'NULL' : `'${error}'`});`;
    rawExec(file, [row('failed', 'Access denied', 1), row('conflict', 'Changed on the portal since your edit', 2), row('queued', 'timeout', 3), row('queued', null, 4)].join('\n'));
    const upgraded = openSqliteStore(file);
    expect(upgraded.listIntents().map((intent) => intent.lastFailure)).toEqual(['refused', 'conflict', 'unreachable', null]);
    upgraded.close();
    expect(header(file).version).toBe(MIGRATIONS.length);
  });

  it('version 3 adds the card file lists to a version-2 file and keeps its data', () => {
    const old = openSqliteStore(file, { migrations: MIGRATIONS.slice(0, 2) });
    old.upsertTasks([task('1')]);
    old.close();
    expect(header(file).tables).not.toContain('task_files');
    const upgraded = openSqliteStore(file);
    expect(upgraded.getTask('1')).toStrictEqual(task('1'));
    expect(upgraded.taskFiles('1')).toBeNull();
    upgraded.close();
    expect(header(file)).toMatchObject({ version: 3, tables: expect.arrayContaining(['task_files']) });
  });

  it('upgrades a file of an older version and keeps its data', () => {
    const old = openSqliteStore(file);
    old.upsertTasks([task('1')]);
    old.addIntent({ payload: { name: 'changeStatus', taskId: '1', action: 'start' }, baseChangedAt: 1, baseValues: null, createdAt: 2 });
    old.close();

    const upgraded = openSqliteStore(file, { migrations: [...MIGRATIONS, addNotes] });
    expect(upgraded.getTask('1')).toStrictEqual(task('1'));
    expect(upgraded.listIntents()).toHaveLength(1);
    upgraded.close();

    const { version, tables } = header(file);
    expect(version).toBe(addNotes.version);
    expect(tables).toContain('notes');
  });

  it('leaves the old schema whole when an upgrade step fails', () => {
    openSqliteStore(file).close();
    const broken: Migration = { version: addNotes.version, name: 'test: broken', sql: 'CREATE TABLE half (id TEXT); INSERT INTO no_such_table VALUES (1);' };
    expect(() => openSqliteStore(file, { migrations: [...MIGRATIONS, broken] })).toThrow();
    const { version, tables } = header(file);
    expect(version).toBe(MIGRATIONS.length);
    expect(tables).not.toContain('half');
    openSqliteStore(file).close();
  });

  it('refuses a file from a newer Pult and leaves it untouched', () => {
    const store = openSqliteStore(file);
    store.upsertTasks([task('1')]);
    store.close();
    rawExec(file, `PRAGMA user_version = ${MIGRATIONS.length + 5}`);

    const error = openError(file);
    expect(error.code).toBe('newer-schema');
    expect(error.message).toContain('newer version of Pult');
    expect(error.message).toContain(file);
    expect(header(file).version).toBe(MIGRATIONS.length + 5);
  });

  it('refuses a file that is not SQLite with a clear error and does not modify it', () => {
    const garbage = Buffer.from('These are meeting notes, not a database.\n'.repeat(200));
    fs.writeFileSync(file, garbage);
    const error = openError(file);
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/Move the file away/);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses an SQLite file that belongs to another program', () => {
    rawExec(file, 'CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)');
    const error = openError(file);
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/not a Pult one/);
    expect(header(file).tables).toEqual(['contacts']);
  });

  it('reports damage found after opening as a corrupt StoreError', () => {
    const store = openSqliteStore(file);
    store.upsertTasks(Array.from({ length: 2_000 }, (_, i) => task(String(i + 1))));
    store.close();
    // Keep the pages an empty store has (header, schema and each table's root) so the file
    // opens, and scribble over everything the tasks added after them.
    const empty = path.join(dir, 'empty.db');
    openSqliteStore(empty).close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, fs.statSync(empty).size);
    fs.writeFileSync(file, bytes);

    const damaged = openSqliteStore(file);
    try {
      expect(() => damaged.tasksByGroup('12')).toThrow(expect.objectContaining({ name: 'StoreError', code: 'corrupt' }));
    } finally {
      damaged.close();
    }
  });
});
