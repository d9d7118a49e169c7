/**
 * The store's code runs on libsql (the product's) and on node:sqlite (for the measured comparison,
 * bench/sqlite-drivers.ts): the same records, the same transactions, the same StoreError codes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, StoreError } from '../../../../src/node/store';
import type { SqliteDriver } from '../../../../src/node/store/connection';
import { newIntent, removeDir, task, tempDir } from './fixtures/records';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

const codeOf = (open: () => unknown): string | null => {
  try {
    open();
    return null;
  } catch (error) {
    return error instanceof StoreError ? error.code : `not a StoreError: ${String(error)}`;
  }
};

describe.each<SqliteDriver>(['libsql', 'node:sqlite'])('the store on %s', (driver) => {
  it('keeps tasks and queued edits across a reopen, and undoes a failed transaction whole', () => {
    const file = path.join(dir, 'pult.db');
    const store = openSqliteStore(file, { driver });
    store.upsertTasks([task('1', { title: 'Принтер' }), task('2')]);
    const queued = store.addIntent(newIntent('1'));
    expect(() =>
      store.transaction(() => {
        store.upsertTasks([task('3')]);
        throw new Error('the portal said no');
      }),
    ).toThrow('the portal said no');
    store.close();

    const again = openSqliteStore(file, { driver });
    expect(again.getTask('1')?.title).toBe('Принтер');
    expect(again.countTasks()).toBe(2);
    expect(again.listIntents().map((intent) => intent.seq)).toEqual([queued.seq]);
    again.close();
  });

  it('reports a missing folder as io and a file that is not a database as corrupt', () => {
    expect(codeOf(() => openSqliteStore(path.join(dir, 'no-such-folder', 'pult.db'), { driver }))).toBe('io');
    const garbage = path.join(dir, 'garbage.db');
    fs.writeFileSync(garbage, 'this is not an SQLite file, just text long enough to fill a header '.repeat(20));
    expect(codeOf(() => openSqliteStore(garbage, { driver }))).toBe('corrupt');
  });

  it('a write beyond the size cap is disk-full and leaves nothing of itself', () => {
    const store = openSqliteStore(path.join(dir, 'capped.db'), { driver, maxPageCount: 40 });
    const big = Array.from({ length: 400 }, (_, i) => task(String(i), { description: 'x'.repeat(2_000) }));
    expect(codeOf(() => store.upsertTasks(big))).toBe('disk-full');
    expect(store.countTasks()).toBe(0);
    store.close();
  });
});
