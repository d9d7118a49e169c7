/**
 * WIP rules: the limit a column has (a group's own limit for the role wins over the team-wide
 * one), how full a column is, and what a drop would do to the limits it touches. Pure: the board,
 * the wallboard and their tests share them.
 */
import type { StageRole } from './kinds-and-roles';
import type { WipMode, WipSettings } from './wip-settings';

export interface WipCounted {
  groupId: string;
  /** The card's stage role; null (an unknown stage) counts nowhere. */
  role: StageRole | null;
}

export interface WipState {
  count: number;
  limit: number | null;
  /** More cards than the limit allows. */
  over: boolean;
  /** Exactly at the limit: the next card would be over. */
  full: boolean;
}

/**
 * The limit of a group's column of `role`: the group's own when it set one, else the team-wide
 * one. Without a group (the combined board's role column) only the team-wide limit applies.
 */
export function wipLimit(wip: WipSettings, role: StageRole | null, groupId: string | null = null): number | null {
  if (!role) return null;
  const own = groupId === null ? undefined : wip.groups[groupId]?.[role];
  return own ?? wip.roles[role] ?? null;
}

export function wipState(count: number, limit: number | null): WipState {
  return { count, limit, over: limit !== null && count > limit, full: limit !== null && count === limit };
}

/** Cards per role across all groups, and per group and role (`groupId:role`). */
export function wipCounts(cards: readonly WipCounted[]): { byRole: Map<StageRole, number>; byGroupRole: Map<string, number> } {
  const byRole = new Map<StageRole, number>();
  const byGroupRole = new Map<string, number>();
  for (const card of cards) {
    if (!card.role) continue;
    byRole.set(card.role, (byRole.get(card.role) ?? 0) + 1);
    const key = groupRoleKey(card.groupId, card.role);
    byGroupRole.set(key, (byGroupRole.get(key) ?? 0) + 1);
  }
  return { byRole, byGroupRole };
}

export const groupRoleKey = (groupId: string, role: StageRole) => `${groupId}:${role}`;

export interface WipBreach {
  /** `role`: the team-wide limit on the combined board; `group`: the group's limit for the role. */
  scope: 'role' | 'group';
  role: StageRole;
  groupId: string | null;
  limit: number;
  /** Cards there after the drop. */
  after: number;
}

export type WipVerdict = { action: 'move' } | { action: 'warn' | 'refuse'; breaches: WipBreach[] };

export interface WipDrop {
  wip: WipSettings;
  /** Every card of the board before the drop (not only those filters show). */
  cards: readonly WipCounted[];
  /** The dragged card where it is now. */
  from: WipCounted;
  /** Its group and the role of the column it was dropped into. */
  to: { groupId: string; role: StageRole };
  /** The combined board checks the team-wide role total too; a group's board checks its column. */
  combined: boolean;
}

/**
 * What a drop does to the limits: a move within the same role changes no count; otherwise each
 * limit the target has (the group's column, and on the combined board the role's total) is
 * checked with the card added. Over any: a warning, or a refusal in `strict` mode. A column that
 * is already over its limit still takes no more cards in strict mode.
 */
export function checkWipDrop(drop: WipDrop): WipVerdict {
  const { wip, from, to } = drop;
  // A move within the group's own role (a reorder, or another stage of the same role) changes no count.
  if (from.role === to.role && from.groupId === to.groupId) return { action: 'move' };
  const counts = wipCounts(drop.cards);
  const breaches: WipBreach[] = [];
  const groupLimit = wipLimit(wip, to.role, to.groupId);
  const groupAfter = (counts.byGroupRole.get(groupRoleKey(to.groupId, to.role)) ?? 0) + 1;
  // On the combined board a group without a limit of its own is bounded by the role total only.
  const ownLimit = drop.combined ? (wip.groups[to.groupId]?.[to.role] ?? null) : groupLimit;
  if (ownLimit !== null && groupAfter > ownLimit) breaches.push({ scope: 'group', role: to.role, groupId: to.groupId, limit: ownLimit, after: groupAfter });
  const roleLimit = wip.roles[to.role];
  if (drop.combined && roleLimit !== null) {
    const roleAfter = (counts.byRole.get(to.role) ?? 0) + 1;
    if (roleAfter > roleLimit) breaches.push({ scope: 'role', role: to.role, groupId: null, limit: roleLimit, after: roleAfter });
  }
  if (breaches.length === 0) return { action: 'move' };
  return { action: refuses(wip.mode) ? 'refuse' : 'warn', breaches };
}

const refuses = (mode: WipMode) => mode === 'strict';
