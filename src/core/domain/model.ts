/**
 * Pult's own view of portal data, after the boundary mappers have validated and normalised the
 * portal's shapes (camelCase strings, UPPERCASE rows, ISO dates with offsets). Times are epoch
 * milliseconds; IDs stay strings as the portal sends them.
 */

/** Bitrix task status codes (server-facts §4). */
export const TaskStatus = {
  New: 1,
  Pending: 2,
  InProgress: 3,
  SupposedlyCompleted: 4,
  Completed: 5,
  Deferred: 6,
  Declined: 7,
} as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** 0 low, 1 average, 2 high ("Важно"). */
export type TaskPriority = 0 | 1 | 2;

/** A user-field value as the portal keeps it: enum item IDs, numbers and text stay strings. */
export type UserFieldValue = string | string[] | null;

export interface Task {
  id: string;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  groupId: string;
  /** "0" means no stage yet: such a task shows in the group's first column. */
  stageId: string;
  responsibleId: string;
  createdBy: string;
  createdAt: number;
  changedAt: number;
  changedBy: string | null;
  statusChangedAt: number | null;
  activityAt: number | null;
  closedAt: number | null;
  deadline: number | null;
  /** Planned time in seconds (TIME_ESTIMATE), 0 when none. */
  timeEstimateSeconds: number;
  /** CRM links from UF_CRM_TASK, e.g. `CO_12` for a company. */
  crmLinks: string[];
  /** Custom user fields (UF_*), keyed by field name. */
  userFields: Record<string, UserFieldValue>;
  /** The task's chat, on portals with the chat task card; null otherwise. */
  chatId: string | null;
}

export interface Stage {
  id: string;
  groupId: string;
  title: string;
  sort: number;
  /** Hex without '#', as the portal stores it. */
  color: string;
  /** NEW, WORK, FINISH, ... or empty. */
  systemType: string;
}

/** The signed-in user's membership of a workgroup, as the portal says (sonet_group.user.groups). */
export interface GroupMembership {
  groupId: string;
  role: 'owner' | 'moderator' | 'member';
}

export interface Group {
  id: string;
  name: string;
  closed: boolean;
  membersCount: number | null;
}

export interface User {
  id: string;
  name: string;
  lastName: string;
  active: boolean;
  type: 'employee' | 'extranet' | 'other';
  departmentIds: string[];
  workPosition: string;
  /** The profile's company (extranet clients are linked to their CRM company by it). */
  workCompany: string;
}

export interface Department {
  id: string;
  name: string;
  parentId: string | null;
  headId: string | null;
}

export interface Company {
  id: string;
  title: string;
}

export interface UserFieldListItem {
  id: string;
  value: string;
  sort: number;
  isDefault: boolean;
}

export interface UserFieldDefinition {
  /** UF_... name. */
  name: string;
  type: string;
  multiple: boolean;
  /** Labels by language (`ru`, `en`, ...), from EDIT_FORM_LABEL. */
  labels: Record<string, string>;
  listItems: UserFieldListItem[];
}

export interface HistoryEntry {
  id: string;
  taskId: string;
  at: number;
  field: string;
  from: string | null;
  to: string | null;
  userId: string | null;
}

export interface ElapsedRecord {
  id: string;
  taskId: string;
  userId: string;
  seconds: number;
  comment: string;
  createdAt: number;
  startedAt: number | null;
  stoppedAt: number | null;
}

export interface TaskComment {
  id: string;
  taskId: string;
  authorId: string;
  authorName: string;
  postedAt: number;
  /** The portal's text (BB-code or HTML); rendered inert by the UI. */
  text: string;
  mode: 'legacy' | 'chat';
}
