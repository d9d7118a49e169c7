/**
 * Flow metrics for bottlenecks: work in each stage, cycle-time percentiles (frozen WIA of tasks
 * finished in the last 90 days), throughput per ISO week, and reopened tasks.
 */
import type { HistoryEntry, Stage, Task } from './model';
import type { StageRole } from './settings';
import { resolveStage, roleOfStage, type StageMap } from './stage-map';
import { buildTimeline, completedAt } from './task-timeline';
import { wia } from './timers';
import { DAY_MS, portalIsoWeekKey } from './portal-time';

type FlowTask = Pick<Task, 'id' | 'groupId' | 'stageId' | 'status' | 'createdAt' | 'changedAt' | 'closedAt' | 'statusChangedAt'>;
type HistoryByTask = ReadonlyMap<string, readonly HistoryEntry[]>;

export interface StageCount {
  stageId: string;
  groupId: string;
  title: string;
  role: StageRole | null;
  count: number;
}

/** Tasks per stage in board order; stage "0" counts in its group's first stage. */
export function tasksPerStage(tasks: readonly FlowTask[], map: StageMap): StageCount[] {
  const counts = new Map<string, number>();
  for (const task of tasks) {
    const stage = resolveStage(map, task.groupId, task.stageId);
    if (stage) counts.set(stage.id, (counts.get(stage.id) ?? 0) + 1);
  }
  const rows: StageCount[] = [];
  for (const stages of map.stagesOfGroup.values()) {
    for (const stage of stages as Stage[]) {
      const role = roleOfStage(map, stage.groupId, stage.id);
      rows.push({ stageId: stage.id, groupId: stage.groupId, title: stage.title, role, count: counts.get(stage.id) ?? 0 });
    }
  }
  return rows;
}

export interface CycleTimePercentiles {
  count: number;
  /** Seconds; null when no task finished in the window. */
  p50: number | null;
  p85: number | null;
  p95: number | null;
}

/** Nearest-rank percentiles of the cycle time of tasks finished within `windowDays` before now. */
export function cycleTimePercentiles(
  tasks: readonly FlowTask[],
  historyByTask: HistoryByTask,
  map: StageMap,
  now: number,
  windowDays = 90,
): CycleTimePercentiles {
  const since = now - windowDays * DAY_MS;
  const cycles: number[] = [];
  for (const task of tasks) {
    const history = historyByTask.get(task.id) ?? [];
    const timeline = buildTimeline(task, history, map);
    const doneAt = completedAt(task, timeline, map);
    if (doneAt === null || doneAt < since || doneAt > now) continue;
    const timer = wia(task, history, map, now, timeline);
    if (timer.frozen && timer.seconds !== null) cycles.push(timer.seconds);
  }
  cycles.sort((a, b) => a - b);
  return { count: cycles.length, p50: percentile(cycles, 50), p85: percentile(cycles, 85), p95: percentile(cycles, 95) };
}

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export interface WeekCount {
  week: string;
  count: number;
}

/** Tasks finished per ISO week (portal time) from `from` to `to`, empty weeks included. */
export function throughputPerWeek(
  tasks: readonly FlowTask[],
  historyByTask: HistoryByTask,
  map: StageMap,
  utcOffsetMinutes: number,
  from: number,
  to: number,
): WeekCount[] {
  const counts = new Map<string, number>();
  // Every day of the range names its week, so weeks without completions still show as 0.
  for (let at = from; at < to + DAY_MS; at += DAY_MS) counts.set(portalIsoWeekKey(Math.min(at, to), utcOffsetMinutes), 0);
  for (const task of tasks) {
    const doneAt = completedAt(task, buildTimeline(task, historyByTask.get(task.id) ?? [], map), map);
    if (doneAt === null || doneAt < from || doneAt > to) continue;
    const week = portalIsoWeekKey(doneAt, utcOffsetMinutes);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return [...counts.entries()].map(([week, count]) => ({ week, count }));
}

export interface ReopenedTask {
  taskId: string;
  title: string;
  times: number;
  lastReopenedAt: number;
}

/** Tasks that left done at least once (STATUS from 5, or a stage out of a done stage). */
export function reopenedTasks(
  tasks: readonly (FlowTask & Pick<Task, 'title'>)[],
  historyByTask: HistoryByTask,
  map: StageMap,
): ReopenedTask[] {
  const rows: ReopenedTask[] = [];
  for (const task of tasks) {
    const { reopenedAt } = buildTimeline(task, historyByTask.get(task.id) ?? [], map);
    const last = reopenedAt[reopenedAt.length - 1];
    if (last !== undefined) rows.push({ taskId: task.id, title: task.title, times: reopenedAt.length, lastReopenedAt: last });
  }
  return rows.sort((a, b) => b.times - a.times || b.lastReopenedAt - a.lastReopenedAt);
}
