/**
 * Reading a task's files, only when a card is opened (never on a poll): the task's disk field and
 * its comments' attachments in one batch, then every attached object's metadata in a second.
 */
import { BitrixError } from './errors';
import { BATCH_LIMIT } from './batch';
import type { BitrixClient } from './client';
import { commentAttachmentIds, mapAttachedObject, webdavFileIds } from './file-mappers';
import type { TaskFile, TaskFiles } from '../domain/files';

export async function readTaskFiles(client: BitrixClient, taskId: string, legacyComments: boolean): Promise<TaskFiles> {
  const first = await client.batch({
    task: { method: 'tasks.task.get', params: { taskId, select: ['ID', 'UF_TASK_WEBDAV_FILES'] } },
    ...(legacyComments ? { comments: { method: 'task.commentitem.getlist', params: { TASKID: taskId, ORDER: { ID: 'asc' } } } } : {}),
  });
  const taskError = first.errors.task;
  if (taskError) throw new BitrixError('refused', taskError.code, taskError.description);
  const task = (first.results.task as { task?: Record<string, unknown> } | undefined)?.task ?? {};
  const wanted: Array<{ id: string; commentId: string | null }> = webdavFileIds(task.ufTaskWebdavFiles).map((id) => ({ id, commentId: null }));
  const rows = Array.isArray(first.results.comments) ? (first.results.comments as Array<Record<string, unknown>>) : [];
  for (const row of rows) for (const id of commentAttachmentIds(row.ATTACHED_OBJECTS)) wanted.push({ id, commentId: String(row.ID) });
  const files: TaskFile[] = [];
  for (let i = 0; i < wanted.length; i += BATCH_LIMIT) {
    const slice = wanted.slice(i, i + BATCH_LIMIT);
    const out = await client.batch(Object.fromEntries(slice.map((w, k) => [`f${k}`, { method: 'disk.attachedObject.get', params: { id: w.id } }])));
    slice.forEach((w, k) => {
      const file = mapAttachedObject(out.results[`f${k}`], w.commentId);
      if (file) files.push(file);
    });
  }
  return { taskId, files };
}

/** A fresh download link (it carries the current token, so it is never stored). */
export async function fileDownloadUrl(client: BitrixClient, attachmentId: string): Promise<{ url: string; file: TaskFile }> {
  const answer = await client.call('disk.attachedObject.get', { id: attachmentId });
  const file = mapAttachedObject(answer.result, null);
  const url = (answer.result as { DOWNLOAD_URL?: unknown } | null)?.DOWNLOAD_URL;
  if (!file || typeof url !== 'string' || url === '') throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'disk.attachedObject.get answered without a link');
  return { url, file };
}
