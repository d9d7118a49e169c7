/**
 * Reading a task's files, only when a card is opened (never on a poll): the task's disk field and
 * its comments' attachments in one batch — on a chat-card portal its chat's file messages in the
 * same batch — then every attached object's metadata in a second.
 */
import { BitrixError } from './errors';
import { BATCH_LIMIT, resultRef } from './batch';
import type { BitrixClient } from './client';
import { commentAttachmentIds, mapAttachedObject, mapChatFiles, mapDiskFile, webdavFileIds } from './file-mappers';
import type { TaskFile, TaskFiles } from '../domain/files';

export async function readTaskFiles(client: BitrixClient, taskId: string, legacyComments: boolean): Promise<TaskFiles> {
  const first = await client.batch({
    task: { method: 'tasks.task.get', params: { taskId, select: legacyComments ? ['ID', 'UF_TASK_WEBDAV_FILES'] : ['ID', 'UF_TASK_WEBDAV_FILES', 'CHAT_ID'] } },
    ...(legacyComments
      ? { comments: { method: 'task.commentitem.getlist', params: { TASKID: taskId, ORDER: { ID: 'asc' } } } }
      : // The newest 50 messages, as the drawer reads the chat's comments (emulator README, "Files in a task chat").
        { chat: { method: 'im.dialog.messages.get', params: { DIALOG_ID: `chat${resultRef('task', 'task', 'chatId')}`, LIMIT: 50 } } }),
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
  // A chat that could not be read (none yet, or no access to it) has no files to list.
  if (!legacyComments && !first.errors.chat) files.push(...mapChatFiles(first.results.chat));
  return { taskId, files };
}

/**
 * A fresh download link for a listed file (it carries the current token, so it is never stored):
 * an attached object's through disk.attachedObject.get, a chat file's through disk.file.get (the
 * chat's own `urlDownload` is a UI link that needs a browser session).
 */
export async function fileDownloadUrl(client: BitrixClient, listed: TaskFile): Promise<{ url: string; file: TaskFile }> {
  const chat = listed.origin === 'chat';
  const method = chat ? 'disk.file.get' : 'disk.attachedObject.get';
  const answer = await client.call(method, { id: chat ? listed.objectId : listed.attachmentId });
  const file = chat ? mapDiskFile(answer.result, listed) : mapAttachedObject(answer.result, null);
  const url = (answer.result as { DOWNLOAD_URL?: unknown } | null)?.DOWNLOAD_URL;
  if (!file || typeof url !== 'string' || url === '') throw new BitrixError('malformed', 'MALFORMED_ANSWER', `${method} answered without a link`);
  return { url, file };
}
