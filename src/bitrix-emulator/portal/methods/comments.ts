import { RestError, type CallContext } from '../../contract';
import { parseInputDate } from '../dates';
import { generatedRecords, taskComments } from '../generate-tasks';
import type { Comment, Task, User } from '../model';
import { addHistory, emitTaskEvent, touch } from '../mutate';
import { asRecord, callerOf, fullName, iso, outcome, positional, register, toInt, type MethodTable, type Services } from '../services';
import { attachToComment, chatFileParams, commentAttachedObjects, commentFiles } from './disk';
import { diskOf, seedDemoChatFiles, seedDemoCommentFiles, type DiskObject } from '../disk/store';
import { actionFailed, checkKeys, legacyMatch, taskIdArg } from './legacy';
import { readableTask } from './tasks';

const ORDER_KEYS = ['ID', 'AUTHOR_ID', 'AUTHOR_NAME', 'AUTHOR_EMAIL', 'POST_DATE'];
const FILTER_KEYS = ['ID', 'AUTHOR_ID', 'AUTHOR_NAME', 'POST_DATE'];

function commentRow(s: Services, c: Comment): Record<string, unknown> {
  const author = s.state.users.get(c.authorId);
  return {
    POST_MESSAGE_HTML: null,
    ID: String(c.id),
    AUTHOR_ID: String(c.authorId),
    AUTHOR_NAME: author ? fullName(author) : '',
    AUTHOR_EMAIL: author?.email ?? '',
    POST_DATE: iso(s, c.postDate),
    POST_MESSAGE: c.message,
    ATTACHED_OBJECTS: commentAttachedObjects(s, c.id),
  };
}

/** Posts a message into the task chat (new task card, docs-facts §3 "Comments"). */
export function postChatMessage(s: Services, task: Task, author: User, text: string, ctx: Parameters<typeof emitTaskEvent>[1], fileIds: number[] = []): number {
  const id = s.state.next.comment++;
  task.live.chat.push({ id, chatId: task.chatId, authorId: author.id, date: s.state.now(), text });
  // A file message (im.disk.file.commit) keeps its files as the message's params FILE_ID.
  if (fileIds.length > 0) diskOf(s.state).byMessage.set(id, fileIds);
  touch(s, task, author.id);
  // docs: tasks-new.md — on the new card OnTaskCommentAdd carries ID 0 and the chat MESSAGE_ID.
  emitTaskEvent(s, ctx, author.id, 'ONTASKCOMMENTADD', 'undefined', { ID: 0, TASK_ID: task.id, MESSAGE_ID: id }, 'N');
  return id;
}

export function registerCommentMethods(s: Services, table: MethodTable): void {
  register(table, 'task.commentitem.add', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const args = positional(ctx);
    const task = readableTask(s, user, taskIdArg(args, 'ctaskcommentitem::add'));
    if (!task) throw actionFailed();
    const fields = asRecord(args[1]);
    const message = String(fields.POST_MESSAGE ?? '').trim();
    if (message === '') throw actionFailed();
    const authorId = user.admin && fields.AUTHOR_ID !== undefined ? toInt(fields.AUTHOR_ID) : user.id;
    const author = s.state.users.get(authorId) ?? user;
    // docs: tasks-new.md — task.commentitem.add still works on the chat card and lands in the chat.
    if (s.state.commentMode === 'chat') return outcome(postChatMessage(s, task, author, message, ctx));
    // Checked before anything is written: one bad file fails the whole add, no comment is made.
    const files = fields.UF_FORUM_MESSAGE_DOC !== undefined ? commentFiles(s, user, fields.UF_FORUM_MESSAGE_DOC) : [];
    const postDate = fields.POST_DATE !== undefined ? parseInputDate(fields.POST_DATE, s.state.utcOffsetMinutes) ?? s.state.now() : s.state.now();
    const comment: Comment = { id: s.state.next.comment++, taskId: task.id, authorId: author.id, postDate, message };
    task.live.comments.push(comment);
    attachToComment(s, user, task.id, comment.id, files);
    addHistory(s, task, 'COMMENT', null, String(comment.id), author.id);
    touch(s, task, author.id);
    emitTaskEvent(s, ctx, author.id, 'ONTASKCOMMENTADD', 'undefined', { ID: comment.id, TASK_ID: task.id }, 'N');
    return outcome(comment.id);
  });

  register(table, 'task.commentitem.getlist', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const args = positional(ctx);
    const method = 'ctaskcommentitem::getlist';
    const task = readableTask(s, user, taskIdArg(args, method));
    const order = checkKeys(args[1], ORDER_KEYS, 1, 'arOrder', method, false);
    const filter = checkKeys(args[2], FILTER_KEYS, 2, 'arFilter', method, true);
    if (!task) throw actionFailed();
    // Chat card: comments live in the chat, the forum topic stays empty (our reading of
    // "getlist does not work" in docs tasks-new.md; the exact failure is UNVERIFIED).
    if (s.state.commentMode === 'chat') return outcome([]);
    seedDemoCommentFiles(s, task);
    const comparable = (field: string, v: unknown): number | string =>
      field === 'POST_DATE' ? parseInputDate(v, s.state.utcOffsetMinutes) ?? 0 : field === 'AUTHOR_NAME' ? String(v) : toInt(v);
    const rows = taskComments(s.gen, task).filter((c) => {
      const author = s.state.users.get(c.authorId);
      return legacyMatch({ ID: c.id, AUTHOR_ID: c.authorId, AUTHOR_NAME: author ? fullName(author) : '', POST_DATE: c.postDate }, filter, comparable);
    });
    const [key, dir] = Object.entries(order)[0] ?? ['ID', 'desc'];
    const desc = String(dir).toLowerCase() === 'desc';
    const pick = (c: Comment): number | string => (key.toUpperCase() === 'POST_DATE' ? c.postDate : key.toUpperCase() === 'AUTHOR_ID' ? c.authorId : c.id);
    rows.sort((a, b) => (pick(a) < pick(b) ? -1 : pick(a) > pick(b) ? 1 : a.id - b.id) * (desc ? -1 : 1));
    return outcome(rows.map((c) => commentRow(s, c)));
  });

  const editComment = (mode: 'update' | 'delete') => (ctx: CallContext) => {
    const user = callerOf(s, ctx);
    const args = positional(ctx);
    const task = readableTask(s, user, taskIdArg(args, `ctaskcommentitem::${mode}`));
    if (!task || s.state.commentMode === 'chat') throw actionFailed(); // docs: does not work on the chat card
    const id = toInt(args[1]);
    const comment = taskComments(s.gen, task).find((c) => c.id === id);
    if (!comment || (comment.authorId !== user.id && !user.admin)) throw actionFailed();
    const generated = generatedRecords(s.gen, task).comments.some((c) => c.id === id);
    if (mode === 'update') {
      const text = String(asRecord(args[2]).POST_MESSAGE ?? '').trim();
      if (text === '') throw actionFailed();
      if (generated) task.live.editedComments.set(id, text);
      else comment.message = text;
      const live = task.live.comments.find((c) => c.id === id);
      if (live) live.message = text;
    } else if (generated) {
      task.live.deletedComments.add(id);
    } else {
      task.live.comments = task.live.comments.filter((c) => c.id !== id);
    }
    touch(s, task, user.id);
    const before = { ID: id, TASK_ID: task.id };
    emitTaskEvent(s, ctx, user.id, mode === 'update' ? 'ONTASKCOMMENTUPDATE' : 'ONTASKCOMMENTDELETE', before, { ...before, ACTION: mode === 'update' ? 'EDIT' : 'DEL' });
    return outcome(true);
  };
  register(table, 'task.commentitem.update', 'task', editComment('update'));
  register(table, 'task.commentitem.delete', 'task', editComment('delete'));

  registerChatMethods(s, table);
}

function registerChatMethods(s: Services, table: MethodTable): void {
  // REST 3.0 only (contract: api 'v3'). A portal without the new card (legacy mode) predates it.
  register(table, 'tasks.task.chat.message.send', 'task', (ctx) => {
    if (s.state.commentMode !== 'chat') throw new RestError('ERROR_METHOD_NOT_FOUND', 'Method not found!', 404);
    const user = callerOf(s, ctx);
    const fields = asRecord(ctx.params.fields);
    const taskId = toInt(fields.taskId);
    const text = String(fields.text ?? '').trim();
    if (taskId <= 0 || text === '') throw new RestError('Bad Request', 'Ошибка при валидации объекта', 400);
    const task = readableTask(s, user, taskId);
    if (!task) throw new RestError('ACCESS_DENIED', 'Нет доступа к задаче', 403);
    postChatMessage(s, task, user, text, ctx);
    return outcome({ result: true });
  }, 'v3');

  register(table, 'im.dialog.messages.get', 'im', (ctx) => {
    const user = callerOf(s, ctx);
    const dialog = String(ctx.params.DIALOG_ID ?? '');
    if (dialog === '') throw new RestError('DIALOG_ID_EMPTY', "Dialog ID can't be empty", 400);
    const chatId = /^chat(\d+)$/.exec(dialog)?.[1];
    const task = chatId ? [...s.state.tasks.values()].find((t) => t.chatId === Number(chatId)) : undefined;
    // Task chats exist only on the new card; elsewhere (and without task access) it is ACCESS_ERROR.
    if (!task || s.state.commentMode !== 'chat' || !readableTask(s, user, task.id)) {
      throw new RestError('ACCESS_ERROR', 'You do not have access to this dialog', 400);
    }
    return outcome(chatAnswer(s, task, ctx.params));
  });
}

function chatAnswer(s: Services, task: Task, params: Record<string, unknown>): Record<string, unknown> {
  seedDemoChatFiles(s, task);
  const disk = diskOf(s.state);
  // Comments made before the switch to the chat card show up as (migrated) chat messages.
  const migrated = taskComments(s.gen, task).map((c) => ({ id: c.id, authorId: c.authorId, date: c.postDate, text: c.message }));
  const all = [...migrated, ...task.live.chat.map((m) => ({ id: m.id, authorId: m.authorId, date: m.date, text: m.text }))].sort((a, b) => a.id - b.id);
  const limit = Math.min(50, Math.max(1, toInt(params.LIMIT) || 20));
  let picked: typeof all;
  if (params.FIRST_ID !== undefined) picked = all.filter((m) => m.id > toInt(params.FIRST_ID)).slice(0, limit);
  else if (params.LAST_ID !== undefined) picked = all.filter((m) => m.id < toInt(params.LAST_ID)).slice(-limit);
  else picked = all.slice(-limit);
  const files: DiskObject[] = [];
  const messages = [...picked].reverse().map((m) => {
    // docs im-dialog-messages-get: a file message has params FILE_ID, its files come in `files`.
    const own = (disk.byMessage.get(m.id) ?? []).flatMap((id) => disk.objects.get(id) ?? []);
    files.push(...own);
    return { id: m.id, chat_id: task.chatId, author_id: m.authorId, date: iso(s, m.date), text: m.text, params: own.length > 0 ? { FILE_ID: own.map((f) => f.id) } : null };
  });
  const users = [...new Set(picked.map((m) => m.authorId))].map((id) => {
    const u = s.state.users.get(id);
    return {
      id, name: u ? fullName(u) : '', first_name: u?.name ?? '', last_name: u?.lastName ?? '', work_position: u?.workPosition ?? '',
      color: '#df532d', avatar: '', gender: u?.gender ?? 'M', birthday: '', extranet: u?.type === 'extranet', network: false, bot: false,
      connector: false, external_auth_id: 'default', status: 'online', idle: false, last_activity_date: false, mobile_last_date: false,
      departments: u?.departments ?? [], absent: false, phones: { work_phone: '', personal_mobile: '', personal_phone: '' },
    };
  });
  return { messages, users, files: files.map((f) => chatFileParams(s, f, task.chatId)), chat_id: task.chatId };
}
