/** History, time records and comments of one task → domain types (validated at the boundary). */
import { z } from 'zod';
import { BitrixError } from './errors';
import { parseSiteDate } from './site-date';
import type { ElapsedRecord, HistoryEntry, TaskComment } from '../domain/model';

const id = z.union([z.string(), z.number()]).transform(String);
const text = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined ? '' : String(v)));
const isoDate = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => (v ? Date.parse(v) : null))
  .refine((v) => v === null || !Number.isNaN(v), 'not an ISO date');

function fail(what: string, error: z.ZodError): never {
  const issue = error.issues[0];
  throw new BitrixError('malformed', 'MALFORMED_ANSWER', `${what} is malformed: ${issue?.path.join('.')} ${issue?.message}`);
}

const historyAnswer = z.object({
  list: z.array(
    z
      .object({
        id,
        createdDate: z.string(),
        field: z.string(),
        value: z.object({ from: z.unknown(), to: z.unknown() }).partial().nullable().optional(),
        user: z.object({ id }).passthrough().nullable().optional(),
      })
      .passthrough(),
  ),
});

const historyValue = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** tasks.task.history.list: `createdDate` is in the site format, in portal time. */
export function mapHistory(result: unknown, taskId: string, portalOffsetMinutes: number): HistoryEntry[] {
  const parsed = historyAnswer.safeParse(result);
  if (!parsed.success) fail('tasks.task.history.list', parsed.error);
  return parsed.data.list.map((row) => {
    const at = parseSiteDate(row.createdDate, portalOffsetMinutes);
    if (at === null) throw new BitrixError('malformed', 'MALFORMED_ANSWER', `History date of task ${taskId} is unreadable: ${row.createdDate}`);
    return { id: row.id, taskId, at, field: row.field, from: historyValue(row.value?.from), to: historyValue(row.value?.to), userId: row.user?.id ?? null };
  });
}

const elapsedRow = z
  .object({ ID: id, TASK_ID: id, USER_ID: id, SECONDS: id, COMMENT_TEXT: text, CREATED_DATE: isoDate, DATE_START: isoDate, DATE_STOP: isoDate })
  .passthrough();

export function mapElapsed(result: unknown): ElapsedRecord[] {
  const parsed = z.array(elapsedRow).safeParse(result);
  if (!parsed.success) fail('task.elapseditem.getlist', parsed.error);
  return parsed.data.map((row) => ({
    id: row.ID,
    taskId: row.TASK_ID,
    userId: row.USER_ID,
    seconds: Number(row.SECONDS) || 0,
    comment: row.COMMENT_TEXT,
    createdAt: row.CREATED_DATE ?? 0,
    startedAt: row.DATE_START,
    stoppedAt: row.DATE_STOP,
  }));
}

const legacyComment = z.object({ ID: id, AUTHOR_ID: id, AUTHOR_NAME: text, POST_DATE: isoDate, POST_MESSAGE: text }).passthrough();

export function mapLegacyComments(result: unknown, taskId: string): TaskComment[] {
  const parsed = z.array(legacyComment).safeParse(result);
  if (!parsed.success) fail('task.commentitem.getlist', parsed.error);
  return parsed.data.map((row) => ({ id: row.ID, taskId, authorId: row.AUTHOR_ID, authorName: row.AUTHOR_NAME, postedAt: row.POST_DATE ?? 0, text: row.POST_MESSAGE, mode: 'legacy' }));
}

const chatMessages = z
  .object({
    messages: z.array(z.object({ id, author_id: id, date: z.string(), text: text }).passthrough()),
    users: z.array(z.object({ id, name: text }).passthrough()).optional(),
  })
  .passthrough();

/** im.dialog.messages.get of a task chat; system messages (author 0) are not comments. */
export function mapChatComments(result: unknown, taskId: string): TaskComment[] {
  const parsed = chatMessages.safeParse(result);
  if (!parsed.success) fail('im.dialog.messages.get', parsed.error);
  const names = new Map((parsed.data.users ?? []).map((u) => [u.id, u.name]));
  return parsed.data.messages
    .filter((m) => m.author_id !== '0')
    .map((m) => ({ id: m.id, taskId, authorId: m.author_id, authorName: names.get(m.author_id) ?? '', postedAt: Date.parse(m.date) || 0, text: m.text, mode: 'chat' as const }))
    .sort((a, b) => a.postedAt - b.postedAt || Number(a.id) - Number(b.id));
}
