/**
 * The schema, as an ordered list of steps. A step is never edited once released: change the
 * schema by appending a step. `PRAGMA user_version` records how many steps a file has had, and
 * all pending steps run in one transaction at open, so a crash mid-upgrade leaves the old schema.
 *
 * Columns are the ones we query or order by; the rest of each record is JSON in `body`, so a new
 * domain field needs no migration. Tables are STRICT so a wrong type is an error, not a silent
 * conversion (a Task must read back exactly as written).
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL,
        stage_id TEXT NOT NULL,
        responsible_id TEXT NOT NULL,
        status INTEGER NOT NULL,
        changed_at INTEGER NOT NULL,
        closed_at INTEGER,
        deadline INTEGER,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tasks_by_group ON tasks (group_id, id);
      CREATE INDEX tasks_by_responsible ON tasks (responsible_id);
      CREATE INDEX tasks_by_changed ON tasks (changed_at);

      CREATE TABLE stages (
        group_id TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        sort INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (group_id, id)
      ) STRICT;

      -- Directory tables are replaced whole; position keeps the order the portal gave.
      CREATE TABLE groups (id TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) STRICT;
      CREATE TABLE users (id TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) STRICT;
      CREATE TABLE departments (id TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) STRICT;
      CREATE TABLE companies (id TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) STRICT;
      CREATE TABLE user_fields (name TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) STRICT;

      CREATE TABLE history (
        task_id TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        at INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (task_id, id)
      ) STRICT;
      CREATE INDEX history_by_task ON history (task_id, position);

      CREATE TABLE elapsed (
        id TEXT PRIMARY KEY,
        task_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX elapsed_by_task ON elapsed (task_id, created_at);
      CREATE INDEX elapsed_by_created ON elapsed (created_at);

      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        task_id TEXT NOT NULL,
        posted_at INTEGER NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX comments_by_task ON comments (task_id, posted_at);

      CREATE TABLE cursors (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      -- AUTOINCREMENT: a seq is never reused, even after the newest intent was removed, so a
      -- seq held by the engine or the UI can never name a different edit.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'failed', 'conflict')),
        payload TEXT NOT NULL,
        base_changed_at INTEGER,
        base_values TEXT,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        last_error_code TEXT,
        result_task_id TEXT
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'the kind of an edit\'s last failure',
    // Rows from before: a refused edit is failed, a conflict is a conflict, and any other
    // stored problem was a failed attempt to reach the portal.
    sql: `
      ALTER TABLE outbox ADD COLUMN last_failure TEXT;
      UPDATE outbox SET last_failure = CASE
        WHEN state = 'failed' THEN 'refused'
        WHEN state = 'conflict' THEN 'conflict'
        WHEN last_error IS NOT NULL THEN 'unreachable'
      END;
    `,
  },
  {
    version: 3,
    name: 'the file list of an opened card',
    // Metadata only (never a download link: those carry the user's token), one row per task with
    // the local time it was read, so a card opened offline after a restart still lists its files.
    sql: `
      CREATE TABLE task_files (
        task_id TEXT PRIMARY KEY,
        read_at INTEGER NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX task_files_by_read ON task_files (read_at);
    `,
  },
];
