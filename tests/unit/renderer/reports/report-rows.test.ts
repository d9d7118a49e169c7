import { describe, expect, it } from 'vitest';
import { agingCsv, agingStages, clientCsv, cumulativeCsv, employeeCsv, employeeTotals, percentDone, reopenedCsv, throughputCsv, type CsvHeaders } from '../../../../src/renderer/reports/report-rows';
import { defaultRange, rangeProblem, shortDay } from '../../../../src/renderer/reports/reports-range';
import { csvFileName } from '../../../../src/renderer/reports/download';
import { toCsv } from '../../../../src/core/domain/csv';
import { translate } from '../../../../src/renderer/i18n';
import { csvHeaders } from '../../../../src/renderer/reports/report-format';

const h: CsvHeaders = csvHeaders((key, values) => translate('ru', key, values));

const employees = [
  { userId: '2', name: 'Елена Морозова', day: '2026-03-10', planHours: 8, factHours: 6.5 },
  { userId: '2', name: 'Елена Морозова', day: '2026-03-11', planHours: 8, factHours: 9 },
  { userId: '3', name: 'Без часов', day: '2026-03-10', planHours: 0, factHours: 0 },
  { userId: '3', name: 'Без часов', day: '2026-03-11', planHours: 0, factHours: 0 },
];

describe('plan vs fact rows', () => {
  it('sums the period per employee and leaves out people with neither plan nor fact', () => {
    expect(employeeTotals(employees)).toEqual([
      {
        userId: '2',
        name: 'Елена Морозова',
        planHours: 16,
        factHours: 15.5,
        byDay: { '2026-03-10': { plan: 8, fact: 6.5 }, '2026-03-11': { plan: 8, fact: 9 } },
      },
    ]);
  });

  it('exports one CSV line per employee per day with the difference', () => {
    expect(employeeCsv(employees, h)).toEqual([
      ['Сотрудник', 'День', 'План, ч', 'Факт, ч', 'Разница, ч'],
      ['Елена Морозова', '2026-03-10', 8, 6.5, -1.5],
      ['Елена Морозова', '2026-03-11', 8, 9, 1],
    ]);
    // What Excel gets: BOM, semicolons, decimal commas.
    expect(toCsv(employeeCsv(employees, h)).split('\r\n')[1]).toBe('Елена Морозова;2026-03-10;8;6,5;-1,5');
  });

  it('exports clients with the share of the plan used, and none without a plan', () => {
    const rows = clientCsv(
      [
        { companyId: '1', title: 'ООО «Альфа»', month: '2026-03', planHours: 40, factHours: 30, taskCount: 4 },
        { companyId: '2', title: '=HYPERLINK("x")', month: '2026-03', planHours: 0, factHours: 2, taskCount: 1 },
      ],
      h,
    );
    expect(rows[0]).toEqual(['Клиент', 'План, ч', 'Факт, ч', 'Разница, ч', 'Выполнение, %', 'Задач']);
    expect(rows[1]).toEqual(['ООО «Альфа»', 40, 30, -10, 75, 4]);
    expect(rows[2]).toEqual(['=HYPERLINK("x")', 0, 2, 2, null, 1]);
    // A hostile client name is shown as text in Excel, never run.
    expect(toCsv(rows).split('\r\n')[2]).toMatch(/^"'=HYPERLINK\(""x""\)";/);
    expect(percentDone(0, 5)).toBeNull();
  });

  it('exports the flow tables', () => {
    expect(agingCsv([{ taskId: '7', title: 'Принтер', groupId: '1', stageTitle: 'В работе', wiaSeconds: 5400 }], h)).toEqual([
      ['ID', 'Задача', 'Этап', 'WIA, ч'],
      ['7', 'Принтер', 'В работе', 1.5],
    ]);
    expect(throughputCsv([{ week: '2026-W10', count: 7 }], h)).toEqual([
      ['Неделя', 'Завершено'],
      ['2026-W10', 7],
    ]);
    expect(reopenedCsv([{ taskId: '9', title: 'Снова', times: 2, lastReopenedAt: 0 }], h, () => '01.01.1970')).toEqual([
      ['ID', 'Задача', 'Раз', 'Последний раз'],
      ['9', 'Снова', 2, '01.01.1970'],
    ]);
    expect(cumulativeCsv([{ day: '2026-03-10', counts: { new: 1, classification: 2, queue: 3, work: 4, done: 5 } }], h)).toEqual([
      ['День', 'Новые', 'Классификация', 'Очередь', 'В работе', 'Завершены'],
      ['2026-03-10', 1, 2, 3, 4, 5],
    ]);
  });

  it('orders aging stages as on the board, each shared title once, only stages with open work', () => {
    const perStage = [
      { stageId: '1', groupId: '1', title: 'Новые', role: 'new' as const, count: 1 },
      { stageId: '3', groupId: '1', title: 'В работе', role: 'work' as const, count: 1 },
      { stageId: '4', groupId: '1', title: 'Завершена', role: 'done' as const, count: 0 },
      { stageId: '6', groupId: '2', title: 'Новые', role: 'new' as const, count: 1 },
      { stageId: '7', groupId: '2', title: 'Очередь', role: 'queue' as const, count: 0 },
    ];
    const items = [
      { taskId: '1', title: '', groupId: '1', stageTitle: 'В работе', wiaSeconds: 1 },
      { taskId: '2', title: '', groupId: '2', stageTitle: 'Новые', wiaSeconds: 1 },
    ];
    expect(agingStages(perStage, items)).toEqual(['Новые', 'В работе']);
  });
});

describe('report period', () => {
  // 22:30 UTC on 10 March is already 11 March in Moscow.
  const portalNow = Date.UTC(2026, 2, 10, 22, 30);

  it('defaults to the last two weeks and this month in the portal time zone', () => {
    expect(defaultRange(portalNow, 180)).toEqual({ fromDay: '2026-02-26', toDay: '2026-03-11', month: '2026-03' });
    expect(defaultRange(portalNow, 0)).toEqual({ fromDay: '2026-02-25', toDay: '2026-03-10', month: '2026-03' });
  });

  it('refuses a reversed, malformed or too long period', () => {
    expect(rangeProblem({ fromDay: '2026-03-01', toDay: '2026-03-01', month: '2026-03' })).toBeNull();
    expect(rangeProblem({ fromDay: '2026-03-02', toDay: '2026-03-01', month: '2026-03' })).toBe('reversed');
    expect(rangeProblem({ fromDay: '', toDay: '2026-03-01', month: '2026-03' })).toBe('invalid');
    expect(rangeProblem({ fromDay: '2025-01-01', toDay: '2026-03-01', month: '2026-03' })).toBe('too-long');
  });

  it('formats short days and safe file names', () => {
    expect(shortDay('2026-03-09', 'ru')).toBe('09.03');
    expect(shortDay('2026-03-09', 'en')).toBe('09/03');
    expect(csvFileName('employees', '2026-03-01_2026-03-14')).toBe('pult-employees-2026-03-01_2026-03-14.csv');
    expect(csvFileName('open work', '10.03.2026')).toBe('pult-open_work-10.03.2026.csv');
  });
});
