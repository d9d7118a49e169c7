import type { Task, User } from './model';
import { isActionAllowed } from './rights';
import { fullName, iso, type Services } from './services';
import { taskComments, timeSpentInLogs } from './generate-tasks';

/** server-facts §4 key conversion: lower-case, split on `_`, capitalise words, lower-case the first. */
export function camelKey(key: string): string {
  const words = key.toLowerCase().split('_').filter((w) => w !== '');
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

type Raw = string | number | boolean | null | string[] | Record<string, unknown>;
type Getter = (s: Services, t: Task) => Raw;

const str = (n: number | null): string | null => (n === null ? null : String(n));
const yn = (b: boolean): string => (b ? 'Y' : 'N');

/** Standard (non-UF) fields in the order the tasks module lists them; values as MySQL gives them: strings. */
const FIELDS: Record<string, Getter> = {
  ID: (_, t) => String(t.id),
  PARENT_ID: () => null,
  TITLE: (_, t) => t.title,
  DESCRIPTION: (_, t) => t.description,
  MARK: () => null,
  PRIORITY: (_, t) => String(t.priority),
  MULTITASK: () => 'N',
  NOT_VIEWED: () => 'N',
  REPLICATE: () => 'N',
  GROUP_ID: (_, t) => String(t.groupId),
  STAGE_ID: (_, t) => String(t.stageId),
  CREATED_BY: (_, t) => String(t.createdBy),
  CREATED_DATE: (s, t) => iso(s, t.createdDate),
  RESPONSIBLE_ID: (_, t) => String(t.responsibleId),
  ACCOMPLICES: (_, t) => t.accomplices.map(String),
  AUDITORS: (_, t) => t.auditors.map(String),
  CHANGED_BY: (_, t) => String(t.changedBy),
  CHANGED_DATE: (s, t) => iso(s, t.changedDate),
  STATUS_CHANGED_BY: (_, t) => String(t.changedBy),
  STATUS_CHANGED_DATE: (s, t) => iso(s, t.statusChangedDate),
  CLOSED_BY: (_, t) => str(t.closedBy),
  CLOSED_DATE: (s, t) => iso(s, t.closedDate),
  ACTIVITY_DATE: (s, t) => iso(s, t.activityDate),
  DATE_START: (s, t) => iso(s, t.dateStart),
  DEADLINE: (s, t) => iso(s, t.deadline),
  START_DATE_PLAN: () => null,
  END_DATE_PLAN: () => null,
  TIME_ESTIMATE: (_, t) => String(t.timeEstimate),
  TIME_SPENT_IN_LOGS: (_, t) => String(timeSpentInLogs(t)),
  ALLOW_TIME_TRACKING: (_, t) => yn(t.allowTimeTracking),
  ALLOW_CHANGE_DEADLINE: () => 'Y',
  TASK_CONTROL: (_, t) => yn(t.taskControl),
  ADD_IN_REPORT: () => 'N',
  FAVORITE: () => 'N',
  COMMENTS_COUNT: (s, t) => String(taskComments(s.gen, t).length),
  STATUS: (_, t) => String(t.status),
  REAL_STATUS: (_, t) => String(t.status),
  XML_ID: (_, t) => t.xmlId,
};

export const STANDARD_FIELDS = Object.keys(FIELDS);

/** server-facts §4: -1 overdue, -3 almost overdue (less than a day left), else the real status. */
export function subStatus(s: Services, t: Task): number {
  if (t.deadline === null || ![1, 2, 3].includes(t.status)) return t.status;
  const now = s.state.now();
  if (t.deadline < now) return -1;
  if (t.deadline - now < 86_400_000) return -3;
  return t.status;
}

function userCard(s: Services, id: number): Record<string, unknown> {
  const u = s.state.users.get(id);
  return {
    id: String(id),
    name: u ? fullName(u) : '',
    link: `/company/personal/user/${id}/`,
    icon: '/bitrix/images/tasks/default_avatar.png',
    workPosition: u?.workPosition ?? '',
  };
}

function groupExtra(s: Services, t: Task): Record<string, unknown> | unknown[] {
  const g = s.state.groups.get(t.groupId);
  if (!g) return [];
  return { id: String(g.id), name: g.name, opened: g.opened, membersCount: g.members.size, image: '', additionalData: [] };
}

function ufValue(s: Services, t: Task, name: string): unknown {
  const value = t.uf[name];
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length > 0 ? [...value] : null;
  return String(value); // enumeration item ID or double, as MySQL returns them
}

/** Parsed `select`: null means "the default set". */
export function normalizeSelect(select: unknown): string[] | null {
  if (!Array.isArray(select) || select.length === 0) return null;
  return select.map((f) => String(f).toUpperCase());
}

/** One task as tasks.task.list / get return it: camelCase keys, string values, extras. */
export function renderTask(s: Services, t: Task, select: string[] | null): Record<string, unknown> {
  const wanted = new Set(select === null || select.includes('*') ? STANDARD_FIELDS : select);
  if (select?.includes('*')) for (const f of select) wanted.add(f);
  const row: Record<string, unknown> = { id: String(t.id) };
  for (const field of STANDARD_FIELDS) {
    if (!wanted.has(field)) continue;
    const getter = FIELDS[field];
    if (getter) row[camelKey(field)] = getter(s, t);
  }
  if (wanted.has('STATUS')) row.subStatus = String(subStatus(s, t));
  // docs-facts §3 / server-facts §4: UF values only when at least one UF_ field is selected.
  if (select?.some((f) => f.startsWith('UF_'))) {
    for (const f of s.state.userFields) row[camelKey(f.fieldName)] = ufValue(s, t, f.fieldName);
  }
  if (s.state.commentMode === 'chat' && (select === null || wanted.has('CHAT_ID'))) row.chatId = t.chatId;
  row.group = groupExtra(s, t);
  if (wanted.has('CREATED_BY')) row.creator = userCard(s, t.createdBy);
  if (wanted.has('RESPONSIBLE_ID')) row.responsible = userCard(s, t.responsibleId);
  if (wanted.has('ACCOMPLICES')) row.accomplicesData = Object.fromEntries(t.accomplices.map((id) => [String(id), userCard(s, id)]));
  if (wanted.has('AUDITORS')) row.auditorsData = Object.fromEntries(t.auditors.map((id) => [String(id), userCard(s, id)]));
  return row;
}

/** The `action` map of tasks.task.get (docs: tasks-task-get.md example). */
export function actionMap(s: Services, user: User, t: Task): Record<string, boolean> {
  const can = (a: Parameters<typeof isActionAllowed>[3]): boolean => isActionAllowed(s.state, user, t, a);
  const edit = can('edit');
  return {
    accept: false, decline: false, complete: can('complete'), approve: can('approve'), disapprove: can('disapprove'),
    start: can('start'), pause: can('pause'), delegate: can('delegate'), remove: can('remove'), edit,
    defer: can('defer'), renew: can('renew'), create: true, changeDeadline: edit || t.responsibleId === user.id,
    checklistAddItems: true, addFavorite: true, deleteFavorite: false, rate: edit, take: false,
    'edit.originator': edit, 'checklist.reorder': true, 'elapsedtime.add': t.allowTimeTracking,
    'dayplan.timer.toggle': t.allowTimeTracking, 'edit.plan': edit, 'checklist.add': true,
    'favorite.add': true, 'favorite.delete': false,
  };
}
