/**
 * Table, CSV and chart data of the blocked-time report: working hours per stopper type per row,
 * then the totals. CSV is as wide as the table, so the file reads like the screen.
 */
import type { BlockedReport, BlockedReportRow } from '../../shared/api';
import type { CsvRows } from './report-rows';
import type { ChartColors } from './charts/chart-colors';
import type { ChartOption } from './charts/chart-options';

export const hours = (seconds: number): number => Math.round((seconds / 3600) * 100) / 100;

export interface BlockedHeaders {
  /** "Группа" or "Клиент". */
  row: string;
  type: (title: string) => string;
  working: string;
  elapsed: string;
  tasks: string;
  noClient: string;
}

export function rowTitle(row: BlockedReportRow, noClient: string): string {
  return row.title === '' ? noClient : row.title;
}

export function blockedCsv(report: BlockedReport, rows: readonly BlockedReportRow[], h: BlockedHeaders): CsvRows {
  return [
    [h.row, ...report.types.map((type) => h.type(type.title)), h.working, h.elapsed, h.tasks],
    ...rows.map((row) => [
      rowTitle(row, h.noClient),
      ...report.types.map((type) => hours(row.workingSeconds[type.id] ?? 0)),
      hours(row.workingTotal),
      hours(row.elapsedTotal),
      row.taskCount,
    ]),
  ];
}

/** Stacked horizontal bars: one bar per row (client), one segment per stopper type. */
export function blockedOption(report: BlockedReport, rows: readonly BlockedReportRow[], labels: { noClient: string; number: (value: number) => string }, colors: ChartColors): ChartOption {
  const axis = { axisLine: { lineStyle: { color: colors.grid } }, axisLabel: { color: colors.muted }, splitLine: { lineStyle: { color: colors.grid, opacity: 0.6 } } };
  return {
    animation: false,
    textStyle: { color: colors.text },
    tooltip: { trigger: 'axis', renderMode: 'richText', backgroundColor: colors.surface, borderColor: colors.grid, textStyle: { color: colors.text }, valueFormatter: (value: number) => labels.number(value) },
    legend: { top: 0, textStyle: { color: colors.text } },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    yAxis: { ...axis, type: 'category', inverse: true, data: rows.map((row) => rowTitle(row, labels.noClient)), splitLine: { show: false } },
    xAxis: { ...axis, type: 'value', axisLabel: { color: colors.muted, formatter: (value: number) => labels.number(value) } },
    series: report.types.map((type) => ({ name: type.title, type: 'bar', stack: 'blocked', data: rows.map((row) => hours(row.workingSeconds[type.id] ?? 0)) })),
  };
}
