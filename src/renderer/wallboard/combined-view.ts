/**
 * The wallboard's «Все заявки» page: the bound groups' views in one, a tile per stage role (as the
 * console's combined board has its columns), the lists merged. WIP: each role's total against the
 * team-wide limit of the role.
 */
import type { Settings, StageRole } from '../../core/domain/settings';
import { COMBINED_ROLES } from '../../core/domain/combined-board';
import { wipLimit, wipState } from '../../core/domain/wip';
import type { ColumnSummary, GroupView } from './wallboard-model';

export const ALL_GROUPS_PAGE = 'all';

export function combineGroupViews(views: readonly GroupView[], settings: Settings, roleTitle: (role: StageRole) => string, listLimit: number): GroupView {
  const columns: ColumnSummary[] = COMBINED_ROLES.map((role) => {
    const ofRole = views.flatMap((view) => view.columns.filter((column) => column.role === role));
    const count = ofRole.reduce((sum, column) => sum + column.count, 0);
    const done = role === 'done';
    return {
      stageId: `role:${role}`,
      title: roleTitle(role),
      role,
      count,
      hours: ofRole.reduce((sum, column) => sum + column.hours, 0),
      doneToday: done,
      wip: wipState(count, done ? null : wipLimit(settings.wip, role)),
    };
  });
  const severity = (state: 'breached' | 'risk') => (state === 'breached' ? 1 : 0);
  return {
    groupId: ALL_GROUPS_PAGE,
    columns,
    topWia: views.flatMap((view) => view.topWia).sort((a, b) => b.seconds - a.seconds).slice(0, listLimit),
    forgotten: views.flatMap((view) => view.forgotten).sort((a, b) => b.seconds - a.seconds),
    sla: views.flatMap((view) => view.sla).sort((a, b) => severity(b.state) - severity(a.state) || a.seconds - b.seconds),
    teamIds: [...new Set(views.flatMap((view) => view.teamIds))],
  };
}
