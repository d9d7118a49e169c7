/**
 * Runs electron-updater for Pult: a check shortly after start and then every few hours, an update
 * downloaded in the background and installed on quit, or at once on "Restart to update". A failed
 * check is logged and tried again at the next interval: never a dialog. The updater, the timers
 * and the log are passed in, so tests drive it with a fake typed from electron-updater's AppUpdater.
 */
import type { AppUpdater, Logger } from 'electron-updater';
import type { AppUpdaterEvents } from 'electron-updater/out/AppUpdater';
import type { UpdateAvailability, UpdateOffReason } from './update-availability';

/**
 * What Pult uses of electron-updater's `autoUpdater`. The emitter methods are AppUpdater's own
 * but return `unknown`: Pick would type their `this` as a whole AppUpdater.
 */
export type UpdaterPort = Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'setFeedURL' | 'checkForUpdates' | 'quitAndInstall'> & {
  on<E extends keyof AppUpdaterEvents>(event: E, listener: AppUpdaterEvents[E]): unknown;
  off<E extends keyof AppUpdaterEvents>(event: E, listener: AppUpdaterEvents[E]): unknown;
};

export type UpdateState =
  | { kind: 'off'; reason: UpdateOffReason }
  /** On; the first check has not run yet. */
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'up-to-date'; checkedAt: number }
  | { kind: 'downloading'; version: string }
  /** Downloaded: installs on quit, or now through "Restart to update". */
  | { kind: 'ready'; version: string }
  | { kind: 'failed'; at: number; error: string };

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string, data?: Record<string, unknown>) => void;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface UpdateControllerOptions {
  availability: UpdateAvailability;
  /** Asked only when updates are on: electron-updater's `autoUpdater` builds itself on first use. */
  updater(): UpdaterPort;
  log: Log;
  timers: Timers;
  now(): number;
  /** Lets windows close for real (close-to-tray would otherwise keep the app alive). */
  prepareToQuit(): void;
  firstCheckDelayMs?: number;
  intervalMs?: number;
}

export interface UpdateController {
  getState(): UpdateState;
  onChange(listener: (state: UpdateState) => void): () => void;
  /** Schedules the first check; call once the console window is up. */
  start(): void;
  /** The tray's "Restart to update": quits, installs silently and starts Pult again. */
  restartAndInstall(): void;
  dispose(): void;
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { availability, log, timers } = options;
  const listeners = new Set<(state: UpdateState) => void>();
  let state: UpdateState = availability.on ? { kind: 'idle' } : { kind: 'off', reason: availability.reason };
  let updater: UpdaterPort | null = null;
  let timer: unknown = null;
  let disposed = false;
  const subscriptions: (() => void)[] = [];
  // electron-updater reports one failure both as an `error` event and as a rejected promise.
  const reported = new WeakSet<object>();

  const set = (next: UpdateState) => {
    state = next;
    listeners.forEach((listener) => listener(state));
  };
  /** A downloaded update stays offered whatever later checks say. */
  const setUnlessReady = (next: UpdateState) => {
    if (state.kind !== 'ready') set(next);
  };
  const fail = (error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    if (reported.has(err)) return;
    reported.add(err);
    const code = (err as { code?: unknown }).code;
    log('warn', 'update check failed; trying again at the next interval', { error: err.message, ...(typeof code === 'string' ? { code } : {}) });
    setUnlessReady({ kind: 'failed', at: options.now(), error: err.message });
  };

  const schedule = (ms: number) => {
    if (disposed) return;
    timer = timers.setTimeout(() => {
      timer = null;
      void check();
    }, ms);
  };
  const check = async () => {
    if (!updater || disposed) return;
    try {
      const result = await updater.checkForUpdates();
      // Without a handler a failed background download is an unhandled rejection.
      result?.downloadPromise?.catch(fail);
      if (result === null) log('warn', 'the updater declined to check (it does not see a packaged app)');
    } catch (error) {
      fail(error);
    }
    schedule(options.intervalMs ?? CHECK_INTERVAL_MS);
  };

  return {
    getState: () => state,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (disposed || updater) return;
      if (!availability.on) {
        log('info', `updates are off: ${availability.reason}`, availability.detail ? { detail: availability.detail } : undefined);
        return;
      }
      updater = options.updater();
      updater.logger = updaterLogger(log);
      updater.autoDownload = true;
      updater.autoInstallOnAppQuit = true;
      updater.setFeedURL({ provider: 'generic', url: availability.url });
      const on = subscriber(updater, subscriptions);
      on('checking-for-update', () => setUnlessReady({ kind: 'checking' }));
      on('update-not-available', () => setUnlessReady({ kind: 'up-to-date', checkedAt: options.now() }));
      on('update-available', (info) => setUnlessReady({ kind: 'downloading', version: info.version }));
      on('update-downloaded', (event) => {
        log('info', 'update downloaded; it installs on quit', { version: event.version });
        set({ kind: 'ready', version: event.version });
      });
      on('error', fail);
      log('info', 'updates are on', { url: availability.url });
      schedule(options.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS);
    },
    restartAndInstall() {
      if (!updater || state.kind !== 'ready') return;
      options.prepareToQuit();
      // Silent (no installer wizard on Windows) and run Pult again afterwards.
      updater.quitAndInstall(true, true);
    },
    dispose() {
      disposed = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      // Only ours: the install on quit still reports through electron-updater's own `error` listener.
      subscriptions.forEach((off) => off());
      listeners.clear();
    },
  };
}

function subscriber(updater: UpdaterPort, subscriptions: (() => void)[]) {
  return <E extends keyof AppUpdaterEvents>(event: E, listener: AppUpdaterEvents[E]) => {
    updater.on(event, listener);
    subscriptions.push(() => void updater.off(event, listener));
  };
}

/** electron-updater's own messages (what it fetched, checksum and signature checks) into Pult's log. */
function updaterLogger(log: Log): Logger {
  const text = (message: unknown) => (message instanceof Error ? (message.stack ?? message.message) : String(message));
  return {
    info: (message) => log('info', `updater: ${text(message)}`),
    warn: (message) => log('warn', `updater: ${text(message)}`),
    error: (message) => log('error', `updater: ${text(message)}`),
    debug: (message) => log('debug', `updater: ${message}`),
  };
}
