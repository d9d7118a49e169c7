import { describe, expect, it } from 'vitest';
import { renderedIndices, windowRange } from '../../../../src/renderer/board/virtual-window';

describe('virtual window', () => {
  it('renders only the rows in view plus the overscan', () => {
    // 5,000 cards of 150 px in a 900 px column scrolled to row 1000.
    const range = windowRange(150_000, 900, 5_000, 150, 4);
    expect(range).toEqual({ start: 996, end: 1_011, totalHeight: 750_000 });
    expect(range.end - range.start).toBeLessThan(20);
  });

  it('clamps at the top and the bottom', () => {
    expect(windowRange(-50, 900, 5_000, 150, 4).start).toBe(0);
    const bottom = windowRange(10 ** 9, 900, 5_000, 150, 4);
    expect(bottom.end).toBe(5_000);
    expect(bottom.start).toBe(5_000 - 6 - 4);
  });

  it('handles empty and short lists', () => {
    expect(windowRange(0, 900, 0, 150, 4)).toEqual({ start: 0, end: 0, totalHeight: 0 });
    expect(windowRange(0, 900, 3, 150, 4)).toEqual({ start: 0, end: 3, totalHeight: 450 });
  });

  it('keeps the dragged card rendered when it is outside the window', () => {
    const range = { start: 10, end: 13, totalHeight: 0 };
    expect(renderedIndices(range, 2)).toEqual([2, 10, 11, 12]);
    expect(renderedIndices(range, 40)).toEqual([10, 11, 12, 40]);
    expect(renderedIndices(range, 11)).toEqual([10, 11, 12]);
    expect(renderedIndices(range, -1)).toEqual([10, 11, 12]);
  });

  it('keeps several pinned rows (the dragged card and the Tab stop) in order, once each', () => {
    const range = { start: 10, end: 13, totalHeight: 0 };
    expect(renderedIndices(range, 40, 2)).toEqual([2, 10, 11, 12, 40]);
    expect(renderedIndices(range, 5, 5, 11, -1)).toEqual([5, 10, 11, 12]);
    expect(renderedIndices(range, 3, 1)).toEqual([1, 3, 10, 11, 12]);
  });
});
