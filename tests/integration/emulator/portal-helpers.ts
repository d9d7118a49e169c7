/** Direct (in-process) access to the portal half for the portal-*.test.ts contract tests. */
import { RestError, type CallContext, type EmulatorClock, type MethodOutcome, type Portal, type PortalEvent } from '../../../src/bitrix-emulator/contract';
import { createPortal } from '../../../src/bitrix-emulator/portal/index';

/** 2024-04-03 10:26:32 Moscow time. */
export const START = Date.UTC(2024, 3, 3, 7, 26, 32);

export function testClock(start = START): EmulatorClock {
  let now = start;
  return { now: () => now, advance: (seconds) => { now += seconds * 1000; } };
}

export interface PortalRig {
  portal: Portal;
  clock: EmulatorClock;
  events: PortalEvent[];
  call(method: string, params?: Record<string, unknown>, opts?: { user?: string; start?: number | null; clientId?: string; authConnector?: string }): MethodOutcome;
  /** Calls and returns the RestError it throws (fails the test if it does not throw). */
  fail(method: string, params?: Record<string, unknown>, opts?: { user?: string; start?: number | null }): RestError;
  /** First user id matching a login. */
  userId(login: string): string;
}

export function makePortal(tasks = 300, seed = 7): PortalRig {
  const clock = testClock();
  const portal = createPortal({ seed, tasks, clock });
  const events: PortalEvent[] = [];
  portal.onEvent((e) => events.push(e));
  const call: PortalRig['call'] = (method, params = {}, opts = {}) => {
    const spec = portal.methods.get(method);
    if (!spec) throw new Error(`no method ${method}`);
    const ctx: CallContext = {
      userId: opts.user ?? '1', authType: opts.clientId ? 'oauth' : 'apauth', scopes: [spec.scope], params, start: opts.start ?? null,
    };
    if (opts.clientId) ctx.clientId = opts.clientId;
    if (opts.authConnector) ctx.authConnector = opts.authConnector;
    return spec.handler(ctx);
  };
  return {
    portal, clock, events, call,
    fail(method, params = {}, opts = {}) {
      try {
        call(method, params, opts);
      } catch (e) {
        if (e instanceof RestError) return e;
        throw e;
      }
      throw new Error(`${method} did not fail`);
    },
    userId(login) {
      const u = portal.findUserByLogin(login);
      if (!u) throw new Error(`no user ${login}`);
      return u.id;
    },
  };
}

export type Row = Record<string, unknown>;

export function tasksOf(outcome: MethodOutcome): Row[] {
  return (outcome.result as { tasks: Row[] }).tasks;
}

export function taskOf(outcome: MethodOutcome): Row {
  return (outcome.result as { task: Row }).task;
}

/** Every task ID visible to a user, through paging. */
export function allTasks(rig: PortalRig, filter: Record<string, unknown>, user = '1', select: string[] = ['ID']): Row[] {
  const rows: Row[] = [];
  let start: number | undefined = 0;
  while (start !== undefined) {
    const out = rig.call('tasks.task.list', { filter, select, order: { ID: 'asc' } }, { user, start });
    rows.push(...tasksOf(out));
    start = out.next;
  }
  return rows;
}
