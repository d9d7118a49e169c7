import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Company, Department, Group, User, UserFieldDefinition } from '../../../../src/core/domain/model';
import type { SyncStore } from '../../../../src/core/sync/store';
import { openSqliteStore, StoreError } from '../../../../src/node/store';
import { comment, elapsed, historyEntry, removeDir, stage, task, tempDir } from './fixtures/records';

let dir: string;
let file: string;
let store: SyncStore;

beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'pult.db');
  store = openSqliteStore(file);
});

afterEach(() => {
  store.close();
  removeDir(dir);
});

/** Reads go through a fresh connection, so nothing is served from what this process wrote. */
function reopened(): SyncStore {
  store.close();
  store = openSqliteStore(file);
  return store;
}

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
    store.upsertTasks([rich, plain]);

    const again = reopened();
    expect(again.getTask('101')).toStrictEqual(rich);
    expect(again.getTask('102')).toStrictEqual(plain);
    expect(again.getTask('102')?.statusChangedAt).toBe(0);
    expect(again.getTask('102')?.activityAt).toBeNull();
  });

  it('answers null for a missing task', () => {
    expect(store.getTask('404')).toBeNull();
  });

  it('updates a task in place on a second upsert', () => {
    store.upsertTasks([task('1', { stageId: '3', groupId: '12' })]);
    store.upsertTasks([task('1', { stageId: '4', groupId: '13', title: 'Renamed' })]);
    expect(store.countTasks()).toBe(1);
    expect(store.getTask('1')).toStrictEqual(task('1', { stageId: '4', groupId: '13', title: 'Renamed' }));
    expect(store.taskIdsByGroup('12')).toEqual([]);
    expect(store.taskIdsByGroup('13')).toEqual(['1']);
  });

  it('lists a group by numeric ID order', () => {
    store.upsertTasks([task('10'), task('9'), task('100', { groupId: '99' }), task('2')]);
    expect(store.taskIdsByGroup('12')).toEqual(['2', '9', '10']);
    expect(store.tasksByGroup('12').map((t) => t.id)).toEqual(['2', '9', '10']);
    expect(store.tasksByGroup('12')[0]).toStrictEqual(task('2'));
    expect(store.tasksByGroup('nope')).toEqual([]);
  });

  it('deletes tasks and counts what is left', () => {
    store.upsertTasks([task('1'), task('2'), task('3')]);
    store.deleteTasks(['1', '3', 'missing']);
    expect(store.countTasks()).toBe(1);
    expect(store.getTask('1')).toBeNull();
    expect(store.taskIdsByGroup('12')).toEqual(['2']);
  });

  it('accepts empty batches', () => {
    store.upsertTasks([]);
    store.deleteTasks([]);
    expect(store.countTasks()).toBe(0);
  });
});

describe('stages', () => {
  it('replaces a group’s stages and returns them by sort, leaving other groups alone', () => {
    store.replaceStages('12', [stage('3', '12', 300), stage('1', '12', 100), stage('2', '12', 200)]);
    store.replaceStages('13', [stage('7', '13', 100)]);
    store.replaceStages('12', [stage('2', '12', 200), stage('4', '12', 100)]);

    const again = reopened();
    expect(again.stagesByGroup('12')).toStrictEqual([stage('4', '12', 100), stage('2', '12', 200)]);
    expect(again.stagesByGroup('13')).toStrictEqual([stage('7', '13', 100)]);
  });

  it('refuses a stage of another group', () => {
    expect(() => store.replaceStages('12', [stage('1', '13', 100)])).toThrow(StoreError);
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
    store.replaceGroups(groups);
    store.replaceUsers(users);
    store.replaceDepartments(departments);
    store.replaceCompanies(companies);
    store.replaceUserFields(fields);

    const again = reopened();
    expect(again.groups()).toStrictEqual(groups);
    expect(again.users()).toStrictEqual(users);
    expect(again.departments()).toStrictEqual(departments);
    expect(again.companies()).toStrictEqual(companies);
    expect(again.userFields()).toStrictEqual(fields);
  });

  it('replaces a directory whole', () => {
    store.replaceUsers(users);
    store.replaceUsers([users[1]!]);
    expect(store.users()).toStrictEqual([users[1]]);
    store.replaceCompanies([]);
    expect(store.companies()).toEqual([]);
  });
});

describe('history, time records and comments', () => {
  it('replaces one task’s history and keeps the order given', () => {
    const entries = [historyEntry('3', '1', 300), historyEntry('1', '1', 100), historyEntry('2', '1', 200)];
    store.replaceHistory('1', entries);
    store.replaceHistory('2', [historyEntry('9', '2', 50)]);
    store.replaceHistory('1', entries.slice(1));

    const again = reopened();
    expect(again.historyByTask('1')).toStrictEqual(entries.slice(1));
    expect(again.historyByTask('2')).toStrictEqual([historyEntry('9', '2', 50)]);
    expect(again.historyByTask('3')).toEqual([]);
    expect(() => again.replaceHistory('1', [historyEntry('4', '2', 1)])).toThrow(/belongs to task 2/);
  });

  it('upserts time records, lists them per task and by creation time in [from, to)', () => {
    store.upsertElapsed([elapsed('10', '1', 2_000), elapsed('9', '1', 1_000), elapsed('11', '2', 3_000), elapsed('12', '1', 4_000)]);
    store.upsertElapsed([{ ...elapsed('9', '1', 1_000), seconds: 1200, comment: 'исправлено', startedAt: 400 }]);

    const again = reopened();
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
    store.upsertComments([comment('10', '1', 900), chat, comment('6', '2', 100)]);
    store.upsertComments([{ ...comment('10', '1', 900), text: 'edited' }]);

    const again = reopened();
    expect(again.commentsByTask('1')).toStrictEqual([chat, { ...comment('10', '1', 900), text: 'edited' }]);
    expect(again.commentsByTask('2')).toStrictEqual([comment('6', '2', 100)]);
  });
});

describe('cursors', () => {
  it('stores, overwrites and misses cursors', () => {
    expect(store.getCursor('lastPoll:12')).toBeNull();
    store.setCursor('lastPoll:12', '2024-01-01T00:00:00+03:00');
    store.setCursor('lastPoll:12', '2024-01-02T00:00:00+03:00');
    store.setCursor('empty', '');
    const again = reopened();
    expect(again.getCursor('lastPoll:12')).toBe('2024-01-02T00:00:00+03:00');
    expect(again.getCursor('empty')).toBe('');
  });
});

describe('close', () => {
  it('turns use after close into a clear error, and a second close into nothing', () => {
    store.close();
    expect(() => store.countTasks()).toThrow(expect.objectContaining({ code: 'closed' }));
    expect(() => store.setCursor('a', 'b')).toThrow(StoreError);
    expect(() => store.close()).not.toThrow();
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
