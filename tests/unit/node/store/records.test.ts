import { describe, expect, it } from 'vitest';
import type { Company, Department, Group, User, UserFieldDefinition } from '../../../../src/core/domain/model';
import { openSqliteStore, StoreError } from '../../../../src/node/store';
import { comment, elapsed, historyEntry, stage, task } from './fixtures/records';
import { useTempStore } from './fixtures/temp-store';

const temp = useTempStore();


describe('tasks', () => {
  it('reads a task back exactly, including user fields, CRM links and null versus 0', () => {
    const rich = task('101', {
      status: 5,
      priority: 2,
      stageId: '44',
      changedBy: '9',
      statusChangedAt: 0,
      activityAt: 1_700_000_600_000,
      closedAt: 1_700_000_700_000,
      deadline: null,
      timeEstimateSeconds: 5400,
      crmLinks: ['CO_12', 'C_3'],
      userFields: { UF_AUTO_1: ['12', '13'], UF_AUTO_2: null, UF_AUTO_3: '', UF_AUTO_4: '0' },
      chatId: '55',
    });
    const plain = task('102');
    temp.store.upsertTasks([rich, plain]);

    const again = temp.reopen();
    expect(again.getTask('101')).toStrictEqual(rich);
    expect(again.getTask('102')).toStrictEqual(plain);
    expect(again.getTask('102')?.statusChangedAt).toBe(0);
    expect(again.getTask('102')?.activityAt).toBeNull();
  });

  it('answers null for a missing task', () => {
    expect(temp.store.getTask('404')).toBeNull();
  });

  it('updates a task in place on a second upsert', () => {
    temp.store.upsertTasks([task('1', { stageId: '3', groupId: '12' })]);
    temp.store.upsertTasks([task('1', { stageId: '4', groupId: '13', title: 'Renamed' })]);
    expect(temp.store.countTasks()).toBe(1);
    expect(temp.store.getTask('1')).toStrictEqual(task('1', { stageId: '4', groupId: '13', title: 'Renamed' }));
    expect(temp.store.taskIdsByGroup('12')).toEqual([]);
    expect(temp.store.taskIdsByGroup('13')).toEqual(['1']);
  });

  it('lists a group by numeric ID order', () => {
    temp.store.upsertTasks([task('10'), task('9'), task('100', { groupId: '99' }), task('2')]);
    expect(temp.store.taskIdsByGroup('12')).toEqual(['2', '9', '10']);
    expect(temp.store.tasksByGroup('12').map((t) => t.id)).toEqual(['2', '9', '10']);
    expect(temp.store.tasksByGroup('12')[0]).toStrictEqual(task('2'));
    expect(temp.store.tasksByGroup('nope')).toEqual([]);
  });

  it('reads only what a board shows within a scope: open tasks, those finished since, and those kept', () => {
    const since = 1_700_000_000_000;
    temp.store.upsertTasks([
      task('1'),
      task('2', { status: 5, closedAt: since - 1 }),
      task('3', { status: 5, closedAt: since }),
      task('4', { status: 5, closedAt: since - 86_400_000 }),
      task('5', { status: 5, closedAt: null }),
      task('6', { status: 3, closedAt: since - 1 }),
      task('7', { status: 5, closedAt: since - 1, groupId: '99' }),
    ]);
    const scope = { closedSince: since, keepIds: ['4', '7'] };
    expect(temp.store.tasksByGroup('12', scope).map((t) => t.id)).toEqual(['1', '3', '4', '5', '6']);
    expect(temp.store.tasksByGroup('12', scope)[1]).toStrictEqual(task('3', { status: 5, closedAt: since }));
    expect(temp.store.tasksByGroup('12').map((t) => t.id)).toEqual(['1', '2', '3', '4', '5', '6']);

    for (const id of ['1', '2', '4']) temp.store.replaceHistory(id, [{ ...historyEntry(`h${id}`, id, 1), field: 'STAGE_ID' }, { ...historyEntry(`c${id}`, id, 2), field: 'TITLE' }]);
    expect([...temp.store.historyByGroup('12', ['STAGE_ID'], scope).entries()].map(([id, entries]) => [id, entries.map((e) => e.id)])).toEqual([
      ['1', ['h1']],
      ['4', ['h4']],
    ]);
    expect([...temp.store.historyByGroup('12', ['STAGE_ID']).keys()]).toEqual(['1', '2', '4']);
  });

  it('deletes tasks and counts what is left', () => {
    temp.store.upsertTasks([task('1'), task('2'), task('3')]);
    temp.store.deleteTasks(['1', '3', 'missing']);
    expect(temp.store.countTasks()).toBe(1);
    expect(temp.store.getTask('1')).toBeNull();
    expect(temp.store.taskIdsByGroup('12')).toEqual(['2']);
  });

  it('accepts empty batches', () => {
    temp.store.upsertTasks([]);
    temp.store.deleteTasks([]);
    expect(temp.store.countTasks()).toBe(0);
  });
});

describe('stages', () => {
  it('replaces a group’s stages and returns them by sort, leaving other groups alone', () => {
    temp.store.replaceStages('12', [stage('3', '12', 300), stage('1', '12', 100), stage('2', '12', 200)]);
    temp.store.replaceStages('13', [stage('7', '13', 100)]);
    temp.store.replaceStages('12', [stage('2', '12', 200), stage('4', '12', 100)]);

    const again = temp.reopen();
    expect(again.stagesByGroup('12')).toStrictEqual([stage('4', '12', 100), stage('2', '12', 200)]);
    expect(again.stagesByGroup('13')).toStrictEqual([stage('7', '13', 100)]);
  });

  it('refuses a stage of another group', () => {
    expect(() => temp.store.replaceStages('12', [stage('1', '13', 100)])).toThrow(StoreError);
  });
});

describe('directories', () => {
  const groups: Group[] = [
    { id: '12', name: 'Первая линия', closed: false, membersCount: 8 },
    { id: '3', name: 'Archive', closed: true, membersCount: null },
  ];
  const users: User[] = [
    { id: '7', name: 'Иван', lastName: 'Петров', active: true, type: 'employee', departmentIds: ['1', '5'], workPosition: 'Инженер', workCompany: '' },
    { id: '40', name: 'Client', lastName: '', active: false, type: 'extranet', departmentIds: [], workPosition: '', workCompany: 'ООО «Ромашка»' },
  ];
  const departments: Department[] = [
    { id: '1', name: 'Company', parentId: null, headId: '1' },
    { id: '5', name: 'Support', parentId: '1', headId: null },
  ];
  const companies: Company[] = [{ id: '12', title: 'ООО «Ромашка»' }];
  const fields: UserFieldDefinition[] = [
    {
      name: 'UF_AUTO_1',
      type: 'enumeration',
      multiple: true,
      labels: { ru: 'Тип', en: 'Kind' },
      listItems: [
        { id: '1', value: 'Инцидент', sort: 10, isDefault: true },
        { id: '2', value: 'Запрос', sort: 20, isDefault: false },
      ],
    },
    { name: 'UF_AUTO_2', type: 'string', multiple: false, labels: {}, listItems: [] },
  ];

  it('round-trips every directory in the order given', () => {
    temp.store.replaceGroups(groups);
    temp.store.replaceUsers(users);
    temp.store.replaceDepartments(departments);
    temp.store.replaceCompanies(companies);
    temp.store.replaceUserFields(fields);

    const again = temp.reopen();
    expect(again.groups()).toStrictEqual(groups);
    expect(again.users()).toStrictEqual(users);
    expect(again.departments()).toStrictEqual(departments);
    expect(again.companies()).toStrictEqual(companies);
    expect(again.userFields()).toStrictEqual(fields);
  });

  it('replaces a directory whole', () => {
    temp.store.replaceUsers(users);
    temp.store.replaceUsers([users[1]!]);
    expect(temp.store.users()).toStrictEqual([users[1]]);
    temp.store.replaceCompanies([]);
    expect(temp.store.companies()).toEqual([]);
  });
});

describe('history, time records and comments', () => {
  it('replaces one task’s history and keeps the order given', () => {
    const entries = [historyEntry('3', '1', 300), historyEntry('1', '1', 100), historyEntry('2', '1', 200)];
    temp.store.replaceHistory('1', entries);
    temp.store.replaceHistory('2', [historyEntry('9', '2', 50)]);
    temp.store.replaceHistory('1', entries.slice(1));

    const again = temp.reopen();
    expect(again.historyByTask('1')).toStrictEqual(entries.slice(1));
    expect(again.historyByTask('2')).toStrictEqual([historyEntry('9', '2', 50)]);
    expect(again.historyByTask('3')).toEqual([]);
    expect(() => again.replaceHistory('1', [historyEntry('4', '2', 1)])).toThrow(/belongs to task 2/);
  });

  it('upserts time records, lists them per task and by creation time in [from, to)', () => {
    temp.store.upsertElapsed([elapsed('10', '1', 2_000), elapsed('9', '1', 1_000), elapsed('11', '2', 3_000), elapsed('12', '1', 4_000)]);
    temp.store.upsertElapsed([{ ...elapsed('9', '1', 1_000), seconds: 1200, comment: 'исправлено', startedAt: 400 }]);

    const again = temp.reopen();
    expect(again.elapsedByTask('1')).toStrictEqual([
      { ...elapsed('9', '1', 1_000), seconds: 1200, comment: 'исправлено', startedAt: 400 },
      elapsed('10', '1', 2_000),
      elapsed('12', '1', 4_000),
    ]);
    expect(again.elapsedBetween(2_000, 4_000).map((r) => r.id)).toEqual(['10', '11']);
    expect(again.elapsedBetween(0, 1_000)).toEqual([]);
    expect(again.elapsedBetween(4_000, 4_001)).toStrictEqual([elapsed('12', '1', 4_000)]);
  });

  it('upserts comments and lists them oldest first', () => {
    const chat = { ...comment('5', '1', 500), mode: 'chat' as const };
    temp.store.upsertComments([comment('10', '1', 900), chat, comment('6', '2', 100)]);
    temp.store.upsertComments([{ ...comment('10', '1', 900), text: 'edited' }]);

    const again = temp.reopen();
    expect(again.commentsByTask('1')).toStrictEqual([chat, { ...comment('10', '1', 900), text: 'edited' }]);
    expect(again.commentsByTask('2')).toStrictEqual([comment('6', '2', 100)]);
  });
});

describe('cursors', () => {
  it('stores, overwrites and misses cursors', () => {
    expect(temp.store.getCursor('lastPoll:12')).toBeNull();
    temp.store.setCursor('lastPoll:12', '2024-01-01T00:00:00+03:00');
    temp.store.setCursor('lastPoll:12', '2024-01-02T00:00:00+03:00');
    temp.store.setCursor('empty', '');
    const again = temp.reopen();
    expect(again.getCursor('lastPoll:12')).toBe('2024-01-02T00:00:00+03:00');
    expect(again.getCursor('empty')).toBe('');
  });
});

describe('close', () => {
  it('turns use after close into a clear error, and a second close into nothing', () => {
    temp.store.close();
    expect(() => temp.store.countTasks()).toThrow(expect.objectContaining({ code: 'closed' }));
    expect(() => temp.store.setCursor('a', 'b')).toThrow(StoreError);
    expect(() => temp.store.close()).not.toThrow();
  });
});

describe(':memory:', () => {
  it('works as a throwaway store', () => {
    const memory = openSqliteStore(':memory:');
    memory.upsertTasks([task('1')]);
    expect(memory.getTask('1')).toStrictEqual(task('1'));
    memory.close();
  });
});
