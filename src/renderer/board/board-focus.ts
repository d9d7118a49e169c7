/**
 * Roving focus state shared by the board's columns and cards: each column's remembered card (its
 * one Tab stop) and the card that last had focus, to put focus back when a re-render drops it.
 */
import { createContext, useCallback, useContext, useSyncExternalStore, type FocusEvent, type KeyboardEvent } from 'react';
import { isNavKey, tabStop, type NavKey } from './keyboard-nav';

export interface Spot {
  id: string;
  index: number;
}

export interface FocusedCard extends Spot {
  container: string;
  node: HTMLElement;
}

export class RovingFocus {
  private readonly spots = new Map<string, Spot>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private focused: FocusedCard | null = null;

  /** The card focused last, while focus is still on the board's cards. */
  get last(): FocusedCard | null {
    return this.focused;
  }

  setLast(card: FocusedCard | null): void {
    this.focused = card;
  }

  spotOf(container: string): Spot | undefined {
    return this.spots.get(container);
  }

  remember(container: string, id: string, index: number): void {
    const previous = this.spots.get(container);
    if (previous?.id === id && previous.index === index) return;
    this.spots.set(container, { id, index });
    this.listeners.get(container)?.forEach((listener) => listener());
  }

  subscribe(container: string, listener: () => void): () => void {
    const set = this.listeners.get(container) ?? new Set();
    set.add(listener);
    this.listeners.set(container, set);
    return () => set.delete(listener);
  }
}

export interface BoardKeys {
  focus: RovingFocus;
  /** An arrow, Home or End on a card. */
  onCardKey(container: string, id: string, key: NavKey): void;
  onCardFocus(container: string, id: string, node: HTMLElement): void;
  /** Focuses the column's Tab stop card (ArrowDown from its header). */
  focusStop(container: string): void;
}

export const BoardKeysContext = createContext<BoardKeys | null>(null);

const noop = () => () => {};

/** The column's Tab stop card, re-rendering the column when its remembered card changes. */
export function useTabStop(container: string, ids: readonly string[]): Spot | null {
  const keys = useContext(BoardKeysContext);
  const subscribe = useCallback((listener: () => void) => keys?.focus.subscribe(container, listener) ?? noop(), [keys, container]);
  const spot = useSyncExternalStore(subscribe, () => keys?.focus.spotOf(container));
  return tabStop(ids, spot);
}

/** A card's part in roving focus: arrows move focus (not while lifted: then they move the card). */
export function useCardKeys(container: string, id: string, lifted: boolean) {
  const keys = useContext(BoardKeysContext);
  return {
    onKeyDown(event: KeyboardEvent<HTMLElement>): boolean {
      if (!keys || lifted || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !isNavKey(event.key)) return false;
      event.preventDefault();
      keys.onCardKey(container, id, event.key);
      return true;
    },
    onFocus(event: FocusEvent<HTMLElement>) {
      if (event.target === event.currentTarget) keys?.onCardFocus(container, id, event.currentTarget);
    },
  };
}
