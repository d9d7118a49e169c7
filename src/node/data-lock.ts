/**
 * One process per data folder. The desktop app, browser mode and the headless command each open
 * the same store and outbox; two of them flushing one outbox could post a comment twice. So each
 * holds `pult.lock` in the folder, created exclusively (O_EXCL) with who holds it. A lock left by
 * a process that is gone (kill -9, a crash, a power cut) is taken over; Electron's single-instance
 * lock cannot help here, as the other holder may be browser mode or the headless command.
 */
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE_NAME = 'pult.lock';

export type DataLockEntry = 'desktop' | 'browser' | 'headless';

export interface DataLockHolder {
  pid: number;
  /** When the holding process started (epoch ms). */
  startedAt: number;
  entry: DataLockEntry | string;
}

export interface DataLock {
  readonly file: string;
  readonly holder: DataLockHolder;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void;
}

export interface DataLockDeps {
  pid?: number;
  startedAt?: number;
  /** Whether a process with this pid runs; `process.kill(pid, 0)` by default. */
  isAlive?: (pid: number) => boolean;
}

export class DataLockHeldError extends Error {
  constructor(
    readonly file: string,
    readonly holder: DataLockHolder | null,
  ) {
    super(heldMessage(file, holder));
    this.name = 'DataLockHeldError';
  }
}

const ENTRY_NAMES: Record<string, string> = { desktop: 'the desktop app', browser: 'browser mode', headless: 'the headless sync command' };

function heldMessage(file: string, holder: DataLockHolder | null): string {
  const folder = path.dirname(file);
  if (!holder) return `the data folder ${folder} is in use by another Pult process (${file} could not be read)`;
  const who = ENTRY_NAMES[holder.entry] ?? holder.entry;
  const since = Number.isFinite(holder.startedAt) ? ` since ${new Date(holder.startedAt).toISOString()}` : '';
  return `the data folder ${folder} is in use by ${who} (pid ${holder.pid}${since}); close it first, or remove ${file} if that process is gone`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): DataLockHolder | null | 'gone' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return null;
  }
  try {
    const value = JSON.parse(text) as Partial<DataLockHolder>;
    if (typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0) {
      return { pid: value.pid, startedAt: Number(value.startedAt), entry: String(value.entry ?? 'unknown') };
    }
  } catch {
    // A lock half-written by a process killed between open and write: judged as stale below.
  }
  return { pid: 0, startedAt: NaN, entry: 'unknown' };
}

/** Locks held by this process (a pid in the file equal to ours is stale unless it is listed here). */
const heldHere = new Set<string>();

/**
 * Takes the data folder's lock or throws DataLockHeldError naming the holder. The folder is
 * created if missing. Released by `release()` and, as a last resort, when the process exits.
 */
export function acquireDataLock(dataDir: string, entry: DataLockEntry, deps: DataLockDeps = {}): DataLock {
  const pid = deps.pid ?? process.pid;
  const isAlive = deps.isAlive ?? processIsAlive;
  const holder: DataLockHolder = { pid, startedAt: deps.startedAt ?? Math.round(Date.now() - process.uptime() * 1000), entry };
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(path.resolve(dataDir), LOCK_FILE_NAME);
  if (heldHere.has(file)) throw new DataLockHeldError(file, holder);
  const text = `${JSON.stringify(holder)}\n`;

  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readHolder(file);
      if (current === 'gone') continue;
      if (current === null) throw new DataLockHeldError(file, null);
      // Our own pid in a file this process did not write: a restarted container reuses pids.
      const stale = current.pid === 0 || current.pid === pid || !isAlive(current.pid);
      if (!stale) throw new DataLockHeldError(file, current);
      takeOverStale(file, current);
      continue;
    }
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    heldHere.add(file);
    let released = false;
    const onExit = (): void => release();
    const release = (): void => {
      if (released) return;
      released = true;
      heldHere.delete(file);
      process.removeListener('exit', onExit);
      try {
        // Only our own: a lock taken over after ours was removed by hand stays.
        if (fs.readFileSync(file, 'utf8') === text) fs.unlinkSync(file);
      } catch {
        // Already gone.
      }
    };
    process.on('exit', onExit);
    return { file, holder, release };
  }
  throw new DataLockHeldError(file, null);
}

/**
 * Removes a stale lock, unless another process took it over meanwhile: the file is moved aside
 * atomically and checked to be the stale one; a live lock moved by mistake is put back.
 */
function takeOverStale(file: string, stale: DataLockHolder): void {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  const same = moved !== 'gone' && moved !== null && moved.pid === stale.pid && (moved.startedAt === stale.startedAt || (Number.isNaN(moved.startedAt) && Number.isNaN(stale.startedAt)));
  if (!same) {
    // Put it back only if nobody has created a new one since; otherwise the holder we moved keeps
    // running without a file, which the next start reports as a clash when it rereads the folder.
    try {
      fs.linkSync(aside, file);
    } catch {
      // A new lock is there already.
    }
  }
  fs.rmSync(aside, { force: true });
}
