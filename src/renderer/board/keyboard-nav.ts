/**
 * Roving focus on the board, as a pure rule: which card (or column header) an arrow, Home or End
 * takes the focus to, and which card is a column's one Tab stop.
 */
export interface NavColumn {
  /** Container id. */
  id: string;
  /** Card ids in order; empty for an empty or folded column (arrows skip it). */
  cards: readonly string[];
  /** Index of the card at the top of the column's viewport (0 unless scrolled), for "by position". */
  firstVisible: number;
  /** A focusable header (the fold button) sits above the cards: ArrowUp from the first card goes there. */
  header: boolean;
}

/** Lanes × stages; one lane without swimlanes. Every lane has the same stages in the same order. */
export type NavGrid = readonly (readonly NavColumn[])[];
export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';
export type NavTarget = { column: string; index: number; id: string } | { column: string; header: true };

export const NAV_KEYS: readonly string[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];
export const isNavKey = (key: string): key is NavKey => NAV_KEYS.includes(key);

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max));
const cardAt = (column: NavColumn, index: number): NavTarget => {
  const at = clamp(index, column.cards.length - 1);
  return { column: column.id, index: at, id: column.cards[at]! };
};

function locate(grid: NavGrid, id: string): { lane: number; stage: number } | null {
  for (let lane = 0; lane < grid.length; lane++) {
    const stage = grid[lane]!.findIndex((column) => column.id === id);
    if (stage >= 0) return { lane, stage };
  }
  return null;
}

/** Where `key` takes the focus from card `index` of column `from`; null when it stays. */
export function navTarget(grid: NavGrid, from: { column: string; index: number }, key: NavKey): NavTarget | null {
  const at = locate(grid, from.column);
  if (!at) return null;
  const lane = grid[at.lane]!;
  const column = lane[at.stage]!;
  const last = column.cards.length - 1;
  const index = clamp(from.index, Math.max(0, last));
  switch (key) {
    case 'Home':
      return last >= 0 ? cardAt(column, 0) : null;
    case 'End':
      return last >= 0 ? cardAt(column, last) : null;
    case 'ArrowUp': {
      if (index > 0) return cardAt(column, index - 1);
      // Up from a lane's top continues into the same stage of the lanes above.
      for (let up = at.lane - 1; up >= 0; up--) {
        const above = grid[up]![at.stage]!;
        if (above.cards.length > 0) return cardAt(above, above.cards.length - 1);
      }
      return column.header ? { column: column.id, header: true } : null;
    }
    case 'ArrowDown': {
      if (index < last) return cardAt(column, index + 1);
      for (let down = at.lane + 1; down < grid.length; down++) {
        const below = grid[down]![at.stage]!;
        if (below.cards.length > 0) return cardAt(below, 0);
      }
      return null;
    }
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowLeft' ? -1 : 1;
      // The same row on screen: columns scroll separately, so "by position" is relative to each top.
      const row = index - column.firstVisible;
      for (let stage = at.stage + step; stage >= 0 && stage < lane.length; stage += step) {
        const next = lane[stage]!;
        if (next.cards.length > 0) return cardAt(next, next.firstVisible + row);
      }
      return null;
    }
  }
}

/**
 * The column's one Tab stop: the card it last had focus on; if that card has left the column,
 * the card now at its place (its neighbour); the first card otherwise.
 */
export function tabStop(cards: readonly string[], remembered: { id: string; index: number } | undefined): { id: string; index: number } | null {
  if (cards.length === 0) return null;
  if (remembered) {
    const index = cards.indexOf(remembered.id);
    if (index >= 0) return { id: remembered.id, index };
    const at = clamp(remembered.index, cards.length - 1);
    return { id: cards[at]!, index: at };
  }
  return { id: cards[0]!, index: 0 };
}
