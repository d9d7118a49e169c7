/** Plan vs fact bars for the wallboard: today per team member, this month per client. */
import type { ClientMonthRow, EmployeeDayRow } from '../../core/domain/plan-fact';

export interface HoursBar {
  id: string;
  label: string;
  planHours: number;
  factHours: number;
  /** fact / plan, capped for drawing; null without a plan. */
  ratio: number | null;
}

function bar(id: string, label: string, planHours: number, factHours: number): HoursBar {
  return { id, label, planHours, factHours, ratio: planHours > 0 ? Math.min(1.5, factHours / planHours) : null };
}

/** Today's rows of the group's team, those with a plan or logged time, most behind plan first. */
export function teamPlanToday(rows: readonly EmployeeDayRow[], day: string, teamIds: readonly string[]): HoursBar[] {
  const team = new Set(teamIds);
  return rows
    .filter((row) => row.day === day && team.has(row.userId) && (row.planHours > 0 || row.factHours > 0))
    .map((row) => bar(row.userId, row.name, row.planHours, row.factHours))
    .sort((a, b) => (a.ratio ?? 2) - (b.ratio ?? 2) || a.label.localeCompare(b.label, 'ru'));
}

/** Clients of the month, the most hours first. */
export function clientsThisMonth(rows: readonly ClientMonthRow[]): HoursBar[] {
  return rows.map((row) => bar(row.companyId, row.title, row.planHours, row.factHours)).sort((a, b) => b.factHours - a.factHours);
}

/** "6,5" — hours as the Russian UI writes them (decimal comma), one decimal at most. */
export function formatHours(hours: number, language: 'ru' | 'en'): string {
  const text = String(Math.round(hours * 10) / 10);
  return language === 'ru' ? text.replace('.', ',') : text;
}
