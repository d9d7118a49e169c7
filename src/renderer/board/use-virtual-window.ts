import { useEffect, useState, type RefObject } from 'react';
import { windowRange, type WindowRange } from './virtual-window';

const OVERSCAN = 4;

/**
 * Tracks which rows of a scrollable, fixed-row-height list are on screen. It re-renders its
 * owner only when the window's first or last row changes, not on every scrolled pixel.
 */
export function useVirtualWindow(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, enabled = true): WindowRange {
  const [viewport, setViewport] = useState({ top: 0, height: 800 });
  useEffect(() => {
    const element = ref.current;
    if (!element || !enabled) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setViewport((previous) => {
        const next = { top: element.scrollTop, height: element.clientHeight };
        const a = windowRange(previous.top, previous.height, count, rowHeight, OVERSCAN);
        const b = windowRange(next.top, next.height, count, rowHeight, OVERSCAN);
        // Rows already rendered cover what is on screen: no second render (the first measure, a
        // column a little shorter than assumed, would otherwise render every column twice).
        return b.start >= a.start && b.end <= a.end && next.top === previous.top ? previous : next;
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    element.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref, count, rowHeight, enabled]);
  if (!enabled) return { start: 0, end: count, totalHeight: count * rowHeight };
  return windowRange(viewport.top, viewport.height, count, rowHeight, OVERSCAN);
}
