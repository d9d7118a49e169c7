/**
 * ECharts options of the report charts, built from report data by pure functions (unit-tested:
 * the right series, stacking and percentile lines). Colours come from the page theme.
 */
import type { AgingItem, ReportsData } from '../../../shared/api';
import type { FlowDay } from '../../../core/domain/cumulative-flow';
import type { StageRole } from '../../../core/domain/settings';
import type { ChartColors } from './chart-colors';

export type ChartOption = Record<string, unknown>;

const DAY_SECONDS = 86_400;

function base(colors: ChartColors): ChartOption {
  return {
    animation: false,
    textStyle: { color: colors.text, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
    // Drawn on the canvas, never as HTML: portal names stay inert and no inline styles meet the CSP.
    tooltip: { trigger: 'axis', renderMode: 'richText', backgroundColor: colors.surface, borderColor: colors.grid, textStyle: { color: colors.text } },
    legend: { top: 0, textStyle: { color: colors.text } },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
  };
}

function axis(colors: ChartColors, extra: ChartOption = {}): ChartOption {
  return {
    axisLine: { lineStyle: { color: colors.grid } },
    axisTick: { lineStyle: { color: colors.grid } },
    axisLabel: { color: colors.muted },
    splitLine: { lineStyle: { color: colors.grid, opacity: 0.6 } },
    ...extra,
  };
}

export interface PlanFactBar {
  name: string;
  plan: number;
  fact: number;
}

/** Horizontal plan and fact bars per person or client, in the given order (top to bottom); hours written as the UI writes numbers (7,5). */
export function planFactOption(bars: readonly PlanFactBar[], labels: { plan: string; fact: string; number: (value: number) => string }, colors: ChartColors): ChartOption {
  const chart = base(colors);
  return {
    ...chart,
    tooltip: { ...(chart.tooltip as ChartOption), valueFormatter: (value: number) => labels.number(value) },
    yAxis: axis(colors, { type: 'category', inverse: true, data: bars.map((bar) => bar.name), splitLine: { show: false } }),
    xAxis: axis(colors, { type: 'value', axisLabel: { color: colors.muted, formatter: (value: number) => labels.number(value) } }),
    series: [
      { name: labels.plan, type: 'bar', data: bars.map((bar) => bar.plan), itemStyle: { color: colors.plan }, barGap: '10%' },
      {
        name: labels.fact,
        type: 'bar',
        // A fact above its plan is drawn in the warning colour.
        data: bars.map((bar) => ({ value: bar.fact, itemStyle: { color: bar.plan > 0 && bar.fact > bar.plan ? colors.over : colors.fact } })),
        itemStyle: { color: colors.fact },
      },
    ],
  };
}

/** Bottom to top: done, work, queue, classification, new — the usual reading of a flow diagram. */
export const FLOW_ORDER: readonly StageRole[] = ['done', 'work', 'queue', 'classification', 'new'];

export function cumulativeFlowOption(days: readonly FlowDay[], roleLabels: Record<StageRole, string>, colors: ChartColors, dayLabel: (day: string) => string): ChartOption {
  return {
    ...base(colors),
    xAxis: axis(colors, { type: 'category', boundaryGap: false, data: days.map((day) => dayLabel(day.day)), splitLine: { show: false } }),
    yAxis: axis(colors, { type: 'value' }),
    series: FLOW_ORDER.map((role) => ({
      name: roleLabels[role],
      type: 'line',
      stack: 'flow',
      symbol: 'none',
      lineStyle: { width: 1, color: colors.roles[role] },
      itemStyle: { color: colors.roles[role] },
      areaStyle: { color: colors.roles[role], opacity: 0.75 },
      data: days.map((day) => day.counts[role]),
    })),
  };
}

/** A stable spread of points within a stage's lane, so the same task does not jump between renders. */
export function laneOffset(taskId: string): number {
  let hash = 0;
  for (const char of taskId) hash = (hash * 31 + char.charCodeAt(0)) % 1000;
  return (hash / 1000 - 0.5) * 0.6;
}

export function agingOption(
  items: readonly AgingItem[],
  stages: readonly string[],
  cycle: ReportsData['cycleTime'],
  labels: { days: string; percentile: (p: number, days: string) => string; format: (days: number) => string; number: (value: number) => string },
  colors: ChartColors,
): ChartOption {
  const lines = (
    [
      [50, cycle.p50],
      [85, cycle.p85],
      [95, cycle.p95],
    ] as const
  )
    .map(([p, seconds], index) => (seconds === null ? null : { p, days: seconds / DAY_SECONDS, color: colors.percentiles[index]! }))
    .filter((line): line is NonNullable<typeof line> => line !== null);
  return {
    ...base(colors),
    legend: { show: false },
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      backgroundColor: colors.surface,
      borderColor: colors.grid,
      textStyle: { color: colors.text },
      formatter: (point: { name: string; value: [number, number] }) => `${point.name}: ${labels.format(point.value[1])}`,
    },
    // A value axis (not a category one) so points spread within their stage's lane; labels and
    // ticks sit on the lanes' centres only.
    xAxis: axis(colors, {
      type: 'value',
      min: -0.5,
      max: Math.max(0.5, stages.length - 0.5),
      splitLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: colors.muted, showMinLabel: true, showMaxLabel: true, customValues: stages.map((_, index) => index), formatter: (value: number) => stages[Math.round(value)] ?? '' },
    }),
    yAxis: axis(colors, { type: 'value', name: labels.days, nameTextStyle: { color: colors.muted }, axisLabel: { color: colors.muted, formatter: (value: number) => labels.number(value) } }),
    series: [
      {
        type: 'scatter',
        symbolSize: 9,
        itemStyle: { color: colors.fact, opacity: 0.7 },
        data: items
          .filter((item) => stages.includes(item.stageTitle))
          .map((item) => ({ value: [stages.indexOf(item.stageTitle) + laneOffset(item.taskId), item.wiaSeconds / DAY_SECONDS], name: `${item.taskId} ${item.title}` })),
        markLine: {
          symbol: 'none',
          silent: true,
          data: lines.map((line) => ({
            yAxis: line.days,
            lineStyle: { color: line.color, type: 'dashed', width: 2 },
            label: { formatter: labels.percentile(line.p, labels.format(line.days)), color: line.color, position: 'insideEndTop' },
          })),
        },
      },
    ],
  };
}

export function throughputOption(weeks: ReportsData['throughput'], label: string, colors: ChartColors): ChartOption {
  return {
    ...base(colors),
    legend: { show: false },
    xAxis: axis(colors, { type: 'category', data: weeks.map((week) => week.week), splitLine: { show: false } }),
    yAxis: axis(colors, { type: 'value', minInterval: 1 }),
    series: [{ name: label, type: 'bar', data: weeks.map((week) => week.count), itemStyle: { color: colors.roles.done }, barMaxWidth: 48 }],
  };
}
