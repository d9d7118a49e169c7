/** The list view's sort: by any column, ascending or descending; ties keep the id order. */
import { compareIds } from '../../core/domain/stage-roles';
import type { CardView } from './card-view';
import { timerSeconds } from './timer-band';

export const LIST_COLUMNS = ['id', 'title', 'kind', 'deadline', 'responsible', 'stage', 'lu', 'wia'] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export interface ListSort {
  column: ListColumn;
  direction: SortDirection;
}

const KIND_ORDER = { incident: 0, change: 1, service: 2 } as const;

type Key = number | string | null;

function keyOf(card: CardView, column: ListColumn, now: number, stageOrder: ReadonlyMap<string, number>): Key {
  switch (column) {
    case 'id':
      return null;
    case 'title':
      return card.title.toLocaleLowerCase();
    case 'kind':
      return KIND_ORDER[card.kind];
    case 'deadline':
      return card.deadline;
    case 'responsible':
      return card.responsibleName?.toLocaleLowerCase() ?? null;
    case 'stage':
      return stageOrder.get(card.stageId) ?? null;
    case 'lu':
      return timerSeconds({ since: card.luSince, frozenSeconds: null, threshold: null }, now);
    case 'wia':
      return timerSeconds({ since: card.wiaStartedAt, frozenSeconds: card.wiaFrozenSeconds, threshold: null }, now);
  }
}

/** Empty values go last in both directions: a list sorted by deadline starts with real deadlines. */
export function sortCards(cards: readonly CardView[], sort: ListSort, now: number, stageOrder: ReadonlyMap<string, number> = new Map()): CardView[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = cards.map((card) => ({ card, key: keyOf(card, sort.column, now, stageOrder) }));
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      const order = typeof a.key === 'string' && typeof b.key === 'string' ? a.key.localeCompare(b.key) : Number(a.key) - Number(b.key);
      if (order !== 0) return sign * order;
    }
    return sort.column === 'id' ? sign * compareIds(a.card.id, b.card.id) : compareIds(a.card.id, b.card.id);
  });
  return keyed.map((entry) => entry.card);
}

/** Clicking the sorted column flips it; another column starts ascending (timers: longest first). */
export function nextSort(current: ListSort, column: ListColumn): ListSort {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: column === 'lu' || column === 'wia' ? 'desc' : 'asc' };
}
