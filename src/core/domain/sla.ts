/**
 * SLA per card kind: reaction (from creation until the task left the "new" role) and resolution
 * (from creation until done), counted over the working calendar. At risk from `riskRatio` of the
 * target used (80 % by default), breached beyond the target.
 */
import type { HistoryEntry, Task } from './model';
import type { CardKind, Settings } from './settings';
import type { StageMap } from './stage-map';
import { roleOfStage } from './stage-map';
import { buildTimeline, completedAt, type TaskTimeline } from './task-timeline';
import { addCountedMs, countedMsBetween } from './work-calendar';
import { MINUTE_MS } from './portal-time';

export type SlaState = 'ok' | 'risk' | 'breached' | 'none';

export interface SlaMeasure {
  state: SlaState;
  /** Counted seconds used so far (or until the clock stopped). */
  usedSeconds: number;
  targetSeconds: number | null;
  /** Target minus used; negative when breached; null without a target. */
  remainingSeconds: number | null;
  /** The instant the target runs out; null without a target. */
  deadline: number | null;
  /** When the clock stopped (reaction given / task done); null while running. */
  stoppedAt: number | null;
}

export interface SlaResult {
  /** The worse of the two measures, for the card. */
  state: SlaState;
  reaction: SlaMeasure;
  resolution: SlaMeasure;
}

type SlaTask = Pick<Task, 'groupId' | 'stageId' | 'status' | 'createdAt' | 'changedAt' | 'closedAt' | 'statusChangedAt'>;

const SEVERITY: Record<SlaState, number> = { none: 0, ok: 1, risk: 2, breached: 3 };

export function slaStatus(
  task: SlaTask,
  kind: CardKind,
  history: readonly HistoryEntry[],
  map: StageMap,
  settings: Pick<Settings, 'sla' | 'calendar'>,
  now: number,
  timeline?: TaskTimeline,
): SlaResult {
  const path = timeline ?? buildTimeline(task, history, map);
  const target = settings.sla[kind];
  const done = completedAt(task, path, map);
  const reacted = reactionAt(task, path, map, done);
  const measure = (minutes: number | null, stoppedAt: number | null): SlaMeasure => {
    const end = stoppedAt ?? now;
    const usedMs = countedMsBetween(settings.calendar, target.clock, task.createdAt, end);
    const usedSeconds = Math.floor(usedMs / 1000);
    if (minutes === null) {
      return { state: 'none', usedSeconds, targetSeconds: null, remainingSeconds: null, deadline: null, stoppedAt };
    }
    const targetMs = minutes * MINUTE_MS;
    const state: SlaState =
      usedMs > targetMs ? 'breached' : stoppedAt === null && usedMs >= targetMs * settings.sla.riskRatio ? 'risk' : 'ok';
    return {
      state,
      usedSeconds,
      targetSeconds: minutes * 60,
      remainingSeconds: minutes * 60 - usedSeconds,
      deadline: addCountedMs(settings.calendar, target.clock, task.createdAt, targetMs),
      stoppedAt,
    };
  };
  const reaction = measure(target.reactionMinutes, reacted);
  const resolution = measure(target.resolutionMinutes, done);
  const state = SEVERITY[reaction.state] >= SEVERITY[resolution.state] ? reaction.state : resolution.state;
  return { state, reaction, resolution };
}

/**
 * The first moment the task was out of the "new" role (or done). Without stage history the
 * moment is unknown: a task already past "new" is taken as reacted at its last status change.
 */
function reactionAt(task: SlaTask, timeline: TaskTimeline, map: StageMap, doneAt: number | null): number | null {
  if (timeline.hasStageHistory) {
    const left = timeline.states.find((state) => state.done || (state.role !== null && state.role !== 'new'));
    const at = left ? Math.max(left.at, task.createdAt) : null;
    return at !== null && doneAt !== null ? Math.min(at, doneAt) : (at ?? doneAt);
  }
  if (doneAt !== null) return Math.min(doneAt, task.statusChangedAt ?? doneAt);
  const role = roleOfStage(map, task.groupId, task.stageId);
  return role === null || role === 'new' ? null : (task.statusChangedAt ?? task.changedAt);
}

export type SlaMeasureName = 'reaction' | 'resolution';

/** The measure a mark shows: the worse state; on a tie the running clock, then the least time left. */
export function slaFocus(result: SlaResult): (SlaMeasure & { name: SlaMeasureName }) | null {
  const candidates = (['reaction', 'resolution'] as const)
    .map((name) => ({ ...result[name], name }))
    .filter((measure) => measure.targetSeconds !== null);
  if (candidates.length === 0) return null;
  candidates.sort(
    (a, b) =>
      SEVERITY[b.state] - SEVERITY[a.state] ||
      Number(a.stoppedAt !== null) - Number(b.stoppedAt !== null) ||
      (a.remainingSeconds ?? 0) - (b.remainingSeconds ?? 0),
  );
  return candidates[0] ?? null;
}
