/**
 * Where the alert engine reads its input: a small interface, and its adapter over the host's
 * public API (the same read models the renderer gets), so alerting needs no access to the
 * host's internals.
 */
import type { User } from '../../core/domain/model';
import type { Settings } from '../../core/domain/settings';
import type { SyncStatus } from '../../core/sync/status';
import type { BoardSnapshot, PultApi, PultEvent } from '../../shared/api';
import { applyBoardDelta } from '../../core/domain/board-delta';
import type { AlertBoard } from './conditions';

export interface AlertData {
  settings: Settings;
  boards: AlertBoard[];
  users: User[];
  userId: string | null;
  memberGroupIds: string[] | null;
  /** Portal time minus workstation time (ms). */
  portalOffsetMs: number;
  utcOffsetMinutes: number;
  /** The sync engine's state: alerts wait for a first pull and for the portal to be reachable. */
  sync: Pick<SyncStatus, 'connectivity' | 'lastSyncAt'>;
}

export interface AlertSource {
  /** Null when no portal is connected or no groups are bound yet. */
  load(): Promise<AlertData | null>;
  /** Host events, so the source keeps its copy of the boards current without reading them again. */
  observe?(event: PultEvent): void;
}

export type AlertHost = Pick<PultApi, 'getAppInfo' | 'getSettings' | 'getBoard' | 'getDirectory' | 'getSyncStatus'>;

/**
 * Reads every bound group's board once and then keeps it by the host's deltas; if any board
 * fails the whole read fails, because a partial picture would make the missing tasks'
 * conditions look ended and alert again later.
 */
export function hostAlertSource(host: AlertHost): AlertSource {
  const boards = new Map<string, BoardSnapshot>();
  let users: User[] | null = null;
  let memberGroupIds: string[] | null = null;
  return {
    observe(event) {
      if (event.type === 'settings-changed') {
        boards.clear();
      } else if (event.type === 'portal-clock') {
        for (const [groupId, snapshot] of boards) boards.set(groupId, { ...snapshot, portalOffsetMs: event.portalOffsetMs });
      } else if (event.type === 'board-delta') {
        if (event.delta.directory) users = null;
        for (const [groupId, snapshot] of boards) {
          const next = applyBoardDelta(snapshot, event.delta);
          if (next) boards.set(groupId, next);
          else boards.delete(groupId);
        }
      }
    },
    async load() {
      const info = await host.getAppInfo();
      if (!info.connection || !info.configured) return null;
      const settings = await host.getSettings();
      if (settings.groupIds.length === 0) return null;
      const snapshots = await Promise.all(
        settings.groupIds.map(async (groupId) => {
          const known = boards.get(groupId);
          if (known) return known;
          const read = await host.getBoard(groupId);
          boards.set(groupId, read);
          return read;
        }),
      );
      if (!users) {
        const directory = await host.getDirectory();
        users = directory.users;
        memberGroupIds = directory.memberGroupIds ?? null;
      }
      const { connectivity, lastSyncAt } = await host.getSyncStatus();
      const first = snapshots[0];
      return {
        settings,
        boards: snapshots.map((snapshot) => ({ groupId: snapshot.groupId, stages: snapshot.stages, tasks: snapshot.cards, history: snapshot.history })),
        users,
        userId: info.connection.userId,
        // The portal's membership, read with the directory; unknown yet, every bound group counts.
        memberGroupIds,
        portalOffsetMs: first?.portalOffsetMs ?? 0,
        utcOffsetMinutes: first?.portalUtcOffsetMinutes ?? settings.calendar.utcOffsetMinutes,
        sync: { connectivity, lastSyncAt },
      };
    },
  };
}
