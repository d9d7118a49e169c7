/**
 * Table rows and CSV rows of every report table. CSV goes through `toCsv` (Excel-friendly:
 * BOM, `;`, decimal commas, formula-looking text defused); the rows are built here so tests can
 * check exactly what a lead gets in Excel.
 */
import type { AgingItem, ReportsData } from '../../shared/api';
import type { CsvCell } from '../../core/domain/csv';
import type { EmployeeDayRow } from '../../core/domain/plan-fact';
import type { FlowDay } from '../../core/domain/cumulative-flow';
import { STAGE_ROLES, type StageRole } from '../../core/domain/kinds-and-roles';

export type CsvRows = CsvCell[][];

export interface EmployeeTotals {
  userId: string;
  name: string;
  planHours: number;
  factHours: number;
  /** Fact per day key. */
  byDay: Record<string, { plan: number; fact: number }>;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Fact / plan in whole percent; null without a plan. */
export function percentDone(plan: number, fact: number): number | null {
  return plan > 0 ? Math.round((fact / plan) * 100) : null;
}

/** Per employee over the period, keeping only people with a plan or logged time, in row order. */
export function employeeTotals(rows: readonly EmployeeDayRow[]): EmployeeTotals[] {
  const byUser = new Map<string, EmployeeTotals>();
  for (const row of rows) {
    const totals = byUser.get(row.userId) ?? { userId: row.userId, name: row.name, planHours: 0, factHours: 0, byDay: {} };
    totals.planHours = round2(totals.planHours + row.planHours);
    totals.factHours = round2(totals.factHours + row.factHours);
    totals.byDay[row.day] = { plan: row.planHours, fact: row.factHours };
    byUser.set(row.userId, totals);
  }
  return [...byUser.values()].filter((totals) => totals.planHours > 0 || totals.factHours > 0);
}

export interface CsvHeaders {
  employee: string;
  day: string;
  plan: string;
  fact: string;
  diff: string;
  percent: string;
  client: string;
  tasks: string;
  task: string;
  title: string;
  stage: string;
  wiaHours: string;
  week: string;
  done: string;
  times: string;
  last: string;
  roles: Record<StageRole, string>;
}

/** One line per employee per day: what Excel pivots best. */
export function employeeCsv(rows: readonly EmployeeDayRow[], h: CsvHeaders): CsvRows {
  const people = new Set(employeeTotals(rows).map((totals) => totals.userId));
  return [
    [h.employee, h.day, h.plan, h.fact, h.diff],
    ...rows.filter((row) => people.has(row.userId)).map((row) => [row.name, row.day, row.planHours, row.factHours, round2(row.factHours - row.planHours)]),
  ];
}

export function clientCsv(rows: ReportsData['clients'], h: CsvHeaders): CsvRows {
  return [
    [h.client, h.plan, h.fact, h.diff, h.percent, h.tasks],
    ...rows.map((row) => [row.title, row.planHours, row.factHours, round2(row.factHours - row.planHours), percentDone(row.planHours, row.factHours), row.taskCount]),
  ];
}

export function agingCsv(items: readonly AgingItem[], h: CsvHeaders): CsvRows {
  return [[h.task, h.title, h.stage, h.wiaHours], ...items.map((item) => [item.taskId, item.title, item.stageTitle, round2(item.wiaSeconds / 3600)])];
}

export function throughputCsv(weeks: ReportsData['throughput'], h: CsvHeaders): CsvRows {
  return [[h.week, h.done], ...weeks.map((week) => [week.week, week.count])];
}

/** `formatInstant` renders the portal-local date of the last reopen. */
export function reopenedCsv(rows: ReportsData['reopened'], h: CsvHeaders, formatInstant: (instant: number) => string): CsvRows {
  return [[h.task, h.title, h.times, h.last], ...rows.map((row) => [row.taskId, row.title, row.times, formatInstant(row.lastReopenedAt)])];
}

export function cumulativeCsv(days: readonly FlowDay[], h: CsvHeaders): CsvRows {
  return [[h.day, ...STAGE_ROLES.map((role) => h.roles[role])], ...days.map((day) => [day.day, ...STAGE_ROLES.map((role) => day.counts[role])])];
}

/** Stage titles of open work in board order, each once (groups often share stage names). */
export function agingStages(perStage: ReportsData['perStage'], items: readonly AgingItem[]): string[] {
  const titles: string[] = [];
  for (const stage of perStage) if (stage.role !== 'done' && !titles.includes(stage.title)) titles.push(stage.title);
  for (const item of items) if (!titles.includes(item.stageTitle)) titles.push(item.stageTitle);
  return titles.filter((title) => items.some((item) => item.stageTitle === title));
}
