import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { consoleRevealer, DEFAULT_STATE, fitToDisplays, readWindowState, trackWindowState, type Bounds } from '../../../src/main/window-state';

const tempFile = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-window-')), 'window-state.json');
const screenArea: Bounds = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  it('starts from defaults without a file or with a broken one', () => {
    expect(readWindowState(tempFile())).toEqual(DEFAULT_STATE);
    const broken = tempFile();
    writeFileSync(broken, '{"bounds":{"x":"a"}');
    expect(readWindowState(broken)).toEqual(DEFAULT_STATE);
  });

  it('saves after moves and on close, and reads back what it saved', () => {
    vi.useFakeTimers();
    try {
      const file = tempFile();
      const listeners = new Map<string, () => void>();
      let bounds: Bounds = { x: 10, y: 20, width: 1000, height: 700 };
      const window = { getNormalBounds: () => bounds, isMaximized: () => false, on: (event: string, listener: () => void) => void listeners.set(event, listener) };
      trackWindowState(window, file, 500);
      bounds = { x: 300, y: 200, width: 1100, height: 750 };
      listeners.get('move')!();
      vi.advanceTimersByTime(499);
      expect(readWindowState(file)).toEqual(DEFAULT_STATE);
      vi.advanceTimersByTime(1);
      expect(readWindowState(file)).toEqual({ bounds, maximized: false });
      bounds = { ...bounds, x: 400 };
      listeners.get('close')!();
      expect(readWindowState(file).bounds.x).toBe(400);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a window that is on a display, and brings back one whose monitor is gone', () => {
    expect(fitToDisplays({ x: 100, y: 100, width: 1200, height: 800 }, [screenArea])).toEqual({ x: 100, y: 100, width: 1200, height: 800 });
    const back = fitToDisplays({ x: 3000, y: 100, width: 1200, height: 800 }, [screenArea]);
    expect(back.x).toBeGreaterThanOrEqual(0);
    expect(back.x + back.width).toBeLessThanOrEqual(1920);
    expect(fitToDisplays({ x: 10, y: 10, width: 100, height: 100 }, [screenArea])).toMatchObject({ width: 800, height: 520 });
  });
});

describe('console reveal', () => {
  it('a console saved maximized is not maximized (hence shown) until it is revealed, then once', () => {
    const calls: string[] = [];
    const reveal = consoleRevealer({ maximize: () => calls.push('maximize'), show: () => calls.push('show') }, true);
    expect(calls).toEqual([]);
    reveal();
    expect(calls).toEqual(['maximize', 'show']);
    reveal();
    expect(calls).toEqual(['maximize', 'show', 'show']);
  });

  it('a console saved normal is only shown', () => {
    const calls: string[] = [];
    consoleRevealer({ maximize: () => calls.push('maximize'), show: () => calls.push('show') }, false)();
    expect(calls).toEqual(['show']);
  });
});
