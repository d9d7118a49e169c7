/**
 * Files in a task chat (new task card): the chat's Disk folder, an upload into it, and the commit
 * that posts the uploaded files as one chat message. Facts and sources: src/bitrix-emulator/README.md,
 * "Files (disk)".
 */
import { RestError, type CallContext } from '../../contract';
import type { Task, User } from '../model';
import { asArray, asRecord, callerOf, outcome, paginate, paramCI, register, toInt, truthy, type MethodTable, type Services } from '../services';
import { canReadObject, chatFolderId, chatOfFolder, diskOf, folderChildren, isChatMember, storeChatUpload, uniqueNameAmong, type DiskObject } from '../disk/store';
import { chatFileParams, childFilter, correctFileName, fileRow, nonUniqueName } from './disk';
import { postChatMessage } from './comments';

const dialogEmpty = (): RestError => new RestError('DIALOG_ID_EMPTY', "Dialog ID can't be empty", 400);
const chatEmpty = (): RestError => new RestError('CHAT_ID_EMPTY', "Chat ID can't be empty", 400);

function taskOfChat(s: Services, chatId: number): Task | undefined {
  if (s.state.commentMode !== 'chat' || chatId <= 0) return undefined;
  // Task chat IDs derive from task IDs (generate-tasks chatIdOf); a made task has one the same way.
  for (const task of s.state.tasks.values()) if (task.chatId === chatId) return task;
  return undefined;
}

/** CHAT_ID, or DIALOG_ID `chat<id>` (im_rest.php accepts either; DIALOG_ID wins). */
function chatIdParam(ctx: CallContext): number {
  const dialog = paramCI(ctx.params, 'DIALOG_ID');
  if (dialog !== undefined) {
    const m = /^chat(\d+)$/.exec(String(dialog));
    if (!m) throw dialogEmpty();
    return Number(m[1]);
  }
  const chatId = toInt(paramCI(ctx.params, 'CHAT_ID'));
  if (chatId <= 0) throw chatEmpty();
  return chatId;
}

/** The task whose chat owns this folder, for a caller who may use it (chat members and admins). */
function chatFolderTask(s: Services, user: User, id: unknown): Task {
  if (id === undefined) throw new RestError('ERROR_ARGUMENT', 'Invalid value of parameter {Parameter #0}', 400);
  const chatId = chatOfFolder(toInt(id));
  const task = chatId === null ? undefined : taskOfChat(s, chatId);
  // Only task chats' folders are emulated as folders (a user storage's folders are not).
  if (!task) throw new RestError('ERROR_NOT_FOUND', `Could not find entity with id '${String(id)}'.`, 400);
  if (!user.admin && !isChatMember(s, user, task.id)) throw new RestError('ACCESS_DENIED', 'Access denied!', 403);
  return task;
}

export function registerChatFileMethods(s: Services, table: MethodTable): void {
  // im_rest.php diskFolderGet: access is checked on the dialog (403), the answer is {ID}.
  register(table, 'im.disk.folder.get', 'im', (ctx) => {
    const user = callerOf(s, ctx);
    const chatId = chatIdParam(ctx);
    const task = taskOfChat(s, chatId);
    if (!task || !isChatMember(s, user, task.id)) throw new RestError('ACCESS_ERROR', 'You do not have access to the specified dialog', 403);
    return outcome({ ID: chatFolderId(chatId) });
  });

  // docs disk-folder-upload-file: "Add" right on the folder; a chat folder gives chat members full rights.
  register(table, 'disk.folder.uploadfile', 'disk', (ctx) => {
    const user = callerOf(s, ctx);
    const folderId = toInt(ctx.params.id);
    const task = chatFolderTask(s, user, ctx.params.id);
    const rawName = correctFileName(String(asRecord(ctx.params.data).NAME ?? ''));
    if (rawName === '') throw new RestError('DISK_BASE_SERVICE_22001', 'Error: required parameter NAME (DISK_BASE_SERVICE_22001)', 400);
    const parts = asArray(ctx.params.fileContent);
    if (typeof parts[1] !== 'string') throw new RestError('ERROR_COULD_NOT_SAVE_FILE', 'Could not save file', 400);
    // Names are unique in any folder (Folder::addFile), as in a storage's root.
    const name = uniqueNameAmong(folderChildren(s, folderId), rawName, truthy(ctx.params.generateUniqueName));
    if (name === null) throw nonUniqueName();
    return outcome(fileRow(s, ctx, storeChatUpload(s, user, task, name, Buffer.from(parts[1], 'base64'))));
  });

  // The folder's files, filtered as for disk.storage.getchildren (Internalizer::cleanFilter).
  register(table, 'disk.folder.getchildren', 'disk', (ctx) => {
    const user = callerOf(s, ctx);
    chatFolderTask(s, user, ctx.params.id);
    const keep = childFilter(asRecord(ctx.params.filter));
    const paged = paginate(folderChildren(s, toInt(ctx.params.id)).filter(keep), ctx.start);
    return outcome(paged.page.map((obj) => fileRow(s, ctx, obj)), paged);
  });

  // im_rest.php diskFileCommit -> CIMDisk::UploadFileFromDisk: one message with all the files.
  register(table, 'im.disk.file.commit', 'im', (ctx) => {
    const user = callerOf(s, ctx);
    const chatId = chatIdParam(ctx);
    const task = taskOfChat(s, chatId);
    // Membership is checked on the chat relation here, answered 400 (STATUS_WRONG_REQUEST).
    if (!task || !isChatMember(s, user, task.id)) throw new RestError('ACCESS_ERROR', "You don't have access to this chat", 400);
    const upload = paramCI(ctx.params, 'UPLOAD_ID');
    const disk = paramCI(ctx.params, 'FILE_ID') ?? paramCI(ctx.params, 'DISK_ID');
    const refs = disk !== undefined ? asArray(disk).map((id) => ({ kind: 'disk' as const, id: toInt(id) })) : asArray(upload).map((id) => ({ kind: 'upload' as const, id: toInt(id) }));
    if (refs.length === 0) throw new RestError('FILES_ERROR', 'List of files in not specified', 400);
    const files: Record<string, unknown> = {};
    const posted: DiskObject[] = [];
    for (const ref of refs) {
      const obj = resolve(s, user, task, ref);
      files[`${ref.kind}${ref.id}`] = obj ? chatFileParams(s, obj, chatId) : { id: 0 };
      if (obj) posted.push(obj);
    }
    // UploadFileFromDisk returns false when no file could be taken: REST answers result false.
    if (posted.length === 0) return outcome(false);
    const text = String(paramCI(ctx.params, 'MESSAGE') ?? '').trim();
    const messageId = postChatMessage(s, task, user, text, ctx, posted.map((o) => o.id));
    return outcome({ FILES: files, DISK_ID: posted.map((o) => o.id), MESSAGE_ID: messageId });
  });
}

/**
 * `upload<id>`: the uploaded file itself, its version raised (IncreaseFileVersionDisk checks read
 * rights only, not the folder). `disk<id>`: a copy into the chat's folder (SaveFromLocalDisk).
 */
function resolve(s: Services, user: User, task: Task, ref: { kind: 'upload' | 'disk'; id: number }): DiskObject | null {
  const disk = diskOf(s.state);
  const obj = disk.objects.get(ref.id);
  if (!obj || !canReadObject(s, user, obj)) return null;
  if (ref.kind === 'upload') {
    obj.version = Math.max(2, (obj.version ?? 1) + 1);
    return obj;
  }
  const copy = storeChatUpload(s, user, task, obj.name, obj.bytes());
  copy.version = 2;
  return copy;
}
