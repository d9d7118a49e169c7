import { describe, expect, it } from 'vitest';
import { allTasks, makePortal, taskOf, tasksOf, type Row } from './portal-helpers';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/;

describe('tasks.task.list', () => {
  const rig = makePortal(400);

  it('server-facts §4: rows have camelCase keys and string values; group/creator/responsible extras', () => {
    const out = rig.call('tasks.task.list', { select: ['ID', 'TITLE', 'STAGE_ID', 'GROUP_ID', 'CREATED_BY', 'RESPONSIBLE_ID', 'CHANGED_DATE', 'PRIORITY'] });
    const row = tasksOf(out).find((t) => t.groupId !== '0') as Row;
    expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'title', 'stageId', 'groupId', 'createdBy', 'responsibleId', 'changedDate', 'priority', 'group', 'creator', 'responsible']));
    for (const key of ['id', 'stageId', 'groupId', 'createdBy', 'responsibleId', 'priority']) expect(typeof row[key]).toBe('string');
    expect(row.changedDate).toMatch(ISO);
    const group = row.group as Row;
    expect(group).toMatchObject({ id: row.groupId, opened: false, image: '', additionalData: [] });
    expect(typeof group.membersCount).toBe('number');
    expect(row.creator).toMatchObject({ id: row.createdBy, link: `/company/personal/user/${String(row.createdBy)}/` });
    expect(Object.keys(row.responsible as Row).sort()).toEqual(['icon', 'id', 'link', 'name', 'workPosition']);
  });

  it('server-facts §4: group is [] for a task without a group; creator only when CREATED_BY is selected', () => {
    const row = tasksOf(rig.call('tasks.task.list', { filter: { GROUP_ID: 0 }, select: ['ID', 'TITLE'] }))[0] as Row;
    expect(row.group).toEqual([]);
    expect(row).not.toHaveProperty('creator');
    expect(row).not.toHaveProperty('responsible');
  });

  it('server-facts §1: 50 rows a page, next only while offset + rows < total', () => {
    const first = rig.call('tasks.task.list', { select: ['ID'] }, { start: 0 });
    expect(tasksOf(first)).toHaveLength(50);
    expect(first.total).toBe(400);
    expect(first.next).toBe(50);
    const last = rig.call('tasks.task.list', { select: ['ID'] }, { start: 350 });
    expect(tasksOf(last)).toHaveLength(50);
    expect(last.total).toBe(400);
    expect(last).not.toHaveProperty('next');
  });

  it('server-facts §1: start=-1 gives the first 50 rows with no total and no next', () => {
    const out = rig.call('tasks.task.list', { select: ['ID'], order: { ID: 'asc' }, filter: { '>ID': 10 } }, { start: -1 });
    expect(tasksOf(out)).toHaveLength(50);
    expect(tasksOf(out)[0]?.id).toBe('11');
    expect(out).not.toHaveProperty('total');
    expect(out).not.toHaveProperty('next');
  });

  it('docs-facts §3: default order is ID descending; order by CHANGED_DATE asc works', () => {
    const ids = tasksOf(rig.call('tasks.task.list', { select: ['ID'] })).map((t) => Number(t.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const dates = tasksOf(rig.call('tasks.task.list', { select: ['ID', 'CHANGED_DATE'], order: { CHANGED_DATE: 'asc' } })).map((t) => Date.parse(String(t.changedDate)));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  it('docs-facts §4: filter STAGE_ID [0, firstStageId] loads the first column of a group', () => {
    const rows = allTasks(rig, { GROUP_ID: 1, STAGE_ID: [0, 1] }, '1', ['ID', 'STAGE_ID', 'GROUP_ID']);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.stageId))).toEqual(new Set(['0', '1']));
    expect(rows.every((r) => r.groupId === '1')).toBe(true);
  });

  it('docs-facts §3: >CHANGED_DATE, ID arrays, !STATUS, REAL_STATUS and UF_CRM_TASK filters', () => {
    const all = allTasks(rig, {}, '1', ['ID', 'CHANGED_DATE', 'STATUS', 'UF_CRM_TASK']);
    const cut = all.map((r) => String(r.changedDate)).sort()[200] as string;
    const newer = allTasks(rig, { '>CHANGED_DATE': cut }, '1', ['ID', 'CHANGED_DATE']);
    expect(newer.length).toBe(all.filter((r) => Date.parse(String(r.changedDate)) > Date.parse(cut)).length);
    expect(tasksOf(rig.call('tasks.task.list', { filter: { ID: ['3', 5, 7] }, select: ['ID'], order: { ID: 'asc' } })).map((t) => t.id)).toEqual(['3', '5', '7']);
    const notDone = allTasks(rig, { '!STATUS': 5 }, '1', ['ID', 'STATUS']);
    expect(notDone.every((r) => r.status !== '5')).toBe(true);
    const done = allTasks(rig, { REAL_STATUS: 5 }, '1', ['ID', 'STATUS']);
    expect(done.length + notDone.length).toBe(400);
    const co = allTasks(rig, { UF_CRM_TASK: 'CO_3' }, '1', ['ID', 'UF_CRM_TASK']);
    expect(co.length).toBeGreaterThan(0);
    expect(co.every((r) => (r.ufCrmTask as string[]).includes('CO_3'))).toBe(true);
  });

  it('server-facts §4: UF values only when a UF_ field is selected; enum = item ID string, double = numeric string, empty = null', () => {
    const fields = rig.call('task.item.userfield.getlist', {}).result as Row[];
    const typeField = fields.find((f) => (f.EDIT_FORM_LABEL as Row).ru === 'Тип') as Row;
    const estimate = fields.find((f) => (f.EDIT_FORM_LABEL as Row).ru === 'Оценка') as Row;
    const typeKey = String(typeField.FIELD_NAME).toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    const estimateKey = String(estimate.FIELD_NAME).toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    expect(typeKey).toMatch(/^ufAuto\d+$/);
    const without = tasksOf(rig.call('tasks.task.list', { select: ['ID', 'TITLE'] }))[0] as Row;
    expect(Object.keys(without).some((k) => k.startsWith('uf'))).toBe(false);
    const rows = allTasks(rig, { GROUP_ID: [1, 2] }, '1', ['ID', String(typeField.FIELD_NAME)]);
    const itemIds = (typeField.LIST as Row[]).map((i) => i.ID);
    expect(rows.every((r) => itemIds.includes(r[typeKey]))).toBe(true);
    expect(rows[0]).toHaveProperty('ufCrmTask'); // selecting one UF field makes all of them selectable
    const estimates = rows.map((r) => r[estimateKey]);
    expect(estimates).toContain(null);
    expect(estimates.filter((v) => v !== null).every((v) => typeof v === 'string' && Number.isFinite(Number(v)))).toBe(true);
  });

  it('server-facts §4: STATUS selected gives status and subStatus (-1 for overdue)', () => {
    const rows = allTasks(rig, { REAL_STATUS: [2, 3] }, '1', ['ID', 'STATUS', 'DEADLINE']);
    const overdue = rows.filter((r) => r.deadline !== null && Date.parse(String(r.deadline)) < rig.clock.now());
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((r) => r.subStatus === '-1')).toBe(true);
    expect(allTasks(rig, { STATUS: -1 }).length).toBe(overdue.length);
  });
});

describe('tasks.task.get and rights', () => {
  const rig = makePortal(400);
  const sokolov = rig.userId('d.sokolov');

  it('server-facts §4: a missing task answers result [] (HTTP 200 at the transport)', () => {
    expect(rig.call('tasks.task.get', { taskId: 999999 }).result).toEqual([]);
  });

  it('docs: tasks-task-get.md — missing taskId is error 100, a non-numeric one error 0', () => {
    expect(rig.fail('tasks.task.get', {})).toMatchObject({ code: '100', status: 400 });
    expect(rig.fail('tasks.task.get', { taskId: 'abc' })).toMatchObject({ code: '0', status: 400 });
  });

  it('docs-facts §3: get returns the task with an action map', () => {
    const task = taskOf(rig.call('tasks.task.get', { taskId: 1 }));
    expect(task.id).toBe('1');
    expect(task.action).toMatchObject({ edit: true, 'elapsedtime.add': true });
    expect(typeof (task.action as Row).start).toBe('boolean');
  });

  it('brief rights: a non-member does not see a closed group\'s tasks (list omits, get gives [])', () => {
    const foreign = allTasks(rig, { GROUP_ID: 2 }, '1', ['ID', 'CREATED_BY', 'RESPONSIBLE_ID', 'ACCOMPLICES', 'AUDITORS'])
      .filter((t) => ![t.createdBy, t.responsibleId].includes(sokolov) && !(t.accomplices as string[]).includes(sokolov) && !(t.auditors as string[]).includes(sokolov));
    expect(foreign.length).toBeGreaterThan(0);
    const seen = new Set(allTasks(rig, { GROUP_ID: 2 }, sokolov).map((t) => t.id));
    for (const t of foreign) expect(seen.has(t.id)).toBe(false);
    expect(rig.call('tasks.task.get', { taskId: foreign[0]?.id }, { user: sokolov }).result).toEqual([]);
  });

  it('brief rights: an extranet user sees only their company\'s tasks (or their own)', () => {
    const client = rig.portal.users().find((u) => u.type === 'extranet') as { id: string };
    const profile = rig.call('user.current', {}, { user: client.id }).result as Row;
    const companies = (rig.call('crm.item.list', { entityTypeId: 4 }).result as { items: Row[] }).items;
    const company = companies.find((c) => c.title === profile.WORK_COMPANY) as Row;
    const tag = `CO_${String(company.id)}`;
    const rows = allTasks(rig, {}, client.id, ['ID', 'UF_CRM_TASK', 'CREATED_BY', 'RESPONSIBLE_ID']);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(((r.ufCrmTask as string[] | null) ?? []).includes(tag) || r.createdBy === client.id || r.responsibleId === client.id).toBe(true);
    const adminView = allTasks(rig, { UF_CRM_TASK: tag }, '1', ['ID', 'GROUP_ID']).filter((r) => r.groupId !== '0');
    expect(rows.length).toBeGreaterThanOrEqual(adminView.length);
  });

  it('brief rights: the admin sees every task', () => {
    expect(rig.call('tasks.task.list', { select: ['ID'] }).total).toBe(400);
  });
});

describe('task changes', () => {
  it('server-facts §6: update bumps changedDate, writes history, emits ONTASKUPDATE with origin and userId', () => {
    const rig = makePortal(100);
    rig.clock.advance(3600);
    const before = taskOf(rig.call('tasks.task.get', { taskId: 5, select: ['ID', 'CHANGED_DATE', 'TITLE'] }));
    rig.call('tasks.task.update', { taskId: 5, fields: { TITLE: 'Новое название', PRIORITY: 2 } }, { clientId: 'local.app', authConnector: 'pult-1' });
    const after = taskOf(rig.call('tasks.task.get', { taskId: 5, select: ['ID', 'CHANGED_DATE', 'ACTIVITY_DATE', 'TITLE', 'PRIORITY'] }));
    expect(after.title).toBe('Новое название');
    expect(after.priority).toBe('2');
    expect(Date.parse(String(after.changedDate))).toBe(rig.clock.now() - (rig.clock.now() % 1000));
    expect(after.changedDate).not.toBe(before.changedDate);
    expect(after.activityDate).toBe(after.changedDate);
    expect(rig.events).toEqual([{
      name: 'ONTASKUPDATE', userId: '1', origin: { clientId: 'local.app', authConnector: 'pult-1' },
      data: { FIELDS_BEFORE: { ID: 5 }, FIELDS_AFTER: { ID: 5 }, IS_ACCESSIBLE_BEFORE: 'undefined', IS_ACCESSIBLE_AFTER: 'undefined' },
    }]);
    const history = (rig.call('tasks.task.history.list', { taskId: 5, filter: { FIELD: 'TITLE' } }).result as { list: Row[] }).list;
    expect(history.at(-1)).toMatchObject({ field: 'TITLE', value: { to: 'Новое название' }, user: { id: 1, login: 'admin' } });
    expect(String(history.at(-1)?.createdDate)).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/);
  });

  it('docs-facts §3: add starts at stageId 0 and status 2 and emits ONTASKADD; delete emits ONTASKDELETE', () => {
    const rig = makePortal(10);
    const task = taskOf(rig.call('tasks.task.add', { fields: { TITLE: 'Не работает принтер', RESPONSIBLE_ID: 3, GROUP_ID: 1, UF_CRM_TASK: ['CO_2'] } }));
    expect(task).toMatchObject({ title: 'Не работает принтер', stageId: '0', status: '2', groupId: '1', responsibleId: '3' });
    const id = Number(task.id);
    expect(rig.events[0]).toMatchObject({ name: 'ONTASKADD', data: { FIELDS_BEFORE: 'undefined', FIELDS_AFTER: { ID: id }, IS_ACCESSIBLE_BEFORE: 'N' } });
    expect(rig.call('tasks.task.delete', { taskId: id }).result).toEqual({ task: true });
    expect(rig.events[1]).toMatchObject({ name: 'ONTASKDELETE', data: { FIELDS_BEFORE: { ID: id }, FIELDS_AFTER: 'undefined', IS_ACCESSIBLE_AFTER: 'N' } });
    expect(rig.call('tasks.task.get', { taskId: id }).result).toEqual([]);
  });

  it('docs: tasks-task-add.md — missing title or responsible is ERROR_CORE 400; no fields is error 100', () => {
    const rig = makePortal(5);
    expect(rig.fail('tasks.task.add', { fields: { RESPONSIBLE_ID: 3 } })).toMatchObject({ code: 'ERROR_CORE', status: 400 });
    expect(rig.fail('tasks.task.add', { fields: { TITLE: 'x' } })).toMatchObject({ code: 'ERROR_CORE', status: 400 });
    expect(rig.fail('tasks.task.add', {})).toMatchObject({ code: '100', status: 400 });
    expect(rig.events).toHaveLength(0);
  });

  it('docs-facts §3 status actions: start → 3, pause → 2, defer → 6, renew → 2, complete → 5 with closedDate', () => {
    const rig = makePortal(10);
    const id = Number(taskOf(rig.call('tasks.task.add', { fields: { TITLE: 'Статусы', RESPONSIBLE_ID: 1 } })).id);
    const status = (): Row => taskOf(rig.call('tasks.task.get', { taskId: id, select: ['ID', 'STATUS', 'CLOSED_DATE', 'DATE_START'] }));
    rig.call('tasks.task.start', { taskId: id });
    expect(status()).toMatchObject({ status: '3' });
    expect(status().dateStart).toMatch(ISO);
    rig.call('tasks.task.pause', { taskId: id });
    expect(status().status).toBe('2');
    rig.call('tasks.task.defer', { taskId: id });
    expect(status().status).toBe('6');
    rig.call('tasks.task.renew', { taskId: id });
    expect(status().status).toBe('2');
    const done = taskOf(rig.call('tasks.task.complete', { taskId: id }));
    expect(done.status).toBe('5');
    expect(done.closedDate).toMatch(ISO);
    const statuses = (rig.call('tasks.task.history.list', { taskId: id, filter: { FIELD: 'STATUS' } }).result as { list: Row[] }).list.map((h) => h.value);
    expect(statuses).toEqual([{ from: '2', to: '3' }, { from: '3', to: '2' }, { from: '2', to: '6' }, { from: '6', to: '2' }, { from: '2', to: '5' }]);
  });

  it('docs-facts §3: a refused action answers "Action on the task is not allowed" (pause of a pending task)', () => {
    const rig = makePortal(10);
    const id = Number(taskOf(rig.call('tasks.task.add', { fields: { TITLE: 'x', RESPONSIBLE_ID: 1 } })).id);
    expect(rig.fail('tasks.task.pause', { taskId: id })).toMatchObject({ code: '0', status: 400, description: 'Action on the task is not allowed' });
    const other = rig.userId('d.sokolov');
    rig.call('tasks.task.start', { taskId: id });
    expect(rig.fail('tasks.task.pause', { taskId: id }, { user: other })).toMatchObject({ status: 400 });
  });
});
