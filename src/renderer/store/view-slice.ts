/** How the agent looks at the board: filters, search, swimlanes, list sort, folded columns. */
import { NO_FILTERS, type BoardFilters } from '../board/filters';
import { nextSort, type ListColumn, type ListSort } from '../board/sorting';
import type { SwimlaneMode } from '../board/swimlanes';
import type { SliceCreator } from './app-state';

export interface ViewSlice {
  filters: BoardFilters;
  search: string;
  swimlanes: SwimlaneMode;
  listSort: ListSort;
  /** Columns the user folded or unfolded; unset columns follow the default (done folded). */
  columnFolded: Record<string, boolean>;
  setFilter<K extends keyof BoardFilters>(key: K, value: BoardFilters[K]): void;
  resetFilters(): void;
  setSearch(search: string): void;
  setSwimlanes(mode: SwimlaneMode): void;
  sortListBy(column: ListColumn): void;
  setColumnFolded(stageId: string, folded: boolean): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  filters: NO_FILTERS,
  search: '',
  swimlanes: 'none',
  listSort: { column: 'id', direction: 'desc' },
  columnFolded: {},
  setFilter: (key, value) => set((state) => ({ filters: { ...state.filters, [key]: value } })),
  resetFilters: () => set({ filters: NO_FILTERS, search: '' }),
  setSearch: (search) => set({ search }),
  setSwimlanes: (swimlanes) => set({ swimlanes }),
  sortListBy: (column) => set((state) => ({ listSort: nextSort(state.listSort, column) })),
  setColumnFolded: (stageId, folded) => set((state) => ({ columnFolded: { ...state.columnFolded, [stageId]: folded } })),
});

/** The done column starts folded: finished work is rarely what an agent looks for. */
export function isColumnFolded(columnFolded: Readonly<Record<string, boolean>>, stageId: string, role: string | null): boolean {
  return columnFolded[stageId] ?? role === 'done';
}
