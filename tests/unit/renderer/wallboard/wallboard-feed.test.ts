import { describe, expect, it } from 'vitest';
import { createWallboardFeed, REFRESH_MS, type FeedApi, type FeedTimers } from '../../../../src/renderer/wallboard/wallboard-feed';
import { defaultSettings } from '../../../../src/core/domain/settings';
import type { BoardPage, BoardSnapshot, PultEvent, ReportsData, ReportsRequest } from '../../../../src/shared/api';
import type { SyncStatus } from '../../../../src/renderer/wallboard/freshness';

/** Timers under the test's control: `advance` runs what falls due, in order. */
function manualTimers(start: number) {
  let now = start;
  let nextId = 1;
  const tasks = new Map<number, { at: number; run: () => void; every?: number }>();
  const timers: FeedTimers = {
    now: () => now,
    setTimeout: (run, ms) => (tasks.set(nextId, { at: now + ms, run }), nextId++),
    clearTimeout: (id) => void tasks.delete(id as number),
    setInterval: (run, ms) => (tasks.set(nextId, { at: now + ms, run, every: ms }), nextId++),
    clearInterval: (id) => void tasks.delete(id as number),
  };
  async function advance(ms: number) {
    const end = now + ms;
    for (;;) {
      const due = [...tasks.entries()].filter(([, task]) => task.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, task] = due;
      now = task.at;
      if (task.every) task.at += task.every;
      else tasks.delete(id);
      task.run();
      await flush();
    }
    now = end;
    await flush();
  }
  return { timers, advance };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

const start = Date.UTC(2026, 2, 11, 9, 0);

function fakeHost() {
  const settings = { ...defaultSettings(), groupIds: ['1', '2'] };
  let status: SyncStatus = { connectivity: 'online', queued: 0, failed: 0, conflicts: 0, lastSyncAt: start, firstSync: null, lastError: null };
  let down = false;
  const calls: string[] = [];
  const reportRequests: ReportsRequest[] = [];
  const listeners = new Set<(event: PultEvent) => void>();
  const guard = <T>(value: T): Promise<T> => (down ? Promise.reject(new Error('The Pult host is not reachable')) : Promise.resolve(value));
  const api: FeedApi = {
    getSettings: () => guard(settings),
    getDirectory: () => guard({ users: [], departments: [], companies: [], userFields: [] }),
    listGroups: () => guard([{ id: '1', name: 'Первая линия', closed: false, membersCount: 3 }]),
    getSyncStatus: () => (calls.push('status'), guard(status)),
    getBoardPage: ({ groupId }) => (calls.push(`board:${groupId}`), guard({ groupId, stages: [], cards: [], history: {}, portalOffsetMs: 0, portalUtcOffsetMinutes: 180, snapshotId: `${groupId}-1`, offset: 0, total: 0, nextOffset: null } as BoardPage)),
    getReports: (request) => (reportRequests.push(request), guard({ request } as ReportsData)),
  };
  return {
    api,
    calls,
    reportRequests,
    onEvent: (listener: (event: PultEvent) => void) => (listeners.add(listener), () => listeners.delete(listener)),
    emit: (event: PultEvent) => listeners.forEach((listener) => listener(event)),
    setStatus: (next: Partial<SyncStatus>) => (status = { ...status, ...next }),
    setDown: (value: boolean) => (down = value),
    boardCalls: () => calls.filter((call) => call.startsWith('board:')).length,
  };
}

describe('wallboard feed', () => {
  it('loads every bound group with today and this month in the portal time zone', async () => {
    const host = fakeHost();
    const { timers, advance } = manualTimers(start);
    const feed = createWallboardFeed(host.api, host.onEvent, timers);
    feed.start();
    await advance(0);
    const state = feed.getState();
    expect(Object.keys(state.boards)).toEqual(['1', '2']);
    expect(state.groupNames['1']).toBe('Первая линия');
    expect(host.reportRequests[0]).toEqual({ fromDay: '2026-03-11', toDay: '2026-03-11', month: '2026-03', groupIds: ['1'] });
    feed.stop();
  });

  it('refetches at most every 10 s however many board changes arrive', async () => {
    const host = fakeHost();
    const { timers, advance } = manualTimers(start);
    const feed = createWallboardFeed(host.api, host.onEvent, timers);
    feed.start();
    await advance(0);
    expect(host.boardCalls()).toBe(2);
    for (let i = 0; i < 5; i++) host.emit({ type: 'board-delta', delta: { reset: true, groups: [], taskIds: [], directory: true, queued: null } });
    await advance(3_000);
    expect(host.boardCalls()).toBe(2);
    await advance(REFRESH_MS - 3_000);
    expect(host.boardCalls()).toBe(4);
    // Without events, the 10 s tick still refreshes: a wallboard never goes idle.
    await advance(60_000);
    expect(host.boardCalls()).toBe(16);
    feed.stop();
  });

  it('applies a changed card from a delta at once, without reading the boards again', async () => {
    const host = fakeHost();
    const { timers, advance } = manualTimers(start);
    const feed = createWallboardFeed(host.api, host.onEvent, timers);
    feed.start();
    await advance(0);
    const changed = { id: '7', groupId: '2', stageId: '21', title: 'Новая' } as BoardSnapshot['cards'][number];
    host.emit({ type: 'board-delta', delta: { reset: false, groups: [{ groupId: '2', cards: [changed], removed: [], history: {} }], taskIds: ['7'], directory: false, queued: null } });
    expect(feed.getState().boards['2']?.cards).toEqual([changed]);
    expect(feed.getState().boards['1']?.cards).toEqual([]);
    await advance(3_000);
    expect(host.boardCalls()).toBe(2);
    feed.stop();
  });

  it('keeps the last data while the portal is unreachable and refetches when it is back', async () => {
    const host = fakeHost();
    const { timers, advance } = manualTimers(start);
    const feed = createWallboardFeed(host.api, host.onEvent, timers);
    feed.start();
    await advance(0);
    host.setStatus({ connectivity: 'portal-unreachable' });
    host.emit({ type: 'status', status: { ...feed.getState().status!, connectivity: 'portal-unreachable' } });
    await advance(30_000);
    expect(host.boardCalls()).toBe(2);
    expect(feed.getState().status?.connectivity).toBe('portal-unreachable');
    expect(Object.keys(feed.getState().boards)).toEqual(['1', '2']);
    host.setStatus({ connectivity: 'online', lastSyncAt: start + 40_000 });
    host.emit({ type: 'status', status: { ...feed.getState().status!, connectivity: 'online', lastSyncAt: start + 40_000 } });
    // Back within one refresh period (still never two fetches closer than 10 s).
    await advance(REFRESH_MS);
    expect(host.boardCalls()).toBe(4);
    feed.stop();
  });

  it('survives the host going away: data stays, the state says so, and it recovers', async () => {
    const host = fakeHost();
    const { timers, advance } = manualTimers(start);
    const feed = createWallboardFeed(host.api, host.onEvent, timers);
    feed.start();
    await advance(0);
    host.setDown(true);
    await advance(REFRESH_MS);
    expect(feed.getState()).toMatchObject({ hostReachable: false, error: null });
    expect(Object.keys(feed.getState().boards)).toHaveLength(2);
    host.setDown(false);
    await advance(REFRESH_MS);
    expect(feed.getState().hostReachable).toBe(true);
    feed.stop();
  });

  it('applies new settings (the rotation period) as soon as they change', async () => {
    const host = fakeHost();
    const { timers, advance } = manualTimers(start);
    const feed = createWallboardFeed(host.api, host.onEvent, timers);
    feed.start();
    await advance(0);
    const changed = { ...feed.getState().settings!, ui: { ...feed.getState().settings!.ui, wallboardRotationSeconds: 5 } };
    host.emit({ type: 'settings-changed', settings: changed });
    expect(feed.getState().settings?.ui.wallboardRotationSeconds).toBe(5);
    feed.stop();
  });

  it('stops every timer and subscription when stopped', async () => {
    const host = fakeHost();
    const { timers, advance } = manualTimers(start);
    const feed = createWallboardFeed(host.api, host.onEvent, timers);
    feed.start();
    await advance(0);
    feed.stop();
    host.emit({ type: 'board-delta', delta: { reset: true, groups: [], taskIds: [], directory: true, queued: null } });
    await advance(60_000);
    expect(host.boardCalls()).toBe(2);
  });
});
