/** Plan vs fact and flow reports, computed from the local store with the domain rules. */
import type { Settings } from '../../core/domain/settings';
import { employeeDailyPlanFact, clientMonthlyPlanFact } from '../../core/domain/plan-fact';
import { cumulativeFlow } from '../../core/domain/cumulative-flow';
import { cycleTimePercentiles, reopenedTasks, tasksPerStage, throughputPerWeek } from '../../core/domain/flow';
import { createStageMap, resolveStage } from '../../core/domain/stage-map';
import { isTaskDone } from '../../core/domain/task-timeline';
import { wia } from '../../core/domain/timers';
import { portalDayKeyToInstant, DAY_MS } from '../../core/domain/portal-time';
import type { HistoryEntry } from '../../core/domain/model';
import type { ReportsData, ReportsRequest } from '../../shared/api';
import type { PortalSession } from './portal-session';
import { buildBlockedReport } from './blocked-report';

export const HISTORY_DAYS = 90;

export function buildReports(session: PortalSession, settings: Settings, request: ReportsRequest, now: number): ReportsData {
  const { store } = session;
  const groupIds = request.groupIds?.length ? request.groupIds : settings.groupIds;
  const offset = settings.calendar.utcOffsetMinutes;
  const stages = groupIds.flatMap((g) => store.stagesByGroup(g));
  const map = createStageMap(stages, settings.stageRoles);
  const tasks = groupIds.flatMap((g) => session.engine.view(g));
  const history = new Map<string, HistoryEntry[]>(tasks.map((t) => [t.id, store.historyByTask(t.id)]));

  const monthStart = portalDayKeyToInstant(`${request.month}-01`, offset);
  const nextMonth = new Date(Date.UTC(Number(request.month.slice(0, 4)), Number(request.month.slice(5, 7)), 1)).toISOString().slice(0, 10);
  const monthEnd = portalDayKeyToInstant(nextMonth, offset);
  const rangeStart = portalDayKeyToInstant(request.fromDay, offset);
  const rangeEnd = portalDayKeyToInstant(request.toDay, offset) + DAY_MS;
  // One generous read covering the day range and the month (records are dated by their start).
  const elapsed = store.elapsedBetween(Math.min(rangeStart, monthStart) - DAY_MS, Math.max(rangeEnd, monthEnd) + DAY_MS);

  const open = tasks.filter((t) => !isTaskDone(t, map));
  const aging = open
    .map((task) => {
      const w = wia(task, history.get(task.id) ?? [], map, now);
      return w.seconds === null ? null : { taskId: task.id, title: task.title, groupId: task.groupId, stageTitle: resolveStage(map, task.groupId, task.stageId)?.title ?? '', wiaSeconds: w.seconds };
    })
    .filter((item): item is NonNullable<typeof item> => item !== null)
    .sort((a, b) => b.wiaSeconds - a.wiaSeconds);

  return {
    request,
    employees: employeeDailyPlanFact({ users: store.users(), elapsed, settings, fromDay: request.fromDay, toDay: request.toDay }),
    clients: clientMonthlyPlanFact({ companies: store.companies(), users: store.users(), tasks, elapsed, settings, month: request.month }),
    perStage: tasksPerStage(open, map),
    cumulative: cumulativeFlow(tasks, history, map, offset, request.fromDay, request.toDay),
    cycleTime: cycleTimePercentiles(tasks, history, map, now, HISTORY_DAYS),
    aging,
    throughput: throughputPerWeek(tasks, history, map, offset, rangeStart, rangeEnd),
    reopened: reopenedTasks(tasks, history, map),
    blocked: buildBlockedReport({ session, settings, tasks, history, map, rangeStart, rangeEnd, now }),
    now,
    historyDays: HISTORY_DAYS,
  };
}
