import { describe, expect, it } from 'vitest';
import { suggestAssignee } from '../../../../src/core/domain/assignment';
import type { ElapsedRecord, UserFieldDefinition } from '../../../../src/core/domain/model';
import { msk, settingsWith, task, user } from './fixtures';

const NOW = msk('2025-03-05T12:00');
const typeField: UserFieldDefinition = {
  name: 'UF_SD_TYPE',
  type: 'enumeration',
  multiple: false,
  labels: { ru: 'Тип' },
  listItems: [
    { id: '31', value: 'Отдел разработки', sort: 10, isDefault: false },
    { id: '32', value: 'Первая линия', sort: 20, isDefault: false },
    { id: '33', value: 'Бухгалтерия', sort: 30, isDefault: false },
  ],
};
const departments = [
  { id: '3', name: 'Отдел разработки', parentId: null, headId: null },
  { id: '4', name: 'Первая линия', parentId: null, headId: null },
];
const users = [
  user('5', { departmentIds: ['3'] }),
  user('6', { departmentIds: ['3'] }),
  user('7', { departmentIds: ['3'] }),
  user('8', { departmentIds: ['3'], active: false }),
  user('9', { departmentIds: ['3'] }),
  user('40', { departmentIds: ['3'], type: 'extranet' }),
];
const settings = settingsWith((s) => {
  s.plans.employeeHoursPerDay = { '5': 8, '6': 8, '7': 4, '9': 20 };
  s.excludedUserIds = ['9'];
});
const log = (userId: string, taskId: string, hours: number, at = NOW - 3_600_000): ElapsedRecord => ({
  id: `${userId}-${taskId}-${at}`,
  taskId,
  userId,
  seconds: hours * 3600,
  comment: '',
  createdAt: at,
  startedAt: at,
  stoppedAt: null,
});

describe('suggestAssignee', () => {
  const run = (over: Partial<Parameters<typeof suggestAssignee>[0]> = {}) =>
    suggestAssignee({ typeValue: '31', typeField, departments, users, tasks: [], elapsed: [], settings, now: NOW, ...over });

  it('picks the most capacity left and shows the numbers', () => {
    const tasks = [
      task({ id: '1', responsibleId: '5', status: 3, userFields: { UF_SD_ESTIMATE: '5' } }),
      task({ id: '2', responsibleId: '6', status: 2, timeEstimateSeconds: 2 * 3600 }),
      task({ id: '3', responsibleId: '6', status: 5, userFields: { UF_SD_ESTIMATE: '40' } }),
    ];
    const elapsed = [log('5', '1', 1), log('6', '2', 1), log('6', '2', 3, msk('2025-03-04T12:00'))];
    const result = run({ tasks, elapsed });
    expect(result).toMatchObject({
      ok: true,
      departmentId: '3',
      suggestion: { userId: '6', planTodayHours: 8, loggedTodayHours: 1, remainingHours: 0, openTasks: 1, capacityHours: 7 },
    });
    if (!result.ok) throw new Error('expected a suggestion');
    expect(result.candidates.map((c) => [c.userId, c.capacityHours])).toEqual([
      ['6', 7],
      ['7', 4],
      ['5', 3],
    ]);
  });

  it('ties break by fewer open tasks, then by ID', () => {
    const tasks = [task({ id: '1', responsibleId: '5', status: 2 })];
    const result = run({ tasks, settings: settingsWith((s) => (s.excludedUserIds = ['7', '9'])) });
    if (!result.ok) throw new Error('expected a suggestion');
    expect(result.candidates.map((c) => [c.userId, c.capacityHours, c.openTasks])).toEqual([
      ['6', 8, 0],
      ['5', 8, 1],
    ]);
    expect(run({ settings: settingsWith((s) => (s.excludedUserIds = ['5', '9'])) })).toMatchObject({ suggestion: { userId: '6' } });
  });

  it('an incident with an estimate counts its Оценка; fractional and comma estimates work', () => {
    const tasks = [
      task({ id: '1', responsibleId: '5', priority: 2, userFields: { UF_SD_ESTIMATE: '2,5' } }),
      task({ id: '2', responsibleId: '6', userFields: { UF_SD_ESTIMATE: '0' }, timeEstimateSeconds: 1800 }),
    ];
    const result = run({ tasks, settings: settingsWith((s) => (s.excludedUserIds = ['7', '9'])) });
    if (!result.ok) throw new Error('expected a suggestion');
    expect(result.candidates.map((c) => [c.userId, c.remainingHours])).toEqual([
      ['6', 0.5],
      ['5', 2.5],
    ]);
  });

  it('overloaded people get negative capacity and come last', () => {
    const tasks = [task({ id: '1', responsibleId: '7', userFields: { UF_SD_ESTIMATE: '10' } })];
    const result = run({ tasks });
    if (!result.ok) throw new Error('expected a suggestion');
    expect(result.candidates.at(-1)).toMatchObject({ userId: '7', planTodayHours: 4, capacityHours: -6 });
  });

  it('never offers someone with no hours left as free: on a day off, or when everyone is over plan, nobody is suggested', () => {
    const tasks = [task({ id: '1', responsibleId: '7', userFields: { UF_SD_ESTIMATE: '10' } })];
    expect(run({ tasks, now: msk('2025-03-08T12:00') })).toMatchObject({ ok: false, problem: 'no-capacity' });
    const busy = ['5', '6', '7'].map((id, i) => task({ id: String(10 + i), responsibleId: id, status: 3, userFields: { UF_SD_ESTIMATE: '12' } }));
    expect(run({ tasks: busy })).toMatchObject({ ok: false, problem: 'no-capacity', departmentName: 'Отдел разработки' });
  });

  it.each([
    ['no type', { typeValue: '' }, 'no-type'],
    ['an enum item without a department', { typeValue: '33' }, 'unknown-department'],
    ['a department with no active employees', { typeValue: '32' }, 'no-employees'],
  ])('%s -> %s', (_name, over, problem) => {
    expect(run(over)).toMatchObject({ ok: false, problem });
  });

  it('a text Тип holding the department name works too', () => {
    expect(run({ typeValue: ' отдел  разработки', typeField: null })).toMatchObject({ ok: true, departmentId: '3' });
  });
});
