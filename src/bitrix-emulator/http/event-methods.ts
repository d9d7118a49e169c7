import { RestError, type CallContext, type MethodOutcome, type MethodSpec, type Portal } from '../contract';
import { formatDateC } from './dates';
import { argumentError, authErrors } from './envelope';
import { EventStore, type OfflineRow } from './event-queue';
import { hasScope } from './auth';
import { phpIntval } from './php-params';
import { GLOBAL_SCOPE } from './types';

/** Events the emulated portal can fire, with the scope a token needs to bind them. */
const KNOWN_EVENTS: Record<string, string> = {
  ONTASKADD: 'task',
  ONTASKUPDATE: 'task',
  ONTASKDELETE: 'task',
  ONTASKCOMMENTADD: 'task',
  ONTASKCOMMENTUPDATE: 'task',
  ONTASKCOMMENTDELETE: 'task',
  ONUSERADD: 'user',
  ONAPPUNINSTALL: GLOBAL_SCOPE,
  ONAPPUPDATE: GLOBAL_SCOPE,
};

const LIST_LIMIT = 50;
const DEFAULT_FIELDS = ['ID', 'TIMESTAMP_X', 'EVENT_NAME', 'MESSAGE_ID'];
const LIST_FIELDS = [...DEFAULT_FIELDS, 'PROCESS_ID', 'ERROR'];

function lowerKeys(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));
}
function upperKeys(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.toUpperCase(), v]));
}
function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function nullArg(name: string): RestError {
  return argumentError(name, `Argument '${name}' is null or empty`);
}

function fieldValue(r: OfflineRow, field: string): string | number {
  switch (field) {
    case 'ID': return r.id;
    case 'TIMESTAMP_X': return r.timestamp;
    case 'EVENT_NAME': return r.eventName;
    case 'MESSAGE_ID': return r.messageId;
    case 'PROCESS_ID': return r.processId;
    default: return r.error;
  }
}

/** IRestService::sanitizeFilter subset: `=`, `!`, `<`, `<=`, `>`, `>=` on the allowed fields. */
function filterRows(rows: OfflineRow[], filter: Record<string, unknown>, allowed: string[]): OfflineRow[] {
  const tests: Array<(r: OfflineRow) => boolean> = [];
  for (const [rawKey, raw] of Object.entries(filter)) {
    const m = /^(>=|<=|!=|=|!|<|>)?(.+)$/.exec(rawKey);
    const op = m?.[1] ?? '=';
    const field = (m?.[2] ?? '').toUpperCase();
    if (!allowed.includes(field)) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) =>
      field === 'TIMESTAMP_X' ? Date.parse(String(v)) : field === 'ID' || field === 'ERROR' ? Number(v) : String(v),
    );
    tests.push((r) => {
      const actual = fieldValue(r, field);
      const first = values[0] ?? '';
      switch (op) {
        case '>': return actual > first;
        case '>=': return actual >= first;
        case '<': return actual < first;
        case '<=': return actual <= first;
        case '!': case '!=': return !values.includes(actual);
        default: return values.includes(actual);
      }
    });
  }
  return rows.filter((r) => tests.every((t) => t(r)));
}

function sortRows(rows: OfflineRow[], order: Record<string, unknown>, allowed: string[]): OfflineRow[] {
  const keys = Object.entries(order)
    .map(([k, v]) => [k.toUpperCase(), String(v).toUpperCase() === 'DESC' ? -1 : 1] as const)
    .filter(([k]) => allowed.includes(k));
  return [...rows].sort((a, b) => {
    for (const [k, dir] of keys) {
      const x = fieldValue(a, k);
      const y = fieldValue(b, k);
      if (x !== y) return (x < y ? -1 : 1) * dir;
    }
    return a.id - b.id;
  });
}

/** `event.*` methods (server-facts §6, rest/lib/api/event.php). */
export function createEventMethods(portal: Portal, store: EventStore): Map<string, MethodSpec> {
  const isAdmin = (ctx: CallContext) => portal.users().some((u) => u.id === ctx.userId && u.admin);
  const appContext = (ctx: CallContext): string => {
    if (ctx.authType !== 'oauth' || !ctx.clientId) throw authErrors.wrongAuthType();
    return ctx.clientId;
  };
  const adminAppContext = (ctx: CallContext) => {
    const clientId = appContext(ctx);
    if (!isAdmin(ctx)) throw authErrors.accessDenied();
    return { clientId, connector: ctx.authConnector ?? '' };
  };
  const format = (r: OfflineRow, extended: boolean) => ({
    ID: String(r.id),
    TIMESTAMP_X: formatDateC(r.timestamp, portal.utcOffsetMinutes),
    EVENT_NAME: r.eventName,
    EVENT_DATA: r.data,
    EVENT_ADDITIONAL: r.additional,
    MESSAGE_ID: r.messageId,
    ...(extended ? { PROCESS_ID: r.processId, ERROR: String(r.error) } : {}),
  });
  const spec = (handler: (ctx: CallContext) => MethodOutcome): MethodSpec => ({ scope: GLOBAL_SCOPE, handler });

  const bindArgs = (ctx: CallContext) => {
    const q = upperKeys(ctx.params);
    const eventName = String(q.EVENT ?? '').toUpperCase();
    const eventType = String(q.EVENT_TYPE ?? '').toLowerCase() || 'online';
    if (eventName === '') throw nullArg('EVENT');
    if (eventType !== 'online' && eventType !== 'offline') {
      throw argumentError('EVENT_TYPE', 'Value must be one of {online|offline}');
    }
    return { q, eventName, offline: eventType === 'offline', handler: String(q.HANDLER ?? '') };
  };

  return new Map<string, MethodSpec>([
    ['event.bind', spec((ctx) => {
      const clientId = appContext(ctx);
      const { q, eventName, offline, handler } = bindArgs(ctx);
      let authUser = phpIntval(q.AUTH_TYPE);
      if (authUser > 0 && !isAdmin(ctx) && String(authUser) !== ctx.userId) {
        throw authErrors.accessDenied('Event binding with AUTH_TYPE requires administrator access rights');
      } else if (authUser <= 0 && !isAdmin(ctx)) authUser = Number(ctx.userId);
      if (offline && !isAdmin(ctx)) throw authErrors.accessDenied('Offline events binding requires administrator access rights');
      if (!offline && handler === '') throw nullArg('HANDLER');
      const scope = KNOWN_EVENTS[eventName];
      if (scope === undefined || (scope !== GLOBAL_SCOPE && !hasScope(ctx.scopes, scope))) {
        throw new RestError('ERROR_EVENT_NOT_FOUND', 'Event not found');
      }
      const added = store.bind({
        clientId,
        eventName,
        handler: offline ? '' : handler,
        authUserId: offline ? 0 : authUser,
        connectorId: ctx.authConnector ?? '',
      });
      if (!added) throw new RestError('ERROR_CORE', 'Unable to set event handler: Handler already binded');
      return { result: true };
    })],
    ['event.unbind', spec((ctx) => {
      const clientId = appContext(ctx);
      const { q, eventName, offline, handler } = bindArgs(ctx);
      if (offline && !isAdmin(ctx)) throw authErrors.accessDenied('Offline events unbinding requires administrator access rights');
      if (!offline && handler === '') throw nullArg('HANDLER');
      const userFilter = q.AUTH_TYPE !== undefined ? phpIntval(q.AUTH_TYPE) : isAdmin(ctx) ? undefined : Number(ctx.userId);
      const count = store.unbind(
        (b) =>
          b.clientId === clientId &&
          b.eventName === eventName &&
          b.handler === (offline ? '' : handler) &&
          (offline ? b.connectorId === (ctx.authConnector ?? '') : userFilter === undefined || b.authUserId === userFilter),
      );
      return { result: { count } };
    })],
    ['event.get', spec((ctx) => {
      const clientId = appContext(ctx);
      const mine = store.bindings.filter(
        (b) => b.clientId === clientId && (isAdmin(ctx) || String(b.authUserId) === ctx.userId),
      );
      return {
        result: mine.map((b) =>
          b.handler !== ''
            ? { event: b.eventName, handler: b.handler, auth_type: String(b.authUserId), offline: 0 }
            : { event: b.eventName, connector_id: b.connectorId, offline: 1 },
        ),
      };
    })],
    ['event.offline.get', spec((ctx) => {
      const { clientId, connector } = adminAppContext(ctx);
      const q = lowerKeys(ctx.params);
      const clear = q.clear === undefined ? 1 : phpIntval(q.clear);
      let processId = q.process_id === undefined ? null : String(q.process_id).trim();
      const limit = q.limit === undefined ? LIST_LIMIT : phpIntval(q.limit);
      if (limit <= 0) throw argumentError('LIMIT', 'Value must be positive integer');
      const wantErrors = phpIntval(q.error) === 1 ? 1 : 0;
      const filter = asRecord(q.filter);
      const order = q.order === undefined ? { TIMESTAMP_X: 'ASC' } : asRecord(q.order);
      let returnProcessId = !clear;
      const mine = () =>
        store.rows.filter((r) => r.clientId === clientId && r.connectorId === connector && r.error === wantErrors);
      if (processId === null) {
        processId = EventStore.newProcessId();
        const free = filterRows(mine().filter((r) => r.processId === ''), filter, DEFAULT_FIELDS);
        for (const r of sortRows(free, order, DEFAULT_FIELDS).slice(0, limit)) r.processId = processId;
      } else {
        returnProcessId = true;
      }
      const pid = processId;
      const picked = sortRows(filterRows(mine().filter((r) => r.processId === pid), filter, DEFAULT_FIELDS), order, DEFAULT_FIELDS).slice(0, limit);
      const events = picked.map((r) => format(r, false));
      if (clear && events.length > 0) {
        store.remove((r) => r.processId === pid && r.clientId === clientId && r.connectorId === connector);
      }
      return { result: { process_id: returnProcessId ? pid : null, events } };
    })],
    ['event.offline.clear', spec((ctx) => {
      const { clientId, connector } = adminAppContext(ctx);
      const q = lowerKeys(ctx.params);
      if (q.process_id === undefined) throw nullArg('PROCESS_ID');
      const pid = String(q.process_id).trim();
      const base = (r: OfflineRow) => r.processId === pid && r.clientId === clientId && r.connectorId === connector;
      if (q.message_id !== undefined) {
        const list = Array.isArray(q.message_id) ? q.message_id.map((m) => String(m).trim()) : null;
        if (!list || list.some((m) => m.length !== 32)) throw argumentError('message_id', 'Value must be array of MESSAGE_ID values');
        store.remove((r) => base(r) && list.includes(r.messageId));
      } else if (q.id !== undefined) {
        const ids = Array.isArray(q.id) ? q.id.map((v) => phpIntval(v)) : null;
        if (!ids || ids.some((id) => id <= 0)) throw argumentError('id', 'Value must be array of integers');
        store.remove((r) => base(r) && ids.includes(r.id));
      } else {
        store.remove(base);
      }
      return { result: true };
    })],
    ['event.offline.error', spec((ctx) => {
      const { clientId, connector } = adminAppContext(ctx);
      const q = lowerKeys(ctx.params);
      if (q.process_id === undefined) throw nullArg('PROCESS_ID');
      if (!Array.isArray(q.message_id)) throw argumentError('message_id', 'Value must be array of MESSAGE_ID values');
      store.markError(String(q.process_id).trim(), clientId, connector, q.message_id.map(String));
      return { result: true };
    })],
    ['event.offline.list', spec((ctx) => {
      const { clientId, connector } = adminAppContext(ctx);
      const q = lowerKeys(ctx.params);
      const order = q.order === undefined ? { ID: 'ASC' } : asRecord(q.order);
      const all = sortRows(
        filterRows(store.rows.filter((r) => r.clientId === clientId && r.connectorId === connector), asRecord(q.filter), LIST_FIELDS),
        order,
        LIST_FIELDS,
      );
      const offset = ctx.start !== null && ctx.start > 0 ? ctx.start : 0;
      const page = all.slice(offset, offset + LIST_LIMIT).map((r) => format(r, true));
      const outcome: MethodOutcome = { result: page, total: all.length };
      // server-facts §1: next only while offset + rows < total.
      if (offset + page.length < all.length) outcome.next = offset + page.length;
      return outcome;
    })],
  ]);
}
