/**
 * Remembers the console window's bounds (and maximised state) across restarts, and puts a window
 * back on a visible display when the monitor it was on is gone.
 */
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from '../node/files/json-file';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { bounds: { x: 80, y: 60, width: 1280, height: 800 }, maximized: false };
const MIN = { width: 800, height: 520 };

// z.number() refuses NaN and ±Infinity; anything but `true` is not maximized.
const stateSchema = z.object({
  bounds: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  maximized: z.unknown().transform((value) => value === true),
});

export function readWindowState(file: string): WindowState {
  return readJsonFile<WindowState>(file, stateSchema, () => DEFAULT_STATE).value;
}

export function writeWindowState(file: string, state: WindowState): void {
  writeJsonFileAtomic(file, state);
}

/** Keeps the window at least partly on one of the displays' work areas, and not tiny. */
export function fitToDisplays(bounds: Bounds, workAreas: readonly Bounds[]): Bounds {
  const width = Math.max(MIN.width, bounds.width);
  const height = Math.max(MIN.height, bounds.height);
  const visible = workAreas.some((area) => bounds.x < area.x + area.width - 100 && bounds.x + width > area.x + 100 && bounds.y >= area.y - 10 && bounds.y < area.y + area.height - 100);
  if (visible) return { ...bounds, width, height };
  const area = workAreas[0] ?? DEFAULT_STATE.bounds;
  return {
    x: area.x + Math.max(0, Math.round((area.width - Math.min(width, area.width)) / 2)),
    y: area.y + Math.max(0, Math.round((area.height - Math.min(height, area.height)) / 2)),
    width: Math.min(width, area.width),
    height: Math.min(height, area.height),
  };
}

/** The parts of BrowserWindow this module touches (fakeable in tests). */
export interface TrackedWindow {
  getNormalBounds(): Bounds;
  isMaximized(): boolean;
  on(event: 'resize' | 'move' | 'close' | 'maximize' | 'unmaximize', listener: () => void): void;
}

/** Saves the state shortly after the user stops moving or resizing, and when the window closes. */
export function trackWindowState(window: TrackedWindow, file: string, debounceMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    writeWindowState(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, later);
  window.on('close', save);
}

/**
 * How the console window comes on screen. `maximize()` also shows a hidden window (Electron's
 * docs), so a console saved maximized is maximized when it is first shown — at start, or later
 * from the tray when it was started hidden at login — never while it waits in the tray.
 */
export function consoleRevealer(window: { maximize(): void; show(): void }, savedMaximized: boolean): () => void {
  let maximizePending = savedMaximized;
  return () => {
    if (!maximizePending) return window.show();
    maximizePending = false;
    window.maximize();
    window.show();
  };
}
