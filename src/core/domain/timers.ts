/**
 * The two timers on every card. LU (Last update): time since the task last changed. WIA (Work in
 * age): time since the task last entered an in-work stage; frozen at completion as the cycle time.
 */
import { TaskStatus, type HistoryEntry, type Task } from './model';
import type { Threshold } from './settings';
import type { StageMap } from './stage-map';
import { buildTimeline, completedAt, isTaskDone, type TaskTimeline } from './task-timeline';

export type Band = 'ok' | 'warn' | 'alert';

/** Seconds since the last change (`changedAt`, or `activityAt` when later); never negative. */
export function luSeconds(task: Pick<Task, 'changedAt' | 'activityAt'>, now: number): number {
  const last = Math.max(task.changedAt, task.activityAt ?? task.changedAt);
  return Math.max(0, Math.floor((now - last) / 1000));
}

export interface Wia {
  /** Null before the task was taken into work (in this cycle). */
  seconds: number | null;
  /** When the task last entered an in-work stage. */
  startedAt: number | null;
  /** True once the task is done: `seconds` is then its cycle time. */
  frozen: boolean;
}

type WiaTask = Pick<Task, 'groupId' | 'stageId' | 'status' | 'createdAt' | 'changedAt' | 'closedAt' | 'statusChangedAt'>;

export function wia(task: WiaTask, history: readonly HistoryEntry[], map: StageMap, now: number, timeline?: TaskTimeline): Wia {
  const path = timeline ?? buildTimeline(task, history, map);
  const done = isTaskDone(task, map);
  const startedAt = path.hasStageHistory ? lastEntryIntoWork(path) : fallbackStart(task, done);
  if (startedAt === null) return { seconds: null, startedAt: null, frozen: done };
  const end = done ? (completedAt(task, path, map) ?? now) : now;
  return { seconds: Math.max(0, Math.floor((end - startedAt) / 1000)), startedAt, frozen: done };
}

/**
 * The last move from a non-work role into work. Moving between two work stages is not a new
 * entry; leaving done (a reopen) forgets the old start, so WIA is null until work starts again.
 */
function lastEntryIntoWork(timeline: TaskTimeline): number | null {
  let startedAt: number | null = null;
  let inWork = false;
  let wasDone = false;
  for (const state of timeline.states) {
    if (wasDone && !state.done) startedAt = null;
    const nowInWork = state.role === 'work' && !state.done;
    if (nowInWork && !inWork) startedAt = state.at;
    inWork = nowInWork;
    wasDone = state.done;
  }
  return startedAt;
}

/** Without stage history: the status change to "in progress" while the task is in progress. */
function fallbackStart(task: WiaTask, done: boolean): number | null {
  if (done || task.status !== TaskStatus.InProgress) return null;
  return task.statusChangedAt;
}

/** The colour band of a timer: `warn` from the warn threshold on, `alert` from the alert one. */
export function band(seconds: number | null, threshold: Threshold | null): Band {
  if (seconds === null || threshold === null) return 'ok';
  if (seconds >= threshold.alertMinutes * 60) return 'alert';
  if (seconds >= threshold.warnMinutes * 60) return 'warn';
  return 'ok';
}
