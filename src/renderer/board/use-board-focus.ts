/**
 * The board's roving focus: builds the navigation grid from the current containers, moves focus
 * (scrolling a virtualised column to a card it has not rendered), and puts focus back on the card
 * or its neighbour when a live update re-renders the board under it.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { BoardKeys } from './board-focus';
import { RovingFocus } from './board-focus';
import { CARD_ROW } from './Card';
import type { Containers } from './drop-intent';
import { navTarget, type NavGrid, type NavTarget } from './keyboard-nav';
import { containerId, type BoardLayoutModel } from './layout';

interface Input {
  layout: BoardLayoutModel;
  containers: Containers;
  stageIds: readonly string[];
  isFolded: (stageId: string) => boolean;
  dragging: boolean;
}

const columnNode = (container: string) => document.querySelector<HTMLElement>(`[data-container-id="${CSS.escape(container)}"]`);
const cardNode = (container: string, id: string) => columnNode(container)?.querySelector<HTMLElement>(`[data-task-id="${CSS.escape(id)}"]`) ?? null;

function gridOf({ layout, containers, stageIds, isFolded }: Input): NavGrid {
  const rows = layout.lanes ? layout.lanes.map((lane) => stageIds.map((stage) => lane.containerOf.get(stage) ?? '')) : [stageIds.map((stage) => containerId(stage))];
  return rows.map((row) =>
    row.map((id, i) => {
      const folded = isFolded(stageIds[i]!);
      const scroller = layout.lanes ? null : columnNode(id)?.querySelector('.column__scroll');
      return { id, cards: folded ? [] : (containers[id] ?? []), firstVisible: scroller ? Math.round(scroller.scrollTop / CARD_ROW) : 0, header: !layout.lanes && !folded };
    }),
  );
}

/** Renders the card first (a virtualised column pins its Tab stop), then focuses and scrolls to it. */
function focusCard(focus: RovingFocus, container: string, id: string, index: number): void {
  flushSync(() => focus.remember(container, id, index));
  const node = cardNode(container, id);
  node?.focus({ preventScroll: true });
  node?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

export function useBoardFocus(input: Input): { keys: BoardKeys; dropped: () => void } {
  const [focus] = useState(() => new RovingFocus());
  // Key handlers read the latest containers without re-creating (and re-rendering every card).
  const latest = useRef(input);
  useLayoutEffect(() => {
    latest.current = input;
  });
  // A keyboard drop: dnd-kit puts focus back on the moved card itself; do not race it.
  const droppedAt = useRef<number | null>(null);

  const keys = useMemo<BoardKeys>(() => {
    const go = (target: NavTarget | null) => {
      if (!target) return;
      if ('header' in target) columnNode(target.column)?.querySelector<HTMLElement>('.column__fold')?.focus();
      else focusCard(focus, target.column, target.id, target.index);
    };
    return {
      focus,
      onCardKey(container, id, key) {
        const index = latest.current.containers[container]?.indexOf(id) ?? -1;
        if (index >= 0) go(navTarget(gridOf(latest.current), { column: container, index }, key));
      },
      onCardFocus(container, id, node) {
        droppedAt.current = null;
        const index = latest.current.containers[container]?.indexOf(id) ?? -1;
        if (index < 0) return;
        focus.remember(container, id, index);
        focus.setLast({ container, id, index, node });
      },
      focusStop(container) {
        const ids = latest.current.containers[container] ?? [];
        const spot = focus.spotOf(container);
        const index = spot ? Math.max(0, ids.indexOf(spot.id)) : 0;
        if (ids[index]) focusCard(focus, container, ids[index], index);
      },
    };
  }, [focus]);

  useEffect(() => {
    // Focus or a click elsewhere: the board no longer owns the focus and must not take it back.
    const release = (event: Event) => {
      if (!(event.target instanceof Element) || !event.target.closest('[data-task-id]')) focus.setLast(null);
    };
    document.addEventListener('focusin', release);
    document.addEventListener('pointerdown', release);
    return () => {
      document.removeEventListener('focusin', release);
      document.removeEventListener('pointerdown', release);
    };
  }, [focus]);

  // After every board render (a live delta, a re-sort): was the focused card re-rendered away?
  useLayoutEffect(() => {
    const last = focus.last;
    if (!last || input.dragging || document.activeElement === last.node) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    if (droppedAt.current !== null && performance.now() - droppedAt.current < 1000) return;
    const ids = input.containers[last.container] ?? [];
    const here = ids.indexOf(last.id);
    if (here >= 0) {
      cardNode(last.container, last.id)?.focus({ preventScroll: true });
      return;
    }
    // It left the column: its neighbour is the column's Tab stop now (already rendered).
    if (ids.length > 0) {
      const at = Math.min(last.index, ids.length - 1);
      cardNode(last.container, ids[at]!)?.focus({ preventScroll: true });
      return;
    }
    // The column is empty now: the nearest card in a neighbouring column (after this commit).
    const grid = gridOf(input);
    const target = navTarget(grid, { column: last.container, index: last.index }, 'ArrowLeft') ?? navTarget(grid, { column: last.container, index: last.index }, 'ArrowRight');
    if (!target || 'header' in target) return;
    requestAnimationFrame(() => {
      if (focus.last === last) focusCard(focus, target.column, target.id, target.index);
    });
  });

  const dropped = useCallback(() => {
    droppedAt.current = performance.now();
  }, []);
  return { keys, dropped };
}
