import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataLock, DataLockHeldError, LOCK_FILE_NAME } from '../../../src/node/data-lock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pult-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockFile = () => path.join(dir, LOCK_FILE_NAME);
const writeLock = (value: unknown) => writeFileSync(lockFile(), typeof value === 'string' ? value : JSON.stringify(value));

describe('the data folder lock', () => {
  it('writes who holds it and removes the file on release, once', () => {
    const lock = acquireDataLock(path.join(dir, 'new-folder'), 'headless', { pid: 4242, startedAt: 1_000 });
    expect(JSON.parse(readFileSync(lock.file, 'utf8'))).toEqual({ pid: 4242, startedAt: 1_000, entry: 'headless' });
    lock.release();
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    acquireDataLock(path.join(dir, 'new-folder'), 'headless').release();
  });

  it('refuses while a live process holds it, naming the holder, and leaves its file alone', () => {
    writeLock({ pid: 777, startedAt: Date.UTC(2026, 0, 2, 3, 4, 5), entry: 'browser' });
    let error: unknown;
    try {
      acquireDataLock(dir, 'headless', { isAlive: (pid) => pid === 777 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DataLockHeldError);
    expect((error as Error).message).toBe(
      `the data folder ${dir} is in use by browser mode (pid 777 since 2026-01-02T03:04:05.000Z); close it first, or remove ${lockFile()} if that process is gone`,
    );
    expect((error as Error).message).not.toContain('\n');
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(777);
  });

  it('takes over a lock whose process is gone, a half-written one, and one naming its own pid', () => {
    for (const stale of [{ pid: 999_999, startedAt: 5, entry: 'desktop' }, '{"pid":', '', { pid: 31337, startedAt: 1, entry: 'desktop' }]) {
      writeLock(stale);
      const lock = acquireDataLock(dir, 'desktop', { pid: 31337, isAlive: (pid) => pid !== 999_999 && pid !== 31337 });
      expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid, JSON.stringify(stale)).toBe(31337);
      lock.release();
    }
  });

  it('a second lock in the same process is refused; release does not remove a lock that is no longer ours', () => {
    const lock = acquireDataLock(dir, 'desktop');
    expect(() => acquireDataLock(dir, 'headless')).toThrow(DataLockHeldError);
    // Removed by hand and taken by another process meanwhile.
    writeLock({ pid: 555, startedAt: 1, entry: 'browser' });
    lock.release();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(555);
  });
});
