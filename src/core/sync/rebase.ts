/**
 * View = last server state + pending intents replayed in order. One pure function, used by the
 * host to build the board and by tests to state what the user must see.
 */
import type { Task, TaskStatus } from '../domain/model';
import { TaskStatus as Status } from '../domain/model';
import type { Intent, IntentPayload, StatusAction, TaskFieldPatch } from './intents';

export interface BoardTask extends Task {
  /** Edits of this task not yet confirmed by the portal. */
  pendingEdits: number;
  /** An edit the portal refused; the card shows it until retried or discarded. */
  failedEdits: number;
  /** A field conflict waiting for the user. */
  conflicted: boolean;
  /** Created in Pult and not yet on the portal. */
  localOnly: boolean;
}

export const STATUS_AFTER: Record<StatusAction, TaskStatus> = {
  start: Status.InProgress,
  pause: Status.Pending,
  complete: Status.Completed,
  renew: Status.Pending,
  defer: Status.Deferred,
};

/** The local ID of a task created offline, until the portal gives it one. */
export function localTaskId(clientId: string): string {
  return `local:${clientId}`;
}

function parseDate(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = Date.parse(String(value));
  return Number.isNaN(ms) ? null : ms;
}

/** Applies a portal field patch (UPPERCASE names, as tasks.task.update takes them) to a task. */
export function applyFieldPatch(task: Task, fields: TaskFieldPatch): Task {
  const next: Task = { ...task, userFields: { ...task.userFields } };
  for (const [name, value] of Object.entries(fields)) {
    const scalar = Array.isArray(value) ? value[0] ?? null : value;
    switch (name) {
      case 'TITLE':
        next.title = scalar ?? '';
        break;
      case 'DESCRIPTION':
        next.description = scalar ?? '';
        break;
      case 'PRIORITY':
        next.priority = (Number(scalar) === 2 ? 2 : Number(scalar) === 0 ? 0 : 1) as Task['priority'];
        break;
      case 'DEADLINE':
        next.deadline = parseDate(scalar);
        break;
      case 'RESPONSIBLE_ID':
        if (scalar) next.responsibleId = scalar;
        break;
      case 'TIME_ESTIMATE':
        next.timeEstimateSeconds = Number(scalar) || 0;
        break;
      case 'UF_CRM_TASK':
        next.crmLinks = value === null ? [] : Array.isArray(value) ? value : [value];
        break;
      default:
        if (name.startsWith('UF_')) next.userFields[name] = value;
    }
  }
  return next;
}

/** The effect of one intent on the task it is about (null: the intent does not change the card). */
export function applyIntent(task: Task, payload: IntentPayload, at: number): Task | null {
  switch (payload.name) {
    case 'moveCard':
      return { ...task, stageId: payload.stageId };
    case 'updateFields':
      return applyFieldPatch(task, payload.fields);
    case 'changeStatus': {
      const status = STATUS_AFTER[payload.action];
      return { ...task, status, statusChangedAt: at, closedAt: status === Status.Completed ? at : task.closedAt };
    }
    case 'addComment':
    case 'logTime':
      return null;
    case 'createTask':
      return null;
  }
}

function newLocalTask(payload: Extract<IntentPayload, { name: 'createTask' }>, at: number, userId: string): Task {
  const base: Task = {
    id: localTaskId(payload.clientId),
    title: payload.title,
    description: payload.description ?? '',
    status: Status.Pending,
    priority: 1,
    groupId: payload.groupId,
    stageId: '0',
    responsibleId: payload.responsibleId ?? userId,
    createdBy: userId,
    createdAt: at,
    changedAt: at,
    changedBy: userId,
    statusChangedAt: at,
    activityAt: at,
    closedAt: null,
    deadline: null,
    timeEstimateSeconds: 0,
    crmLinks: [],
    userFields: {},
    chatId: null,
  };
  return payload.fields ? applyFieldPatch(base, payload.fields) : base;
}

/**
 * Replays the outbox over the server snapshot. Failed and conflicted intents are not applied:
 * the card shows the portal's state with a mark until the user decides.
 */
export function rebase(serverTasks: readonly Task[], intents: readonly Intent[], currentUserId: string): BoardTask[] {
  const byId = new Map<string, BoardTask>();
  for (const task of serverTasks) byId.set(task.id, { ...task, pendingEdits: 0, failedEdits: 0, conflicted: false, localOnly: false });

  for (const intent of [...intents].sort((a, b) => a.seq - b.seq)) {
    const payload = intent.payload;
    if (payload.name === 'createTask') {
      if (intent.state === 'failed') continue;
      const id = intent.resultTaskId ?? localTaskId(payload.clientId);
      if (!byId.has(id)) byId.set(id, { ...newLocalTask(payload, intent.createdAt, currentUserId), id, pendingEdits: 1, failedEdits: 0, conflicted: false, localOnly: intent.resultTaskId === null });
      continue;
    }
    // Edits of a task created offline name it `local:<clientId>` until the create succeeds; the
    // engine then rewrites them to the portal ID in the same transaction.
    const target = byId.get(payload.taskId);
    if (!target) continue;
    if (intent.state === 'failed') {
      target.failedEdits++;
      continue;
    }
    if (intent.state === 'conflict') {
      target.conflicted = true;
      continue;
    }
    const next = applyIntent(target, payload, intent.createdAt);
    const updated: BoardTask = next ? { ...target, ...next } : target;
    updated.pendingEdits = target.pendingEdits + 1;
    byId.set(target.id, updated);
  }
  return [...byId.values()];
}

/** The tasks queued edits touch (a create once the portal has given its task an ID). */
export function intentTaskIds(intents: readonly Intent[]): string[] {
  const ids: string[] = [];
  for (const { payload, resultTaskId } of intents) {
    if (payload.name !== 'createTask') ids.push(payload.taskId);
    else if (resultTaskId) ids.push(resultTaskId);
  }
  return ids;
}
