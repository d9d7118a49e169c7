/**
 * Plan vs fact: hours per employee per portal day, and hours per client company per portal month.
 * Fact is logged time (elapsed records), dated by when the work started. Excluded users never
 * appear and their time is not counted.
 */
import type { Company, ElapsedRecord, Task, User } from './model';
import type { Settings } from './settings';
import { isWorkingDay } from './work-calendar';
import { portalDayKey, portalDayKeysBetween, portalDayKeyToInstant, portalMonthKey } from './portal-time';
import { compareIds } from './stage-roles';

/** The moment a time record counts for. */
export function recordInstant(record: Pick<ElapsedRecord, 'startedAt' | 'createdAt'>): number {
  return record.startedAt ?? record.createdAt;
}

/** A person's plan for one portal day: their daily plan on working days, 0 on days off. */
export function planHoursForDay(settings: Pick<Settings, 'plans' | 'calendar'>, userId: string, dayKey: string): number {
  if (!isWorkingDay(settings.calendar, portalDayKeyToInstant(dayKey, settings.calendar.utcOffsetMinutes))) return 0;
  return settings.plans.employeeHoursPerDay[userId] ?? settings.plans.defaultEmployeeHoursPerDay;
}

export interface EmployeeDayRow {
  userId: string;
  name: string;
  day: string;
  planHours: number;
  factHours: number;
}

/** One row per active employee (or anyone who logged time) per day from `fromDay` to `toDay`. */
export function employeeDailyPlanFact(input: {
  users: readonly User[];
  elapsed: readonly ElapsedRecord[];
  settings: Pick<Settings, 'plans' | 'calendar' | 'excludedUserIds'>;
  fromDay: string;
  toDay: string;
}): EmployeeDayRow[] {
  const { settings } = input;
  const offset = settings.calendar.utcOffsetMinutes;
  const excluded = new Set(settings.excludedUserIds);
  const fact = new Map<string, number>();
  for (const record of input.elapsed) {
    const key = `${record.userId}|${portalDayKey(recordInstant(record), offset)}`;
    fact.set(key, (fact.get(key) ?? 0) + record.seconds / 3600);
  }
  const loggers = new Set(input.elapsed.map((record) => record.userId));
  const people = input.users
    .filter((user) => !excluded.has(user.id) && ((user.active && user.type === 'employee') || loggers.has(user.id)))
    .sort((a, b) => compareIds(a.id, b.id));
  const days = portalDayKeysBetween(input.fromDay, input.toDay);
  return people.flatMap((user) =>
    days.map((day) => ({
      userId: user.id,
      name: fullName(user),
      day,
      planHours: planHoursForDay(settings, user.id, day),
      factHours: round2(fact.get(`${user.id}|${day}`) ?? 0),
    })),
  );
}

export interface ClientMonthRow {
  companyId: string;
  title: string;
  month: string;
  planHours: number;
  factHours: number;
  /** Tasks of the company that had time logged this month. */
  taskCount: number;
}

/**
 * Tasks belong to a company through a CRM link `CO_<id>` or because one of its extranet users
 * (profile company = company title) created them. Companies with neither a plan nor fact are left out.
 */
export function clientMonthlyPlanFact(input: {
  companies: readonly Company[];
  users: readonly User[];
  tasks: readonly Pick<Task, 'id' | 'crmLinks' | 'createdBy'>[];
  elapsed: readonly ElapsedRecord[];
  settings: Pick<Settings, 'plans' | 'calendar' | 'excludedUserIds'>;
  month: string;
}): ClientMonthRow[] {
  const { settings } = input;
  const excluded = new Set(settings.excludedUserIds);
  const companyOf = companyResolver(input.companies, input.users);
  const companyOfTask = new Map<string, string>();
  for (const task of input.tasks) {
    const company = companyOf(task);
    if (company) companyOfTask.set(task.id, company);
  }
  const hours = new Map<string, number>();
  const tasksWithTime = new Map<string, Set<string>>();
  for (const record of input.elapsed) {
    const company = companyOfTask.get(record.taskId);
    if (!company || excluded.has(record.userId)) continue;
    if (portalMonthKey(recordInstant(record), settings.calendar.utcOffsetMinutes) !== input.month) continue;
    hours.set(company, (hours.get(company) ?? 0) + record.seconds / 3600);
    tasksWithTime.set(company, (tasksWithTime.get(company) ?? new Set()).add(record.taskId));
  }
  return input.companies
    .map((company) => ({
      companyId: company.id,
      title: company.title,
      month: input.month,
      planHours: settings.plans.companyHoursPerMonth[company.id] ?? 0,
      factHours: round2(hours.get(company.id) ?? 0),
      taskCount: tasksWithTime.get(company.id)?.size ?? 0,
    }))
    .filter((row) => row.planHours > 0 || row.factHours > 0)
    .sort((a, b) => compareIds(a.companyId, b.companyId));
}

/** Resolves the company a task belongs to: its CRM company link first, else its creator's company. */
export function companyResolver(
  companies: readonly Company[],
  users: readonly User[],
): (task: Pick<Task, 'crmLinks' | 'createdBy'>) => string | null {
  const ids = new Set(companies.map((company) => company.id));
  const byTitle = new Map(companies.map((company) => [normalise(company.title), company.id]));
  const usersById = new Map(users.map((user) => [user.id, user]));
  return (task) => {
    const linked = task.crmLinks.map((link) => /^CO_(\d+)$/.exec(link.trim())?.[1]).find((id) => id !== undefined && ids.has(id));
    if (linked) return linked;
    const creator = usersById.get(task.createdBy);
    if (!creator || creator.type !== 'extranet' || creator.workCompany.trim() === '') return null;
    return byTitle.get(normalise(creator.workCompany)) ?? null;
  };
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function fullName(user: Pick<User, 'name' | 'lastName' | 'id'>): string {
  return [user.name, user.lastName].filter((part) => part.trim() !== '').join(' ') || `#${user.id}`;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
