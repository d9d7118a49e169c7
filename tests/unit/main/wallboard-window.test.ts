import { describe, expect, it, vi } from 'vitest';
import {
  chooseDisplay,
  createWallboardWindowManager,
  openWallboardWindow,
  wallboardUrl,
  type DisplayLike,
  type WallboardBrowserWindow,
  type WallboardWindowDeps,
  type WallboardWindowOptions,
} from '../../../src/main/wallboard-window';

const primary: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const tv: DisplayLike = { id: 2, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
const side: DisplayLike = { id: 3, bounds: { x: -1280, y: 0, width: 1280, height: 1024 } };

/** Stand-ins for BrowserWindow, screen, powerSaveBlocker and powerMonitor: real Electron cannot run here. */
function fakeElectron(displays: DisplayLike[] = [primary, tv]) {
  const windows: (WallboardBrowserWindow & { options: WallboardWindowOptions; emit(event: string): void; loaded: string[]; sent: unknown[][]; reloads: number; destroyed: boolean })[] = [];
  const resumeListeners = new Set<() => void>();
  const blockers = new Set<number>();
  let nextBlocker = 1;
  const deps: WallboardWindowDeps = {
    createWindow(options) {
      const listeners = new Map<string, (() => void)[]>();
      const contentsListeners = new Map<string, ((...args: unknown[]) => void)[]>();
      const window = {
        options,
        loaded: [] as string[],
        sent: [] as unknown[][],
        reloads: 0,
        destroyed: false,
        webContents: {
          setWindowOpenHandler: vi.fn(),
          on: (event: string, listener: (...args: unknown[]) => void) => void contentsListeners.set(event, [...(contentsListeners.get(event) ?? []), listener]),
          send: (...args: unknown[]) => void window.sent.push(args),
          reload: () => void (window.reloads += 1),
          emit: (event: string, ...args: unknown[]) => contentsListeners.get(event)?.forEach((listener) => listener({}, ...args)),
        },
        loadURL: async (url: string) => void window.loaded.push(url),
        once: (event: string, listener: () => void) => void listeners.set(event, [...(listeners.get(event) ?? []), listener]),
        on: (event: string, listener: () => void) => void listeners.set(event, [...(listeners.get(event) ?? []), listener]),
        show: vi.fn(),
        focus: vi.fn(),
        close: () => {
          window.destroyed = true;
          window.emit('closed');
        },
        isDestroyed: () => window.destroyed,
        emit: (event: string) => listeners.get(event)?.forEach((listener) => listener()),
      };
      windows.push(window as never);
      return window as never;
    },
    screen: { getAllDisplays: () => displays, getPrimaryDisplay: () => primary },
    powerSaveBlocker: {
      start: () => {
        blockers.add(nextBlocker);
        return nextBlocker++;
      },
      stop: (id) => void blockers.delete(id),
    },
    powerMonitor: { on: (_event, listener) => void resumeListeners.add(listener), removeListener: (_event, listener) => void resumeListeners.delete(listener) },
    rendererUrl: 'file:///opt/pult/out/renderer/index.html',
    preloadPath: '/opt/pult/out/preload/index.cjs',
    isTrustedUrl: (url) => url.startsWith('file:///opt/pult/out/renderer/index.html'),
    openExternal: vi.fn(),
  };
  return { deps, windows, blockers, resume: () => resumeListeners.forEach((listener) => listener()), resumeListeners };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('wallboard display choice', () => {
  it('prefers the chosen display, then the first non-primary one, then the primary', () => {
    expect(chooseDisplay([primary, tv, side], primary, 3)).toBe(side);
    expect(chooseDisplay([primary, tv, side], primary, 99)).toBe(tv);
    expect(chooseDisplay([primary, tv], primary)).toBe(tv);
    expect(chooseDisplay([primary], primary, null)).toBe(primary);
  });

  it('routes the renderer to the wallboard', () => {
    expect(wallboardUrl('file:///opt/pult/out/renderer/index.html')).toBe('file:///opt/pult/out/renderer/index.html#wallboard');
    expect(wallboardUrl('http://localhost:5173/#board')).toBe('http://localhost:5173/#wallboard');
  });
});

describe('openWallboardWindow', () => {
  it('opens a secure fullscreen kiosk window on the TV, loading #wallboard', () => {
    const electron = fakeElectron();
    const handle = openWallboardWindow(electron.deps);
    const [window] = electron.windows;
    expect(handle.display).toBe(tv);
    expect(window!.options).toMatchObject({ ...tv.bounds, fullscreen: true, kiosk: true, show: false });
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: electron.deps.preloadPath });
    expect(window!.loaded).toEqual(['file:///opt/pult/out/renderer/index.html#wallboard']);
    expect(window!.webContents.setWindowOpenHandler).toHaveBeenCalled();
    window!.emit('ready-to-show');
    expect(window!.show).toHaveBeenCalled();
  });

  it('keeps the display awake while open and lets it sleep once closed', () => {
    const electron = fakeElectron();
    const handle = openWallboardWindow(electron.deps);
    expect(electron.blockers.size).toBe(1);
    handle.close();
    expect(electron.blockers.size).toBe(0);
    expect(electron.resumeListeners.size).toBe(0);
    expect(handle.isOpen()).toBe(false);
  });

  it('syncs and tells the page to reload its data after the machine wakes', async () => {
    const electron = fakeElectron();
    const onResume = vi.fn(async () => undefined);
    openWallboardWindow({ ...electron.deps, onResume });
    electron.resume();
    await settle();
    expect(onResume).toHaveBeenCalledTimes(1);
    expect(electron.windows[0]!.sent).toEqual([['pult:event', JSON.stringify({ type: 'board-delta', delta: { reset: true, groups: [], taskIds: [], directory: true, queued: null } })]]);
  });

  it('still reloads the page when the sync after wake-up fails', async () => {
    const electron = fakeElectron();
    openWallboardWindow({ ...electron.deps, onResume: async () => Promise.reject(new Error('portal down')) });
    electron.resume();
    await settle();
    expect(electron.windows[0]!.sent).toHaveLength(1);
  });

  it('reloads a renderer that died, so the wall screen comes back by itself; a page that keeps dying is left and logged', () => {
    const electron = fakeElectron();
    const log = vi.fn();
    openWallboardWindow({ ...electron.deps, log });
    const contents = electron.windows[0]!.webContents as unknown as { emit(event: string, details: unknown): void };
    contents.emit('render-process-gone', { reason: 'crashed', exitCode: 11 });
    expect(electron.windows[0]!.reloads).toBe(1);
    expect(log).toHaveBeenCalledWith('warn', expect.stringMatching(/reloading/), { window: 'wallboard', reason: 'crashed', exitCode: 11 });
    for (let i = 0; i < 5; i++) contents.emit('render-process-gone', { reason: 'oom', exitCode: 0 });
    expect(electron.windows[0]!.reloads).toBe(3);
    expect(log).toHaveBeenLastCalledWith('error', expect.stringMatching(/keeps dying/), { window: 'wallboard', reason: 'oom', exitCode: 0 });
  });

  it('can open windowed (no kiosk) on a chosen display', () => {
    const electron = fakeElectron([primary, tv, side]);
    openWallboardWindow({ ...electron.deps, displayId: 3, kiosk: false });
    expect(electron.windows[0]!.options).toMatchObject({ ...side.bounds, kiosk: false });
  });
});

describe('wallboard window manager', () => {
  it('keeps one wallboard window: opening again focuses it, after closing it opens anew', () => {
    const electron = fakeElectron();
    const manager = createWallboardWindowManager(electron.deps);
    const first = manager.open()!;
    expect(manager.open()).toBe(first);
    expect(electron.windows).toHaveLength(1);
    expect(first.window.focus).toHaveBeenCalled();
    manager.close();
    expect(manager.isOpen()).toBe(false);
    manager.open();
    expect(electron.windows).toHaveLength(2);
  });

  it('a screen chosen in the tray moves an open wallboard there; a closed one stays closed', () => {
    const electron = fakeElectron([primary, tv, side]);
    const manager = createWallboardWindowManager(electron.deps);
    expect(manager.open({ displayId: 3 }, true)).toBeNull();
    expect(electron.windows).toHaveLength(0);
    const onTv = manager.open({ displayId: null })!;
    expect(onTv.display).toBe(tv);
    expect(manager.open({ displayId: 2 }, true)).toBe(onTv);
    const onSide = manager.open({ displayId: 3 }, true)!;
    expect(onSide.display).toBe(side);
    expect(electron.windows[1]!.options).toMatchObject(side.bounds);
    expect(onTv.isOpen()).toBe(false);
    expect(electron.blockers.size).toBe(1);
  });
});
