/**
 * Windowing math for columns and the list: which rows of a fixed-height list are on screen
 * (plus an overscan either side), so a 5,000-card column renders a few dozen cards.
 */
export interface WindowRange {
  start: number;
  /** Exclusive. */
  end: number;
  totalHeight: number;
}

export function windowRange(scrollTop: number, viewportHeight: number, count: number, rowHeight: number, overscan: number): WindowRange {
  const totalHeight = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, totalHeight };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, totalHeight - viewportHeight)));
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + visible + overscan), totalHeight };
}

/** The indices to render: the window, plus pinned rows outside it (the dragged card, the Tab stop). */
export function renderedIndices(range: WindowRange, ...pinned: number[]): number[] {
  const outside = [...new Set(pinned)].filter((index) => index >= 0 && (index < range.start || index >= range.end)).sort((a, b) => a - b);
  const indices = outside.filter((index) => index < range.start);
  for (let i = range.start; i < range.end; i++) indices.push(i);
  indices.push(...outside.filter((index) => index >= range.end));
  return indices;
}
