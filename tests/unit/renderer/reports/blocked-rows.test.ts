import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../src/core/domain/csv';
import type { BlockedReport } from '../../../../src/shared/api';
import { blockedCsv, blockedOption } from '../../../../src/renderer/reports/blocked-rows';
import type { ChartColors } from '../../../../src/renderer/reports/charts/chart-colors';

const H = 3600;
const report: BlockedReport = {
  fieldMapped: true,
  types: [{ id: '31', title: 'Ждём клиента' }, { id: '32', title: '=Подрядчик' }],
  byGroup: [],
  byClient: [
    { key: '4', title: 'ООО «Ромашка»', workingSeconds: { '31': 5.5 * H, '32': H / 3 }, workingTotal: 5.5 * H + H / 3, elapsedTotal: 30 * H, taskCount: 2 },
    { key: '', title: '', workingSeconds: { '31': 2 * H }, workingTotal: 2 * H, elapsedTotal: 2 * H, taskCount: 1 },
  ],
};
const headers = { row: 'Клиент', type: (title: string) => `${title}, раб. ч`, working: 'Итого, раб. ч', elapsed: 'Календарных ч', tasks: 'Задач', noClient: 'Без клиента' };

describe('blocked-time CSV and chart', () => {
  it('writes one line per client with hours per stopper type, as Russian Excel reads it', () => {
    const csv = toCsv(blockedCsv(report, report.byClient, headers));
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFКлиент;Ждём клиента, раб. ч;\'=Подрядчик, раб. ч;Итого, раб. ч;Календарных ч;Задач',
      'ООО «Ромашка»;5,5;0,33;5,83;30;2',
      'Без клиента;2;0;2;2;1',
      '',
    ]);
  });

  it('stacks one bar segment per stopper type for each client', () => {
    const colors = { text: '#000', muted: '#555', grid: '#ddd', surface: '#fff' } as ChartColors;
    const option = blockedOption(report, report.byClient, { noClient: 'Без клиента', number: String }, colors) as { yAxis: { data: string[] }; series: { name: string; stack: string; data: number[] }[] };
    expect(option.yAxis.data).toEqual(['ООО «Ромашка»', 'Без клиента']);
    expect(option.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['Ждём клиента', 'blocked', [5.5, 2]],
      ['=Подрядчик', 'blocked', [0.33, 0]],
    ]);
  });
});
