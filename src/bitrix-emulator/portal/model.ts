/** The portal's records, as the emulator keeps them in memory (portal time in ms). */

export type GroupRole = 'A' | 'E' | 'K'; // owner / moderator / member (sonet_group.user.get)

export interface User {
  id: number;
  login: string;
  password: string;
  name: string;
  lastName: string;
  secondName: string;
  email: string;
  gender: 'M' | 'F';
  workPosition: string;
  workCompany: string;
  departments: number[];
  type: 'employee' | 'extranet';
  admin: boolean;
  active: boolean;
  /** CRM company an extranet user belongs to (their profile's WORK_COMPANY is its title). */
  companyId: number | null;
  dateRegister: number;
}

export interface Department {
  id: number;
  name: string;
  sort: number;
  parent: number | null;
  head: number | null;
}

export interface Group {
  id: number;
  name: string;
  description: string;
  /** CLOSED=Y: archived-style "closed" flag as sonet_group.get reports it. */
  closed: boolean;
  /** OPENED=Y: anyone may join; VISIBLE=Y: listed for everyone. SD groups are neither. */
  opened: boolean;
  visible: boolean;
  ownerId: number;
  members: Map<number, GroupRole>;
  dateCreate: number;
  /** Whether this group is one of the Service Desk workgroups. */
  serviceDesk: boolean;
}

export interface Stage {
  id: number;
  title: string;
  sort: number;
  color: string;
  systemType: string | null;
  entityId: number;
  entityType: 'G' | 'U';
}

export interface Company {
  id: number;
  title: string;
  createdTime: number;
  updatedTime: number;
  assignedById: number;
  industry: string;
}

export interface Comment {
  id: number;
  taskId: number;
  authorId: number;
  postDate: number;
  message: string;
}

export interface ElapsedItem {
  id: number;
  taskId: number;
  userId: number;
  seconds: number;
  commentText: string;
  source: number;
  createdDate: number;
  dateStart: number;
  dateStop: number;
}

export interface HistoryEntry {
  id: number;
  taskId: number;
  createdDate: number;
  field: string;
  from: string | null;
  to: string | null;
  userId: number;
}

export interface ChatMessage {
  id: number;
  chatId: number;
  authorId: number;
  date: number;
  text: string;
}

export interface Task {
  id: number;
  title: string;
  description: string;
  status: number;
  priority: number;
  groupId: number;
  stageId: number;
  responsibleId: number;
  createdBy: number;
  changedBy: number;
  closedBy: number | null;
  createdDate: number;
  changedDate: number;
  statusChangedDate: number;
  activityDate: number;
  dateStart: number | null;
  closedDate: number | null;
  deadline: number | null;
  timeEstimate: number;
  allowTimeTracking: boolean;
  taskControl: boolean;
  accomplices: number[];
  auditors: number[];
  tags: string[];
  /** External ID a client may write (XML_ID); clients use it to recognise tasks they created. */
  xmlId: string | null;
  /** UF values by field name: UF_CRM_TASK string[], enumerations item ID or null, double or null. */
  uf: Record<string, string[] | number | null>;
  chatId: number;
  /** Index into the generated demo set (history, comments, elapsed are replayed from it); -1 if made later. */
  genIndex: number;
  generated: GeneratedCounts;
  /** Records made after the portal started (REST calls, demo activity). */
  live: LiveRecords;
}

export interface GeneratedCounts {
  comments: number;
  elapsed: number;
  history: number;
  commentBaseId: number;
  elapsedBaseId: number;
  historyBaseId: number;
  elapsedSeconds: number;
}

export interface LiveRecords {
  comments: Comment[];
  elapsed: ElapsedItem[];
  history: HistoryEntry[];
  chat: ChatMessage[];
  /** IDs of generated comments deleted through task.commentitem.delete. */
  deletedComments: Set<number>;
  /** Texts of generated comments edited through task.commentitem.update. */
  editedComments: Map<number, string>;
}

export interface UserField {
  id: number;
  fieldName: string;
  userTypeId: 'enumeration' | 'double' | 'string' | 'crm' | 'datetime' | 'boolean' | 'disk_file' | 'mail_message';
  xmlId: string;
  sort: number;
  multiple: boolean;
  mandatory: boolean;
  labels: { ru: string; en: string };
  list: { id: number; sort: number; value: string; def: boolean; xmlId: string }[];
  settings: Record<string, unknown>;
}

export function emptyLive(): LiveRecords {
  return {
    comments: [],
    elapsed: [],
    history: [],
    chat: [],
    deletedComments: new Set(),
    editedComments: new Map(),
  };
}
