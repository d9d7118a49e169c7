import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { portalNow, useClock } from '../store/clock-store';
import { buildBoardModel, type BoardModel } from './board-model';

/**
 * The active group's board model. It rebuilds when data, filters or search change, and once a
 * minute only while a time-based filter (overdue, forgotten) is on; never on the 1 s tick.
 */
export function useBoardModel(): BoardModel | null {
  const { snapshot, directory, settings, currentUserId, ranks, filters, search } = useAppStore(
    useShallow((state) => ({
      snapshot: state.activeGroupId ? state.boards[state.activeGroupId] : undefined,
      directory: state.directory,
      settings: state.settings,
      currentUserId: state.appInfo?.connection?.userId ?? null,
      ranks: state.ranks,
      filters: state.filters,
      search: state.search,
    })),
  );
  const timeFiltered = filters.overdue || filters.forgotten;
  const minute = useClock((now) => (timeFiltered ? Math.floor(now / 60_000) : 0));
  return useMemo(() => {
    if (!snapshot || !settings) return null;
    const now = minute > 0 ? minute * 60_000 : portalNow();
    const order = settings.ui.cardOrder[snapshot.groupId] ?? 'board';
    return buildBoardModel({ snapshot, order, directory, settings, currentUserId, ranks, filters, search, now });
  }, [snapshot, directory, settings, currentUserId, ranks, filters, search, minute]);
}
