import { describe, expect, it } from 'vitest';
import { clientMonthlyPlanFact, companyResolver, employeeDailyPlanFact } from '../../../../src/core/domain/plan-fact';
import type { ElapsedRecord } from '../../../../src/core/domain/model';
import { msk, settingsWith, task, user } from './fixtures';

let recordId = 0;
const logged = (userId: string, taskId: string, at: string, hours: number, started = true): ElapsedRecord => {
  recordId += 1;
  return {
    id: String(recordId),
    taskId,
    userId,
    seconds: hours * 3600,
    comment: '',
    createdAt: msk(at) + 3 * 86_400_000,
    startedAt: started ? msk(at) : null,
    stoppedAt: null,
  };
};

const settings = settingsWith((s) => {
  s.plans.employeeHoursPerDay = { '5': 6 };
  s.plans.companyHoursPerMonth = { '1': 40, '2': 10 };
  s.excludedUserIds = ['9'];
});

describe('employeeDailyPlanFact', () => {
  const users = [user('5'), user('6'), user('9'), user('8', { active: false }), user('40', { type: 'extranet' })];

  it('plans on working days, 0 on days off, fact by the portal day the work started', () => {
    const elapsed = [
      logged('5', '100', '2025-03-07T10:00', 2),
      logged('5', '101', '2025-03-07T23:30', 1.5),
      logged('6', '100', '2025-03-08T12:00', 1),
      logged('9', '100', '2025-03-07T10:00', 5),
    ];
    const rows = employeeDailyPlanFact({ users, elapsed, settings, fromDay: '2025-03-07', toDay: '2025-03-08' });
    expect(rows).toEqual([
      { userId: '5', name: 'Имя5 Фамилия5', day: '2025-03-07', planHours: 6, factHours: 3.5 },
      { userId: '5', name: 'Имя5 Фамилия5', day: '2025-03-08', planHours: 0, factHours: 0 },
      { userId: '6', name: 'Имя6 Фамилия6', day: '2025-03-07', planHours: 8, factHours: 0 },
      { userId: '6', name: 'Имя6 Фамилия6', day: '2025-03-08', planHours: 0, factHours: 1 },
    ]);
  });

  it('an inactive person who logged time still appears; createdAt dates a record without a start', () => {
    const elapsed = [logged('8', '100', '2025-03-03T10:00', 2, false)];
    const rows = employeeDailyPlanFact({ users, elapsed, settings, fromDay: '2025-03-06', toDay: '2025-03-06' });
    expect(rows.find((row) => row.userId === '8')).toMatchObject({ day: '2025-03-06', factHours: 2 });
  });

  it('a public holiday has no plan', () => {
    const rows = employeeDailyPlanFact({ users: [user('5')], elapsed: [], settings, fromDay: '2025-06-12', toDay: '2025-06-12' });
    expect(rows).toEqual([{ userId: '5', name: 'Имя5 Фамилия5', day: '2025-06-12', planHours: 0, factHours: 0 }]);
  });
});

describe('clientMonthlyPlanFact', () => {
  const companies = [
    { id: '1', title: 'ООО Ромашка' },
    { id: '2', title: 'АО Без Клиентов' },
    { id: '3', title: 'ИП Тишина' },
  ];
  const users = [user('5'), user('9'), user('40', { type: 'extranet', workCompany: ' ооо  ромашка ' })];
  const tasks = [
    task({ id: '100', createdBy: '40' }),
    task({ id: '101', crmLinks: ['CO_2'] }),
    task({ id: '102', crmLinks: ['D_7', 'CO_1'] }),
    task({ id: '103', createdBy: '5' }),
  ];

  it('counts time on linked tasks and on tasks of the company’s extranet users, by portal month', () => {
    const elapsed = [
      logged('5', '100', '2025-03-31T20:00', 2),
      logged('5', '102', '2025-03-01T00:30', 3),
      logged('5', '101', '2025-03-15T10:00', 4),
      logged('5', '103', '2025-03-15T10:00', 7),
      logged('9', '100', '2025-03-15T10:00', 8),
      logged('5', '100', '2025-02-28T23:59', 1),
      logged('5', '100', '2025-04-01T00:00', 1),
    ];
    expect(clientMonthlyPlanFact({ companies, users, tasks, elapsed, settings, month: '2025-03' })).toEqual([
      { companyId: '1', title: 'ООО Ромашка', month: '2025-03', planHours: 40, factHours: 5, taskCount: 2 },
      { companyId: '2', title: 'АО Без Клиентов', month: '2025-03', planHours: 10, factHours: 4, taskCount: 1 },
    ]);
  });

  it('a client without extranet users and without time still shows its plan', () => {
    const rows = clientMonthlyPlanFact({ companies, users, tasks, elapsed: [], settings, month: '2025-04' });
    expect(rows.map((row) => [row.companyId, row.factHours])).toEqual([['1', 0], ['2', 0]]);
  });

  it.each([
    [{ crmLinks: ['CO_3'], createdBy: '40' }, '3'],
    [{ crmLinks: ['CO_77'], createdBy: '40' }, '1'],
    [{ crmLinks: [], createdBy: '5' }, null],
    [{ crmLinks: [], createdBy: '404' }, null],
  ])('task %j belongs to %s', (change, company) => {
    expect(companyResolver(companies, users)(task(change))).toBe(company);
  });
});
