/** The host reads the overlays share; see host-resource.ts for why they are not in the board store. */
import { useSyncExternalStore } from 'react';
import type { AppInfo, BoardSnapshot, Directory, GroupSummary } from '../../shared/api';
import type { Settings } from '../../core/domain/settings';
import { pult } from '../bridge';
import { hostResource, type HostResource } from './host-resource';
import { applyBoardDelta } from '../../core/domain/board-delta';

export const settingsResource = hostResource<Settings>(
  () => pult.getSettings(),
  (event) => (event.type === 'settings-changed' ? event.settings : null),
);

export const appInfoResource = hostResource<AppInfo>(
  () => pult.getAppInfo(),
  (event) => (event.type === 'settings-changed' ? 'reload' : null),
);

export const directoryResource: HostResource<Directory> = hostResource<Directory>(
  () => pult.getDirectory(),
  // Read again when the host says it changed, and after each change until the first sync brought users.
  (event): 'reload' | null => (event.type === 'board-delta' && (event.delta.directory || directoryResource.get().status !== 'ready' || directoryEmpty()) ? 'reload' : null),
);

function directoryEmpty(): boolean {
  const state = directoryResource.get();
  return state.status === 'ready' && state.value.users.length === 0;
}

export const groupsResource = hostResource<GroupSummary[]>(
  () => pult.listGroups(),
  (event) => (event.type === 'settings-changed' ? 'reload' : null),
);

const boards = new Map<string, HostResource<BoardSnapshot>>();

/** A bound group's board (stages, cards, the portal's clock and time zone). */
export function boardResource(groupId: string): HostResource<BoardSnapshot> {
  let resource = boards.get(groupId);
  if (!resource) {
    const board: HostResource<BoardSnapshot> = hostResource(
      () => pult.getBoard(groupId),
      (event) => {
        if (event.type !== 'board-delta') return null;
        const current = board.get();
        if (current.status !== 'ready') return 'reload';
        // Applied where it lands; only a reset reads the board again.
        const next = applyBoardDelta(current.value, event.delta);
        if (next === current.value) return null;
        return next ?? 'reload';
      },
    );
    resource = board;
    boards.set(groupId, resource);
  }
  return resource;
}

interface BoardsStore {
  subscribe(listener: () => void): () => void;
  get(): (BoardSnapshot | null)[];
}

const boardStores = new Map<string, BoardsStore>();

/** One store per set of groups, so the snapshot array stays the same object until a board changes. */
function boardsStore(key: string): BoardsStore {
  const existing = boardStores.get(key);
  if (existing) return existing;
  const resources = key ? key.split(',').map(boardResource) : [];
  let snapshot: (BoardSnapshot | null)[] = [];
  const store: BoardsStore = {
    subscribe(listener) {
      const offs = resources.map((resource) => resource.subscribe(listener));
      return () => offs.forEach((off) => off());
    },
    get() {
      const next = resources.map((resource) => {
        const state = resource.get();
        return state.status === 'ready' ? state.value : null;
      });
      if (next.length !== snapshot.length || next.some((board, index) => board !== snapshot[index])) snapshot = next;
      return snapshot;
    },
  };
  boardStores.set(key, store);
  return store;
}

/** The boards of several groups, null for those still loading; a stable array between changes. */
export function useBoards(groupIds: readonly string[]): (BoardSnapshot | null)[] {
  const store = boardsStore(groupIds.join(','));
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
