import { RestError, type CallContext } from '../../contract';
import { parseInputDate } from '../dates';
import { chatIdOf } from '../generate-tasks';
import { emptyLive, type Task, type User } from '../model';
import { addHistory, changeTask, emitTaskEvent } from '../mutate';
import { canSeeTask, isActionAllowed } from '../rights';
import { asArray, asRecord, callerOf, outcome, paginate, register, toInt, type MethodTable, type Services } from '../services';
import { compileTaskFilter, sortTasks } from '../task-filter';
import { actionMap, normalizeSelect, renderTask } from '../task-view';
import { taskFieldsDescription } from './task-fields';

const ACCESS_DENIED = (): RestError => new RestError('0', 'Access denied. (internal error)', 400);
const coreError = (text: string): RestError => new RestError('ERROR_CORE', `${text}<br>`, 400);

/** Resolves `taskId` as the D7 controller does (docs: tasks-task-get.md error table). */
export function taskIdParam(ctx: CallContext): number {
  const raw = ctx.params.taskId;
  if (raw === undefined || raw === null || raw === '') {
    throw new RestError('100', 'CTaskItem All parameters in the constructor must have real class type (internal error)', 400);
  }
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new RestError('0', 'wrong task id (internal error)', 400);
  return id;
}

/** A task the caller may read, or null (missing and forbidden look the same). */
export function readableTask(s: Services, user: User, id: number): Task | null {
  const task = s.state.tasks.get(id);
  return task && canSeeTask(s.state, user, task) ? task : null;
}

export function taskAnswer(s: Services, user: User, task: Task): { task: Record<string, unknown> } {
  return { task: { ...renderTask(s, task, null), action: actionMap(s, user, task) } };
}

function parseSelect(value: unknown): string[] | null {
  if (value !== undefined && !Array.isArray(value)) {
    throw new RestError('100', 'Invalid value {} to match with parameter {select}. Should be value of type array. (internal error)', 400);
  }
  return normalizeSelect(value);
}

/** Copies UPPERCASE input `fields` onto a task, validating what CTasks validates. */
function applyFields(s: Services, task: Task, fields: Record<string, unknown>, userId: number): void {
  const ids = (v: unknown): number[] => asArray(v).map(toInt).filter((n) => n > 0);
  for (const [key, value] of Object.entries(fields)) {
    switch (key.toUpperCase()) {
      case 'TITLE': task.title = String(value ?? ''); break;
      case 'DESCRIPTION': task.description = String(value ?? ''); break;
      case 'PRIORITY': task.priority = Math.min(2, Math.max(0, toInt(value))); break;
      case 'GROUP_ID': task.groupId = toInt(value); break;
      case 'STAGE_ID': task.stageId = toInt(value); break;
      case 'RESPONSIBLE_ID': task.responsibleId = toInt(value); break;
      case 'CREATED_BY': task.createdBy = toInt(value); break;
      case 'ACCOMPLICES': task.accomplices = ids(value); break;
      case 'AUDITORS': task.auditors = ids(value); break;
      case 'TIME_ESTIMATE': task.timeEstimate = toInt(value); break;
      case 'ALLOW_TIME_TRACKING': task.allowTimeTracking = value === 'Y' || value === true; break;
      case 'TASK_CONTROL': task.taskControl = value === 'Y' || value === true; break;
      case 'TAGS': task.tags = asArray(value).map(String); break;
      case 'XML_ID': task.xmlId = value === null || value === '' ? null : String(value); break;
      case 'DEADLINE': task.deadline = value === '' || value === null ? null : parseInputDate(value, s.state.utcOffsetMinutes); break;
      case 'STATUS': {
        const status = toInt(value);
        if (status < 1 || status > 7) throw coreError('Неверный статус');
        setStatus(s, task, status, userId);
        break;
      }
      default:
        if (key.toUpperCase().startsWith('UF_')) setUf(s, task, key.toUpperCase(), value);
    }
  }
  if (task.title.trim() === '') throw coreError('Не указано название задачи');
  if (!task.responsibleId) throw coreError('Не указан ответственный');
  if (!s.state.users.has(task.responsibleId)) throw coreError('Пользователь, указанный в поле "Ответственный", не найден');
}

function setUf(s: Services, task: Task, name: string, value: unknown): void {
  const field = s.state.userField(name);
  if (!field) return;
  if (field.multiple) {
    task.uf[name] = asArray(value).map(String).filter((v) => v !== '');
  } else if (value === '' || value === null || value === undefined || value === false) {
    task.uf[name] = null;
  } else if (field.userTypeId === 'enumeration') {
    const id = toInt(value);
    if (!field.list.some((item) => item.id === id)) throw coreError(`Неверное значение поля "${field.labels.ru}"`);
    task.uf[name] = id;
  } else if (field.userTypeId === 'double') {
    const n = Number(String(value).replace(',', '.'));
    task.uf[name] = Number.isFinite(n) ? n : null;
  } else {
    task.uf[name] = toInt(value);
  }
}

/** Status side effects shared by update and the status actions. */
export function setStatus(s: Services, task: Task, status: number, userId: number): void {
  if (task.status === status) return;
  const now = s.state.now();
  if (status === 3 && task.dateStart === null) task.dateStart = now;
  if (status === 5 || status === 4) {
    task.closedDate = now;
    task.closedBy = userId;
  } else if (task.status === 5 || task.status === 4) {
    task.closedDate = null;
    task.closedBy = null;
  }
  task.status = status;
}

export function registerTaskMethods(s: Services, table: MethodTable): void {
  register(table, 'tasks.task.list', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const select = parseSelect(ctx.params.select);
    const matches = compileTaskFilter(s, asRecord(ctx.params.filter));
    const rows = [...s.state.tasks.values()].filter((t) => matches(t) && canSeeTask(s.state, user, t));
    const paged = paginate(sortTasks(rows, asRecord(ctx.params.order)), ctx.start);
    return outcome({ tasks: paged.page.map((t) => renderTask(s, t, select)) }, paged);
  });

  register(table, 'tasks.task.get', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const id = taskIdParam(ctx);
    const select = parseSelect(ctx.params.select);
    const task = readableTask(s, user, id);
    // server-facts §4: a missing or forbidden task answers `result: []` with HTTP 200.
    if (!task) return outcome([]);
    return outcome({ task: { ...renderTask(s, task, select), action: actionMap(s, user, task) } });
  });

  register(table, 'tasks.task.add', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const fields = asRecord(ctx.params.fields);
    if (Object.keys(fields).length === 0) throw new RestError('100', 'Could not find value for parameter {fields} (internal error)', 400);
    const now = s.state.now();
    const id = s.state.next.task;
    const task: Task = {
      id, title: '', description: '', status: 2, priority: 1, groupId: 0, stageId: 0, responsibleId: 0,
      createdBy: user.id, changedBy: user.id, closedBy: null, createdDate: now, changedDate: now, statusChangedDate: now,
      activityDate: now, dateStart: null, closedDate: null, deadline: null, timeEstimate: 0, allowTimeTracking: true,
      taskControl: false, accomplices: [], auditors: [], tags: [], xmlId: null, uf: {}, chatId: chatIdOf(id), genIndex: -1,
      generated: { comments: 0, elapsed: 0, history: 0, commentBaseId: 0, elapsedBaseId: 0, historyBaseId: 0, elapsedSeconds: 0 },
      live: emptyLive(),
    };
    for (const f of s.state.userFields) task.uf[f.fieldName] = f.multiple ? [] : null;
    applyFields(s, task, fields, user.id);
    const group = s.state.groups.get(task.groupId);
    if (task.groupId && (!group || (!user.admin && !group.members.has(user.id)))) throw coreError('Нет доступа к группе');
    task.stageId = 0; // docs-facts §3: a new task starts with stageId "0" and status "2"
    task.status = 2;
    s.state.next.task++;
    s.state.tasks.set(id, task);
    addHistory(s, task, 'NEW', null, null, user.id);
    emitTaskEvent(s, ctx, user.id, 'ONTASKADD', 'undefined', { ID: id }, 'N', 'undefined');
    return outcome(taskAnswer(s, user, task));
  });

  register(table, 'tasks.task.update', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const task = readableTask(s, user, taskIdParam(ctx));
    if (!task) throw ACCESS_DENIED();
    const fields = asRecord(ctx.params.fields);
    if (Object.keys(fields).length === 0) throw new RestError('100', 'Could not find value for parameter {fields} (internal error)', 400);
    if (!isActionAllowed(s.state, user, task, 'edit')) throw ACCESS_DENIED();
    const backup = structuredClone({ ...task, live: undefined });
    try {
      changeTask(s, ctx, user.id, task, (t) => applyFields(s, t, fields, user.id));
    } catch (error) {
      Object.assign(task, { ...backup, live: task.live });
      throw error;
    }
    return outcome(taskAnswer(s, user, task));
  });

  register(table, 'tasks.task.delete', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const task = readableTask(s, user, taskIdParam(ctx));
    if (!task || !isActionAllowed(s.state, user, task, 'remove')) throw ACCESS_DENIED();
    s.state.tasks.delete(task.id);
    emitTaskEvent(s, ctx, user.id, 'ONTASKDELETE', { ID: task.id }, 'undefined', 'undefined', 'N');
    return outcome({ task: true });
  });

  register(table, 'tasks.task.getfields', 'task', () => outcome({ fields: taskFieldsDescription(s) }));
}
