import type { Group, Task, User } from './model';
import type { PortalState } from './state';

export function roleIn(group: Group | undefined, userId: number): 'A' | 'E' | 'K' | undefined {
  return group?.members.get(userId);
}

/** Heads see the tasks of their department's people (the tasks module's "subordinates" rule). */
function isHeadOf(state: PortalState, head: User, userId: number): boolean {
  const other = state.users.get(userId);
  if (!other) return false;
  return other.departments.some((d) => state.departments.get(d)?.head === head.id);
}

function companyTag(user: User): string | null {
  return user.companyId === null ? null : `CO_${user.companyId}`;
}

/**
 * Who may read a task: admins; its participants; members of its group (an extranet member only
 * for their own company's tasks); heads for their people's tasks. A closed group's tasks stay
 * hidden from everyone else.
 */
export function canSeeTask(state: PortalState, user: User, task: Task): boolean {
  if (user.admin) return true;
  if (task.createdBy === user.id || task.responsibleId === user.id) return true;
  if (task.accomplices.includes(user.id) || task.auditors.includes(user.id)) return true;
  const group = state.groups.get(task.groupId);
  if (user.type === 'extranet') {
    const tag = companyTag(user);
    const crm = task.uf.UF_CRM_TASK;
    return !!group && group.members.has(user.id) && tag !== null && Array.isArray(crm) && crm.includes(tag);
  }
  if (group && (group.members.has(user.id) || !group.closed)) return true;
  return isHeadOf(state, user, task.responsibleId) || isHeadOf(state, user, task.createdBy);
}

/** View rights on a group's task board (task.stages.get, server-facts §5). */
export function canViewGroupTasks(state: PortalState, user: User, groupId: number): boolean {
  if (user.admin) return true;
  const group = state.groups.get(groupId);
  return !!group && (group.members.has(user.id) || !group.closed);
}

/** The "sort" task permission of a group: its members (task.stages.movetask / canmovetask). */
export function canSortInGroup(state: PortalState, user: User, groupId: number): boolean {
  return user.admin || state.groups.get(groupId)?.members.has(user.id) === true;
}

/** Stage editing: group owner or moderator; an admin only when the call sends a truthy isAdmin. */
export function canEditGroupStages(state: PortalState, user: User, groupId: number, isAdmin: boolean): boolean {
  if (isAdmin && user.admin) return true;
  const role = roleIn(state.groups.get(groupId), user.id);
  return role === 'A' || role === 'E';
}

export type TaskAction = 'start' | 'pause' | 'complete' | 'defer' | 'renew' | 'approve' | 'disapprove' | 'edit' | 'remove' | 'delegate';

/** Bitrix status rules: which action a user may take on a task in its current status. */
export function isActionAllowed(state: PortalState, user: User, task: Task, action: TaskAction): boolean {
  const admin = user.admin;
  const creator = task.createdBy === user.id;
  const responsible = task.responsibleId === user.id;
  const accomplice = task.accomplices.includes(user.id);
  const role = roleIn(state.groups.get(task.groupId), user.id);
  const moderator = role === 'A' || role === 'E';
  const s = task.status;
  switch (action) {
    case 'start': return [1, 2].includes(s) && (responsible || accomplice || admin);
    case 'pause': return s === 3 && (responsible || accomplice || admin);
    case 'complete': return [1, 2, 3, 6].includes(s) && (responsible || accomplice || creator || admin);
    case 'defer': return [1, 2, 3].includes(s) && (responsible || creator || admin);
    case 'renew': return [4, 5, 6, 7].includes(s) && (creator || responsible || admin);
    case 'approve':
    case 'disapprove': return s === 4 && (creator || admin);
    // The demo SD groups grant their employee members the edit_tasks permission, so agents can
    // fill the Service Desk fields of any request in the group.
    case 'edit': return admin || creator || responsible || accomplice || moderator || (role !== undefined && user.type === 'employee');
    case 'remove': return admin || creator;
    case 'delegate': return s !== 5 && (responsible || creator || admin);
  }
}
