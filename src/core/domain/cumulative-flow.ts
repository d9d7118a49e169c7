/**
 * Cumulative flow: how many tasks stood in each stage role at the end of each portal day, rebuilt
 * from every task's timeline. Bands that widen over time show where work piles up.
 */
import type { HistoryEntry, Task } from './model';
import type { StageRole } from './settings';
import { STAGE_ROLES } from './settings';
import type { StageMap } from './stage-map';
import { buildTimeline, type TimelineState } from './task-timeline';
import { portalDayKeyToInstant, portalDayKeysBetween, DAY_MS } from './portal-time';

export interface FlowDay {
  day: string;
  counts: Record<StageRole, number>;
}

type FlowTask = Pick<Task, 'id' | 'groupId' | 'stageId' | 'status' | 'createdAt'>;

function stateAt(states: readonly TimelineState[], instant: number): TimelineState | null {
  let current: TimelineState | null = null;
  for (const state of states) {
    if (state.at > instant) break;
    current = state;
  }
  return current;
}

export function cumulativeFlow(
  tasks: readonly FlowTask[],
  historyByTask: ReadonlyMap<string, readonly HistoryEntry[]>,
  map: StageMap,
  utcOffsetMinutes: number,
  fromDay: string,
  toDay: string,
): FlowDay[] {
  const days = portalDayKeysBetween(fromDay, toDay);
  const ends = days.map((day) => portalDayKeyToInstant(day, utcOffsetMinutes) + DAY_MS - 1);
  const rows: FlowDay[] = days.map((day) => ({ day, counts: Object.fromEntries(STAGE_ROLES.map((role) => [role, 0])) as Record<StageRole, number> }));
  for (const task of tasks) {
    const timeline = buildTimeline(task, historyByTask.get(task.id) ?? [], map);
    ends.forEach((end, index) => {
      const state = stateAt(timeline.states, end);
      if (!state) return; // not created yet
      const role: StageRole | null = state.done ? 'done' : state.role;
      if (role) rows[index]!.counts[role]++;
    });
  }
  return rows;
}
