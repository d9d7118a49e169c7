/**
 * The combined board ("Все заявки"): the snapshots of every bound group, as the store holds and
 * the host's deltas keep them, shown in one column per stage role. Each card keeps its group (a
 * badge names it) and its real stage; only the column it shows in is its role's.
 */
import type { BoardSnapshot } from '../../shared/api';
import type { Stage } from '../../core/domain/model';
import type { StageRole } from '../../core/domain/settings';
import { COMBINED_ROLES } from '../../core/domain/combined-board';
import { compareIds } from '../../core/domain/stage-roles';
import { wipCounts, wipLimit, wipState } from '../../core/domain/wip';
import { CARD_COMPARATOR, columnHours, type BoardModel, type BoardModelInput } from './board-model';
import { buildCardView, createCardContext } from './card-view';
import { filterCards } from './filters';
import { orderByKeys, orderKeys } from './ordering';

/** The board ID the combined board goes by in the store (portal group IDs are numeric). */
export const ALL_GROUPS = 'all';
/** Its card order is kept under its own board ID in `ui.cardOrder`. */
export const ALL_GROUPS_ORDER_KEY = ALL_GROUPS;

const ROLE_COLUMN_PREFIX = 'role:';
export const roleColumnId = (role: StageRole) => `${ROLE_COLUMN_PREFIX}${role}`;
export function roleOfColumn(columnId: string): StageRole | null {
  const role = columnId.startsWith(ROLE_COLUMN_PREFIX) ? columnId.slice(ROLE_COLUMN_PREFIX.length) : '';
  return (COMBINED_ROLES as readonly string[]).includes(role) ? (role as StageRole) : null;
}

/** "Service Desk — 1-я линия" → "1-я линия": the part after the last dash or colon, when there is one. */
export function shortGroupName(name: string): string {
  const parts = name.split(/\s[—–-]\s|:\s/);
  const tail = parts[parts.length - 1]?.trim() ?? '';
  return tail || name.trim();
}

/** One snapshot of all groups: their stages, cards and board history side by side. */
export function mergeSnapshots(snapshots: readonly BoardSnapshot[]): BoardSnapshot {
  const first = snapshots[0];
  return {
    groupId: ALL_GROUPS,
    stages: snapshots.flatMap((snapshot) => snapshot.stages),
    cards: snapshots.flatMap((snapshot) => snapshot.cards),
    history: Object.assign({}, ...snapshots.map((snapshot) => snapshot.history)) as BoardSnapshot['history'],
    portalOffsetMs: first?.portalOffsetMs ?? 0,
    portalUtcOffsetMinutes: first?.portalUtcOffsetMinutes ?? 0,
  };
}

export interface CombinedModelInput extends Omit<BoardModelInput, 'snapshot'> {
  snapshots: readonly BoardSnapshot[];
  groupNames: ReadonlyMap<string, string>;
  roleTitle: (role: StageRole) => string;
}

export function buildCombinedModel(input: CombinedModelInput): BoardModel {
  const merged = mergeSnapshots(input.snapshots);
  // Each host list is by ID: the combined one too, so the groups' cards mix as they came in.
  const snapshot = { ...merged, cards: [...merged.cards].sort((a, b) => compareIds(a.id, b.id)) };
  const ctx = createCardContext(snapshot, input.directory, input.settings, input.currentUserId);
  const groupBadges = new Map(input.snapshots.map((s) => [s.groupId, shortGroupName(input.groupNames.get(s.groupId) ?? `#${s.groupId}`)]));
  ctx.groupBadges = groupBadges;
  const keys = orderKeys(snapshot.cards.map((card) => card.id), input.ranks);
  // The card's column is its role's; its own stage stays in stageTitle and task.stageId.
  const all = snapshot.cards.map((card) => {
    const view = buildCardView(card, snapshot.history[card.id] ?? [], ctx, input.now);
    return { ...view, stageId: roleColumnId(view.role ?? 'new') };
  });
  const visible = orderByKeys(filterCards(all, input.filters, input.search, ctx, input.now), keys);
  const byRole = new Map<string, typeof visible>(COMBINED_ROLES.map((role) => [roleColumnId(role), []]));
  for (const card of visible) byRole.get(card.stageId)?.push(card);
  const compare = CARD_COMPARATOR(input.order);
  const wipCards = all.map((card) => ({ groupId: card.task.groupId, role: card.role }));
  const counts = wipCounts(wipCards).byRole;
  const columns = COMBINED_ROLES.map((role, index) => {
    const stage: Stage = { id: roleColumnId(role), groupId: ALL_GROUPS, title: input.roleTitle(role), sort: index, color: '', systemType: '' };
    const cards = byRole.get(stage.id) ?? [];
    if (compare) cards.sort(compare);
    return { stage, role, cards, hours: columnHours(cards), wip: wipState(counts.get(role) ?? 0, wipLimit(input.settings.wip, role)) };
  });
  return { ctx, columns, visible: columns.flatMap((column) => column.cards), all, total: all.length, keys, wipCards, combined: { groupBadges } };
}
