/**
 * Blocked time: how long tasks stood with each stopper type (Тип стоппера) set, rebuilt from the
 * blocker field's history and summed per group and per client over a report's range. Counted in
 * working time over the portal's calendar (as SLA and plans count), with the plain elapsed time
 * beside it. A stopper still set at the range's end counts up to that end; a finished task's
 * stopper stops counting at completion.
 */
import type { HistoryEntry, Task, UserFieldValue } from './model';
import type { WorkCalendar } from './settings';
import type { StageMap } from './stage-map';
import { buildTimeline, completedAt } from './task-timeline';
import { workingMsBetween } from './work-calendar';
import { compareIds } from './stage-roles';

export interface StopperInterval {
  /** The stopper's list item ID. */
  value: string;
  from: number;
  to: number;
}

type BlockedTask = Pick<Task, 'id' | 'groupId' | 'stageId' | 'status' | 'createdAt' | 'changedAt' | 'closedAt' | 'userFields'>;

/** A logged or current stopper value, or null for "none": '' and '0' mean no stopper; a multiple field counts its first item. */
export function stopperValue(value: UserFieldValue | undefined): string | null {
  const first = Array.isArray(value) ? value.find((item) => item.trim() !== '') : (value ?? '').split(',').find((item) => item.trim() !== '');
  const text = (first ?? '').trim();
  return text === '' || text === '0' ? null : text;
}

/**
 * The stretches of time the task had each stopper value, clipped to [rangeStart, end). The value
 * before the first logged change is that change's `from`; without any change, the current value
 * (set since creation, as far as the portal tells).
 */
export function stopperIntervals(
  task: Pick<Task, 'createdAt' | 'userFields'>,
  history: readonly HistoryEntry[],
  field: string,
  rangeStart: number,
  end: number,
): StopperInterval[] {
  const changes = history.filter((entry) => entry.field === field).slice().sort((a, b) => a.at - b.at);
  let value = changes.length > 0 ? stopperValue(changes[0]!.from) : stopperValue(task.userFields[field]);
  let since = task.createdAt;
  const intervals: StopperInterval[] = [];
  const close = (until: number) => {
    const from = Math.max(since, rangeStart);
    const to = Math.min(until, end);
    if (value !== null && to > from) intervals.push({ value, from, to });
  };
  for (const change of changes) {
    const next = stopperValue(change.to);
    if (next === value) continue;
    close(change.at);
    value = next;
    since = Math.max(change.at, task.createdAt);
  }
  close(end);
  return intervals;
}

export interface BlockedRow {
  /** Group ID or company ID; '' for tasks without a client. */
  key: string;
  /** Working seconds per stopper value. */
  workingSeconds: Record<string, number>;
  workingTotal: number;
  /** Elapsed (calendar) seconds, all stoppers together. */
  elapsedTotal: number;
  /** Tasks blocked at some point of the range. */
  taskCount: number;
}

export interface BlockedTime {
  /** Stopper values that occur, in list order (by total, longest first). */
  values: string[];
  byGroup: BlockedRow[];
  byClient: BlockedRow[];
}

export function blockedTime<T extends BlockedTask>(input: {
  tasks: readonly T[];
  historyByTask: ReadonlyMap<string, readonly HistoryEntry[]>;
  field: string | null;
  map: StageMap;
  calendar: WorkCalendar;
  companyOf: (task: T) => string | null;
  rangeStart: number;
  rangeEnd: number;
  now: number;
}): BlockedTime {
  const { field, calendar } = input;
  const byGroup = new Map<string, BlockedRow>();
  const byClient = new Map<string, BlockedRow>();
  const totals = new Map<string, number>();
  if (!field) return { values: [], byGroup: [], byClient: [] };
  const rangeEnd = Math.min(input.rangeEnd, input.now);
  for (const task of input.tasks) {
    const history = input.historyByTask.get(task.id) ?? [];
    const doneAt = completedAt(task, buildTimeline(task, history, input.map), input.map);
    const end = doneAt === null ? rangeEnd : Math.min(rangeEnd, doneAt);
    const intervals = stopperIntervals(task, history, field, input.rangeStart, end);
    if (intervals.length === 0) continue;
    const rows = [rowOf(byGroup, task.groupId), rowOf(byClient, input.companyOf(task) ?? '')];
    for (const row of rows) row.taskCount += 1;
    for (const interval of intervals) {
      const working = Math.floor(workingMsBetween(calendar, interval.from, interval.to) / 1000);
      const elapsed = Math.floor((interval.to - interval.from) / 1000);
      totals.set(interval.value, (totals.get(interval.value) ?? 0) + working);
      for (const row of rows) {
        row.workingSeconds[interval.value] = (row.workingSeconds[interval.value] ?? 0) + working;
        row.workingTotal += working;
        row.elapsedTotal += elapsed;
      }
    }
  }
  const values = [...totals.entries()].sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0])).map(([value]) => value);
  const ordered = (rows: Map<string, BlockedRow>) => [...rows.values()].sort((a, b) => b.workingTotal - a.workingTotal || b.elapsedTotal - a.elapsedTotal || compareIds(a.key, b.key));
  return { values, byGroup: ordered(byGroup), byClient: ordered(byClient) };
}

function rowOf(rows: Map<string, BlockedRow>, key: string): BlockedRow {
  let row = rows.get(key);
  if (!row) {
    row = { key, workingSeconds: {}, workingTotal: 0, elapsedTotal: 0, taskCount: 0 };
    rows.set(key, row);
  }
  return row;
}
