/**
 * A stand-in for electron-updater's `autoUpdater`, typed from its AppUpdater (through UpdaterPort),
 * that answers checks the way AppUpdater.checkForUpdates does: events first, then the result; a
 * failure is both an `error` event and a rejection with the same Error.
 */
import type { Logger, UpdateCheckResult, UpdateInfo } from 'electron-updater';
import type { AppUpdaterEvents } from 'electron-updater/out/AppUpdater';
import type { Timers, UpdaterPort } from '../../../../src/main/updates/update-controller';

type Listener = (...args: never[]) => unknown;

export const updateInfo = (version: string): UpdateInfo => ({
  version,
  files: [{ url: `Pult-${version}.AppImage`, sha512: 'x', size: 1 }],
  path: `Pult-${version}.AppImage`,
  sha512: 'x',
  releaseDate: '2026-05-01T00:00:00.000Z',
});

export class FakeUpdater implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: Logger | null = null;
  readonly feeds: unknown[] = [];
  readonly installs: [boolean | undefined, boolean | undefined][] = [];
  checks = 0;
  private readonly listeners = new Map<keyof AppUpdaterEvents, Set<Listener>>();
  /** What the next check finds. */
  private answer: () => Promise<UpdateCheckResult | null> = async () => null;

  setFeedURL(options: Parameters<UpdaterPort['setFeedURL']>[0]): void {
    this.feeds.push(options);
  }
  checkForUpdates(): Promise<UpdateCheckResult | null> {
    this.checks += 1;
    return this.answer();
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
  on<E extends keyof AppUpdaterEvents>(event: E, listener: AppUpdaterEvents[E]): this {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }
  off<E extends keyof AppUpdaterEvents>(event: E, listener: AppUpdaterEvents[E]): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit<E extends keyof AppUpdaterEvents>(event: E, ...args: Parameters<AppUpdaterEvents[E]>): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: Parameters<AppUpdaterEvents[E]>) => unknown)(...args);
  }
  listenerCount(): number {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }

  findsNothingNew(version: string): void {
    this.answer = async () => {
      this.emit('checking-for-update');
      const info = updateInfo(version);
      this.emit('update-not-available', info);
      return { isUpdateAvailable: false, updateInfo: info, versionInfo: info };
    };
  }
  /** Finds `version` and downloads it (autoDownload), or fails the download with `downloadError`. */
  finds(version: string, downloadError?: Error): void {
    this.answer = async () => {
      this.emit('checking-for-update');
      const info = updateInfo(version);
      this.emit('update-available', info);
      const downloadPromise = Promise.resolve().then(() => {
        if (downloadError) {
          this.emit('error', downloadError);
          throw downloadError;
        }
        this.emit('update-downloaded', { ...info, downloadedFile: `/tmp/Pult-${version}.AppImage` });
        return [`/tmp/Pult-${version}.AppImage`];
      });
      return { isUpdateAvailable: true, updateInfo: info, versionInfo: info, downloadPromise };
    };
  }
  fails(error: Error): void {
    this.answer = async () => {
      this.emit('checking-for-update');
      this.emit('error', error, `Cannot check for updates: ${error.stack ?? error.message}`);
      throw error;
    };
  }
}

/** Timers that run only when the test advances them. */
export class FakeTimers implements Timers {
  now = 0;
  private pending: { at: number; callback: () => void; handle: number }[] = [];
  private nextHandle = 1;
  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.pending.push({ at: this.now + ms, callback, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.handle !== handle);
  }
  get count(): number {
    return this.pending.length;
  }
  /** Moves time on, firing due timers and letting their promises settle. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const due = this.pending.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((timer) => timer !== due);
      this.now = due.at;
      due.callback();
      await settle();
    }
    this.now = until;
    await settle();
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
