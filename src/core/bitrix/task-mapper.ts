/**
 * tasks.task.* rows → domain Tasks. Rows come camelCased with string values (server-facts §4);
 * input field names stay UPPERCASE. Every row is validated: a malformed one is an error that
 * names the task, never a silently wrong card.
 */
import { z } from 'zod';
import { BitrixError } from './errors';
import type { Task, TaskPriority, TaskStatus, UserFieldValue } from '../domain/model';

/** What Pult selects from tasks.task.list; user fields are appended by name. */
export const TASK_SELECT = [
  'ID', 'TITLE', 'DESCRIPTION', 'STATUS', 'PRIORITY', 'GROUP_ID', 'STAGE_ID', 'RESPONSIBLE_ID', 'CREATED_BY',
  'CREATED_DATE', 'CHANGED_BY', 'CHANGED_DATE', 'STATUS_CHANGED_DATE', 'ACTIVITY_DATE', 'CLOSED_DATE', 'DEADLINE',
  'TIME_ESTIMATE', 'UF_CRM_TASK',
] as const;

/** The portal's key conversion (server-facts §4): UF_AUTO_123 → ufAuto123, STAGE_ID → stageId. */
export function camelCaseKey(key: string): string {
  return key
    .toLowerCase()
    .split('_')
    .filter(Boolean)
    .map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
}

const id = z.union([z.string(), z.number()]).transform(String);
const optionalId = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined || v === '' ? null : String(v)));
const date = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === '') return null;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: `not a date: ${value}` });
      return z.NEVER;
    }
    return ms;
  });
const numeric = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined || v === '' ? 0 : Number(v)));

const taskRow = z
  .object({
    id,
    title: z.string(),
    description: z.union([z.string(), z.null()]).optional().transform((v) => v ?? ''),
    status: id,
    priority: id,
    groupId: optionalId,
    stageId: optionalId,
    responsibleId: id,
    createdBy: id,
    createdDate: date,
    changedBy: optionalId,
    changedDate: date,
    statusChangedDate: date,
    activityDate: date,
    closedDate: date,
    deadline: date,
    timeEstimate: numeric,
    ufCrmTask: z.union([z.array(z.string()), z.string(), z.null(), z.literal(false)]).optional(),
    chatId: optionalId,
  })
  .passthrough();

function toStatus(value: string): TaskStatus {
  const n = Number(value);
  return (n >= 1 && n <= 7 ? n : 2) as TaskStatus;
}

function toPriority(value: string): TaskPriority {
  const n = Number(value);
  return (n === 0 || n === 1 || n === 2 ? n : 1) as TaskPriority;
}

function toUserFieldValue(value: unknown): UserFieldValue {
  if (value === null || value === undefined || value === false || value === '') return null;
  if (Array.isArray(value)) return value.map(String);
  return String(value);
}

/** Maps one row; `userFieldNames` are the UF_* fields Pult selected. */
export function mapTaskRow(row: unknown, userFieldNames: readonly string[]): Task {
  const parsed = taskRow.safeParse(row);
  if (!parsed.success) {
    const rowId = typeof row === 'object' && row !== null && 'id' in row ? String((row as { id: unknown }).id) : '?';
    const issue = parsed.error.issues[0];
    throw new BitrixError('malformed', 'MALFORMED_TASK', `Task ${rowId} from the portal is malformed: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const t = parsed.data;
  const record = row as Record<string, unknown>;
  const userFields: Record<string, UserFieldValue> = {};
  for (const name of userFieldNames) {
    if (name === 'UF_CRM_TASK') continue;
    userFields[name] = toUserFieldValue(record[camelCaseKey(name)]);
  }
  const crm = t.ufCrmTask;
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    status: toStatus(t.status),
    priority: toPriority(t.priority),
    groupId: t.groupId ?? '0',
    stageId: t.stageId ?? '0',
    responsibleId: t.responsibleId,
    createdBy: t.createdBy,
    createdAt: t.createdDate ?? 0,
    changedAt: t.changedDate ?? t.createdDate ?? 0,
    changedBy: t.changedBy,
    statusChangedAt: t.statusChangedDate,
    activityAt: t.activityDate,
    closedAt: t.closedDate,
    deadline: t.deadline,
    timeEstimateSeconds: t.timeEstimate,
    crmLinks: Array.isArray(crm) ? crm : typeof crm === 'string' && crm ? [crm] : [],
    userFields,
    chatId: t.chatId,
  };
}

/** Picks `result.tasks` out of a tasks.task.list answer. */
export function taskRowsOf(result: unknown): unknown[] {
  const tasks = (result as { tasks?: unknown } | null)?.tasks;
  if (!Array.isArray(tasks)) throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'tasks.task.list answered without result.tasks');
  return tasks;
}
