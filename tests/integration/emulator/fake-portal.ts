/**
 * A small stand-in Portal for the transport's contract tests: three users (admin "1"), `user.current`,
 * a paged `tasks.task.list`, `tasks.task.update` that fires ONTASKUPDATE, a v3-only method and two
 * failing methods. The transport must not care which Portal it serves.
 */
import {
  RestError,
  type CallContext,
  type CommentMode,
  type CreatePortalOptions,
  type MethodSpec,
  type Portal,
  type PortalEvent,
  type PortalUserInfo,
} from '../../../src/bitrix-emulator/contract';

const USERS: PortalUserInfo[] = [
  { id: '1', login: 'admin', password: 'admin-pass', admin: true, active: true, type: 'employee' },
  { id: '2', login: 'ivanov', password: 'ivanov-pass', admin: false, active: true, type: 'employee' },
  { id: '3', login: 'client', password: 'client-pass', admin: false, active: true, type: 'extranet' },
];

export interface FakePortal extends Portal {
  /** Fires an event as if a user changed a task in the portal UI (no REST origin). */
  fireUiEvent(name: string, taskId: string): void;
}

export function createFakePortal(options: CreatePortalOptions): FakePortal {
  const listeners = new Set<(e: PortalEvent) => void>();
  const emit = (e: PortalEvent) => listeners.forEach((l) => l(e));
  let commentMode: CommentMode = 'legacy';
  const taskCount = Math.max(0, options.tasks);
  const titles = new Map<number, string>();
  for (let i = 1; i <= taskCount; i++) titles.set(i, `Заявка №${i}`);

  const methods = new Map<string, MethodSpec>([
    ['user.current', { scope: 'user', handler: (ctx) => ({ result: { ID: ctx.userId, ADMIN: ctx.userId === '1' } }) }],
    [
      'tasks.task.list',
      {
        scope: 'task',
        handler(ctx: CallContext) {
          // server-facts §1: LIST_LIMIT 50; start < 0 → first 50 and no count.
          const ids = [...titles.keys()].sort((a, b) => a - b);
          if (ctx.start !== null && ctx.start < 0) {
            return { result: { tasks: ids.slice(0, 50).map((id) => ({ id: String(id), title: titles.get(id) })) } };
          }
          const offset = ctx.start ?? 0;
          const page = ids.slice(offset, offset + 50);
          const outcome: { result: unknown; total: number; next?: number } = {
            result: { tasks: page.map((id) => ({ id: String(id), title: titles.get(id) })) },
            total: ids.length,
          };
          if (offset + page.length < ids.length) outcome.next = offset + page.length;
          return outcome;
        },
      },
    ],
    [
      'tasks.task.update',
      {
        scope: 'task',
        handler(ctx) {
          const id = Number(ctx.params.taskId);
          const fields = (ctx.params.fields ?? {}) as Record<string, unknown>;
          if (!titles.has(id)) throw new RestError('ERROR_CORE', 'Task not found');
          if (typeof fields.TITLE === 'string') titles.set(id, fields.TITLE);
          const origin: { clientId?: string; authConnector?: string } = {};
          if (ctx.clientId !== undefined) origin.clientId = ctx.clientId;
          if (ctx.authConnector !== undefined) origin.authConnector = ctx.authConnector;
          emit({
            name: 'ONTASKUPDATE',
            data: { FIELDS_BEFORE: { ID: String(id) }, FIELDS_AFTER: { ID: String(id) }, IS_ACCESSIBLE_BEFORE: 'undefined', IS_ACCESSIBLE_AFTER: 'undefined' },
            userId: ctx.userId,
            origin,
          });
          return { result: { task: { id: String(id), title: titles.get(id) } } };
        },
      },
    ],
    ['tasks.task.get', { scope: 'task', handler: (ctx) => ({ result: { task: { id: String(ctx.params.taskId), title: titles.get(Number(ctx.params.taskId)) } } }) }],
    ['tasks.task.chat.message.send', { scope: 'task', api: 'v3', handler: () => ({ result: { id: 1 } }) }],
    ['crm.item.list', { scope: 'crm', handler: () => ({ result: { items: [] }, total: null }) }],
    ['echo.params', { scope: 'task', handler: (ctx) => ({ result: { params: ctx.params, start: ctx.start } }) }],
    ['broken.method', { scope: 'task', handler: () => { throw new TypeError('boom'); } }],
    ['denied.method', { scope: 'task', handler: () => { throw new RestError('ACCESS_DENIED', 'Access denied!', 403); } }],
  ]);

  return {
    clock: options.clock,
    methods,
    utcOffsetMinutes: 180,
    users: () => USERS,
    findUserByLogin: (login) => USERS.find((u) => u.login === login),
    serviceDeskGroups: () => [{ id: '7', name: 'Сервис-деск' }],
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setCommentMode(mode) {
      commentMode = mode;
    },
    commentMode: () => commentMode,
    counts: () => ({ tasks: titles.size, users: USERS.length }),
    fireUiEvent(name, taskId) {
      emit({ name, data: { FIELDS_BEFORE: { ID: taskId }, FIELDS_AFTER: { ID: taskId } }, userId: '2' });
    },
  };
}
