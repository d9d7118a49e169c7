/**
 * The wallboard window: a second, read-only window for a wall screen. It opens fullscreen (kiosk)
 * on the chosen display (the first non-primary one by default), keeps the display awake while
 * open, reloads its data after the machine wakes and reloads itself if its renderer dies, so it
 * can be left alone for a day. Electron's pieces are injected: the module is unit-tested with fakes.
 */
import type { PultEvent } from '../shared/api';
import { hardenWebContents, secureWebPreferences, type WebContentsLike } from './security';
import { reloadOnRendererCrash, type RendererGoneDetails } from './renderer-recovery';

export interface DisplayLike {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export interface WallboardWebContents extends WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  on(event: 'render-process-gone', listener: (event: unknown, details: RendererGoneDetails) => void): void;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  reload(): void;
}

export interface WallboardBrowserWindow {
  webContents: WallboardWebContents;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'closed', listener: () => void): void;
  show(): void;
  focus(): void;
  close(): void;
  isDestroyed(): boolean;
}

export interface WallboardWindowOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  fullscreen: boolean;
  kiosk: boolean;
  show: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: ReturnType<typeof secureWebPreferences>;
}

export interface WallboardWindowDeps {
  createWindow(options: WallboardWindowOptions): WallboardBrowserWindow;
  screen: { getAllDisplays(): DisplayLike[]; getPrimaryDisplay(): DisplayLike };
  powerSaveBlocker: { start(type: 'prevent-display-sleep'): number; stop(id: number): void };
  powerMonitor: { on(event: 'resume', listener: () => void): void; removeListener(event: 'resume', listener: () => void): void };
  /** The renderer's address (file:// or the dev server); the wallboard adds `#wallboard`. */
  rendererUrl: string;
  preloadPath: string;
  isTrustedUrl(url: string): boolean;
  openExternal(url: string): void;
  /** The display the user chose (a setting); missing or unplugged falls back to the default. */
  displayId?: number | null;
  /** Kiosk mode (no way out but Alt+F4 / Cmd+Q); on by default. */
  kiosk?: boolean;
  /** Runs after the machine wakes, before the page is told to reload (e.g. the host's syncNow). */
  onResume?(): Promise<void> | void;
  /** Where a dead renderer is logged. */
  log?(level: 'warn' | 'error', message: string, data: Record<string, unknown>): void;
}

export interface WallboardWindowHandle {
  window: WallboardBrowserWindow;
  display: DisplayLike;
  isOpen(): boolean;
  close(): void;
}

/** The chosen display when it is connected, else the first non-primary one, else the primary. */
export function chooseDisplay(displays: readonly DisplayLike[], primary: DisplayLike, preferredId?: number | null): DisplayLike {
  const preferred = preferredId == null ? undefined : displays.find((display) => display.id === preferredId);
  return preferred ?? displays.find((display) => display.id !== primary.id) ?? primary;
}

/** The renderer's address with the wallboard route (any other fragment replaced). */
export function wallboardUrl(rendererUrl: string): string {
  return `${rendererUrl.replace(/#.*$/, '')}#wallboard`;
}

/** After a sleep the page reads everything again: what it holds may be hours old. */
const READ_AGAIN: PultEvent = { type: 'board-delta', delta: { reset: true, groups: [], taskIds: [], directory: true, queued: null } };

export function openWallboardWindow(deps: WallboardWindowDeps): WallboardWindowHandle {
  const display = chooseDisplay(deps.screen.getAllDisplays(), deps.screen.getPrimaryDisplay(), deps.displayId);
  const kiosk = deps.kiosk ?? true;
  const window = deps.createWindow({
    ...display.bounds,
    fullscreen: true,
    kiosk,
    show: false,
    title: 'Pult',
    backgroundColor: '#0a0e15',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(deps.preloadPath),
  });
  let open = true;
  hardenWebContents(window.webContents, deps.isTrustedUrl, deps.openExternal);
  const blocker = deps.powerSaveBlocker.start('prevent-display-sleep');

  const onResume = () => {
    void (async () => {
      try {
        await deps.onResume?.();
      } catch {
        // The page keeps its last data and refetches on its own schedule.
      }
      if (open && !window.isDestroyed()) window.webContents.send('pult:event', JSON.stringify(READ_AGAIN));
    })();
  };
  deps.powerMonitor.on('resume', onResume);
  // A wall screen has nobody to press reload: a crashed renderer comes back by itself (a few
  // times; a page that keeps dying is left as it is, and logged).
  reloadOnRendererCrash(window, { name: 'wallboard', log: deps.log ?? (() => undefined) });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    open = false;
    deps.powerSaveBlocker.stop(blocker);
    deps.powerMonitor.removeListener('resume', onResume);
  });
  void window.loadURL(wallboardUrl(deps.rendererUrl));

  return {
    window,
    display,
    isOpen: () => open,
    close: () => {
      if (open && !window.isDestroyed()) window.close();
    },
  };
}

/**
 * One wallboard window at most: opening again focuses the open one, or (`moveIfOpen`, a new
 * screen chosen) reopens it on the screen that choice now resolves to.
 */
export function createWallboardWindowManager(deps: WallboardWindowDeps) {
  let current: WallboardWindowHandle | null = null;
  return {
    open(overrides: Partial<Pick<WallboardWindowDeps, 'displayId' | 'kiosk'>> = {}, moveIfOpen = false): WallboardWindowHandle | null {
      if (current?.isOpen()) {
        const target = chooseDisplay(deps.screen.getAllDisplays(), deps.screen.getPrimaryDisplay(), overrides.displayId ?? deps.displayId);
        if (!moveIfOpen || target.id === current.display.id) {
          current.window.focus();
          return current;
        }
        current.close();
      } else if (moveIfOpen) {
        // Choosing a screen does not open a wallboard that is not open.
        return null;
      }
      current = openWallboardWindow({ ...deps, ...overrides });
      return current;
    },
    close(): void {
      current?.close();
      current = null;
    },
    isOpen: () => current?.isOpen() ?? false,
  };
}
