/**
 * Node's built-in SQLite (node:sqlite, no native module to ship) behind the store's Connection.
 * Loaded on demand: the product runs on libsql, and this exists for the measured comparison.
 */
import { createRequire } from 'node:module';
import type * as NodeSqlite from 'node:sqlite';
import type { Connection, SqlStatement } from './connection';

export function openNodeSqlite(file: string, timeoutMs: number): Connection {
  const { DatabaseSync } = createRequire(import.meta.url)('node:sqlite') as typeof NodeSqlite;
  const db = new DatabaseSync(file, { timeout: timeoutMs });
  return {
    exec: (sql) => db.exec(sql),
    prepare(sql): SqlStatement {
      const statement = db.prepare(sql);
      return {
        get: (params = []) => statement.get(...params),
        all: (params = []) => statement.all(...params),
        run: (params = []) => statement.run(...params),
      };
    },
    get inTransaction() {
      return db.isTransaction;
    },
    close: () => db.close(),
  };
}
