import type { CallContext } from '../contract';
import type { HistoryEntry, Task } from './model';
import type { Services } from './services';
import { timeSpentInLogs } from './generate-tasks';

/** Fields whose changes the task log records, with how their values are written. */
const LOGGED: Record<string, (t: Task) => string | null> = {
  TITLE: (t) => t.title,
  DESCRIPTION: (t) => t.description,
  STATUS: (t) => String(t.status),
  PRIORITY: (t) => String(t.priority),
  GROUP_ID: (t) => String(t.groupId),
  STAGE_ID: (t) => String(t.stageId),
  RESPONSIBLE_ID: (t) => String(t.responsibleId),
  CREATED_BY: (t) => String(t.createdBy),
  // CTaskLog: DEADLINE is a 'date' field, logged as a unix timestamp in seconds (README "Task history").
  DEADLINE: (t) => (t.deadline === null ? null : String(Math.floor(t.deadline / 1000))),
  TIME_ESTIMATE: (t) => String(t.timeEstimate),
  TIME_SPENT_IN_LOGS: (t) => String(timeSpentInLogs(t)),
  ACCOMPLICES: (t) => t.accomplices.join(','),
  AUDITORS: (t) => t.auditors.join(','),
  TASK_CONTROL: (t) => (t.taskControl ? 'Y' : 'N'),
  ALLOW_TIME_TRACKING: (t) => (t.allowTimeTracking ? 'Y' : 'N'),
};

function ufString(t: Task, name: string): string | null {
  const v = t.uf[name];
  if (v === null || v === undefined) return null;
  return Array.isArray(v) ? v.join(',') : String(v);
}

export function snapshot(t: Task): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [field, get] of Object.entries(LOGGED)) out[field] = get(t);
  for (const name of Object.keys(t.uf)) out[name] = ufString(t, name);
  return out;
}

/** An empty user field is logged as '' (CTaskLog::GetChanges writes false; the text column keeps ''). */
function logValue(field: string, value: string | null | undefined): string | null {
  return value ?? (field.startsWith('UF_') ? '' : null);
}

export function addHistory(s: Services, task: Task, field: string, from: string | null, to: string | null, userId: number): HistoryEntry {
  const entry: HistoryEntry = { id: s.state.next.history++, taskId: task.id, createdDate: s.state.now(), field, from, to, userId };
  task.live.history.push(entry);
  return entry;
}

/** Whose change it was, for the offline queue's self-suppression (server-facts §6). */
export function originOf(ctx: CallContext | null): { clientId?: string; authConnector?: string } | undefined {
  if (!ctx) return undefined;
  const origin: { clientId?: string; authConnector?: string } = {};
  if (ctx.clientId !== undefined) origin.clientId = ctx.clientId;
  if (ctx.authConnector !== undefined) origin.authConnector = ctx.authConnector;
  return origin;
}

type Slot = Record<string, unknown> | 'undefined';

/** Emits a task event with EVENT_DATA as the tasks module's onEventFilter builds it (server-facts §6). */
export function emitTaskEvent(
  s: Services, ctx: CallContext | null, userId: number, name: string,
  before: Slot, after: Slot, accessibleBefore: 'N' | 'undefined' = 'undefined', accessibleAfter: 'N' | 'undefined' = 'undefined',
): void {
  const event = {
    name,
    data: { FIELDS_BEFORE: before, FIELDS_AFTER: after, IS_ACCESSIBLE_BEFORE: accessibleBefore, IS_ACCESSIBLE_AFTER: accessibleAfter },
    userId: String(userId),
  };
  const origin = originOf(ctx);
  s.state.emit(origin ? { ...event, origin } : event);
}

/** Marks the task changed now by `userId` (CHANGED_DATE and ACTIVITY_DATE move; LU timers read them). */
export function touch(s: Services, task: Task, userId: number): void {
  const now = s.state.now();
  task.changedDate = now;
  task.activityDate = now;
  task.changedBy = userId;
}

/**
 * Applies `change` to the task, logs every field that really changed, bumps the change dates and
 * fires OnTaskUpdate. Returns the names of changed fields.
 */
export function changeTask(s: Services, ctx: CallContext | null, userId: number, task: Task, change: (t: Task) => void): string[] {
  const before = snapshot(task);
  change(task);
  const after = snapshot(task);
  const changed = Object.keys(after).filter((k) => before[k] !== after[k]);
  if (changed.length === 0) return changed;
  for (const field of changed) addHistory(s, task, field, logValue(field, before[field]), logValue(field, after[field]), userId);
  touch(s, task, userId);
  if (changed.includes('STATUS')) task.statusChangedDate = task.changedDate;
  emitTaskEvent(s, ctx, userId, 'ONTASKUPDATE', { ID: task.id }, { ID: task.id });
  return changed;
}
