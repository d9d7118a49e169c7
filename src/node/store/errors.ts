/**
 * Every failure of the SQLite store surfaces as a `StoreError` with a stable code, so callers
 * (the sync engine, the UI) can tell "disk is full" from "file is damaged" without parsing
 * SQLite's messages, and show the user what to do.
 */

export type StoreErrorCode =
  /** The disk (or the configured size cap) has no room; nothing of the failed write landed. */
  | 'disk-full'
  /** The file or its folder cannot be written; reads still work. */
  | 'read-only'
  /** The file is not a Pult database, or it is damaged. */
  | 'corrupt'
  /** The file was written by a newer Pult; this build refuses to touch it. */
  | 'newer-schema'
  /** Another process holds the write lock longer than the busy timeout. */
  | 'busy'
  /** The operating system reported an I/O failure. */
  | 'io'
  /** The store was used after close(). */
  | 'closed'
  /** The caller asked for something that is not there or is not allowed (a bug, not the disk). */
  | 'invalid'
  | 'unknown';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** SQLite primary result codes we tell apart (the low byte of an extended code). */
const SQLITE_PERM = 3;
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_CONSTRAINT = 19;
const SQLITE_MISMATCH = 20;
const SQLITE_NOTADB = 26;

const PRIMARY_BY_NAME: Record<string, number> = {
  SQLITE_PERM,
  SQLITE_BUSY,
  SQLITE_LOCKED,
  SQLITE_READONLY,
  SQLITE_IOERR,
  SQLITE_CORRUPT,
  SQLITE_FULL,
  SQLITE_CANTOPEN,
  SQLITE_CONSTRAINT,
  SQLITE_MISMATCH,
  SQLITE_NOTADB,
};

/** libsql reports extended codes as `UNKNOWN_SQLITE_ERROR_<n>`, so read the number when there is one; node:sqlite gives it as `errcode`. */
function primaryCode(error: { code?: unknown; rawCode?: unknown; errcode?: unknown }): number | null {
  if (typeof error.rawCode === 'number') return error.rawCode & 0xff;
  if (typeof error.errcode === 'number') return error.errcode & 0xff;
  if (typeof error.code !== 'string') return null;
  const named = PRIMARY_BY_NAME[error.code.replace(/^(SQLITE_[A-Z]+).*$/, '$1')];
  if (named !== undefined) return named;
  const numeric = /^UNKNOWN_SQLITE_ERROR_(\d+)$/.exec(error.code);
  return numeric?.[1] === undefined ? null : Number(numeric[1]) & 0xff;
}

/**
 * Turns whatever SQLite threw into a StoreError whose message names the file and the way out.
 * Errors that are not SQLite's (a bug in a transaction's callback) pass through untouched.
 */
export function toStoreError(error: unknown, file: string, action: string): unknown {
  if (error instanceof StoreError) return error;
  // Only SQLite's own errors are mapped: a callback's error with some `code` is not a disk problem.
  if (!(error instanceof Error) || (error.name !== 'SqliteError' && (error as { code?: unknown }).code !== 'ERR_SQLITE_ERROR')) return error;
  const detail = error.message;
  const where = `the Pult database ${file}`;
  switch (primaryCode(error as { code?: unknown; rawCode?: unknown; errcode?: unknown })) {
    case SQLITE_FULL:
      return new StoreError('disk-full', `Could not ${action}: the disk holding ${where} is full. Free some space; nothing of this change was saved (${detail}).`, { cause: error });
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return new StoreError('read-only', `Could not ${action}: ${where} is read-only. Give the user write access to the file and its folder (${detail}).`, { cause: error });
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return new StoreError('corrupt', `Could not ${action}: ${where} is damaged or is not a Pult database. Move the file away and restart Pult; it builds a new one and downloads the data again (edits still queued in the old file are lost) (${detail}).`, { cause: error });
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return new StoreError('busy', `Could not ${action}: ${where} is locked by another process. Close other Pult windows or instances and retry (${detail}).`, { cause: error });
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return new StoreError('io', `Could not ${action}: the system failed to read or write ${where}. Check the disk and the folder's permissions (${detail}).`, { cause: error });
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      // A wrong type or a missing value: the caller's data is at fault, not the file.
      return new StoreError('invalid', `Could not ${action}: the data does not fit ${where} (${detail}).`, { cause: error });
    case null:
      return error;
    default:
      return new StoreError('unknown', `Could not ${action} in ${where}: ${detail}`, { cause: error });
  }
}
