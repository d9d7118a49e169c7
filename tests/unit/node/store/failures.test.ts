import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, StoreError } from '../../../../src/node/store';
import { newIntent, removeDir, task, tempDir } from './fixtures/records';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const readOnlyChild = path.join(repoRoot, 'tests/unit/node/store/fixtures/read-only-child.ts');

let dir: string;
let file: string;

beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'pult.db');
});

afterEach(() => removeDir(dir));

function caught(work: () => unknown): StoreError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError');
}

describe('a full disk', () => {
  // max_page_count makes SQLite answer SQLITE_FULL exactly as it does when the disk has no room.
  it('fails the write with disk-full, keeps none of it, and keeps the store usable', () => {
    const store = openSqliteStore(file, { maxPageCount: 80 });
    store.upsertTasks([task('1')]);
    const queued = store.addIntent(newIntent('1'));

    const big = Array.from({ length: 5_000 }, (_, i) => task(String(i + 100), { description: 'x'.repeat(500) }));
    const error = caught(() =>
      store.transaction(() => {
        store.addIntent(newIntent('2'));
        store.upsertTasks(big);
      }),
    );
    expect(error.code).toBe('disk-full');
    expect(error.message).toMatch(/disk .* is full/);
    expect(error.message).toContain(file);

    expect(store.countTasks()).toBe(1);
    expect(store.listIntents()).toStrictEqual([queued]);
    expect(store.getTask('1')).toStrictEqual(task('1'));
    // Small writes still fit, so an edit can still be queued.
    store.addIntent(newIntent('3'));
    expect(store.listIntents()).toHaveLength(2);
    store.close();

    const reopened = openSqliteStore(file);
    expect(reopened.countTasks()).toBe(1);
    expect(reopened.listIntents()).toHaveLength(2);
    reopened.close();
  });
});

describe('a read-only file', () => {
  it('opens for reading; every write fails with read-only and nothing changes', () => {
    const store = openSqliteStore(file);
    store.upsertTasks([task('1')]);
    store.addIntent(newIntent('1'));
    store.close();
    fs.chmodSync(file, 0o444);
    // The folder stays writable, as in the usual case of a file marked read-only.
    fs.chmodSync(dir, 0o777);

    // Root ignores file permissions, so the child drops to "nobody" when we are root.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = spawnSync(process.execPath, ['--import', 'tsx', readOnlyChild, file], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, HOME: dir },
      ...asNobody,
    });
    expect(child.status, `child failed: ${child.stderr}`).toBe(0);
    const report = JSON.parse(child.stdout) as Record<string, { ok: boolean; value?: unknown; name?: string; code?: unknown; message?: string }>;

    expect(report.countBefore).toEqual({ ok: true, value: 1 });
    for (const write of ['upsert', 'addIntent', 'transaction'] as const) {
      expect(report[write]).toMatchObject({ ok: false, name: 'StoreError', code: 'read-only' });
      expect(report[write]?.message).toMatch(/read-only\. Give the user write access/);
    }
    expect(report.countAfter).toEqual({ ok: true, value: 1 });
    expect(report.task).toEqual({ ok: true, value: task('1') });
    expect(report.intents).toEqual({ ok: true, value: 1 });

    fs.chmodSync(file, 0o644);
    const after = openSqliteStore(file);
    expect(after.countTasks()).toBe(1);
    expect(after.getCursor('k')).toBeNull();
    after.close();
  });
});

describe('a file that cannot be opened', () => {
  it('gives a clear error for a missing folder', () => {
    const error = caught(() => openSqliteStore(path.join(dir, 'no-such-dir', 'pult.db')));
    expect(error.code).toBe('io');
    expect(error.message).toContain('no-such-dir');
  });

  it('gives a clear error for a folder in place of the file', () => {
    const error = caught(() => openSqliteStore(dir));
    expect(error.code).toBe('io');
    expect(error.message).toContain(dir);
  });
});
