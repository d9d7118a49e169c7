import { describe, expect, it } from 'vitest';
import { agingOption, cumulativeFlowOption, FLOW_ORDER, laneOffset, planFactOption, throughputOption } from '../../../../src/renderer/reports/charts/chart-options';
import type { ChartColors } from '../../../../src/renderer/reports/charts/chart-colors';
import { formatNumber } from '../../../../src/renderer/reports/report-format';

const colors: ChartColors = {
  text: '#000',
  muted: '#555',
  grid: '#ddd',
  surface: '#fff',
  plan: '#aaa',
  fact: '#00f',
  over: '#f00',
  roles: { new: '#1', classification: '#2', queue: '#3', work: '#4', done: '#5' },
  percentiles: ['#50', '#85', '#95'],
};

type Series = { name?: string; type: string; stack?: string; data: unknown[]; markLine?: { data: { yAxis: number }[] } };

describe('report chart options', () => {
  it('draws plan and fact bars per person, a fact over plan in the warning colour', () => {
    const option = planFactOption(
      [
        { name: 'Анна', plan: 8, fact: 10 },
        { name: 'Борис', plan: 8, fact: 4 },
      ],
      { plan: 'План', fact: 'Факт', number: (value) => formatNumber(value, 'ru') },
      colors,
    );
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['План', 'Факт']);
    // Hours on the axis and in the tooltip are written with the UI's decimal comma, not ECharts' point.
    type Formatted = { formatter?: (value: number) => string; valueFormatter?: (value: number) => string };
    expect(((option.xAxis as { axisLabel: Formatted }).axisLabel.formatter!)(7.5)).toBe('7,5');
    expect(((option.tooltip as Formatted).valueFormatter!)(20.5)).toBe('20,5');
    expect(series[0]!.data).toEqual([8, 8]);
    expect(series[1]!.data).toEqual([
      { value: 10, itemStyle: { color: '#f00' } },
      { value: 4, itemStyle: { color: '#00f' } },
    ]);
    // Tooltips are drawn on the canvas: portal names never become HTML.
    expect(option.tooltip).toMatchObject({ renderMode: 'richText' });
  });

  it('stacks the cumulative flow by role, done at the bottom', () => {
    const days = [
      { day: '2026-03-10', counts: { new: 1, classification: 2, queue: 3, work: 4, done: 5 } },
      { day: '2026-03-11', counts: { new: 2, classification: 2, queue: 3, work: 5, done: 7 } },
    ];
    const labels = { new: 'Новые', classification: 'Класс.', queue: 'Очередь', work: 'В работе', done: 'Готово' };
    const series = cumulativeFlowOption(days, labels, colors, (day) => day.slice(5)).series as Series[];
    expect(FLOW_ORDER[0]).toBe('done');
    expect(series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['Готово', 'flow', [5, 7]],
      ['В работе', 'flow', [4, 5]],
      ['Очередь', 'flow', [3, 3]],
      ['Класс.', 'flow', [2, 2]],
      ['Новые', 'flow', [1, 2]],
    ]);
  });

  it('places open work by stage lane and age in days, with the 50/85/95 percentile lines', () => {
    const option = agingOption(
      [
        { taskId: '1', title: 'A', groupId: '1', stageTitle: 'В работе', wiaSeconds: 2 * 86_400 },
        { taskId: '2', title: 'B', groupId: '1', stageTitle: 'Очередь', wiaSeconds: 86_400 / 2 },
      ],
      ['Очередь', 'В работе'],
      { count: 10, p50: 86_400, p85: 3 * 86_400, p95: 5 * 86_400 },
      { days: 'дни', percentile: (p, days) => `${p} %: ${days}`, format: (days) => `${days}д`, number: (value) => formatNumber(value, 'ru') },
      colors,
    );
    const [scatter] = option.series as Series[];
    const points = scatter!.data as { value: [number, number]; name: string }[];
    expect(points[0]!.value[1]).toBe(2);
    expect(Math.round(points[0]!.value[0])).toBe(1);
    expect(Math.abs(points[1]!.value[0])).toBeLessThanOrEqual(0.3);
    expect(scatter!.markLine!.data.map((line) => line.yAxis)).toEqual([1, 3, 5]);
    expect(((option.yAxis as { axisLabel: { formatter: (value: number) => string } }).axisLabel.formatter)(1.5)).toBe('1,5');
  });

  it('leaves out percentile lines when nothing finished', () => {
    const option = agingOption([], [], { count: 0, p50: null, p85: null, p95: null }, { days: '', percentile: () => '', format: () => '', number: String }, colors);
    expect((option.series as Series[])[0]!.markLine!.data).toEqual([]);
  });

  it('keeps each point within its lane, at a stable place', () => {
    for (const id of ['1', '42', '999', 'local:abc']) {
      expect(Math.abs(laneOffset(id))).toBeLessThanOrEqual(0.3);
      expect(laneOffset(id)).toBe(laneOffset(id));
    }
  });

  it('draws throughput as one bar per week', () => {
    const option = throughputOption([{ week: '2026-W10', count: 3 }, { week: '2026-W11', count: 0 }], 'Завершено', colors);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-W10', '2026-W11']);
    expect((option.series as Series[])[0]!.data).toEqual([3, 0]);
  });
});
