/**
 * The local store port. Synchronous on purpose: main owns one SQLite file, every call is short,
 * and a synchronous `transaction` cannot be held across a network request.
 */
import type { Company, Department, ElapsedRecord, Group, GroupMembership, HistoryEntry, Stage, Task, TaskComment, User, UserFieldDefinition } from '../domain/model';
import type { TaskFile } from '../domain/files';
import type { Intent, IntentPayload, TaskFieldPatch } from './intents';

export interface NewIntent {
  payload: IntentPayload;
  baseChangedAt: number | null;
  baseValues: TaskFieldPatch | null;
  createdAt: number;
}

export type IntentPatch = Partial<Pick<Intent, 'attempts' | 'nextAttemptAt' | 'lastError' | 'lastErrorCode' | 'lastFailure' | 'state' | 'resultTaskId' | 'payload'>>;

/**
 * The part of a group a board reads: every task not finished, finished ones since `closedSince`
 * (portal time, ms), and `keepIds` whatever their state (tasks with edits queued).
 */
export interface BoardScope {
  closedSince: number;
  keepIds: readonly string[];
}

export interface SyncStore {
  /** Runs `work` atomically: all of its writes land, or none do. */
  transaction<T>(work: () => T): T;

  upsertTasks(tasks: readonly Task[]): void;
  deleteTasks(ids: readonly string[]): void;
  getTask(id: string): Task | null;
  /** A group's tasks by ID; with a scope, only those a board shows (long-finished ones stay in the store). */
  tasksByGroup(groupId: string, scope?: BoardScope): Task[];
  taskIdsByGroup(groupId: string): string[];
  countTasks(): number;

  replaceStages(groupId: string, stages: readonly Stage[]): void;
  stagesByGroup(groupId: string): Stage[];

  replaceGroups(groups: readonly Group[]): void;
  groups(): Group[];
  replaceUsers(users: readonly User[]): void;
  users(): User[];
  replaceDepartments(departments: readonly Department[]): void;
  departments(): Department[];
  replaceCompanies(companies: readonly Company[]): void;
  companies(): Company[];
  /** The user's own workgroups; null until the portal was first asked. */
  replaceMemberships(memberships: readonly GroupMembership[]): void;
  memberships(): GroupMembership[] | null;
  replaceUserFields(fields: readonly UserFieldDefinition[]): void;
  userFields(): UserFieldDefinition[];

  replaceHistory(taskId: string, entries: readonly HistoryEntry[]): void;
  historyByTask(taskId: string): HistoryEntry[];
  /** The history of these fields for every task of a group, in one read, keyed by task ID. */
  historyByGroup(groupId: string, fields: readonly string[], scope?: BoardScope): Map<string, HistoryEntry[]>;
  /** The history of these fields for these tasks, keyed by task ID. */
  historyByTasks(taskIds: readonly string[], fields: readonly string[]): Map<string, HistoryEntry[]>;
  upsertElapsed(records: readonly ElapsedRecord[]): void;
  elapsedByTask(taskId: string): ElapsedRecord[];
  /** Time records created in [from, to), for plan-vs-fact reports. */
  elapsedBetween(from: number, to: number): ElapsedRecord[];
  upsertComments(comments: readonly TaskComment[]): void;
  commentsByTask(taskId: string): TaskComment[];
  /**
   * A card's file list as last read from the portal (metadata only, never a link), with the
   * local time it was read; `keepTasks` bounds how many tasks' lists stay (the least recently
   * read go). A task deleted from the store loses its list.
   */
  replaceTaskFiles(taskId: string, files: readonly TaskFile[], readAt: number, keepTasks: number): void;
  taskFiles(taskId: string): { files: TaskFile[]; readAt: number } | null;

  /** Sync cursors and other small state ("lastPoll:<groupId>", ...). */
  getCursor(key: string): string | null;
  setCursor(key: string, value: string): void;

  /** Durably appends an intent; returns it with its sequence number. */
  addIntent(intent: NewIntent): Intent;
  /** Every intent still in the outbox, oldest first. */
  listIntents(): Intent[];
  updateIntent(seq: number, patch: IntentPatch): void;
  removeIntent(seq: number): void;

  close(): void;
}
