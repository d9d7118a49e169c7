/**
 * A task's path through stage roles and statuses, rebuilt from its history (STAGE_ID and STATUS
 * entries). WIA, SLA reaction, completion and reopen counts all read this one walk.
 */
import { TaskStatus, type HistoryEntry, type Task } from './model';
import type { StageRole } from './settings';
import { roleOfStage, type StageMap } from './stage-map';

export interface TimelineState {
  at: number;
  role: StageRole | null;
  done: boolean;
}

export interface TaskTimeline {
  /** True when the history holds at least one STAGE_ID entry. */
  hasStageHistory: boolean;
  /** The state at creation, then one state per change, oldest first. */
  states: TimelineState[];
  /** Moments the task left done (STATUS from 5, or a stage out of a done-role stage). */
  reopenedAt: number[];
}

type TimelineTask = Pick<Task, 'groupId' | 'stageId' | 'createdAt'>;

/** Reopens logged by both STATUS and STAGE_ID within this window count once. */
const SAME_REOPEN_MS = 60_000;

export function buildTimeline(task: TimelineTask, history: readonly HistoryEntry[], map: StageMap): TaskTimeline {
  const entries = history
    .filter((entry) => entry.field === 'STAGE_ID' || entry.field === 'STATUS')
    .slice()
    .sort((a, b) => a.at - b.at);
  const firstStage = entries.find((entry) => entry.field === 'STAGE_ID');
  const firstStatus = entries.find((entry) => entry.field === 'STATUS');
  let role = roleOfStage(map, task.groupId, firstStage ? firstStage.from : task.stageId);
  // Without STATUS entries the status says nothing about the past: only the stage path counts.
  let statusDone = firstStatus ? firstStatus.from === String(TaskStatus.Completed) : false;
  const states: TimelineState[] = [{ at: task.createdAt, role, done: role === 'done' || statusDone }];
  const reopenedAt: number[] = [];
  for (const entry of entries) {
    const wasDone = role === 'done' || statusDone;
    if (entry.field === 'STAGE_ID') role = roleOfStage(map, task.groupId, entry.to);
    else statusDone = entry.to === String(TaskStatus.Completed);
    const done = role === 'done' || statusDone;
    const leftDoneStage = entry.field === 'STAGE_ID' && roleOfStage(map, task.groupId, entry.from) === 'done' && role !== 'done';
    const leftDoneStatus = entry.field === 'STATUS' && entry.from === String(TaskStatus.Completed) && !statusDone;
    if ((wasDone && !done) || leftDoneStage || leftDoneStatus) addReopen(reopenedAt, entry.at);
    states.push({ at: entry.at, role, done });
  }
  return { hasStageHistory: firstStage !== undefined, states, reopenedAt };
}

function addReopen(list: number[], at: number): void {
  const last = list[list.length - 1];
  if (last === undefined || at - last > SAME_REOPEN_MS) list.push(at);
}

/** Whether the task is finished now: status 5 or a done-role stage. */
export function isTaskDone(task: Pick<Task, 'groupId' | 'stageId' | 'status'>, map: StageMap): boolean {
  return task.status === TaskStatus.Completed || roleOfStage(map, task.groupId, task.stageId) === 'done';
}

/** When the task was finished (closedAt, else the last entry into done), or null while open. */
export function completedAt(task: Pick<Task, 'groupId' | 'stageId' | 'status' | 'closedAt' | 'changedAt'>, timeline: TaskTimeline, map: StageMap): number | null {
  if (!isTaskDone(task, map)) return null;
  if (task.closedAt !== null) return task.closedAt;
  let enteredDone: number | null = null;
  let previous = false;
  for (const state of timeline.states) {
    if (state.done && !previous) enteredDone = state.at;
    previous = state.done;
  }
  return enteredDone ?? task.changedAt;
}
