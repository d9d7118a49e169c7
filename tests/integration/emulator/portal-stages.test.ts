import { describe, expect, it } from 'vitest';
import { allTasks, makePortal, taskOf, type Row } from './portal-helpers';

describe('task.stages.*', () => {
  it('server-facts §5: get returns an object keyed by stage ID with UPPERCASE string rows; five SD stages', () => {
    const rig = makePortal(50);
    const stages = rig.call('task.stages.get', { entityId: 1 }).result as Record<string, Row>;
    const rows = Object.values(stages).sort((a, b) => Number(a.SORT) - Number(b.SORT));
    expect(rows.map((r) => r.TITLE)).toEqual(['Новые заявки', 'Сбор информации', 'Запустить в работу', 'В работе', 'Завершена']);
    expect(rows.map((r) => r.SORT)).toEqual(['100', '200', '300', '400', '500']);
    for (const [key, row] of Object.entries(stages)) {
      expect(row.ID).toBe(key);
      expect(row).toMatchObject({ ENTITY_ID: '1', ENTITY_TYPE: 'G' });
      expect(String(row.COLOR)).toMatch(/^[0-9A-F]{6}$/);
    }
    // server-facts §5: a group's copy of the template keeps SYSTEM_TYPE only on the first stage.
    expect(rows.map((r) => r.SYSTEM_TYPE)).toEqual(['NEW', null, null, null, null]);
    expect(Array.isArray(rig.call('task.stages.get', { entityId: 1, numeric: true }).result)).toBe(true);
  });

  it('server-facts §5: a non-member gets ACCESS_DENIED for a closed group\'s stages; entityId 0 is My plan', () => {
    const rig = makePortal(10);
    const sokolov = rig.userId('d.sokolov');
    expect(rig.fail('task.stages.get', { entityId: 2 }, { user: sokolov })).toMatchObject({ code: 'ACCESS_DENIED', status: 400 });
    const plan = Object.values(rig.call('task.stages.get', { entityId: 0 }, { user: sokolov }).result as Record<string, Row>);
    expect(plan).toHaveLength(2);
    expect(plan.every((s) => s.ENTITY_TYPE === 'U' && s.ENTITY_ID === sokolov)).toBe(true);
  });

  it('server-facts §5: add/update/delete only by the group owner or moderator (admin with isAdmin)', () => {
    const rig = makePortal(10);
    const member = rig.userId('d.sokolov');
    const owner = rig.userId('e.morozova');
    expect(rig.fail('task.stages.add', { fields: { TITLE: 'Тест', ENTITY_ID: 1 } }, { user: member }).code).toBe('ACCESS_DENIED');
    expect(rig.fail('task.stages.add', { fields: { TITLE: '  ', ENTITY_ID: 1 } }, { user: owner }).code).toBe('EMPTY_TITLE');
    const id = rig.call('task.stages.add', { fields: { TITLE: 'Тестирование', COLOR: 'AABBCC', AFTER_ID: 4, ENTITY_ID: 1 } }, { user: owner }).result as number;
    const stages = Object.values(rig.call('task.stages.get', { entityId: 1 }).result as Record<string, Row>).sort((a, b) => Number(a.SORT) - Number(b.SORT));
    expect(stages.map((s) => s.TITLE)).toEqual(['Новые заявки', 'Сбор информации', 'Запустить в работу', 'В работе', 'Тестирование', 'Завершена']);
    expect(rig.call('task.stages.update', { id, fields: { TITLE: 'Проверка клиентом' } }, { user: owner }).result).toBe(true);
    expect(rig.fail('task.stages.update', { id: 9999, fields: { TITLE: 'x' } }, { user: owner }).code).toBe('NOT_FOUND');
    expect(rig.fail('task.stages.delete', { id }, { user: member }).code).toBe('ACCESS_DENIED');
    expect(rig.call('task.stages.delete', { id, isAdmin: 'N' }).result).toBe(true); // "N" is truthy (server-facts §5)
  });

  it('server-facts §5: delete errors IS_SYSTEM, NO_EMPTY, NOT_FOUND', () => {
    const rig = makePortal(200);
    expect(rig.fail('task.stages.delete', { id: 1 }).code).toBe('IS_SYSTEM');
    const busy = allTasks(rig, { GROUP_ID: 1, STAGE_ID: 4 });
    expect(busy.length).toBeGreaterThan(0);
    // The admin is not the group's owner: only a truthy isAdmin lifts the check (stages.php).
    expect(rig.fail('task.stages.delete', { id: 4 }).code).toBe('ACCESS_DENIED');
    expect(rig.fail('task.stages.delete', { id: 4, isAdmin: 'Y' }).code).toBe('NO_EMPTY');
    expect(rig.fail('task.stages.delete', { id: 12345 }).code).toBe('NOT_FOUND');
  });

  it('server-facts §5 / docs-facts §4: movetask moves, logs STAGE_ID and fires ONTASKUPDATE', () => {
    const rig = makePortal(10);
    const id = Number(taskOf(rig.call('tasks.task.add', { fields: { TITLE: 'Карточка', RESPONSIBLE_ID: 3, GROUP_ID: 1 } })).id);
    rig.events.length = 0;
    rig.clock.advance(120);
    expect(rig.call('task.stages.movetask', { id, stageId: 3 }, { user: rig.userId('d.sokolov') }).result).toBe(true);
    const task = taskOf(rig.call('tasks.task.get', { taskId: id, select: ['ID', 'STAGE_ID', 'CHANGED_DATE'] }));
    expect(task.stageId).toBe('3');
    expect(rig.events.map((e) => e.name)).toEqual(['ONTASKUPDATE']);
    const moves = (rig.call('tasks.task.history.list', { taskId: id, filter: { FIELD: 'STAGE_ID' } }).result as { list: Row[] }).list;
    expect(moves.map((m) => m.value)).toEqual([{ from: '0', to: '3' }]);
  });

  it('server-facts §5: movetask errors NOT_FOUND, TASK_NOT_FOUND, ACCESS_DENIED_MOVE, DIFFERENT_STAGES', () => {
    const rig = makePortal(10);
    const id = Number(taskOf(rig.call('tasks.task.add', { fields: { TITLE: 'Карточка', RESPONSIBLE_ID: 3, GROUP_ID: 1 } })).id);
    expect(rig.fail('task.stages.movetask', { id, stageId: 777 }).code).toBe('NOT_FOUND');
    expect(rig.fail('task.stages.movetask', { id: 99999, stageId: 2 }).code).toBe('TASK_NOT_FOUND');
    expect(rig.fail('task.stages.movetask', { id, stageId: 7 }).code).toBe('DIFFERENT_STAGES');
    // A developer responsible for a 1st-line task sees it but is no member of that group: cannot sort.
    const dev = rig.userId('p.fedorov');
    rig.call('tasks.task.update', { taskId: id, fields: { RESPONSIBLE_ID: dev } });
    expect(rig.fail('task.stages.movetask', { id, stageId: 2 }, { user: dev }).code).toBe('ACCESS_DENIED_MOVE');
    expect(rig.call('task.stages.canmovetask', { entityId: 1, entityType: 'G' }, { user: dev }).result).toBe(false);
    expect(rig.call('task.stages.canmovetask', { entityId: 1, entityType: 'G' }, { user: '3' }).result).toBe(true);
  });

  it('brief: completing a task does not move it to another stage (group kanbans only auto-move in Scrum sprints)', () => {
    const rig = makePortal(10);
    const id = Number(taskOf(rig.call('tasks.task.add', { fields: { TITLE: 'x', RESPONSIBLE_ID: 1, GROUP_ID: 1 } })).id);
    rig.call('task.stages.movetask', { id, stageId: 4 });
    rig.call('tasks.task.complete', { taskId: id });
    expect(taskOf(rig.call('tasks.task.get', { taskId: id, select: ['ID', 'STAGE_ID', 'STATUS'] }))).toMatchObject({ stageId: '4', status: '5' });
  });
});
