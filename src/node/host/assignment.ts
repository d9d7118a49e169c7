/** The assignment suggestion for one task, from the local store (works offline). */
import { suggestAssignee } from '../../core/domain/assignment';
import type { Settings } from '../../core/domain/settings';
import type { AssignmentSuggestionView } from '../../shared/api';
import type { PortalSession } from './portal-session';

export function suggestFor(session: PortalSession, settings: Settings, taskId: string, now: number): AssignmentSuggestionView | null {
  const { store } = session;
  const task = store.getTask(taskId);
  if (!task) return null;
  const typeField = store.userFields().find((f) => f.name === settings.fields.type) ?? null;
  const tasks = settings.groupIds.flatMap((g) => store.tasksByGroup(g));
  const dayAgo = now - 86_400_000 * 2;
  const result = suggestAssignee({
    typeValue: settings.fields.type ? task.userFields[settings.fields.type] : undefined,
    typeField,
    departments: store.departments(),
    users: store.users(),
    tasks,
    elapsed: store.elapsedBetween(dayAgo, now + 86_400_000),
    settings,
    now,
  });
  if (!result.ok) return null;
  const s = result.suggestion;
  const reason = `план ${s.planTodayHours} ч − списано ${s.loggedTodayHours} ч − осталось по задачам ${s.remainingHours} ч = ${s.capacityHours} ч`;
  return { userId: s.userId, reason, capacityHours: s.capacityHours };
}
