import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useI18n } from '../i18n/context';
import type { BoardSnapshot } from '../../shared/api';
import { useAppStore } from '../store';
import { useStoreBoards } from '../store/use-boards';
import { portalNow, useClock } from '../store/clock-store';
import { buildBoardModel, type BoardModel } from './board-model';
import { ALL_GROUPS, ALL_GROUPS_ORDER_KEY, buildCombinedModel } from './combined-model';

const NONE: readonly string[] = [];

/**
 * The active board's model: one group's, or the combined board of all bound groups. It rebuilds
 * when data, filters or search change, and once a minute only while a time-based filter (overdue,
 * forgotten) is on; never on the 1 s tick.
 */
export function useBoardModel(): BoardModel | null {
  const { t } = useI18n();
  const { snapshot, directory, settings, currentUserId, ranks, filters, search, groups } = useAppStore(
    useShallow((state) => ({
      snapshot: state.activeGroupId && state.activeGroupId !== ALL_GROUPS ? state.boards[state.activeGroupId] : undefined,
      directory: state.directory,
      settings: state.settings,
      currentUserId: state.appInfo?.connection?.userId ?? null,
      ranks: state.ranks,
      filters: state.filters,
      search: state.search,
      groups: state.groups,
    })),
  );
  const combined = useAppStore((state) => state.activeGroupId === ALL_GROUPS);
  // Every bound group's board, read into the store when not held (a group bound meanwhile too);
  // the combined board shows those that have come, the rest join as they arrive.
  const held = useStoreBoards(combined ? (settings?.groupIds ?? NONE) : NONE);
  const snapshots = useMemo(() => held.filter((board): board is BoardSnapshot => board !== null), [held]);
  const timeFiltered = filters.overdue || filters.forgotten;
  const minute = useClock((now) => (timeFiltered ? Math.floor(now / 60_000) : 0));
  return useMemo(() => {
    if (!settings) return null;
    const now = minute > 0 ? minute * 60_000 : portalNow();
    if (combined) {
      if (snapshots.length === 0) return null;
      const order = settings.ui.cardOrder[ALL_GROUPS_ORDER_KEY] ?? 'board';
      const groupNames = new Map(groups.map((group) => [group.id, group.name]));
      return buildCombinedModel({ snapshots, groupNames, roleTitle: (role) => t(`allBoard.role.${role}`), order, directory, settings, currentUserId, ranks, filters, search, now });
    }
    if (!snapshot) return null;
    const order = settings.ui.cardOrder[snapshot.groupId] ?? 'board';
    return buildBoardModel({ snapshot, order, directory, settings, currentUserId, ranks, filters, search, now });
  }, [combined, snapshots, snapshot, directory, settings, currentUserId, ranks, filters, search, minute, groups, t]);
}
