import { describe, expect, it } from 'vitest';
import { createPortal } from '../../../src/bitrix-emulator/portal/index';
import { allTasks, makePortal, testClock, type Row } from './portal-helpers';

describe('generated portal data', () => {
  const rig = makePortal(500);

  it('brief data: departments of the Service Desk method, rows ID/NAME/SORT/PARENT/UF_HEAD', () => {
    const rows = rig.call('department.get', {}).result as Row[];
    const names = rows.map((r) => r.NAME);
    for (const n of ['1-я линия поддержки', 'Отдел разработки', 'Системное администрирование', 'Хозяйственный отдел']) expect(names).toContain(n);
    expect(rows.filter((r) => !('PARENT' in r))).toHaveLength(1);
    expect(rows.every((r) => typeof r.ID === 'string' && 'UF_HEAD' in r)).toBe(true);
  });

  it('brief data: user 1 is the admin (login admin); about 20 employees; extranet users linked to CRM companies by WORK_COMPANY', () => {
    const profile = rig.call('profile', {}).result as Row;
    expect(profile).toMatchObject({ ID: '1', ADMIN: true });
    expect(rig.portal.findUserByLogin('admin')).toMatchObject({ id: '1', admin: true, type: 'employee' });
    const users = rig.portal.users();
    expect(users.filter((u) => u.type === 'employee')).toHaveLength(20);
    const companies = (rig.call('crm.item.list', { entityTypeId: 4 }).result as { items: Row[] }).items;
    expect(companies.length).toBeGreaterThanOrEqual(8);
    expect(companies.length).toBeLessThanOrEqual(12);
    const extranet = rig.call('user.get', { FILTER: { USER_TYPE: 'extranet' } }).result as Row[];
    for (const c of companies) {
      const staff = extranet.filter((u) => u.WORK_COMPANY === c.title);
      expect(staff.length).toBeGreaterThanOrEqual(1);
      expect(staff.length).toBeLessThanOrEqual(2);
    }
    expect(extranet.every((u) => (u.UF_DEPARTMENT as unknown[]).length === 0 && u.ACTIVE === true)).toBe(true);
  });

  it('brief data: two closed Service Desk groups with employees and extranet members, plus another group', () => {
    expect(rig.portal.serviceDeskGroups().map((g) => g.name)).toEqual(['Service Desk — 1-я линия', 'Service Desk — Разработка']);
    const groups = rig.call('sonet_group.get', { IS_ADMIN: 'Y' }).result as Row[];
    expect(groups.length).toBeGreaterThanOrEqual(3);
    for (const g of rig.portal.serviceDeskGroups()) {
      expect(groups.find((r) => r.ID === g.id)).toMatchObject({ CLOSED: 'Y', OPENED: 'N', VISIBLE: 'N' });
      const members = rig.call('sonet_group.user.get', { ID: g.id }).result as Row[];
      const types = new Set(members.map((m) => rig.portal.users().find((u) => u.id === m.USER_ID)?.type));
      expect(types).toEqual(new Set(['employee', 'extranet']));
      expect(members.filter((m) => m.ROLE === 'A')).toHaveLength(1);
    }
    const sokolov = rig.userId('d.sokolov');
    const mine = (rig.call('sonet_group.user.groups', {}, { user: sokolov }).result as Row[]).map((g) => g.GROUP_ID);
    expect(mine).toEqual(['1']);
  });

  it('brief data: tasks cover every stage, incidents (priority 2), change requests (Оценка), stageId 0, completed with closedDate, overdue', () => {
    const rows = allTasks(rig, { GROUP_ID: [1, 2] }, '1', ['ID', 'STAGE_ID', 'STATUS', 'PRIORITY', 'CLOSED_DATE', 'DEADLINE', 'UF_CRM_TASK', 'CREATED_BY']);
    expect(new Set(rows.map((r) => r.stageId))).toEqual(new Set(['0', ...Array.from({ length: 10 }, (_, i) => String(i + 1))]));
    expect(rows.some((r) => r.priority === '2')).toBe(true);
    const estimateKey = Object.keys(rows[0] as Row).filter((k) => k.startsWith('ufAuto'))[2] as string;
    expect(rows.filter((r) => r[estimateKey] !== null).length).toBeGreaterThan(20);
    const done = rows.filter((r) => r.stageId === '5' || r.stageId === '10');
    expect(done.every((r) => r.status === '5' && typeof r.closedDate === 'string')).toBe(true);
    const inWork = rows.filter((r) => r.stageId === '4' || r.stageId === '9');
    expect(inWork.filter((r) => r.status === '3').length).toBeGreaterThan(inWork.length / 2);
    expect(rows.filter((r) => r.subStatus === '-1' || (r.deadline !== null && r.status !== '5' && Date.parse(String(r.deadline)) < rig.clock.now())).length).toBeGreaterThan(0);
    const clientIds = new Set(rig.portal.users().filter((u) => u.type === 'extranet').map((u) => u.id));
    const byClients = rows.filter((r) => clientIds.has(String(r.createdBy)));
    expect(byClients.length).toBeGreaterThan(rows.length / 3);
    expect(byClients.every((r) => Array.isArray(r.ufCrmTask) && String((r.ufCrmTask as string[])[0]).startsWith('CO_'))).toBe(true);
  });

  it('brief data: history reaches back months and ends in the task\'s current state', () => {
    const rows = allTasks(rig, { GROUP_ID: 1, STAGE_ID: 5 }, '1', ['ID', 'STAGE_ID', 'STATUS', 'CREATED_DATE']);
    const oldest = Math.min(...rows.map((r) => Date.parse(String(r.createdDate))));
    expect(rig.clock.now() - oldest).toBeGreaterThan(90 * 86_400_000);
    for (const r of rows.slice(0, 20)) {
      const list = (rig.call('tasks.task.history.list', { taskId: r.id }).result as { list: Row[] }).list;
      expect(list[0]?.field).toBe('NEW');
      const stages = list.filter((h) => h.field === 'STAGE_ID');
      expect((stages.at(-1)?.value as Row).to).toBe('5');
      const statuses = list.filter((h) => h.field === 'STATUS');
      expect((statuses.at(-1)?.value as Row).to).toBe('5');
    }
  });

  it('brief: same seed gives the same portal; another seed a different one', () => {
    const a = createPortal({ seed: 42, tasks: 200, clock: testClock() });
    const b = createPortal({ seed: 42, tasks: 200, clock: testClock() });
    const c = createPortal({ seed: 43, tasks: 200, clock: testClock() });
    const dump = (p: typeof a): string => {
      const ctx = { userId: '1', authType: 'apauth' as const, scopes: [], start: 0 };
      const list = p.methods.get('tasks.task.list')?.handler({ ...ctx, params: { select: ['*', 'UF_CRM_TASK'] } });
      const history = p.methods.get('tasks.task.history.list')?.handler({ ...ctx, params: { taskId: 7 } });
      return JSON.stringify([p.users(), list, history, p.counts()]);
    };
    expect(dump(a)).toBe(dump(b));
    expect(dump(a)).not.toBe(dump(c));
  });

  it('brief: counts() has tasks, users, groups, stages, comments, elapsed, companies', () => {
    expect(rig.portal.counts()).toMatchObject({ tasks: 500, users: rig.portal.users().length, groups: 3, stages: 10, companies: 11 });
    expect(rig.portal.counts().comments).toBeGreaterThan(500);
    expect(rig.portal.counts().elapsed).toBeGreaterThan(100);
  });

  it('brief: utcOffsetMinutes is 180 and dates carry +03:00', () => {
    expect(rig.portal.utcOffsetMinutes).toBe(180);
    const row = (rig.call('user.current', {}).result as Row);
    expect(row.DATE_REGISTER).toMatch(/\+03:00$/);
  });

  it('brief scale: 50,000 tasks are generated and listed', () => {
    const big = createPortal({ seed: 1, tasks: 50_000, clock: testClock() });
    expect(big.counts().tasks).toBe(50_000);
    const out = big.methods.get('tasks.task.list')?.handler({ userId: '1', authType: 'apauth', scopes: [], params: { select: ['ID'] }, start: 49_990 });
    expect(out?.total).toBe(50_000);
    expect((out?.result as { tasks: Row[] }).tasks).toHaveLength(10);
    expect(out).not.toHaveProperty('next');
  });
});

describe('directory methods', () => {
  const rig = makePortal(10);

  it('docs-facts §5: user.get rows and paging; filter by UF_DEPARTMENT and ACTIVE', () => {
    const first = rig.call('user.get', {}, { start: 0 });
    expect((first.result as Row[])).toHaveLength(rig.portal.users().length);
    expect(first.total).toBe(rig.portal.users().length);
    const dev = rig.call('user.get', { FILTER: { UF_DEPARTMENT: 3, ACTIVE: true } }).result as Row[];
    expect(dev.length).toBeGreaterThan(2);
    expect(dev.every((u) => (u.UF_DEPARTMENT as number[]).includes(3))).toBe(true);
    expect(dev[0]).toMatchObject({ USER_TYPE: 'employee' });
  });

  it('docs-facts §5: user.current is the caller; profile has ADMIN false for others', () => {
    expect(rig.call('user.current', {}, { user: '3' }).result).toMatchObject({ ID: '3', NAME: 'Дмитрий' });
    expect(rig.call('profile', {}, { user: '3' }).result).toMatchObject({ ADMIN: false });
  });

  it('docs-facts §5: a group a user is not in is not listed by sonet_group.get', () => {
    const ids = (rig.call('sonet_group.get', {}, { user: '3' }).result as Row[]).map((g) => g.ID);
    expect(ids).toEqual(['1']);
    expect(rig.fail('sonet_group.user.get', { ID: 3 }, { user: '3' }).status).toBe(400);
  });

  it('docs-facts §5: crm.item.list entityTypeId 4 answers {items} with camelCase keys; other types fail', () => {
    const out = rig.call('crm.item.list', { entityTypeId: 4, filter: { '>id': 5 }, order: { id: 'asc' } });
    const items = (out.result as { items: Row[] }).items;
    expect(items[0]).toMatchObject({ id: 6, entityTypeId: 4 });
    expect(typeof items[0]?.title).toBe('string');
    expect(out.total).toBe(items.length);
    expect(rig.fail('crm.item.list', { entityTypeId: 2 }).status).toBe(400);
  });
});
