/**
 * A window whose renderer died comes back by itself: the reason is logged and the page reloaded.
 * A page that dies again and again (a crash at load, out of memory) is not reloaded forever: after
 * a few reloads in a short time it is left as it is and the owner is told (the console shows a
 * dialog). The console and the wallboard share this.
 */

export interface RendererGoneDetails {
  reason: Electron.RenderProcessGoneDetails['reason'];
  exitCode: number;
}

export interface RecoverableWindow {
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: RendererGoneDetails) => void): unknown;
    reload(): void;
  };
  isDestroyed(): boolean;
}

export interface RendererRecoveryOptions {
  /** The window's name in the log ("console", "wallboard"). */
  name: string;
  log(level: 'warn' | 'error', message: string, data: Record<string, unknown>): void;
  /** Reloads allowed within `windowMs` (default 3 in 5 minutes). */
  maxReloads?: number;
  windowMs?: number;
  now?: () => number;
  /** Called once the page has died too often to reload it again. */
  onGiveUp?(details: RendererGoneDetails): void;
}

/** Remembers the recent reloads; `allow()` says whether one more fits and counts it if so. */
export function crashReloadGuard(maxReloads = 3, windowMs = 5 * 60_000, now: () => number = Date.now) {
  const reloads: number[] = [];
  return {
    allow(): boolean {
      const at = now();
      while (reloads.length > 0 && at - reloads[0]! >= windowMs) reloads.shift();
      if (reloads.length >= maxReloads) return false;
      reloads.push(at);
      return true;
    },
  };
}

export function reloadOnRendererCrash(window: RecoverableWindow, options: RendererRecoveryOptions): void {
  const guard = crashReloadGuard(options.maxReloads, options.windowMs, options.now);
  window.webContents.on('render-process-gone', (_event, details) => {
    const data = { window: options.name, reason: details?.reason ?? 'unknown', exitCode: details?.exitCode ?? null };
    if (window.isDestroyed()) return;
    if (guard.allow()) {
      options.log('warn', 'the renderer is gone; reloading the page', data);
      window.webContents.reload();
      return;
    }
    options.log('error', 'the renderer keeps dying; not reloading it again', data);
    options.onGiveUp?.(details);
  });
}
