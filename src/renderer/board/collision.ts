/**
 * Collision detection for cards across columns (dnd-kit's MultipleContainers recipe): the
 * container under the pointer first, then the closest card inside it; keyboard drags (no
 * pointer) fall back to the closest corners.
 *
 * Stabilised as the recipe does: right after a card moved into another column the layout shifts
 * under the pointer, and the raw hit can flip back to the old column, which would move the card
 * back, and so on until React gives up ("Maximum update depth exceeded"). So for the frame after
 * a move, and whenever nothing is hit, the last target stays the target.
 */
import { closestCenter, closestCorners, pointerWithin, rectIntersection, type CollisionDetection, type UniqueIdentifier } from '@dnd-kit/core';
import type { Containers } from './drop-intent';

export interface CollisionMemory {
  lastOverId: UniqueIdentifier | null;
  /** Set when a card just changed column; cleared on the next animation frame. */
  recentlyMovedToNewContainer: boolean;
}

const idSets = new WeakMap<readonly string[], Set<string>>();
function idSet(items: readonly string[]): Set<string> {
  let set = idSets.get(items);
  if (!set) {
    set = new Set(items);
    idSets.set(items, set);
  }
  return set;
}

export function cardCollisions(getContainers: () => Containers, memory: CollisionMemory = { lastOverId: null, recentlyMovedToNewContainer: false }): CollisionDetection {
  return (args) => {
    if (!args.pointerCoordinates) return closestCorners(args);
    if (memory.recentlyMovedToNewContainer && memory.lastOverId !== null) return [{ id: memory.lastOverId }];
    const containers = getContainers();
    const pointer = pointerWithin(args);
    const hits = pointer.length > 0 ? pointer : rectIntersection(args);
    const first = hits[0];
    if (!first) return memory.lastOverId !== null ? [{ id: memory.lastOverId }] : [];
    let overId: UniqueIdentifier = first.id;
    const items = containers[String(overId)];
    if (items && items.length > 0) {
      // Over a column: aim at its closest card, so dropping in the middle inserts there.
      const inColumn = idSet(items);
      const inner = closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => inColumn.has(String(c.id))) });
      if (inner[0]) overId = inner[0].id;
    }
    memory.lastOverId = overId;
    return [{ id: overId }];
  };
}

/** One per board: the collision function for every drag and the memory it keeps between moves. */
export class DragTracker {
  private containers: Containers;
  private readonly memory: CollisionMemory = { lastOverId: null, recentlyMovedToNewContainer: false };
  readonly detect: CollisionDetection;

  constructor(containers: Containers) {
    this.containers = containers;
    this.detect = cardCollisions(() => this.containers, this.memory);
  }

  /** A new drag starts from scratch. */
  begin(): void {
    this.memory.lastOverId = null;
    this.memory.recentlyMovedToNewContainer = false;
  }

  /** The card was moved into another column: hold the target until it is laid out. */
  movedToNewContainer(): void {
    this.memory.recentlyMovedToNewContainer = true;
  }

  /** The containers as rendered now; the layout has settled, so follow the pointer again. */
  laidOut(containers: Containers): void {
    this.containers = containers;
    this.memory.recentlyMovedToNewContainer = false;
  }
}
