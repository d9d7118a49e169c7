/**
 * A task's estimate in hours: one definition for the cards, the column headers, the wallboard and
 * the assignment suggestion, so they never disagree about the same tasks.
 */
import type { Task } from './model';
import { parseEstimateHours } from './field-mapping';

/**
 * Оценка when it holds a positive number, else the portal's own planned time (TIME_ESTIMATE), else
 * null (nothing estimated). The card kind reads Оценка alone (a change request is one that has it).
 */
export function taskEstimateHours(task: Pick<Task, 'userFields' | 'timeEstimateSeconds'>, estimateField: string | null): number | null {
  const fromField = estimateField ? parseEstimateHours(task.userFields[estimateField]) : null;
  if (fromField !== null && fromField > 0) return fromField;
  return task.timeEstimateSeconds > 0 ? task.timeEstimateSeconds / 3600 : null;
}

/** Hours summed over tasks, to one decimal (what a column header or a summary shows). */
export function sumEstimateHours(hours: Iterable<number | null>): number {
  let total = 0;
  for (const value of hours) total += value ?? 0;
  return Math.round(total * 10) / 10;
}
