import { RestError, type CallContext } from '../../contract';
import type { Stage, User } from '../model';
import { changeTask } from '../mutate';
import { canEditGroupStages, canSortInGroup, canViewGroupTasks } from '../rights';
import { asRecord, callerOf, outcome, paramCI, register, toInt, truthy, type MethodTable, type Services } from '../services';
import { readableTask } from './tasks';

/** server-facts §5: errors become a RestException with the first error's code, HTTP 400. */
const fail = (code: string, text: string): RestError => new RestError(code, text, 400);
const MESSAGES: Record<string, string> = {
  NOT_FOUND: 'Стадия не найдена',
  IS_SYSTEM: 'Нельзя удалить системную стадию',
  NO_EMPTY: 'Стадия не пуста, сначала перенесите из неё задачи',
  ACCESS_DENIED: 'Доступ запрещён',
  EMPTY_TITLE: 'Не указано название стадии',
  TASK_NOT_FOUND: 'Задача не найдена',
  ACCESS_DENIED_MOVE: 'Недостаточно прав для перемещения задачи',
  DIFFERENT_STAGES: 'Стадии принадлежат разным канбанам',
};
const error = (code: string): RestError => fail(code, MESSAGES[code] ?? code);

function stageRow(stage: Stage): Record<string, unknown> {
  return {
    ID: String(stage.id), TITLE: stage.title, SORT: String(stage.sort), COLOR: stage.color,
    SYSTEM_TYPE: stage.systemType, ENTITY_ID: String(stage.entityId), ENTITY_TYPE: stage.entityType,
    ADDITIONAL_FILTER: [], TO_UPDATE: [], TO_UPDATE_ACCESS: null,
  };
}

function entityStages(s: Services, entityId: number, type: 'G' | 'U'): Stage[] {
  return [...s.state.stages.values()].filter((st) => st.entityType === type && st.entityId === entityId).sort((a, b) => a.sort - b.sort || a.id - b.id);
}

/** A board without stages gets them on first read (server-facts §5 "Default stages"). */
function ensureStages(s: Services, entityId: number, type: 'G' | 'U'): Stage[] {
  const existing = entityStages(s, entityId, type);
  if (existing.length > 0) return existing;
  const template = type === 'G'
    ? [{ title: 'Новые', color: '00C4FB', system: 'NEW' }, { title: 'Выполняются', color: '47D1E2', system: null }, { title: 'Сделаны', color: '75D900', system: null }]
    : [{ title: 'Не спланированы', color: '00C4FB', system: 'NEW' }, { title: 'Сделаю на неделе', color: '47D1E2', system: null }];
  template.forEach((t, i) => {
    const id = s.state.next.stage++;
    s.state.stages.set(id, { id, title: t.title, sort: (i + 1) * 100, color: t.color, systemType: t.system, entityId, entityType: type });
  });
  return entityStages(s, entityId, type);
}

function placeAfter(s: Services, stage: Stage, afterId: number): void {
  const others = entityStages(s, stage.entityId, stage.entityType).filter((st) => st.id !== stage.id);
  const index = afterId === 0 ? 0 : others.findIndex((st) => st.id === afterId) + 1;
  others.splice(index <= 0 && afterId !== 0 ? others.length : index, 0, stage);
  others.forEach((st, i) => { st.sort = (i + 1) * 100; });
}

function isAdminFlag(ctx: CallContext, user: User): boolean {
  return truthy(paramCI(ctx.params, 'isAdmin')) && user.admin; // server-facts §5: only truthiness, only for admins
}

export function registerStageMethods(s: Services, table: MethodTable): void {
  register(table, 'task.stages.get', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const entityId = Math.max(0, toInt(paramCI(ctx.params, 'entityId')));
    if (entityId > 0 && !isAdminFlag(ctx, user) && !canViewGroupTasks(s.state, user, entityId)) throw error('ACCESS_DENIED');
    const stages = entityId === 0 ? ensureStages(s, user.id, 'U') : ensureStages(s, entityId, 'G');
    const rows = stages.map(stageRow);
    return outcome(truthy(paramCI(ctx.params, 'numeric')) ? rows : Object.fromEntries(rows.map((r) => [String(r.ID), r])));
  });

  register(table, 'task.stages.add', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const fields = asRecord(paramCI(ctx.params, 'fields'));
    const title = String(fields.TITLE ?? '').trim();
    if (title === '') throw error('EMPTY_TITLE');
    const groupId = Math.max(0, toInt(fields.ENTITY_ID));
    if (groupId > 0 && !canEditGroupStages(s.state, user, groupId, isAdminFlag(ctx, user))) throw error('ACCESS_DENIED');
    const type = groupId > 0 ? 'G' : 'U';
    const entityId = groupId > 0 ? groupId : user.id;
    ensureStages(s, entityId, type);
    const id = s.state.next.stage++;
    const stage: Stage = { id, title, sort: 0, color: String(fields.COLOR ?? '') || '47D1E2', systemType: null, entityId, entityType: type };
    s.state.stages.set(id, stage);
    placeAfter(s, stage, fields.AFTER_ID === undefined ? -1 : toInt(fields.AFTER_ID));
    return outcome(id);
  });

  register(table, 'task.stages.update', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const stage = s.state.stages.get(toInt(paramCI(ctx.params, 'id')));
    if (!stage) throw error('NOT_FOUND');
    const fields = asRecord(paramCI(ctx.params, 'fields'));
    const title = fields.TITLE === undefined ? stage.title : String(fields.TITLE).trim();
    if (title === '') throw error('EMPTY_TITLE');
    if (stage.entityType === 'G' && !canEditGroupStages(s.state, user, stage.entityId, isAdminFlag(ctx, user))) throw error('ACCESS_DENIED');
    if (stage.entityType === 'U' && stage.entityId !== user.id) throw error('ACCESS_DENIED');
    stage.title = title;
    if (fields.COLOR !== undefined) stage.color = String(fields.COLOR) || '47D1E2';
    if (fields.AFTER_ID !== undefined) placeAfter(s, stage, toInt(fields.AFTER_ID));
    return outcome(true);
  });

  register(table, 'task.stages.delete', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const stage = s.state.stages.get(toInt(paramCI(ctx.params, 'id')));
    if (!stage) throw error('NOT_FOUND');
    if (stage.systemType) throw error('IS_SYSTEM');
    if (stage.entityType === 'G' && !canEditGroupStages(s.state, user, stage.entityId, isAdminFlag(ctx, user))) throw error('ACCESS_DENIED');
    if (stage.entityType === 'U' && stage.entityId !== user.id) throw error('ACCESS_DENIED');
    const busy = stage.entityType === 'G' && [...s.state.tasks.values()].some((t) => t.groupId === stage.entityId && t.stageId === stage.id);
    if (busy) throw error('NO_EMPTY');
    s.state.stages.delete(stage.id);
    return outcome(true);
  });

  register(table, 'task.stages.movetask', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const stage = s.state.stages.get(toInt(paramCI(ctx.params, 'stageId')));
    if (!stage) throw error('NOT_FOUND');
    const task = readableTask(s, user, toInt(paramCI(ctx.params, 'id')));
    if (!task) throw error('TASK_NOT_FOUND');
    const sortable = stage.entityType === 'G' ? canSortInGroup(s.state, user, stage.entityId) : stage.entityId === user.id;
    if (!sortable) throw error('ACCESS_DENIED_MOVE');
    if (stage.entityType === 'G' && task.groupId !== stage.entityId) throw error('DIFFERENT_STAGES');
    // A move is a CTasks update of STAGE_ID: it is logged and fires OnTaskUpdate (docs-facts §4).
    if (stage.entityType === 'G') changeTask(s, ctx, user.id, task, (t) => { t.stageId = stage.id; });
    return outcome(true);
  });

  register(table, 'task.stages.canmovetask', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    const entityId = toInt(paramCI(ctx.params, 'entityId'));
    const type = String(paramCI(ctx.params, 'entityType') ?? 'G').toUpperCase();
    return outcome(type === 'G' ? canSortInGroup(s.state, user, entityId) : entityId === user.id);
  });
}
