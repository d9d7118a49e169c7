import { describe, expect, it } from 'vitest';
import { AlertMonitor, resolveLanguage, type AlertState } from '../../../src/node/alerts/monitor';
import { hostAlertSource, type AlertData, type AlertHost } from '../../../src/node/alerts/source';
import type { AlertNotice } from '../../../src/node/alerts/types';
import type { SyncStatus } from '../../../src/core/sync/status';
import { board, HOUR, idleTask, makeSettings, memoryStore, NOON_MSK, STAGES, TestClock, USERS } from './helpers';

const status = (connectivity: SyncStatus['connectivity']): SyncStatus => ({ connectivity, queued: 0, failed: 0, conflicts: 0, lastSyncAt: null, firstSync: null, lastError: null });

function setup(data: () => AlertData | null) {
  const clock = new TestClock();
  const notices: AlertNotice[][] = [];
  const states: AlertState[] = [];
  let loads = 0;
  let tick: (() => void) | null = null;
  const monitor = new AlertMonitor({
    source: {
      load: async () => {
        loads++;
        return data();
      },
    },
    memory: memoryStore(),
    clock,
    systemLocale: 'ru-RU',
    onNotices: (n) => notices.push(n),
    onState: (s) => states.push(s),
    setInterval: (callback) => {
      tick = callback;
      return 1;
    },
    clearInterval: () => (tick = null),
  });
  return { monitor, clock, notices, states, loads: () => loads, tick: () => tick?.() };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AlertMonitor', () => {
  it('evaluates on start, on events and on its tick; shows crossings; publishes the tray state', async () => {
    let tasks = [idleTask('1', NOON_MSK, 3 * HOUR)];
    const data = (): AlertData => ({ settings: makeSettings(), boards: [board(tasks)], users: USERS, userId: '5', memberGroupIds: null, portalOffsetMs: 0, utcOffsetMinutes: 180, sync: { connectivity, lastSyncAt: NOON_MSK } });
    let connectivity: SyncStatus['connectivity'] = 'online';
    const t = setup(data);
    t.monitor.start();
    await settled();
    expect(t.states.at(-1)).toEqual({ connectivity: 'online', attentionCount: 0, pausedUntil: null, language: 'ru', utcOffsetMinutes: 180 });

    t.clock.advance(HOUR);
    t.tick();
    await settled();
    expect(t.notices).toEqual([[expect.objectContaining({ type: 'task', taskId: '1', body: 'Без движения 4ч 00м' })]]);
    expect(t.states.at(-1)?.attentionCount).toBe(1);

    connectivity = 'portal-unreachable';
    t.monitor.handleEvent({ type: 'status', status: status('portal-unreachable') });
    await settled();
    expect(t.states.at(-1)?.connectivity).toBe('portal-unreachable');
    tasks = [...tasks, idleTask('2', t.clock.now(), 5 * HOUR)];
    t.monitor.handleEvent({ type: 'board-delta', delta: { reset: false, groups: [], taskIds: [], directory: false, queued: null } });
    await settled();
    expect(t.notices).toHaveLength(1);
    t.monitor.stop();
  });

  it('judges nothing before the first pull of this run: the local copy may be hours old', async () => {
    let lastSyncAt: number | null = null;
    const stale = [idleTask('1', NOON_MSK, 9 * HOUR)];
    const t = setup(() => ({ settings: makeSettings(), boards: [board(stale)], users: USERS, userId: '5', memberGroupIds: null, portalOffsetMs: 0, utcOffsetMinutes: 180, sync: { connectivity: 'online', lastSyncAt } }));
    await t.monitor.evaluate();
    expect(t.monitor.getState()).toMatchObject({ connectivity: 'online', attentionCount: 0 });
    // The first pull shows the task was updated meanwhile; later it crosses the threshold for real.
    lastSyncAt = NOON_MSK;
    stale[0] = idleTask('1', NOON_MSK, 0);
    await t.monitor.evaluate();
    t.clock.advance(4 * HOUR);
    await t.monitor.evaluate();
    expect(t.notices.flat().map((n) => n.title)).toEqual(['#1 Задача 1']);
  });

  it('runs one evaluation at a time and coalesces the requests made meanwhile', async () => {
    const t = setup(() => null);
    await Promise.all([t.monitor.evaluate(), t.monitor.evaluate(), t.monitor.evaluate()]);
    await settled();
    expect(t.loads()).toBe(2);
    expect(t.monitor.getState()).toMatchObject({ connectivity: null, attentionCount: 0 });
  });

  it('pauses and snoozes on the portal clock (board offset), and publishes the pause', async () => {
    const data = (): AlertData => ({ settings: makeSettings(), boards: [board([])], users: USERS, userId: '5', memberGroupIds: null, portalOffsetMs: 30_000, utcOffsetMinutes: 180, sync: { connectivity: 'online', lastSyncAt: NOON_MSK } });
    const t = setup(data);
    expect(t.monitor.pause('1h')).toBeNull(); // nothing known yet
    await t.monitor.evaluate();
    expect(t.monitor.pause('1h')).toBe(NOON_MSK + 30_000 + HOUR);
    expect(t.states.at(-1)?.pausedUntil).toBe(NOON_MSK + 30_000 + HOUR);
    expect(t.monitor.snooze('3', 'tomorrow')).toBe(Date.UTC(2026, 0, 16, 6, 0, 0));
    t.monitor.resume();
    expect(t.states.at(-1)?.pausedUntil).toBeNull();
  });

  it('reports a failing source and keeps going', async () => {
    const errors: unknown[] = [];
    const monitor = new AlertMonitor({
      source: { load: async () => Promise.reject(new Error('db closed')) },
      memory: memoryStore(),
      clock: new TestClock(),
      systemLocale: 'en-US',
      onNotices: () => undefined,
      onState: () => undefined,
      onError: (error) => errors.push(error),
    });
    await monitor.evaluate();
    expect(errors).toHaveLength(1);
    expect(monitor.getState().language).toBe('en');
  });
});

describe('resolveLanguage', () => {
  it('a setting wins; "system" is English only for an English locale', () => {
    expect(resolveLanguage('ru', 'en-US')).toBe('ru');
    expect(resolveLanguage('system', 'en-GB')).toBe('en');
    expect(resolveLanguage('system', 'de-DE')).toBe('ru');
  });
});

describe('hostAlertSource', () => {
  const snapshot = { groupId: '10', stages: STAGES, cards: [], history: {}, portalOffsetMs: 1500, portalUtcOffsetMinutes: 420 };
  const host = (configured: boolean): AlertHost =>
    ({
      getAppInfo: async () => ({ version: '1', shell: 'electron', configured, canSignInInApp: false, notifications: false, keychainWait: null, secrets: { kind: 'keychain', keychainProblem: null, canUseMemory: false }, oauthRedirectUri: 'http://127.0.0.1:45678/oauth/callback', connection: configured ? { portalUrl: 'https://p', kind: 'webhook', userId: '5', isAdmin: false } : null }),
      getSettings: async () => makeSettings(),
      getBoard: async (groupId: string) => ({ ...snapshot, groupId }),
      getDirectory: async () => ({ users: USERS, departments: [], companies: [], userFields: [] }),
      getSyncStatus: async () => status('online'),
    }) as AlertHost;

  it('reads every bound board, the user and the portal clock from the host API', async () => {
    const data = await hostAlertSource(host(true)).load();
    expect(data).toMatchObject({ userId: '5', memberGroupIds: null, portalOffsetMs: 1500, utcOffsetMinutes: 420, boards: [{ groupId: '10', tasks: [] }], sync: { connectivity: 'online', lastSyncAt: null } });
  });

  it('has nothing to read before a portal is connected', async () => {
    expect(await hostAlertSource(host(false)).load()).toBeNull();
  });
});
