/**
 * Collision detection for cards across columns (dnd-kit's MultipleContainers recipe): the
 * container under the pointer first, then the closest card inside it; keyboard drags (no
 * pointer) fall back to the closest corners.
 */
import { closestCenter, closestCorners, pointerWithin, rectIntersection, type CollisionDetection } from '@dnd-kit/core';
import type { Containers } from './drop-intent';

export function cardCollisions(getContainers: () => Containers): CollisionDetection {
  return (args) => {
    if (!args.pointerCoordinates) return closestCorners(args);
    const containers = getContainers();
    const pointer = pointerWithin(args);
    const hits = pointer.length > 0 ? pointer : rectIntersection(args);
    const first = hits[0];
    if (!first) return [];
    const overId = String(first.id);
    const items = containers[overId];
    if (items && items.length > 0) {
      // Over a column: aim at its closest card, so dropping in the middle inserts there.
      const inner = closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => items.includes(String(c.id))) });
      if (inner.length > 0) return inner;
    }
    return [first];
  };
}
