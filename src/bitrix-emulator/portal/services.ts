import { RestError, type CallContext, type MethodOutcome, type MethodSpec } from '../contract';
import { isoDate } from './dates';
import type { GenContext } from './gen-context';
import type { User } from './model';
import type { PortalState } from './state';

export const PAGE_SIZE = 50; // server-facts §1: LIST_LIMIT

/** What every method module gets: the data, the frozen generation context and shared helpers. */
export interface Services {
  state: PortalState;
  gen: GenContext;
}

export type MethodTable = Map<string, MethodSpec>;

export function register(table: MethodTable, name: string, scope: string, handler: (ctx: CallContext) => MethodOutcome, api?: 'v2' | 'v3'): void {
  table.set(name.toLowerCase(), api ? { scope, api, handler } : { scope, handler });
}

export function callerOf(s: Services, ctx: CallContext): User {
  const user = s.state.users.get(Number(ctx.userId));
  if (!user || !user.active) throw new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401);
  return user;
}

/** server-facts §1 paging: start >= 0 is an offset; start < 0 gives the first page and no count. */
export function paginate<T>(rows: readonly T[], start: number | null): { page: T[]; total?: number; next?: number } {
  if (start !== null && start < 0) return { page: rows.slice(0, PAGE_SIZE) };
  const offset = start ?? 0;
  const page = rows.slice(offset, offset + PAGE_SIZE);
  const next = offset + page.length;
  return next < rows.length ? { page, total: rows.length, next } : { page, total: rows.length };
}

export function outcome(result: unknown, paged?: { total?: number; next?: number }): MethodOutcome {
  const out: MethodOutcome = { result };
  if (paged?.total !== undefined) out.total = paged.total;
  if (paged?.next !== undefined) out.next = paged.next;
  return out;
}

export function iso(s: Services, ms: number | null): string | null {
  return ms === null ? null : isoDate(ms, s.state.utcOffsetMinutes);
}

/** Case-insensitive parameter lookup (task.stages.*, batch keys, ...). */
export function paramCI(params: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(params)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** Legacy task.* methods read arguments by position (server-facts §4); names are ignored. */
export function positional(ctx: CallContext): unknown[] {
  return Object.values(ctx.params);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object') return Object.values(value as Record<string, unknown>);
  return value === undefined || value === null || value === '' ? [] : [value];
}

/** PHP-style truthiness for flags sent as strings ("N" is truthy, "0" and "" are not). */
export function truthy(value: unknown): boolean {
  if (typeof value === 'string') return value !== '' && value !== '0';
  return !!value;
}

export function toInt(value: unknown): number {
  const n = parseInt(String(value ?? ''), 10);
  return Number.isFinite(n) ? n : 0;
}

export function fullName(user: User): string {
  return `${user.name} ${user.lastName}`.trim();
}
