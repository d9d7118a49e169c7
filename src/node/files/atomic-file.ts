/**
 * A small file replaced whole: written beside the target, flushed, then renamed over it, so a
 * crash or a power cut leaves the old file or the new one, never half of one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Permissions of the new file; the default keeps it to its owner. */
  mode?: number;
}

export function writeFileAtomic(file: string, data: string, options: AtomicWriteOptions = {}): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w', options.mode ?? 0o600);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameWithRetry(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

/** Windows refuses a rename while another program (an antivirus, an indexer) has the target open for a moment. */
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RETRY_DELAYS_MS = [10, 30, 100, 300];

export function renameWithRetry(from: string, to: string, rename: (from: string, to: string) => void = renameSync, sleep: (ms: number) => void = sleepSync): void {
  for (let attempt = 0; ; attempt += 1) {
    try {
      rename(from, to);
      return;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !TRANSIENT.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      sleep(delay);
    }
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The rename itself must survive a power cut: flush the directory entry too. */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows and some filesystems refuse fsync on a directory; the rename is still atomic.
  }
}
