/** Board and list filters: every set filter must match; search matches the id or any text. */
import type { CardKind } from '../../core/domain/settings';
import { forgottenReasons } from '../../core/domain/forgotten';
import { layoutVariants } from '../../core/domain/keyboard-layout';
import type { CardContext, CardView } from './card-view';

export interface BoardFilters {
  kind: CardKind | null;
  responsibleId: string | null;
  companyId: string | null;
  typeId: string | null;
  /** A stopper value, or 'any' for every card with a stopper set. */
  blockerId: string | null;
  overdue: boolean;
  forgotten: boolean;
  mine: boolean;
  /** Cards of the workgroups the user belongs to on the portal (sonet_group.user.groups). */
  myGroups: boolean;
}

export const NO_FILTERS: BoardFilters = {
  kind: null,
  responsibleId: null,
  companyId: null,
  typeId: null,
  blockerId: null,
  overdue: false,
  forgotten: false,
  mine: false,
  myGroups: false,
};

export function activeFilterCount(filters: BoardFilters): number {
  return Object.values(filters).filter((value) => value !== null && value !== false).length;
}

export function isOverdue(card: Pick<CardView, 'deadline' | 'role'>, now: number): boolean {
  return card.deadline !== null && card.deadline < now && card.role !== 'done';
}

/** Membership not read yet (first sync under way): no card is held back. */
export function inMyGroups(card: Pick<CardView, 'task'>, ctx: Pick<CardContext, 'memberGroupIds'>): boolean {
  return ctx.memberGroupIds === null || ctx.memberGroupIds.includes(card.task.groupId);
}

export function isForgotten(card: CardView, ctx: CardContext, now: number): boolean {
  return forgottenReasons(card.task, card.history, ctx.usersById, ctx.stageMap, ctx.settings, now).forgotten;
}

/**
 * "#123", "123" and "12" find task 123 by its number; other words search the text. A query typed
 * in the wrong keyboard layout («yjdfz») finds what it meant («новая»).
 */
export function matchesSearch(card: Pick<CardView, 'id' | 'searchText'>, query: string): boolean {
  return layoutVariants(query).some((variant) => matchesWords(card, variant));
}

function matchesWords(card: Pick<CardView, 'id' | 'searchText'>, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => {
    const number = word.replace(/^#/, '');
    if (/^\d+$/.test(number) && card.id.startsWith(number)) return true;
    return card.searchText.includes(word);
  });
}

export function matchesFilters(card: CardView, filters: BoardFilters, ctx: CardContext, now: number): boolean {
  if (filters.kind && card.kind !== filters.kind) return false;
  if (filters.responsibleId && card.responsibleId !== filters.responsibleId) return false;
  if (filters.companyId && card.companyId !== filters.companyId) return false;
  if (filters.typeId && card.typeId !== filters.typeId) return false;
  if (filters.blockerId === 'any' ? card.blockerId === null : filters.blockerId !== null && card.blockerId !== filters.blockerId) return false;
  if (filters.mine && (ctx.currentUserId === null || card.responsibleId !== ctx.currentUserId)) return false;
  if (filters.myGroups && !inMyGroups(card, ctx)) return false;
  if (filters.overdue && !isOverdue(card, now)) return false;
  if (filters.forgotten && !isForgotten(card, ctx, now)) return false;
  return true;
}

export function filterCards(cards: readonly CardView[], filters: BoardFilters, search: string, ctx: CardContext, now: number): CardView[] {
  return cards.filter((card) => matchesFilters(card, filters, ctx, now) && (search.trim() === '' || matchesSearch(card, search)));
}
