/**
 * Domain records <-> table rows. Queried fields live in columns; everything else is JSON in
 * `body`. Writing spreads the remaining fields into the body, so a field added to a domain type
 * later is stored without a migration instead of being dropped.
 */
import type { ElapsedRecord, HistoryEntry, Stage, Task, TaskComment } from '../../core/domain/model';
import type { TaskFile } from '../../core/domain/files';
import type { Intent, IntentFailure, IntentPayload, IntentState, TaskFieldPatch } from '../../core/sync/intents';
import { isFailureKind } from '../../core/failure';

export type SqlValue = string | number | null;

export interface TaskRow {
  id: string;
  group_id: string;
  stage_id: string;
  responsible_id: string;
  status: number;
  changed_at: number;
  closed_at: number | null;
  deadline: number | null;
  body: string;
}

type TaskBody = Omit<Task, 'id' | 'groupId' | 'stageId' | 'responsibleId' | 'status' | 'changedAt' | 'closedAt' | 'deadline'>;

/** Bind values in the column order of the tasks table. */
export function taskValues(task: Task): SqlValue[] {
  const { id, groupId, stageId, responsibleId, status, changedAt, closedAt, deadline, ...body } = task;
  return [id, groupId, stageId, responsibleId, status, changedAt, closedAt, deadline, JSON.stringify(body satisfies TaskBody)];
}

export function taskFromRow(row: TaskRow): Task {
  const body = JSON.parse(row.body) as TaskBody;
  return {
    ...body,
    id: row.id,
    groupId: row.group_id,
    stageId: row.stage_id,
    responsibleId: row.responsible_id,
    status: row.status as Task['status'],
    changedAt: row.changed_at,
    closedAt: row.closed_at,
    deadline: row.deadline,
  };
}

export interface StageRow {
  id: string;
  group_id: string;
  sort: number;
  body: string;
}

export function stageBody(stage: Stage): string {
  const { id: _id, groupId: _groupId, sort: _sort, ...body } = stage;
  return JSON.stringify(body);
}

export function stageFromRow(row: StageRow): Stage {
  return { ...(JSON.parse(row.body) as Omit<Stage, 'id' | 'groupId' | 'sort'>), id: row.id, groupId: row.group_id, sort: row.sort };
}

export interface HistoryRow {
  task_id: string;
  id: string;
  at: number;
  body: string;
}

export function historyBody(entry: HistoryEntry): string {
  const { id: _id, taskId: _taskId, at: _at, ...body } = entry;
  return JSON.stringify(body);
}

export function historyFromRow(row: HistoryRow): HistoryEntry {
  return { ...(JSON.parse(row.body) as Omit<HistoryEntry, 'id' | 'taskId' | 'at'>), id: row.id, taskId: row.task_id, at: row.at };
}

export interface ElapsedRow {
  id: string;
  task_id: string;
  user_id: string;
  created_at: number;
  body: string;
}

export function elapsedValues(record: ElapsedRecord): SqlValue[] {
  const { id, taskId, userId, createdAt, ...body } = record;
  return [id, taskId, userId, createdAt, JSON.stringify(body)];
}

export function elapsedFromRow(row: ElapsedRow): ElapsedRecord {
  return {
    ...(JSON.parse(row.body) as Omit<ElapsedRecord, 'id' | 'taskId' | 'userId' | 'createdAt'>),
    id: row.id,
    taskId: row.task_id,
    userId: row.user_id,
    createdAt: row.created_at,
  };
}

export interface CommentRow {
  id: string;
  task_id: string;
  posted_at: number;
  body: string;
}

export function commentValues(comment: TaskComment): SqlValue[] {
  const { id, taskId, postedAt, ...body } = comment;
  return [id, taskId, postedAt, JSON.stringify(body)];
}

export function commentFromRow(row: CommentRow): TaskComment {
  return { ...(JSON.parse(row.body) as Omit<TaskComment, 'id' | 'taskId' | 'postedAt'>), id: row.id, taskId: row.task_id, postedAt: row.posted_at };
}

/**
 * A file list as JSON, field by field: only the metadata TaskFile names is written, so a link or
 * token that rode along on the object at run time never reaches the file.
 */
export function taskFilesBody(files: readonly TaskFile[]): string {
  return JSON.stringify(
    files.map((f): TaskFile => ({
      attachmentId: f.attachmentId,
      objectId: f.objectId,
      name: f.name,
      size: f.size,
      type: f.type,
      authorId: f.authorId,
      createdAt: f.createdAt,
      commentId: f.commentId,
      ...(f.origin === undefined ? {} : { origin: f.origin }),
    })),
  );
}

export function taskFilesFromBody(body: string): TaskFile[] {
  return JSON.parse(body) as TaskFile[];
}

export interface IntentRow {
  seq: number;
  state: string;
  payload: string;
  base_changed_at: number | null;
  base_values: string | null;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  last_error_code: string | null;
  last_failure: string | null;
  result_task_id: string | null;
}

/** A kind this version does not know (a newer Pult wrote the file) reads as none. */
function intentFailureOf(value: string | null): IntentFailure | null {
  return value === 'conflict' || isFailureKind(value) ? value : null;
}

export function intentFromRow(row: IntentRow): Intent {
  return {
    seq: row.seq,
    payload: JSON.parse(row.payload) as IntentPayload,
    baseChangedAt: row.base_changed_at,
    baseValues: row.base_values === null ? null : (JSON.parse(row.base_values) as TaskFieldPatch),
    createdAt: row.created_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    lastErrorCode: row.last_error_code,
    lastFailure: intentFailureOf(row.last_failure),
    // The CHECK constraint on the column keeps this one of the four states.
    state: row.state as IntentState,
    resultTaskId: row.result_task_id,
  };
}

/** Bind values for the mutable outbox columns, in the order the UPDATE statement lists them. */
export function intentMutableValues(intent: Intent): SqlValue[] {
  return [
    intent.payload.name,
    intent.state,
    JSON.stringify(intent.payload),
    intent.attempts,
    intent.nextAttemptAt,
    intent.lastError,
    intent.lastErrorCode,
    intent.lastFailure,
    intent.resultTaskId,
  ];
}
