/**
 * The SyncStore port over one SQLite file (libsql, synchronous). Every method is atomic on its
 * own and joins the caller's transaction when there is one; every failure is a StoreError.
 */
import type { Company, Department, ElapsedRecord, Group, GroupMembership, HistoryEntry, Stage, Task, TaskComment, User, UserFieldDefinition } from '../../core/domain/model';
import type { TaskFile } from '../../core/domain/files';
import type { Intent } from '../../core/sync/intents';
import type { BoardScope, IntentPatch, NewIntent, SyncStore } from '../../core/sync/store';
import { TaskStatus } from '../../core/domain/model';
import { openConnection, type Connection, type SqliteStoreOptions } from './connection';
import { StoreError, toStoreError } from './errors';
import * as rows from './rows';
import { Transactions } from './transactions';

type Statement = ReturnType<Connection['prepare']>;

/** A task within a BoardScope (bound as its closedSince, then its keepIds as JSON). */
const IN_SCOPE = (table: string) =>
  `(${table}status != ${TaskStatus.Completed} OR ${table}closed_at IS NULL OR ${table}closed_at >= ? OR ${table}id IN (SELECT value FROM json_each(?)))`;
const scopeValues = (scope: BoardScope): [number, string] => [scope.closedSince, JSON.stringify(scope.keepIds)];

/** Numeric portal IDs as strings: shorter first puts "9" before "10". */
const BY_ID = 'length(id), id';

const TASK_COLUMNS = 'id, group_id, stage_id, responsible_id, status, changed_at, closed_at, deadline, body';
const INTENT_COLUMNS = 'seq, state, payload, base_changed_at, base_values, created_at, attempts, next_attempt_at, last_error, last_error_code, last_failure, result_task_id';

/** The user's own workgroups as JSON; an empty list means "a member of none". */
const MEMBERSHIPS_KEY = 'directory:memberships';

type DirectoryTable = 'groups' | 'users' | 'departments' | 'companies' | 'user_fields';

/** Opens (creating and migrating if needed) the store at `filePath`; ':memory:' for a throwaway one. */
export function openSqliteStore(filePath: string, options: SqliteStoreOptions = {}): SyncStore {
  return new SqliteStore(openConnection(filePath, options), filePath);
}

class SqliteStore implements SyncStore {
  private readonly statements = new Map<string, Statement>();
  private readonly transactions: Transactions;
  private closed = false;

  constructor(
    private readonly db: Connection,
    private readonly file: string,
  ) {
    this.transactions = new Transactions(db);
  }

  transaction<T>(work: () => T): T {
    return this.write('save changes', work);
  }

  upsertTasks(tasks: readonly Task[]): void {
    this.write('save tasks', () => {
      const insert = this.stmt(
        `INSERT INTO tasks (${TASK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, stage_id = excluded.stage_id,
           responsible_id = excluded.responsible_id, status = excluded.status, changed_at = excluded.changed_at,
           closed_at = excluded.closed_at, deadline = excluded.deadline, body = excluded.body`,
      );
      for (const task of tasks) insert.run(rows.taskValues(task));
    });
  }

  deleteTasks(ids: readonly string[]): void {
    this.write('delete tasks', () => {
      const remove = this.stmt('DELETE FROM tasks WHERE id = ?');
      const removeFiles = this.stmt('DELETE FROM task_files WHERE task_id = ?');
      for (const id of ids) {
        remove.run([id]);
        removeFiles.run([id]);
      }
    });
  }

  getTask(id: string): Task | null {
    const row = this.read('read a task', () => this.stmt(`SELECT ${TASK_COLUMNS} FROM tasks WHERE id = ?`).get([id]));
    return row === undefined ? null : rows.taskFromRow(row as rows.TaskRow);
  }

  tasksByGroup(groupId: string, scope?: BoardScope): Task[] {
    const found = this.read('read tasks', () =>
      scope
        ? this.stmt(`SELECT ${TASK_COLUMNS} FROM tasks WHERE group_id = ? AND ${IN_SCOPE('')} ORDER BY ${BY_ID}`).all([groupId, ...scopeValues(scope)])
        : this.stmt(`SELECT ${TASK_COLUMNS} FROM tasks WHERE group_id = ? ORDER BY ${BY_ID}`).all([groupId]),
    );
    return (found as rows.TaskRow[]).map(rows.taskFromRow);
  }

  taskIdsByGroup(groupId: string): string[] {
    const found = this.read('read tasks', () => this.stmt(`SELECT id FROM tasks WHERE group_id = ? ORDER BY ${BY_ID}`).all([groupId]));
    return (found as { id: string }[]).map((row) => row.id);
  }

  countTasks(): number {
    return this.read('count tasks', () => (this.stmt('SELECT count(*) AS n FROM tasks').get([]) as { n: number }).n);
  }

  replaceStages(groupId: string, stages: readonly Stage[]): void {
    const stray = stages.find((stage) => stage.groupId !== groupId);
    if (stray) throw new StoreError('invalid', `Stage ${stray.id} belongs to group ${stray.groupId}, not ${groupId}`);
    this.write('save stages', () => {
      this.stmt('DELETE FROM stages WHERE group_id = ?').run([groupId]);
      const insert = this.stmt('INSERT INTO stages (group_id, id, position, sort, body) VALUES (?, ?, ?, ?, ?)');
      stages.forEach((stage, position) => insert.run([groupId, stage.id, position, stage.sort, rows.stageBody(stage)]));
    });
  }

  /** Ordered by `sort`, as the board shows them; ties keep the order they were saved in. */
  stagesByGroup(groupId: string): Stage[] {
    const found = this.read('read stages', () => this.stmt('SELECT id, group_id, sort, body FROM stages WHERE group_id = ? ORDER BY sort, position').all([groupId]));
    return (found as rows.StageRow[]).map(rows.stageFromRow);
  }

  replaceGroups(groups: readonly Group[]): void {
    this.replaceDirectory('groups', groups, (group) => group.id);
  }
  groups(): Group[] {
    return this.directory<Group>('groups');
  }
  replaceUsers(users: readonly User[]): void {
    this.replaceDirectory('users', users, (user) => user.id);
  }
  users(): User[] {
    return this.directory<User>('users');
  }
  replaceDepartments(departments: readonly Department[]): void {
    this.replaceDirectory('departments', departments, (department) => department.id);
  }
  departments(): Department[] {
    return this.directory<Department>('departments');
  }
  replaceCompanies(companies: readonly Company[]): void {
    this.replaceDirectory('companies', companies, (company) => company.id);
  }
  companies(): Company[] {
    return this.directory<Company>('companies');
  }
  // A short list kept whole under one key (no schema change): absent means never read.
  replaceMemberships(memberships: readonly GroupMembership[]): void {
    this.setCursor(MEMBERSHIPS_KEY, JSON.stringify(memberships));
  }
  memberships(): GroupMembership[] | null {
    const stored = this.getCursor(MEMBERSHIPS_KEY);
    return stored === null ? null : (JSON.parse(stored) as GroupMembership[]);
  }
  replaceUserFields(fields: readonly UserFieldDefinition[]): void {
    this.replaceDirectory('user_fields', fields, (field) => field.name);
  }
  userFields(): UserFieldDefinition[] {
    return this.directory<UserFieldDefinition>('user_fields');
  }

  replaceHistory(taskId: string, entries: readonly HistoryEntry[]): void {
    const stray = entries.find((entry) => entry.taskId !== taskId);
    if (stray) throw new StoreError('invalid', `History entry ${stray.id} belongs to task ${stray.taskId}, not ${taskId}`);
    this.write('save task history', () => {
      this.stmt('DELETE FROM history WHERE task_id = ?').run([taskId]);
      const insert = this.stmt('INSERT INTO history (task_id, id, position, at, body) VALUES (?, ?, ?, ?, ?)');
      entries.forEach((entry, position) => insert.run([taskId, entry.id, position, entry.at, rows.historyBody(entry)]));
    });
  }

  /** In the order it was saved (the portal's order). */
  historyByTask(taskId: string): HistoryEntry[] {
    const found = this.read('read task history', () => this.stmt('SELECT task_id, id, at, body FROM history WHERE task_id = ? ORDER BY position').all([taskId]));
    return (found as rows.HistoryRow[]).map(rows.historyFromRow);
  }

  historyByGroup(groupId: string, fields: readonly string[], scope?: BoardScope): Map<string, HistoryEntry[]> {
    const found = this.read('read board history', () =>
      this.stmt(
        `SELECT h.task_id, h.id, h.at, h.body FROM history h JOIN tasks t ON t.id = h.task_id
         WHERE t.group_id = ? AND ${scope ? IN_SCOPE('t.') : '1'} AND json_extract(h.body, '$.field') IN (SELECT value FROM json_each(?))
         ORDER BY h.task_id, h.position`,
      ).all([groupId, ...(scope ? scopeValues(scope) : []), JSON.stringify(fields)]),
    );
    return groupHistory(found as rows.HistoryRow[]);
  }

  historyByTasks(taskIds: readonly string[], fields: readonly string[]): Map<string, HistoryEntry[]> {
    if (taskIds.length === 0) return new Map();
    const found = this.read('read board history', () =>
      this.stmt(
        `SELECT task_id, id, at, body FROM history WHERE task_id IN (SELECT value FROM json_each(?))
         AND json_extract(body, '$.field') IN (SELECT value FROM json_each(?)) ORDER BY task_id, position`,
      ).all([JSON.stringify(taskIds), JSON.stringify(fields)]),
    );
    return groupHistory(found as rows.HistoryRow[]);
  }

  upsertElapsed(records: readonly ElapsedRecord[]): void {
    this.write('save time records', () => {
      const insert = this.stmt(
        `INSERT INTO elapsed (id, task_id, user_id, created_at, body) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET task_id = excluded.task_id, user_id = excluded.user_id,
           created_at = excluded.created_at, body = excluded.body`,
      );
      for (const record of records) insert.run(rows.elapsedValues(record));
    });
  }

  /** Oldest first. */
  elapsedByTask(taskId: string): ElapsedRecord[] {
    const found = this.read('read time records', () =>
      this.stmt(`SELECT id, task_id, user_id, created_at, body FROM elapsed WHERE task_id = ? ORDER BY created_at, ${BY_ID}`).all([taskId]),
    );
    return (found as rows.ElapsedRow[]).map(rows.elapsedFromRow);
  }

  elapsedBetween(from: number, to: number): ElapsedRecord[] {
    const found = this.read('read time records', () =>
      this.stmt(`SELECT id, task_id, user_id, created_at, body FROM elapsed WHERE created_at >= ? AND created_at < ? ORDER BY created_at, ${BY_ID}`).all([from, to]),
    );
    return (found as rows.ElapsedRow[]).map(rows.elapsedFromRow);
  }

  upsertComments(comments: readonly TaskComment[]): void {
    this.write('save comments', () => {
      const insert = this.stmt(
        `INSERT INTO comments (id, task_id, posted_at, body) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET task_id = excluded.task_id, posted_at = excluded.posted_at, body = excluded.body`,
      );
      for (const comment of comments) insert.run(rows.commentValues(comment));
    });
  }

  /** Oldest first. */
  commentsByTask(taskId: string): TaskComment[] {
    const found = this.read('read comments', () =>
      this.stmt(`SELECT id, task_id, posted_at, body FROM comments WHERE task_id = ? ORDER BY posted_at, ${BY_ID}`).all([taskId]),
    );
    return (found as rows.CommentRow[]).map(rows.commentFromRow);
  }

  replaceTaskFiles(taskId: string, files: readonly TaskFile[], readAt: number, keepTasks: number): void {
    this.write('save a card\'s file list', () => {
      this.stmt(
        `INSERT INTO task_files (task_id, read_at, body) VALUES (?, ?, ?)
         ON CONFLICT (task_id) DO UPDATE SET read_at = excluded.read_at, body = excluded.body`,
      ).run([taskId, readAt, rows.taskFilesBody(files)]);
      // The most recently read lists stay; this one is among them whatever the clock did.
      this.stmt(
        `DELETE FROM task_files WHERE task_id != ? AND task_id NOT IN
           (SELECT task_id FROM task_files WHERE task_id != ? ORDER BY read_at DESC, task_id LIMIT ?)`,
      ).run([taskId, taskId, Math.max(0, keepTasks - 1)]);
    });
  }

  taskFiles(taskId: string): { files: TaskFile[]; readAt: number } | null {
    const row = this.read('read a card\'s file list', () => this.stmt('SELECT read_at, body FROM task_files WHERE task_id = ?').get([taskId])) as
      | { read_at: number; body: string }
      | undefined;
    return row === undefined ? null : { files: rows.taskFilesFromBody(row.body), readAt: row.read_at };
  }

  getCursor(key: string): string | null {
    const row = this.read('read sync state', () => this.stmt('SELECT value FROM cursors WHERE key = ?').get([key])) as { value: string } | undefined;
    return row === undefined ? null : row.value;
  }

  setCursor(key: string, value: string): void {
    this.write('save sync state', () => {
      this.stmt('INSERT INTO cursors (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run([key, value]);
    });
  }

  /** Durable when it returns; inside a transaction(), durable when that transaction returns. */
  addIntent(intent: NewIntent): Intent {
    return this.write('queue the edit', () => {
      const result = this.stmt(
        `INSERT INTO outbox (name, state, payload, base_changed_at, base_values, created_at, attempts, next_attempt_at)
         VALUES (?, 'queued', ?, ?, ?, ?, 0, ?)`,
      ).run([
        intent.payload.name,
        JSON.stringify(intent.payload),
        intent.baseChangedAt,
        intent.baseValues === null ? null : JSON.stringify(intent.baseValues),
        intent.createdAt,
        // Due at once (0, not createdAt): a portal clock re-measured a second lower after a
        // restart must not hold a new edit back.
        0,
      ]);
      const seq = Number(result.lastInsertRowid);
      return this.intentBySeq(seq) ?? this.fail('invalid', `Intent ${seq} vanished right after it was written`);
    });
  }

  listIntents(): Intent[] {
    const found = this.read('read the outbox', () => this.stmt(`SELECT ${INTENT_COLUMNS} FROM outbox ORDER BY seq`).all([]));
    return (found as rows.IntentRow[]).map(rows.intentFromRow);
  }

  updateIntent(seq: number, patch: IntentPatch): void {
    this.write('update a queued edit', () => {
      const current = this.intentBySeq(seq) ?? this.fail('invalid', `No intent ${seq} in the outbox (already sent or discarded?)`);
      // A key present with `undefined` means "not given", as in a spread of optional fields.
      const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as IntentPatch;
      const next: Intent = { ...current, ...given };
      this.stmt(
        `UPDATE outbox SET name = ?, state = ?, payload = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
           last_error_code = ?, last_failure = ?, result_task_id = ? WHERE seq = ?`,
      ).run([...rows.intentMutableValues(next), seq]);
    });
  }

  removeIntent(seq: number): void {
    this.write('remove a queued edit', () => {
      this.stmt('DELETE FROM outbox WHERE seq = ?').run([seq]);
    });
  }

  close(): void {
    if (this.closed) return;
    if (this.transactions.active) throw new StoreError('invalid', 'Cannot close the store inside a transaction');
    this.closed = true;
    this.statements.clear();
    // libsql's close leaves the WAL beside the file; folding it in keeps pult.db whole on its own
    // (a copied backup has everything). Failure (a read-only file) only means the WAL stays.
    try {
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch {
      // Nothing lost: the next open replays the WAL.
    }
    this.db.close();
  }

  private intentBySeq(seq: number): Intent | null {
    const row = this.stmt(`SELECT ${INTENT_COLUMNS} FROM outbox WHERE seq = ?`).get([seq]);
    return row === undefined ? null : rows.intentFromRow(row as rows.IntentRow);
  }

  private replaceDirectory<T>(table: DirectoryTable, items: readonly T[], key: (item: T) => string): void {
    const keyColumn = table === 'user_fields' ? 'name' : 'id';
    this.write(`save ${table.replace('_', ' ')}`, () => {
      this.stmt(`DELETE FROM ${table}`).run([]);
      const insert = this.stmt(`INSERT INTO ${table} (${keyColumn}, position, body) VALUES (?, ?, ?)`);
      items.forEach((item, position) => insert.run([key(item), position, JSON.stringify(item)]));
    });
  }

  /** Directory records are stored whole, in the order they were saved. */
  private directory<T>(table: DirectoryTable): T[] {
    const found = this.read(`read ${table.replace('_', ' ')}`, () => this.stmt(`SELECT body FROM ${table} ORDER BY position`).all([]));
    return (found as { body: string }[]).map((row) => JSON.parse(row.body) as T);
  }

  /** Prepared once per SQL text: preparing is a large share of a small statement's cost. */
  private stmt(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private write<T>(action: string, work: () => T): T {
    return this.guard(action, () => this.transactions.run(work));
  }

  private read<T>(action: string, work: () => T): T {
    return this.guard(action, work);
  }

  private guard<T>(action: string, work: () => T): T {
    if (this.closed) throw new StoreError('closed', `Could not ${action}: the store ${this.file} is closed`);
    try {
      return work();
    } catch (error) {
      throw toStoreError(error, this.file, action);
    }
  }

  private fail(code: 'invalid', message: string): never {
    throw new StoreError(code, message);
  }
}

function groupHistory(found: readonly rows.HistoryRow[]): Map<string, HistoryEntry[]> {
  const byTask = new Map<string, HistoryEntry[]>();
  for (const row of found) {
    const entry = rows.historyFromRow(row);
    const list = byTask.get(entry.taskId);
    if (list) list.push(entry);
    else byTask.set(entry.taskId, [entry]);
  }
  return byTask;
}
