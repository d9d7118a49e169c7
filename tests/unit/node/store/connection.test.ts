import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../../src/node/store/connection';
import { removeDir, tempDir } from './fixtures/records';

let dir: string;

beforeEach(() => {
  dir = tempDir();
});

afterEach(() => removeDir(dir));

/** The first column of a pragma's answer (busy_timeout names its column "timeout"). */
function pragma(db: ReturnType<typeof openConnection>, name: string): unknown {
  const row = db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown>;
  return Object.values(row)[0];
}

describe('connection settings', () => {
  // The outbox's promise (an acknowledged intent survives a crash or power loss) rests on these.
  it('uses WAL with full fsync, foreign keys and a busy timeout', () => {
    const db = openConnection(path.join(dir, 'pult.db'), { busyTimeoutMs: 1234 });
    try {
      expect(pragma(db, 'journal_mode')).toBe('wal');
      expect(pragma(db, 'synchronous')).toBe(2);
      expect(pragma(db, 'foreign_keys')).toBe(1);
      expect(pragma(db, 'busy_timeout')).toBe(1234);
    } finally {
      db.close();
    }
  });

  it('applies a page cap when asked', () => {
    const db = openConnection(path.join(dir, 'pult.db'), { maxPageCount: 500 });
    try {
      expect(pragma(db, 'max_page_count')).toBe(500);
    } finally {
      db.close();
    }
  });
});
