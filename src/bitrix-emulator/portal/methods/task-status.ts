import { RestError } from '../../contract';
import { siteDate } from '../dates';
import { taskHistory } from '../generate-tasks';
import { changeTask } from '../mutate';
import { isActionAllowed, type TaskAction } from '../rights';
import { asRecord, callerOf, outcome, register, type MethodTable, type Services } from '../services';
import { readableTask, setStatus, taskAnswer, taskIdParam } from './tasks';

/** docs-facts §3 "Status actions": a refused action answers "Action on the task is not allowed". */
const NOT_ALLOWED = (): RestError => new RestError('0', 'Action on the task is not allowed', 400);

/** Status each action leads to (Bitrix rules; complete with task control waits for approval: 4). */
const ACTIONS: Record<string, { action: TaskAction; status: (controlled: boolean, byCreator: boolean) => number }> = {
  start: { action: 'start', status: () => 3 },
  pause: { action: 'pause', status: () => 2 },
  complete: { action: 'complete', status: (controlled, byCreator) => (controlled && !byCreator ? 4 : 5) },
  defer: { action: 'defer', status: () => 6 },
  renew: { action: 'renew', status: () => 2 },
  approve: { action: 'approve', status: () => 5 },
  disapprove: { action: 'disapprove', status: () => 2 },
};

export function registerTaskStatusMethods(s: Services, table: MethodTable): void {
  for (const [name, rule] of Object.entries(ACTIONS)) {
    register(table, `tasks.task.${name}`, 'task', (ctx) => {
      const user = callerOf(s, ctx);
      const task = readableTask(s, user, taskIdParam(ctx));
      if (!task) throw new RestError('0', 'Access denied. (internal error)', 400);
      if (!isActionAllowed(s.state, user, task, rule.action)) throw NOT_ALLOWED();
      const status = rule.status(task.taskControl, task.createdBy === user.id || user.admin);
      changeTask(s, ctx, user.id, task, (t) => setStatus(s, t, status, user.id));
      return outcome(taskAnswer(s, user, task));
    });
  }

  register(table, 'tasks.task.history.list', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const task = readableTask(s, user, taskIdParam(ctx));
    if (!task) throw new RestError('0', 'Access denied. (internal error)', 400);
    const filter = asRecord(ctx.params.filter);
    const order = asRecord(ctx.params.order);
    const desc = Object.values(order).some((v) => String(v).toLowerCase() === 'desc');
    const field = filter.FIELD === undefined ? null : String(filter.FIELD);
    const userFilter = filter.USER_ID === undefined ? null : Number(filter.USER_ID);
    const rows = taskHistory(s.gen, task)
      .filter((h) => (field === null || h.field === field) && (userFilter === null || h.userId === userFilter))
      .sort((a, b) => (a.createdDate - b.createdDate || a.id - b.id) * (desc ? -1 : 1));
    const list = rows.map((h) => {
      const u = s.state.users.get(h.userId);
      return {
        id: h.id,
        // server-facts §4: history dates are in the site format, not ISO.
        createdDate: siteDate(h.createdDate, s.state.utcOffsetMinutes),
        field: h.field,
        value: { from: h.from, to: h.to },
        user: { id: h.userId, name: u?.name ?? '', lastName: u?.lastName ?? '', secondName: u?.secondName ?? '', login: u?.login ?? '' },
      };
    });
    return outcome({ list });
  });
}
