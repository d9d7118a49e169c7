import { describe, expect, it } from 'vitest';
import type { ClientRect, Collision, CollisionDescriptor, DroppableContainer } from '@dnd-kit/core';
import { DragTracker } from '../../../../src/renderer/board/collision';

/** Two columns side by side, each 300 px wide; cards 100 px tall. */
const rect = (left: number, top: number, width: number, height: number): ClientRect => ({ left, top, width, height, right: left + width, bottom: top + height });
const rects = new Map<string, ClientRect>([
  ['colA', rect(0, 0, 300, 800)],
  ['colB', rect(320, 0, 300, 800)],
  ['a1', rect(10, 10, 280, 90)],
  ['b1', rect(330, 10, 280, 90)],
]);
const droppables = [...rects.keys()].map((id) => ({ id, rect: { current: rects.get(id)! } }) as unknown as DroppableContainer);

function detect(tracker: DragTracker, x: number, y: number): Collision[] {
  return tracker.detect({
    active: { id: 'a1' } as never,
    collisionRect: rect(x - 50, y - 20, 100, 40),
    droppableRects: rects as never,
    droppableContainers: droppables,
    pointerCoordinates: { x, y },
  }) as CollisionDescriptor[];
}

describe('DragTracker collisions', () => {
  it('aims at the closest card in the column under the pointer', () => {
    const tracker = new DragTracker({ colA: ['a1'], colB: ['b1'] });
    tracker.begin();
    expect(detect(tracker, 400, 40).map((c) => c.id)).toEqual(['b1']);
  });

  it('right after a move to another column, holds the target until the layout settles', () => {
    const tracker = new DragTracker({ colA: ['a1'], colB: ['b1'] });
    tracker.begin();
    expect(detect(tracker, 400, 40)[0]!.id).toBe('b1');
    tracker.movedToNewContainer();
    // The layout shifted under the pointer: the raw hit would flip back to column A.
    expect(detect(tracker, 100, 40)[0]!.id).toBe('b1');
    tracker.laidOut({ colA: [], colB: ['a1', 'b1'] });
    expect(detect(tracker, 100, 40)[0]!.id).not.toBe('b1');
  });

  it('keeps the last target when the pointer is over nothing', () => {
    const tracker = new DragTracker({ colA: ['a1'], colB: ['b1'] });
    tracker.begin();
    detect(tracker, 400, 40);
    expect(detect(tracker, 2000, 2000)[0]!.id).toBe('b1');
    tracker.begin();
    expect(detect(tracker, 2000, 2000)).toEqual([]);
  });
});
