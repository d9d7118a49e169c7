/** The assignment suggestion for a task or a new request, from the local store (works offline). */
import { suggestAssignee } from '../../core/domain/assignment';
import type { Settings } from '../../core/domain/settings';
import type { AssignmentSuggestionView, AssignmentTarget } from '../../shared/api';
import type { PortalSession } from './portal-session';

const DAY_MS = 86_400_000;

export function suggestFor(session: PortalSession, settings: Settings, target: AssignmentTarget, now: number): AssignmentSuggestionView | null {
  const { store } = session;
  let typeValue: string | string[] | null | undefined;
  if ('taskId' in target) {
    const task = store.getTask(target.taskId);
    if (!task) return null;
    typeValue = settings.fields.type ? task.userFields[settings.fields.type] : undefined;
  } else {
    typeValue = target.typeValue;
  }
  const typeField = store.userFields().find((f) => f.name === settings.fields.type) ?? null;
  // The tasks as the user sees them (assignments still queued count), without the task itself:
  // who should take it does not change with who holds it now, so the answer is stable after assigning.
  const aboutTask = 'taskId' in target ? target.taskId : null;
  const tasks = settings.groupIds.flatMap((g) => session.engine.view(g, now)).filter((task) => task.id !== aboutTask);
  const result = suggestAssignee({
    typeValue,
    typeField,
    departments: store.departments(),
    users: store.users(),
    tasks,
    // Today's records, and every record of the open tasks (what was already done on them).
    elapsed: store.elapsedBetween(now - 400 * DAY_MS, now + DAY_MS),
    settings,
    now,
  });
  if (!result.ok) return null;
  const { userId, planTodayHours, loggedTodayHours, remainingHours, capacityHours } = result.suggestion;
  return { userId, planTodayHours, loggedTodayHours, remainingHours, capacityHours };
}
