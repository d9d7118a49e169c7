/**
 * "Requests spread among specialists without overload": for a request's Тип (a department),
 * suggest the active employee of that department with the most plan capacity left today.
 */
import { TaskStatus, type Department, type ElapsedRecord, type Task, type User, type UserFieldDefinition, type UserFieldValue } from './model';
import type { Settings } from './settings';
import { firstFieldValue } from './field-mapping';
import { taskEstimateHours } from './estimate';
import { planHoursForDay, recordInstant, round2 } from './plan-fact';
import { portalDayKey } from './portal-time';
import { compareIds } from './stage-roles';

export interface AssigneeCandidate {
  userId: string;
  planTodayHours: number;
  loggedTodayHours: number;
  /** Estimated hours still to do on their open tasks. */
  remainingHours: number;
  openTasks: number;
  /** plan − logged − remaining; may be negative (overloaded). */
  capacityHours: number;
}

export type AssignmentResult =
  | { ok: true; departmentId: string; suggestion: AssigneeCandidate; candidates: AssigneeCandidate[] }
  | { ok: false; problem: 'no-type' | 'unknown-department' | 'no-employees' | 'no-capacity'; departmentName: string | null };

/** Statuses whose work is over (or waits only for the creator's check). */
const CLOSED_STATUSES: ReadonlySet<number> = new Set([TaskStatus.SupposedlyCompleted, TaskStatus.Completed, TaskStatus.Declined]);

export function suggestAssignee(input: {
  /** The request's Тип value: an enum item ID (or a department name in a text field). */
  typeValue: UserFieldValue | undefined;
  typeField: UserFieldDefinition | null;
  departments: readonly Department[];
  users: readonly User[];
  tasks: readonly Pick<Task, 'id' | 'responsibleId' | 'status' | 'timeEstimateSeconds' | 'userFields'>[];
  elapsed: readonly ElapsedRecord[];
  settings: Pick<Settings, 'plans' | 'calendar' | 'excludedUserIds' | 'fields'>;
  now: number;
}): AssignmentResult {
  const { settings } = input;
  const departmentName = typeLabel(input.typeValue, input.typeField);
  if (departmentName === '') return { ok: false, problem: 'no-type', departmentName: null };
  const department = input.departments.find((item) => normalise(item.name) === normalise(departmentName));
  if (!department) return { ok: false, problem: 'unknown-department', departmentName };
  const excluded = new Set(settings.excludedUserIds);
  const people = input.users.filter(
    (user) => user.active && user.type === 'employee' && !excluded.has(user.id) && user.departmentIds.includes(department.id),
  );
  if (people.length === 0) return { ok: false, problem: 'no-employees', departmentName };

  const today = portalDayKey(input.now, settings.calendar.utcOffsetMinutes);
  const loggedByTask = new Map<string, number>();
  const loggedToday = new Map<string, number>();
  for (const record of input.elapsed) {
    loggedByTask.set(record.taskId, (loggedByTask.get(record.taskId) ?? 0) + record.seconds / 3600);
    if (portalDayKey(recordInstant(record), settings.calendar.utcOffsetMinutes) === today) {
      loggedToday.set(record.userId, (loggedToday.get(record.userId) ?? 0) + record.seconds / 3600);
    }
  }
  const candidates = people.map((user): AssigneeCandidate => {
    const open = input.tasks.filter((task) => task.responsibleId === user.id && !CLOSED_STATUSES.has(task.status));
    const remaining = open.reduce((sum, task) => {
      const estimate = taskEstimateHours(task, settings.fields.estimate) ?? 0;
      return sum + Math.max(0, estimate - (loggedByTask.get(task.id) ?? 0));
    }, 0);
    const plan = planHoursForDay(settings, user.id, today);
    const logged = loggedToday.get(user.id) ?? 0;
    return {
      userId: user.id,
      planTodayHours: plan,
      loggedTodayHours: round2(logged),
      remainingHours: round2(remaining),
      openTasks: open.length,
      capacityHours: round2(plan - logged - remaining),
    };
  });
  candidates.sort((a, b) => b.capacityHours - a.capacityHours || a.openTasks - b.openTasks || compareIds(a.userId, b.userId));
  const [suggestion] = candidates;
  if (!suggestion) return { ok: false, problem: 'no-employees', departmentName };
  // Someone with no hours left today is not "free", however little over they are.
  if (suggestion.capacityHours <= 0) return { ok: false, problem: 'no-capacity', departmentName };
  return { ok: true, departmentId: department.id, suggestion, candidates };
}


/** The Тип value as text: an enum item's label, else the raw value. */
function typeLabel(value: UserFieldValue | undefined, field: UserFieldDefinition | null): string {
  const raw = firstFieldValue(value);
  return field?.listItems.find((item) => item.id === raw)?.value.trim() ?? raw;
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
