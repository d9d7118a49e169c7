/**
 * "Nobody forgets a task": a task is forgotten when its LU reached the stage's alert threshold,
 * when nobody is responsible past the "new" stage, or when a stopper has been set for too long.
 */
import type { HistoryEntry, Task, User } from './model';
import type { Settings } from './settings';
import { roleOfStage, type StageMap } from './stage-map';
import { isTaskDone } from './task-timeline';
import { band, luSeconds } from './timers';
import { firstFieldValue } from './field-mapping';

export type ForgottenReason =
  | { code: 'lu-alert'; luSeconds: number; alertSeconds: number }
  | { code: 'no-responsible' }
  | { code: 'stopper-too-long'; stopper: string; sinceSeconds: number; thresholdSeconds: number };

export interface ForgottenResult {
  forgotten: boolean;
  reasons: ForgottenReason[];
}

type ForgottenTask = Pick<
  Task,
  'groupId' | 'stageId' | 'status' | 'changedAt' | 'activityAt' | 'responsibleId' | 'createdBy' | 'userFields'
>;

export function forgottenReasons(
  task: ForgottenTask,
  history: readonly HistoryEntry[],
  usersById: ReadonlyMap<string, Pick<User, 'type'>>,
  map: StageMap,
  settings: Pick<Settings, 'thresholds' | 'fields'>,
  now: number,
): ForgottenResult {
  const reasons: ForgottenReason[] = [];
  if (isTaskDone(task, map)) return { forgotten: false, reasons };
  const role = roleOfStage(map, task.groupId, task.stageId);
  const threshold = role ? settings.thresholds.lu[role] : null;
  const lu = luSeconds(task, now);
  if (threshold && band(lu, threshold) === 'alert') {
    reasons.push({ code: 'lu-alert', luSeconds: lu, alertSeconds: threshold.alertMinutes * 60 });
  }
  if (role !== null && role !== 'new' && !hasRealResponsible(task, usersById)) reasons.push({ code: 'no-responsible' });
  const stopper = stopperSince(task, history, settings.fields.blocker);
  if (stopper) {
    const sinceSeconds = Math.max(0, Math.floor((now - stopper.since) / 1000));
    const thresholdSeconds = settings.thresholds.stopperMinutes * 60;
    if (sinceSeconds > thresholdSeconds) {
      reasons.push({ code: 'stopper-too-long', stopper: stopper.value, sinceSeconds, thresholdSeconds });
    }
  }
  return { forgotten: reasons.length > 0, reasons };
}

/**
 * An empty responsible, "0", or an extranet client counts as nobody: a client who created the
 * task lands as its responsible by default, and clients do not do the work.
 */
export function hasRealResponsible(
  task: Pick<Task, 'responsibleId'>,
  usersById: ReadonlyMap<string, Pick<User, 'type'>>,
): boolean {
  const id = task.responsibleId.trim();
  if (id === '' || id === '0') return false;
  return usersById.get(id)?.type !== 'extranet';
}

/** The stopper's value and since when it is set (last history entry that set it; else changedAt). */
export function stopperSince(
  task: Pick<Task, 'userFields' | 'changedAt'>,
  history: readonly HistoryEntry[],
  blockerField: string | null,
): { value: string; since: number } | null {
  if (!blockerField) return null;
  const value = firstFieldValue(task.userFields[blockerField]);
  if (value === '' || value === '0') return null;
  let since: number | null = null;
  for (const entry of history) {
    const setsIt = entry.field === blockerField && (entry.to ?? '').trim() !== '' && entry.to !== '0';
    if (setsIt && (since === null || entry.at > since)) since = entry.at;
  }
  return { value, since: since ?? task.changedAt };
}
