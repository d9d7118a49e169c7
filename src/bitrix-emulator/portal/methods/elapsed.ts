import { parseInputDate } from '../dates';
import { taskElapsed } from '../generate-tasks';
import type { ElapsedItem, Task } from '../model';
import { changeTask } from '../mutate';
import { canSeeTask } from '../rights';
import { asRecord, callerOf, iso, outcome, PAGE_SIZE, positional, register, toInt, type MethodTable, type Services } from '../services';
import { actionFailed, checkKeys, legacyMatch, taskIdArg } from './legacy';
import { readableTask } from './tasks';

const KEYS = ['ID', 'USER_ID', 'CREATED_DATE', 'SECONDS', 'MINUTES', 'TASK_ID'];

function elapsedRow(s: Services, e: ElapsedItem): Record<string, unknown> {
  return {
    ID: String(e.id), TASK_ID: String(e.taskId), USER_ID: String(e.userId), COMMENT_TEXT: e.commentText,
    SECONDS: String(e.seconds), MINUTES: String(Math.round(e.seconds / 60)), SOURCE: String(e.source),
    CREATED_DATE: iso(s, e.createdDate), DATE_START: iso(s, e.dateStart), DATE_STOP: iso(s, e.dateStop),
  };
}

export function registerElapsedMethods(s: Services, table: MethodTable): void {
  register(table, 'task.elapseditem.add', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const args = positional(ctx);
    const task = readableTask(s, user, taskIdArg(args, 'ctaskelapseditem::add'));
    if (!task || !task.allowTimeTracking) throw actionFailed();
    const fields = asRecord(args[1]);
    const seconds = toInt(fields.SECONDS);
    if (seconds <= 0 || fields.COMMENT_TEXT === undefined) throw actionFailed();
    const userId = user.admin && fields.USER_ID !== undefined ? toInt(fields.USER_ID) : user.id;
    const now = s.state.now();
    const start = fields.CREATED_DATE !== undefined ? parseInputDate(fields.CREATED_DATE, s.state.utcOffsetMinutes) ?? now : now;
    const item: ElapsedItem = {
      id: s.state.next.elapsed++, taskId: task.id, userId, seconds, commentText: String(fields.COMMENT_TEXT),
      source: 2, createdDate: start, dateStart: start - seconds * 1000, dateStop: start,
    };
    // The spent time is a task field: the change is logged as TIME_SPENT_IN_LOGS and fires OnTaskUpdate.
    changeTask(s, ctx, user.id, task, (t) => { t.live.elapsed.push(item); });
    return outcome(item.id);
  });

  register(table, 'task.elapseditem.getlist', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    let args = positional(ctx);
    const method = 'ctaskelapseditem::getlist';
    let tasks: Task[];
    const byTask = !(typeof args[0] === 'object' && args[0] !== null);
    if (!byTask) {
      // Without TASKID (task ID 0) the list spans every task the caller can read (README "Time records").
      tasks = [...s.state.tasks.values()].filter((t) => canSeeTask(s.state, user, t));
      args = [0, ...args];
    } else {
      const task = readableTask(s, user, taskIdArg(args, method));
      if (!task) throw actionFailed();
      tasks = [task];
    }
    const order = checkKeys(args[1], KEYS, 1, 'arOrder', method, false);
    const filter = checkKeys(args[2], KEYS, 2, 'arFilter', method, true);
    const params = asRecord(args[4]);
    const comparable = (field: string, v: unknown): number => (field === 'CREATED_DATE' ? parseInputDate(v, s.state.utcOffsetMinutes) ?? 0 : toInt(v));
    const rows = tasks.flatMap((t) => taskElapsed(s.gen, t)).filter((e) =>
      legacyMatch({ ID: e.id, USER_ID: e.userId, CREATED_DATE: e.createdDate, SECONDS: e.seconds, TASK_ID: e.taskId }, filter, comparable));
    const [key, dir] = Object.entries(order)[0] ?? ['ID', 'asc'];
    const desc = String(dir).toLowerCase() === 'desc';
    const pick = (e: ElapsedItem): number => (key.toUpperCase() === 'CREATED_DATE' ? e.createdDate : key.toUpperCase() === 'USER_ID' ? e.userId : e.id);
    rows.sort((a, b) => (pick(a) - pick(b) || a.id - b.id) * (desc ? -1 : 1));
    // Paging is PARAMS.NAV_PARAMS only: the REST `start` reaches getlist as $navigation, which it does
    // not use. nPageSize is min(50, n); without it a TASKID read has no limit, one without TASKID 50.
    // iNumPage n is offset (n-1)*size; next/total as IRestService::setNavData (README "Time records").
    const nav = asRecord(params.NAV_PARAMS);
    const asked = toInt(nav.nPageSize);
    const size = asked > 0 ? Math.min(PAGE_SIZE, asked) : byTask ? 0 : PAGE_SIZE;
    const offset = size > 0 ? (Math.max(1, toInt(nav.iNumPage)) - 1) * size : 0;
    const page = size > 0 ? rows.slice(offset, offset + size) : rows.slice(offset);
    const next = offset + page.length;
    return outcome(page.map((e) => elapsedRow(s, e)), next < rows.length ? { total: rows.length, next } : { total: rows.length });
  });
}
