/**
 * Boards from the one store, for the overlays (drawer, palette): a board not held yet is read
 * into the store, page by page, and kept current by the host's deltas like the active one.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BoardSnapshot } from '../../shared/api';
import { appStore, useAppStore } from './index';

export function useStoreBoards(groupIds: readonly string[]): (BoardSnapshot | null)[] {
  const boards = useAppStore(useShallow((state) => groupIds.map((groupId) => state.boards[groupId] ?? null)));
  const missing = groupIds.filter((_, index) => boards[index] === null).join(',');
  useEffect(() => {
    for (const groupId of missing ? missing.split(',') : []) appStore.getState().ensureBoard(groupId);
  }, [missing]);
  return boards;
}

export function useStoreBoard(groupId: string): BoardSnapshot | null {
  return useStoreBoards([groupId])[0] ?? null;
}
