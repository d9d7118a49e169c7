/**
 * The board as columns of card views: built from the snapshot, directory and settings, then
 * filtered, searched and ordered. Pure, so it is tested without a DOM and memoised by the hook.
 */
import type { BoardSnapshot, Directory } from '../../shared/api';
import type { Stage } from '../../core/domain/model';
import type { Settings, StageRole } from '../../core/domain/settings';
import { createStageMap, roleOfStage } from '../../core/domain/stage-map';
import { compareIds, stagesByGroup } from '../../core/domain/stage-roles';
import type { CardOrder } from '../../core/domain/kinds-and-roles';
import { buildCardView, createCardContext, type CardContext, type CardView } from './card-view';
import { filterCards, type BoardFilters } from './filters';
import { orderByKeys, orderKeys, type Ranks } from './ordering';
import { sumEstimateHours } from '../../core/domain/estimate';
import { groupRoleKey, wipCounts, wipLimit, wipState, type WipCounted, type WipState } from '../../core/domain/wip';

export interface ColumnModel {
  stage: Stage;
  role: StageRole | null;
  cards: CardView[];
  hours: number;
  /** Cards against the column's WIP limit (counted before filters: a filter hides, it does not unload). */
  wip: WipState;
}

export interface BoardModel {
  ctx: CardContext;
  columns: ColumnModel[];
  /** Every card after filters, in column order (the list view sorts these). */
  visible: CardView[];
  /** Every card of the group before filters (filter choices are made from these). */
  all: CardView[];
  total: number;
  /** Sort keys for drop ranks. */
  keys: Map<string, number>;
  /** Every card's group and role before filters, for WIP checks of a drop. */
  wipCards: WipCounted[];
  /** The combined board of all bound groups (columns by role), or null for one group's board. */
  combined: { groupBadges: ReadonlyMap<string, string> } | null;
}

export interface BoardModelInput {
  snapshot: BoardSnapshot;
  /** How each column orders its cards; 'board' keeps the host's order and the user's drops. */
  order?: CardOrder;
  directory: Directory | null;
  settings: Settings;
  currentUserId: string | null;
  ranks: Ranks;
  filters: BoardFilters;
  search: string;
  now: number;
}

/** Newest first; priority (high first) then the oldest first; the longest without an update first. Ties: the newest. */
const byIdDesc = (a: CardView, b: CardView) => compareIds(b.id, a.id);
const CARD_COMPARATORS: Record<Exclude<CardOrder, 'board'>, (a: CardView, b: CardView) => number> = {
  newest: (a, b) => b.task.createdAt - a.task.createdAt || byIdDesc(a, b),
  priority: (a, b) => b.task.priority - a.task.priority || a.task.createdAt - b.task.createdAt || byIdDesc(a, b),
  lu: (a, b) => a.luSince - b.luSince || byIdDesc(a, b),
};

export function columnHours(cards: readonly CardView[]): number {
  return sumEstimateHours(cards.map((card) => card.estimateHours));
}

export function buildBoardModel(input: BoardModelInput): BoardModel {
  const { snapshot } = input;
  const ctx = createCardContext(snapshot, input.directory, input.settings, input.currentUserId);
  const stages = stagesByGroup(snapshot.stages).get(snapshot.groupId) ?? [];
  const map = createStageMap(snapshot.stages, input.settings.stageRoles);
  const keys = orderKeys(snapshot.cards.map((card) => card.id), input.ranks);
  const all = snapshot.cards.map((card) => buildCardView(card, snapshot.history[card.id] ?? [], ctx, input.now));
  const visible = orderByKeys(filterCards(all, input.filters, input.search, ctx, input.now), keys);
  const byStage = new Map<string, CardView[]>(stages.map((stage) => [stage.id, []]));
  const first = stages[0]?.id;
  for (const card of visible) {
    const list = byStage.get(card.stageId) ?? (first ? byStage.get(first) : undefined);
    list?.push(card);
  }
  const compare = input.order && input.order !== 'board' ? CARD_COMPARATORS[input.order] : null;
  const wipCards = all.map((card) => ({ groupId: card.task.groupId, role: card.role }));
  // A group's limit for a role covers all its stages of that role (usually one stage).
  const byGroupRole = wipCounts(wipCards).byGroupRole;
  const columns = stages.map((stage) => {
    const cards = compare ? (byStage.get(stage.id) ?? []).sort(compare) : (byStage.get(stage.id) ?? []);
    const role = roleOfStage(map, snapshot.groupId, stage.id);
    const count = role ? (byGroupRole.get(groupRoleKey(snapshot.groupId, role)) ?? 0) : 0;
    return { stage, role, cards, hours: columnHours(cards), wip: wipState(count, wipLimit(input.settings.wip, role, snapshot.groupId)) };
  });
  return { ctx, columns, visible: columns.flatMap((column) => column.cards), all, total: all.length, keys, wipCards, combined: null };
}

export const CARD_COMPARATOR = (order: CardOrder | undefined) => (order && order !== 'board' ? CARD_COMPARATORS[order] : null);
