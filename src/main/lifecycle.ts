/**
 * When the console may be shown, and what a failed start leaves behind. A second launch or a Dock
 * click (macOS `activate`) while Pult is still starting waits for the start to finish — the IPC
 * handlers do not exist before that — and a start that fails says why and quits, so no process is
 * left without a window or a tray while holding the single-instance lock.
 */
export interface LifecycleDeps {
  /** `app.whenReady()`. */
  whenReady: Promise<unknown>;
  /** Composes the host, the IPC handlers, the console and the tray. */
  start(): Promise<void>;
  showConsole(): void;
  /** Tells the user why Pult could not start (a native dialog), then `app.quit()`. */
  fail(error: unknown): void;
}

export interface Lifecycle {
  /** Another launch of Pult (`second-instance`), or the Dock icon clicked (`activate`). */
  askedToShow(): void;
  /** Settles when the start has finished, well or not. */
  readonly started: Promise<void>;
}

export function runLifecycle(deps: LifecycleDeps): Lifecycle {
  let ready = false;
  let showWhenReady = false;
  const started = deps.whenReady
    .then(() => deps.start())
    .then(
      () => {
        ready = true;
        if (showWhenReady) deps.showConsole();
      },
      (error: unknown) => deps.fail(error),
    );
  return {
    askedToShow() {
      if (ready) deps.showConsole();
      else showWhenReady = true;
    },
    started,
  };
}
