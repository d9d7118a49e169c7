/**
 * The list view's sort: by any column, ascending or descending; ties keep the id order. Finished
 * tasks always come after open ones, whatever the column (issue 13): the list is for work to do.
 */
import { compareIds } from '../../core/domain/stage-roles';
import { isTaskDone } from '../../core/domain/task-timeline';
import { LIST_COLUMN_IDS, type ListColumnId } from '../../core/domain/list-columns';
import type { CardContext, CardView } from './card-view';
import { cardHealth } from './card-health';
import { timerSeconds } from './timer-band';

export const LIST_COLUMNS = LIST_COLUMN_IDS;
export type ListColumn = ListColumnId;
export type SortDirection = 'asc' | 'desc';
export interface ListSort {
  column: ListColumn;
  direction: SortDirection;
}

const KIND_ORDER = { incident: 0, change: 1, service: 2 } as const;

type Key = number | string | null;

function keyOf(card: CardView, column: ListColumn, now: number, stageOrder: ReadonlyMap<string, number>, ctx: CardContext | null): Key {
  switch (column) {
    case 'id':
      return null;
    case 'title':
      return card.title.toLocaleLowerCase();
    case 'kind':
      return KIND_ORDER[card.kind];
    case 'client':
      return card.companyName?.toLocaleLowerCase() ?? null;
    case 'deadline':
      return card.deadline;
    case 'sla':
      // The card's own SLA mark: the least time left (most overdue) first.
      return ctx ? (cardHealth(card, ctx, now).slaFocus?.remainingSeconds ?? null) : null;
    case 'estimate':
      return card.estimateHours;
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

/** Finished: status 5 or a done-role stage; without a context, the role the card shows in. */
function isDone(card: CardView, ctx: CardContext | null): boolean {
  return ctx ? isTaskDone(card.task, ctx.stageMap) : card.role === 'done' || card.task.status === 5;
}

/** Empty values go last in both directions: a list sorted by deadline starts with real deadlines. */
export function sortCards(
  cards: readonly CardView[],
  sort: ListSort,
  now: number,
  stageOrder: ReadonlyMap<string, number> = new Map(),
  ctx: CardContext | null = null,
): CardView[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = cards.map((card) => ({ card, done: isDone(card, ctx), key: keyOf(card, sort.column, now, stageOrder, ctx) }));
  keyed.sort((a, b) => {
    if (a.done !== b.done) return a.done ? 1 : -1;
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
