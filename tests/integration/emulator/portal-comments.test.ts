import { describe, expect, it } from 'vitest';
import { allTasks, makePortal, taskOf, type Row } from './portal-helpers';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/;

describe('legacy comments and elapsed time', () => {
  it('server-facts §4: task.commentitem.* take arguments by position (names ignored), rows UPPERCASE', () => {
    const rig = makePortal(30);
    const id = rig.call('task.commentitem.add', { whatever: 4, other: { POST_MESSAGE: 'Проверьте, пожалуйста' } }).result as number;
    expect(typeof id).toBe('number');
    const rows = rig.call('task.commentitem.getlist', { a: 4, b: { ID: 'desc' } }).result as Row[];
    expect(rows[0]).toMatchObject({ ID: String(id), AUTHOR_ID: '1', POST_MESSAGE: 'Проверьте, пожалуйста', POST_MESSAGE_HTML: null });
    expect(rows[0]?.POST_DATE).toMatch(ISO);
    expect(Object.keys(rows[0] as Row)).toEqual(['POST_MESSAGE_HTML', 'ID', 'AUTHOR_ID', 'AUTHOR_NAME', 'AUTHOR_EMAIL', 'POST_DATE', 'POST_MESSAGE', 'ATTACHED_OBJECTS']);
  });

  it('docs: task-comment-item-get-list.md — a wrong order key is ERROR_CORE WRONG_ARGUMENTS 400', () => {
    const rig = makePortal(5);
    const err = rig.fail('task.commentitem.getlist', { TASKID: 1, FILTER: { '>=POST_DATE': '2024-01-01' } });
    expect(err).toMatchObject({ code: 'ERROR_CORE', status: 400 });
    expect(err.description).toContain('WRONG_ARGUMENTS');
    expect(rig.fail('task.commentitem.getlist', { TASKID: 'x' }).description).toContain('Param #0 (taskId)');
  });

  it('server-facts §6: comment add bumps changedDate, logs COMMENT and emits ONTASKCOMMENTADD {ID, TASK_ID}', () => {
    const rig = makePortal(20);
    rig.clock.advance(600);
    const id = rig.call('task.commentitem.add', { TASKID: 2, FIELDS: { POST_MESSAGE: 'Ок' } }, { clientId: 'app', authConnector: 'c1' }).result as number;
    const task = taskOf(rig.call('tasks.task.get', { taskId: 2, select: ['ID', 'CHANGED_DATE', 'ACTIVITY_DATE'] }));
    expect(Date.parse(String(task.changedDate))).toBe(rig.clock.now());
    expect(rig.events).toEqual([{ name: 'ONTASKCOMMENTADD', userId: '1', origin: { clientId: 'app', authConnector: 'c1' },
      data: { FIELDS_BEFORE: 'undefined', FIELDS_AFTER: { ID: id, TASK_ID: 2 }, IS_ACCESSIBLE_BEFORE: 'N', IS_ACCESSIBLE_AFTER: 'undefined' } }]);
    const log = (rig.call('tasks.task.history.list', { taskId: 2, filter: { FIELD: 'COMMENT' } }).result as { list: Row[] }).list;
    expect(log.at(-1)?.value).toEqual({ from: null, to: String(id) });
  });

  it('server-facts §4: generated comments are stable and consistent with history', () => {
    const rig = makePortal(100);
    const task = allTasks(rig, { REAL_STATUS: 5 }, '1', ['ID', 'COMMENTS_COUNT']).find((t) => Number(t.commentsCount) > 1) as Row;
    const first = rig.call('task.commentitem.getlist', { TASKID: task.id, ORDER: { ID: 'asc' } }).result as Row[];
    expect(first).toHaveLength(Number(task.commentsCount));
    expect(rig.call('task.commentitem.getlist', { TASKID: task.id, ORDER: { ID: 'asc' } }).result).toEqual(first);
    const logged = (rig.call('tasks.task.history.list', { taskId: task.id, filter: { FIELD: 'COMMENT' } }).result as { list: Row[] }).list.map((h) => (h.value as Row).to);
    expect(logged).toEqual(first.map((c) => c.ID));
  });

  it('server-facts §4: task.elapseditem rows, total/next, and add returns the ID and updates timeSpentInLogs', () => {
    const rig = makePortal(50);
    const before = Number(taskOf(rig.call('tasks.task.get', { taskId: 3, select: ['ID', 'TIME_SPENT_IN_LOGS'] })).timeSpentInLogs);
    const id = rig.call('task.elapseditem.add', { TASKID: 3, ARFIELDS: { SECONDS: 1800, COMMENT_TEXT: 'Диагностика' } }).result as number;
    const list = rig.call('task.elapseditem.getlist', { TASKID: 3, ORDER: { ID: 'asc' } });
    const rows = list.result as Row[];
    expect(list.total).toBe(rows.length);
    expect(rows.at(-1)).toMatchObject({ ID: String(id), TASK_ID: '3', USER_ID: '1', SECONDS: '1800', MINUTES: '30', COMMENT_TEXT: 'Диагностика' });
    for (const key of ['CREATED_DATE', 'DATE_START', 'DATE_STOP']) expect(rows.at(-1)?.[key]).toMatch(ISO);
    const after = Number(taskOf(rig.call('tasks.task.get', { taskId: 3, select: ['ID', 'TIME_SPENT_IN_LOGS'] })).timeSpentInLogs);
    expect(after - before).toBe(1800);
    expect(rows.reduce((sum, r) => sum + Number(r.SECONDS), 0)).toBe(after);
    expect(rig.events.map((e) => e.name)).toEqual(['ONTASKUPDATE']);
  });
});

describe('task.elapseditem.getlist paging (IRestService::setNavData, NAV_PARAMS only)', () => {
  it('a TASKID read without NAV_PARAMS answers every row; `start` is ignored; nPageSize is clamped to 50; iNumPage pages', () => {
    const rig = makePortal(50);
    for (let i = 0; i < 60; i++) rig.call('task.elapseditem.add', { TASKID: 3, ARFIELDS: { SECONDS: 60, COMMENT_TEXT: `r${i}` } });
    const all = rig.call('task.elapseditem.getlist', { TASKID: 3, ORDER: { ID: 'asc' } });
    const rows = all.result as Row[];
    expect(rows.length).toBeGreaterThan(60);
    expect(all).toMatchObject({ total: rows.length });
    expect(all.next).toBeUndefined();
    expect(rig.call('task.elapseditem.getlist', { TASKID: 3, ORDER: { ID: 'asc' } }, { start: 50 }).result).toEqual(rows);
    const nav = (nPageSize: number, iNumPage: number) =>
      rig.call('task.elapseditem.getlist', { TASKID: 3, ORDER: { ID: 'asc' }, FILTER: {}, SELECT: ['*'], PARAMS: { NAV_PARAMS: { nPageSize, iNumPage } } });
    const first = nav(100, 1);
    expect((first.result as Row[]).map((r) => r.ID)).toEqual(rows.slice(0, 50).map((r) => r.ID));
    expect(first).toMatchObject({ next: 50, total: rows.length });
    const second = nav(50, 2);
    expect((second.result as Row[]).map((r) => r.ID)).toEqual(rows.slice(50, 100).map((r) => r.ID));
    if (rows.length <= 100) expect(second.next).toBeUndefined();
  });

  it('without TASKID: 50 rows of every readable task, then next', () => {
    const rig = makePortal(50);
    const answer = rig.call('task.elapseditem.getlist', { ORDER: { ID: 'asc' }, FILTER: {} });
    expect((answer.result as Row[]).length).toBe(50);
    expect(answer.next).toBe(50);
    expect(new Set((answer.result as Row[]).map((r) => r.TASK_ID)).size).toBeGreaterThan(1);
  });
});

describe('user fields', () => {
  it('server-facts §7: getlist gives UPPERCASE definitions; Тип/Тип стоппера enumerations with LIST, Оценка double', () => {
    const rig = makePortal(5);
    const fields = rig.call('task.item.userfield.getlist', {}).result as Row[];
    const byLabel = (ru: string): Row => fields.find((f) => (f.EDIT_FORM_LABEL as Row).ru === ru) as Row;
    const type = byLabel('Тип');
    expect(type).toMatchObject({ ENTITY_ID: 'TASKS_TASK', USER_TYPE_ID: 'enumeration', MULTIPLE: 'N' });
    expect(String(type.FIELD_NAME)).toMatch(/^UF_AUTO_\d{12}$/);
    expect((type.LIST as Row[]).map((i) => i.VALUE)).toEqual(['Отдел разработки', '1-я линия поддержки', 'Системное администрирование', 'Хозяйственный отдел']);
    expect(Object.keys((type.LIST as Row[])[0] as Row)).toEqual(expect.arrayContaining(['ID', 'SORT', 'VALUE', 'DEF']));
    expect((byLabel('Тип стоппера').LIST as Row[]).map((i) => i.VALUE)).toContain('Ждём ответа клиента');
    expect(byLabel('Оценка')).toMatchObject({ USER_TYPE_ID: 'double', LIST_COLUMN_LABEL: { ru: 'Оценка', en: 'Estimate' } });
    expect(fields.map((f) => f.FIELD_NAME)).toContain('UF_CRM_TASK');
  });

  it('docs-facts §3: task.item.userfield.add is admin-only, adds UF_ and refuses enumeration', () => {
    const rig = makePortal(5);
    expect(rig.fail('task.item.userfield.add', { PARAMS: { USER_TYPE_ID: 'string', FIELD_NAME: 'X' } }, { user: '3' }).status).toBe(403);
    expect(rig.fail('task.item.userfield.add', { PARAMS: { USER_TYPE_ID: 'enumeration', FIELD_NAME: 'X' } }).code).toBe('ERROR_CORE');
    const id = rig.call('task.item.userfield.add', { PARAMS: { USER_TYPE_ID: 'string', FIELD_NAME: 'SLA_LEVEL', EDIT_FORM_LABEL: 'SLA' } }).result;
    const fields = rig.call('task.item.userfield.getlist', {}).result as Row[];
    expect(fields.find((f) => f.ID === String(id))?.FIELD_NAME).toBe('UF_SLA_LEVEL');
  });
});

describe('comment modes', () => {
  it('docs-facts §3: in chat mode chatId comes with select CHAT_ID and comments go to the task chat', () => {
    const rig = makePortal(30);
    expect(taskOf(rig.call('tasks.task.get', { taskId: 4, select: ['ID', 'CHAT_ID'] }))).not.toHaveProperty('chatId');
    rig.portal.setCommentMode('chat');
    expect(rig.portal.commentMode()).toBe('chat');
    const chatId = taskOf(rig.call('tasks.task.get', { taskId: 4, select: ['ID', 'CHAT_ID'] })).chatId as number;
    expect(typeof chatId).toBe('number');
    expect(rig.portal.methods.get('tasks.task.chat.message.send')?.api).toBe('v3');
    expect(rig.call('tasks.task.chat.message.send', { fields: { taskId: 4, text: 'Сообщение в чат' } }).result).toEqual({ result: true });
    const answer = rig.call('im.dialog.messages.get', { DIALOG_ID: `chat${chatId}` }).result as { messages: Row[]; users: Row[]; chat_id: number };
    expect(answer.chat_id).toBe(chatId);
    expect(answer.messages[0]).toMatchObject({ chat_id: chatId, author_id: 1, text: 'Сообщение в чат', params: null });
    expect(answer.messages[0]?.date).toMatch(ISO);
    expect(answer.users.map((u) => u.id)).toContain(1);
    // docs: tasks-new.md — on the chat card OnTaskCommentAdd has ID 0 and MESSAGE_ID.
    expect(rig.events.at(-1)).toMatchObject({ name: 'ONTASKCOMMENTADD', data: { FIELDS_AFTER: { ID: 0, TASK_ID: 4, MESSAGE_ID: answer.messages[0]?.id } } });
  });

  it('docs: tasks-new.md — on the chat card getlist returns nothing, update/delete fail, add lands in the chat', () => {
    const rig = makePortal(30);
    const legacyId = rig.call('task.commentitem.add', { TASKID: 4, FIELDS: { POST_MESSAGE: 'До перехода' } }).result as number;
    rig.portal.setCommentMode('chat');
    expect(rig.call('task.commentitem.getlist', { TASKID: 4 }).result).toEqual([]);
    expect(rig.fail('task.commentitem.update', { TASKID: 4, ITEMID: legacyId, FIELDS: { POST_MESSAGE: 'x' } })).toMatchObject({ code: 'ERROR_CORE', status: 400 });
    expect(rig.fail('task.commentitem.delete', { TASKID: 4, ITEMID: legacyId })).toMatchObject({ code: 'ERROR_CORE', status: 400 });
    const msgId = rig.call('task.commentitem.add', { TASKID: 4, FIELDS: { POST_MESSAGE: 'После перехода' } }).result;
    const chatId = taskOf(rig.call('tasks.task.get', { taskId: 4, select: ['CHAT_ID'] })).chatId;
    const texts = (rig.call('im.dialog.messages.get', { DIALOG_ID: `chat${String(chatId)}` }).result as { messages: Row[] }).messages.map((m) => [m.id, m.text]);
    expect(texts[0]).toEqual([msgId, 'После перехода']);
    expect(texts.map((t) => t[1])).toContain('До перехода');
  });

  it('contract api v3 / docs-facts §2: in legacy mode the chat send method is absent (404) and task chats do not exist', () => {
    const rig = makePortal(10);
    expect(rig.fail('tasks.task.chat.message.send', { fields: { taskId: 1, text: 'x' } })).toMatchObject({ code: 'ERROR_METHOD_NOT_FOUND', status: 404 });
    expect(rig.fail('im.dialog.messages.get', { DIALOG_ID: 'chat3001' }).code).toBe('ACCESS_ERROR');
    expect(rig.fail('im.dialog.messages.get', {}).code).toBe('DIALOG_ID_EMPTY');
  });
});
