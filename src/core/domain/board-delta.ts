/**
 * Applies the host's board delta to a board snapshot a window holds: changed cards replaced in
 * place (their order kept), new ones appended, removed ones dropped, their board history replaced.
 * Pure, so the renderer, the wallboard and the tray's alerts apply a change the same way.
 */
import type { BoardDelta, BoardGroupDelta, BoardSnapshot } from '../../shared/api';

export function applyGroupDelta(snapshot: BoardSnapshot, delta: BoardGroupDelta): BoardSnapshot {
  if (delta.cards.length === 0 && delta.removed.length === 0 && !delta.stages && Object.keys(delta.history).length === 0) return snapshot;
  const changed = new Map(delta.cards.map((card) => [card.id, card]));
  const removed = new Set(delta.removed);
  const cards = [];
  for (const card of snapshot.cards) {
    if (removed.has(card.id) && !changed.has(card.id)) continue;
    const next = changed.get(card.id);
    if (next) changed.delete(card.id);
    cards.push(next ?? card);
  }
  cards.push(...changed.values());
  const history = { ...snapshot.history };
  for (const id of removed) delete history[id];
  for (const [id, entries] of Object.entries(delta.history)) {
    if (entries.length) history[id] = entries;
    else delete history[id];
  }
  return { ...snapshot, cards, history, stages: delta.stages ?? snapshot.stages };
}

/** The snapshot after the delta, or null when the delta asks to read the board again. */
export function applyBoardDelta(snapshot: BoardSnapshot, delta: BoardDelta): BoardSnapshot | null {
  if (delta.reset) return null;
  const mine = delta.groups.find((group) => group.groupId === snapshot.groupId);
  return mine ? applyGroupDelta(snapshot, mine) : snapshot;
}

/** Every snapshot with the portal clock's new offset (a quiet poll may bring one without any data change). */
export function withPortalOffset<T extends { portalOffsetMs: number }>(boards: Record<string, T>, portalOffsetMs: number): Record<string, T> {
  return Object.fromEntries(Object.entries(boards).map(([groupId, board]) => [groupId, { ...board, portalOffsetMs }]));
}
