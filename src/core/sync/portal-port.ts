/**
 * What the sync engine needs from a portal, in domain terms. Implemented over the REST client in
 * core/bitrix/gateway.ts; faked in engine unit tests.
 */
import { isFailureKind, type FailureKind } from '../failure';
import type { Company, Department, ElapsedRecord, Group, GroupMembership, HistoryEntry, Stage, Task, TaskComment, User, UserFieldDefinition } from '../domain/model';
import type { Intent } from './intents';

export interface DirectoryRefresh {
  memberships: GroupMembership[] | null;
  stages: Map<string, Stage[]>;
}

export interface Identity {
  userId: string;
  isAdmin: boolean;
}

export interface TaskExtras {
  history: HistoryEntry[];
  elapsed: ElapsedRecord[];
  /** Null when not asked for. */
  comments: TaskComment[] | null;
}

/** One task whose extras are wanted; comments only where asked (open tasks). */
export interface ExtrasRequest {
  taskId: string;
  comments: boolean;
}

export interface TaskStamp {
  groupId: string;
  changedAt: number;
}

export interface TaskQuery {
  groupIds: readonly string[];
  /** Only tasks changed after this portal time (ms). */
  changedAfter?: number;
  onProgress?: (read: number, total: number) => void;
}

/** What happened to one intent when sent. */
export type SendOutcome =
  | { kind: 'done'; task: Task | null }
  /** Refused by the portal: not retried blindly, shown with the portal's message. */
  | { kind: 'refused'; code: string; message: string }
  /** Try again later (network, 5xx, limits); nothing was applied. */
  | { kind: 'retry'; failure: FailureKind; code: string; message: string; retryAt: number | null }
  /** The answer was lost: the change may or may not be on the portal. */
  | { kind: 'ambiguous'; failure: FailureKind; code: string; message: string }
  | { kind: 'signed-out'; code: string; message: string };

export interface OfflineEventBatch {
  changedTaskIds: string[];
  deletedTaskIds: string[];
}

export interface PortalGateway {
  /** The portal's clock now (ms) — measured, so a wrong workstation clock does not lie. */
  serverTime(): Promise<number>;
  identity(): Promise<Identity>;
  /** The portal's UTC offset in minutes (from server.time). */
  portalOffsetMinutes(): number;

  readGroups(): Promise<Group[]>;
  /** The signed-in user's own workgroups. */
  readMemberships(): Promise<GroupMembership[]>;
  readStages(groupId: string): Promise<Stage[]>;
  /**
   * Membership and the stages of these groups again, in one request: what a refused part could not
   * tell is null (membership) or left out (a group's stages), so the stored copy stays.
   */
  readDirectoryRefresh(groupIds: readonly string[]): Promise<DirectoryRefresh>;
  readUsers(): Promise<User[]>;
  readDepartments(): Promise<Department[]>;
  readCompanies(): Promise<Company[]>;
  readUserFields(): Promise<UserFieldDefinition[]>;

  readTasks(query: TaskQuery): Promise<Task[]>;
  readTasksByIds(ids: readonly string[]): Promise<Task[]>;
  /** ID, group and change time of every task in the groups: the cheap reconciliation read. */
  readTaskIds(groupIds: readonly string[]): Promise<Map<string, TaskStamp>>;
  readHistory(taskId: string): Promise<HistoryEntry[]>;
  /** History, time records and comments of many tasks, batched (several tasks to a request). */
  readTaskExtras(requests: readonly ExtrasRequest[]): Promise<Map<string, TaskExtras>>;
  readElapsed(taskId: string): Promise<ElapsedRecord[]>;
  readComments(taskId: string): Promise<TaskComment[]>;

  /** Offline events (portal admin on OAuth only); null when this connection cannot use them. */
  pollOfflineEvents(): Promise<OfflineEventBatch | null>;
  /**
   * Binds the task events to the offline queue where they are not bound yet (`event.get`, then
   * `event.bind` per missing event); false when this connection cannot use offline events.
   */
  ensureOfflineEvents(): Promise<boolean>;

  /** Sends independent intents together (one batch where possible). */
  send(intents: readonly Intent[]): Promise<Map<number, SendOutcome>>;
  /** After an ambiguous create: the task carrying this client ID, if the portal has it. */
  findCreatedTask(clientId: string, groupId: string, createdAfter: number): Promise<Task | null>;
  /** After an ambiguous append: is it on the portal already? */
  isAppendOnPortal(intent: Intent, userId: string): Promise<boolean>;

  /** HTTP requests sent so far. */
  readonly requestCount: number;
  /** Portal time − local time from the latest answer, null before any answer. */
  portalClockOffset(): number | null;
}

/** How the gateway's failures are read: each carries a `kind` from the one closed set. */
export function portalErrorKind(error: unknown): FailureKind | null {
  if (typeof error === 'object' && error !== null && 'kind' in error && isFailureKind((error as { kind: unknown }).kind)) {
    return (error as { kind: FailureKind }).kind;
  }
  return null;
}

/** A cycle that could not finish, with the connectivity it implies. */
export class SyncCycleError extends Error {
  constructor(
    readonly kind: Extract<FailureKind, 'signed-out' | 'unreachable'>,
    message: string,
  ) {
    super(message);
    this.name = 'SyncCycleError';
  }
}
