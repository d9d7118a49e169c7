/**
 * Wires the tray, native notifications, close-to-tray and start-with-OS to the host. Electron's
 * pieces come in as parameters: main passes the real ones, tests pass fakes.
 */
import type { PultApi, PultEvent } from '../../shared/api';
import type { AlertsPort } from '../../node/alerts/service';
import { applyStartWithOs, refreshStartWithOs, type AutostartOptions, type LoginItemApp } from '../autostart';
import { createNotifier, prepareNotifications, type NotificationClass } from '../notifications/notifier';
import { closeToTrayHandler } from './close-to-tray';
import { openDesktopPrefs } from './desktop-prefs';
import { PultTray, type TrayLike } from './pult-tray';
import type { TrayMenuItem } from './tray-menu';
import { wallboardDisplayChoices, type ScreenDisplay } from '../wallboard-display';
import { announceUpdates } from '../updates/announce-updates';
import type { UpdateController } from '../updates/update-controller';

export interface ShellHost extends Pick<PultApi, 'syncNow' | 'getSettings'> {
  onEvent(listener: (event: PultEvent) => void): () => void;
}

export interface DesktopShellDeps {
  app: LoginItemApp & { setAppUserModelId(id: string): void; getLocale(): string; quit(): void };
  createTray(image: unknown): TrayLike;
  buildMenu(template: TrayMenuItem[]): unknown;
  loadImage(file: string): unknown;
  Notification: NotificationClass;
  host: ShellHost;
  /** The reminders, which run beside the host (not on this thread). */
  alerts: AlertsPort;
  dataDir: string;
  iconDir: string;
  platform: NodeJS.Platform;
  autostart: Omit<AutostartOptions, 'app' | 'platform'>;
  /** Shows and focuses the console window. */
  showConsole(): void;
  /** Sends an event to the renderer windows. */
  sendToRenderer(event: PultEvent): void;
  /**
   * The wallboard window's opener (on the chosen screen; `moveIfOpen` reopens an open one there);
   * until it exists, the console opens.
   */
  openWallboard?(displayId: number | null, moveIfOpen?: boolean): void;
  /** The screens, for the wallboard's screen choice in the tray menu. */
  screens?: { displays(): ScreenDisplay[]; primaryId(): number; onChange(listener: () => void): () => void };
  /** Native Wayland without XWayland: window positions are the compositor's. */
  compositorPlacesWindows?: boolean;
  /** Opens the log folder in the file manager. */
  openLogFolder?(): void;
  onError?(message: string, error: unknown): void;
  /** Self-updates (src/main/updates): the tray shows their state and offers "Restart to update". */
  updates?: { controller: Pick<UpdateController, 'getState' | 'onChange' | 'restartAndInstall'>; currentVersion: string };
}

export interface ConsoleWindowLike {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  hide(): void;
}

export interface DesktopShell {
  tray: PultTray;
  /** Hook a console window so closing it hides it to the tray. */
  attachConsoleWindow(window: ConsoleWindowLike): void;
  /** Opens the wallboard on the screen chosen in the tray (the application menu's item). */
  openWallboard(): void;
  /** Call on `before-quit`: windows close for real from then on. */
  markQuitting(): void;
  dispose(): void;
}

export function startDesktopShell(deps: DesktopShellDeps): DesktopShell {
  const wallboardChoices = (language: 'ru' | 'en') =>
    deps.screens ? wallboardDisplayChoices(deps.screens.displays(), deps.screens.primaryId(), prefs.get().wallboardDisplayId, language) : [];
  prepareNotifications(deps.app, deps.platform);
  const prefs = openDesktopPrefs(deps.dataDir);
  const autostart: AutostartOptions = { ...deps.autostart, app: deps.app, platform: deps.platform };
  const report = (message: string) => (error: unknown) => deps.onError?.(message, error);
  let quitting = false;
  let closeToTray = true;
  let tray: PultTray | null = null;
  const updates = deps.updates;

  const openTask = (taskId: string) => {
    deps.showConsole();
    deps.sendToRenderer({ type: 'open-task', taskId });
  };
  const notifier = createNotifier({
    Notification: deps.Notification,
    platform: deps.platform,
    language: () => monitor.getState().language,
    openTask,
    openConsole: () => deps.showConsole(),
    snooze: (taskId) => monitor.snooze(taskId, '1h'),
    onError: (message, error) => deps.onError?.(message, error),
    // The OS would not show it (e.g. an unsigned macOS build): the tray says it where it can.
    fallback: (title, body) => void tray?.balloon(title, body),
  });
  const monitor = deps.alerts;
  const offAlerts = [monitor.onNotices((notices) => notifier.show(notices)), monitor.onState((state) => tray?.update(state))];
  if (prefs.get().startWithOs) {
    // Re-register at each start: an update may have moved the executable.
    try {
      refreshStartWithOs(autostart);
    } catch (error) {
      report('could not register start with the OS')(error);
    }
  }

  const openWallboard = () => (deps.openWallboard ? deps.openWallboard(prefs.get().wallboardDisplayId) : deps.showConsole());
  const shownTray = new PultTray(
    {
      createTray: deps.createTray,
      buildMenu: deps.buildMenu,
      loadImage: deps.loadImage,
      iconDir: deps.iconDir,
      platform: deps.platform,
      canStartWithOs: true,
      startWithOs: () => prefs.get().startWithOs,
      ...(deps.screens ? { wallboardDisplays: (language: 'ru' | 'en') => wallboardChoices(language) } : {}),
      compositorPlacesWindows: deps.compositorPlacesWindows ?? false,
      ...(updates ? { update: () => ({ currentVersion: updates.currentVersion, state: updates.controller.getState() }) } : {}),
    },
    {
      openConsole: () => deps.showConsole(),
      openWallboard: () => openWallboard(),
      chooseWallboardDisplay: (displayId) => {
        prefs.update({ wallboardDisplayId: displayId });
        deps.openWallboard?.(displayId, true);
        shownTray.render();
      },
      pause: (choice) => monitor.pause(choice),
      resume: () => monitor.resume(),
      syncNow: () => void deps.host.syncNow().catch(report('sync now failed')),
      setStartWithOs: (enabled) => {
        try {
          applyStartWithOs(autostart, enabled);
          prefs.update({ startWithOs: enabled });
        } catch (error) {
          report('could not change start with the OS')(error);
        }
        shownTray.render();
      },
      restartToUpdate: () => updates?.controller.restartAndInstall(),
      openLogFolder: () => deps.openLogFolder?.(),
      quit: () => {
        quitting = true;
        deps.app.quit();
      },
    },
    monitor.getState(),
  );
  tray = shownTray;
  const offScreens = deps.screens?.onChange(() => shownTray.render());
  const offUpdates = updates
    ? announceUpdates(updates.controller, { render: () => shownTray.render(), notify: (title, body) => notifier.info(title, body), language: () => monitor.getState().language })
    : () => undefined;

  void deps.host.getSettings().then((settings) => (closeToTray = settings.ui.closeToTray), report('could not read the settings'));
  const off = deps.host.onEvent((event) => {
    if (event.type === 'settings-changed') closeToTray = event.settings.ui.closeToTray;
  });

  return {
    tray: shownTray,
    attachConsoleWindow(window) {
      window.on(
        'close',
        closeToTrayHandler({
          closeToTray: () => closeToTray,
          isQuitting: () => quitting,
          hide: () => window.hide(),
          explained: () => prefs.get().closeToTrayExplained,
          markExplained: () => void prefs.update({ closeToTrayExplained: true }),
          explain: (title, body) => notifier.info(title, body),
          language: () => monitor.getState().language,
        }),
      );
    },
    openWallboard: () => openWallboard(),
    markQuitting() {
      quitting = true;
    },
    dispose() {
      off();
      offUpdates();
      offAlerts.forEach((stop) => stop());
      offScreens?.();
      shownTray.destroy();
    },
  };
}
