/**
 * What each drawer edit sends: one intent with the portal's own field names, as tasks.task.update
 * takes them (UF_* from the settings' field mapping, PRIORITY "0|1|2", DEADLINE as ISO with the
 * portal's offset, RESPONSIBLE_ID). Pure, so the mapping is tested without a host.
 */
import type { Task } from '../../core/domain/model';
import type { Settings } from '../../core/domain/settings';
import type { IntentPayload, StatusAction } from '../shared-ui/intent-types';
import { TaskStatus } from '../../core/domain/model';
import { toPortalIso } from '../shared-ui/format';

export type ServiceField = keyof Settings['fields'];

export type DrawerEdit =
  | { kind: 'service-field'; field: ServiceField; value: string | null }
  | { kind: 'important'; important: boolean }
  | { kind: 'deadline'; at: number | null }
  | { kind: 'responsible'; userId: string };

export class UnmappedFieldError extends Error {
  constructor(readonly field: ServiceField) {
    super(`The ${field} field is not mapped to a portal user field in the settings`);
  }
}

/** Оценка as the portal stores a number: "2.5" (a Russian "2,5" is accepted), or null to clear. */
export function normaliseEstimate(input: string): string | null | 'invalid' {
  const text = input.trim().replace(',', '.');
  if (text === '') return null;
  if (!/^\d+(\.\d+)?$/.test(text)) return 'invalid';
  return String(Number(text));
}

export function editIntent(taskId: string, edit: DrawerEdit, fields: Settings['fields'], utcOffsetMinutes: number): IntentPayload {
  switch (edit.kind) {
    case 'service-field': {
      const name = fields[edit.field];
      if (!name) throw new UnmappedFieldError(edit.field);
      return { name: 'updateFields', taskId, fields: { [name]: edit.value === null || edit.value === '' ? null : edit.value } };
    }
    case 'important':
      // Важно is the portal's high priority; switching it off returns to the average one.
      return { name: 'updateFields', taskId, fields: { PRIORITY: edit.important ? '2' : '1' } };
    case 'deadline':
      return { name: 'updateFields', taskId, fields: { DEADLINE: edit.at === null ? null : toPortalIso(edit.at, utcOffsetMinutes) } };
    case 'responsible':
      return { name: 'updateFields', taskId, fields: { RESPONSIBLE_ID: edit.userId } };
  }
}

/** Status buttons the task's status allows, in the order the drawer shows them. */
export function availableStatusActions(status: Task['status']): StatusAction[] {
  switch (status) {
    case TaskStatus.New:
    case TaskStatus.Pending:
      return ['start', 'complete'];
    case TaskStatus.InProgress:
      return ['pause', 'complete'];
    case TaskStatus.Deferred:
      return ['start', 'renew'];
    case TaskStatus.SupposedlyCompleted:
    case TaskStatus.Completed:
    case TaskStatus.Declined:
      return ['renew'];
  }
  return [];
}

/** Hours and minutes from the time form as seconds; null when not a positive whole duration. */
export function loggedSeconds(hours: string, minutes: string): number | null {
  const h = hours.trim() === '' ? 0 : Number(hours);
  const m = minutes.trim() === '' ? 0 : Number(minutes);
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0 || m > 59) return null;
  const seconds = h * 3600 + m * 60;
  return seconds > 0 ? seconds : null;
}
