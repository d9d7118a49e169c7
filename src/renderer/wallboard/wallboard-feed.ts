/**
 * Keeps the wallboard's data fresh without ever emptying the screen: fetches every bound group's
 * board and today's plan vs fact at most every 10 s (on host events and on a 10 s tick) while the
 * portal is reachable, and keeps the last good data through portal outages and host restarts.
 */
import { readBoardInPages } from '../shared-ui/board-reader';
import type { BoardSnapshot, PultApi, PultEvent, ReportsData } from '../../shared/api';
import type { User } from '../../core/domain/model';
import type { Settings } from '../../core/domain/settings';
import { portalDayKey, portalMonthKey } from '../../core/domain/portal-time';
import { applyBoardDelta, withPortalOffset } from '../../core/domain/board-delta';
import { fetchDelay, type SyncStatus } from './freshness';

export const REFRESH_MS = 10_000;

export type FeedApi = Pick<PultApi, 'getSettings' | 'getDirectory' | 'listGroups' | 'getBoardPage' | 'getReports' | 'getSyncStatus'>;

export interface FeedState {
  settings: Settings | null;
  users: User[];
  groupNames: Record<string, string>;
  boards: Record<string, BoardSnapshot>;
  reports: Record<string, ReportsData>;
  status: SyncStatus | null;
  /** False while Pult's host does not answer; the last data stays on screen. */
  hostReachable: boolean;
  /** Set only when nothing could be loaded at all. */
  error: string | null;
  /** Portal time minus workstation time, from the last board. */
  portalOffsetMs: number;
}

export interface FeedTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const browserTimers: FeedTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  setInterval: (run, ms) => window.setInterval(run, ms),
  clearInterval: (handle) => window.clearInterval(handle as number),
};

export interface WallboardFeed {
  getState(): FeedState;
  subscribe(listener: () => void): () => void;
  start(): void;
  stop(): void;
  /** Asks for a fetch; it runs now or when 10 s have passed since the last one. */
  request(): void;
}

export function createWallboardFeed(api: FeedApi, onEvent: (listener: (event: PultEvent) => void) => () => void, timers: FeedTimers = browserTimers): WallboardFeed {
  let state: FeedState = { settings: null, users: [], groupNames: {}, boards: {}, reports: {}, status: null, hostReachable: true, error: null, portalOffsetMs: 0 };
  const listeners = new Set<() => void>();
  let lastFetchAt: number | null = null;
  let pending: unknown = null;
  let running = false;
  let inFlight = false;
  let interval: unknown = null;
  let unsubscribe: (() => void) | null = null;

  const publish = (patch: Partial<FeedState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  const hasData = () => Object.keys(state.boards).length > 0;

  async function refresh(): Promise<void> {
    // A slow host must not pile up fetches: the next tick asks again.
    if (inFlight) return;
    inFlight = true;
    lastFetchAt = timers.now();
    try {
      const status = await api.getSyncStatus();
      const settings = state.settings ?? (await api.getSettings());
      const users = state.users.length ? state.users : (await api.getDirectory()).users;
      publish({ status, settings, users, hostReachable: true });
      if (Object.keys(state.groupNames).length === 0) {
        // Group names come from the portal: they may be missing while it is down; retried next time.
        const groups = await api.listGroups().catch(() => []);
        if (groups.length) publish({ groupNames: Object.fromEntries(groups.map((group) => [group.id, group.name])) });
      }
      if (status.connectivity !== 'online' && hasData()) return;
      await loadGroups(settings);
    } catch (error) {
      // Keep whatever is on screen; only say so.
      publish({ hostReachable: false, error: hasData() || state.settings ? null : (error as Error).message });
    } finally {
      inFlight = false;
    }
  }

  async function loadGroups(settings: Settings): Promise<void> {
    const offset = settings.calendar.utcOffsetMinutes;
    const portalNow = timers.now() + state.portalOffsetMs;
    const day = portalDayKey(portalNow, offset);
    const request = { fromDay: day, toDay: day, month: portalMonthKey(portalNow, offset) };
    const boards = { ...state.boards };
    const reports = { ...state.reports };
    let portalOffsetMs = state.portalOffsetMs;
    for (const groupId of settings.groupIds) {
      const [board, report] = await Promise.all([readBoardInPages(api, groupId), api.getReports({ ...request, groupIds: [groupId] })]);
      if (!board) continue;
      boards[groupId] = board;
      reports[groupId] = report;
      portalOffsetMs = board.portalOffsetMs;
    }
    publish({ boards, reports, portalOffsetMs, error: null });
  }

  function request(): void {
    if (!running || pending !== null) return;
    pending = timers.setTimeout(() => {
      pending = null;
      void refresh();
    }, fetchDelay(lastFetchAt, timers.now(), REFRESH_MS));
  }

  function handle(event: PultEvent): void {
    if (event.type === 'status') {
      const cameBack = event.status.connectivity === 'online' && state.status?.connectivity !== 'online';
      publish({ status: event.status, hostReachable: true });
      if (cameBack) request();
    } else if (event.type === 'settings-changed') {
      publish({ settings: event.settings });
      request();
    } else if (event.type === 'portal-clock') {
      publish({ portalOffsetMs: event.portalOffsetMs, boards: withPortalOffset(state.boards, event.portalOffsetMs) });
    } else if (event.type === 'board-delta') {
      // Boards follow the delta at once; the reports refresh on their own schedule.
      const boards: Record<string, BoardSnapshot> = {};
      let reset = event.delta.reset;
      for (const [groupId, board] of Object.entries(state.boards)) {
        const next = applyBoardDelta(board, event.delta);
        if (next) boards[groupId] = next;
        else reset = true;
      }
      if (reset) request();
      else publish({ boards });
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (running) return;
      running = true;
      unsubscribe = onEvent(handle);
      interval = timers.setInterval(request, REFRESH_MS);
      request();
    },
    stop() {
      running = false;
      unsubscribe?.();
      unsubscribe = null;
      if (interval !== null) timers.clearInterval(interval);
      if (pending !== null) timers.clearTimeout(pending);
      interval = pending = null;
    },
    request,
  };
}
