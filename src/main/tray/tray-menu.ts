/** The tray's context menu as a plain template (Electron's Menu.buildFromTemplate takes it). Pure. */
import type { SnoozeChoice } from '../../node/alerts/quiet-time';
import type { AlertLanguage } from '../../node/alerts/types';
import type { WallboardDisplayChoice } from '../wallboard-display';
import { updateMenuItem, type UpdateMenuView } from '../updates/update-menu';

export interface TrayMenuItem {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  checked?: boolean;
  enabled?: boolean;
  submenu?: TrayMenuItem[];
  click?: () => void;
}

export interface TrayActions {
  openConsole(): void;
  /** Wired by the wallboard window's owner; until then it opens the console. */
  openWallboard(): void;
  pause(choice: SnoozeChoice): void;
  resume(): void;
  syncNow(): void;
  setStartWithOs(enabled: boolean): void;
  /** null: automatic (the first non-primary screen). */
  chooseWallboardDisplay(displayId: number | null): void;
  /** Installs a downloaded update now (src/main/updates). */
  restartToUpdate?(): void;
  openLogFolder(): void;
  quit(): void;
}

export interface TrayMenuState {
  language: AlertLanguage;
  paused: boolean;
  startWithOs: boolean;
  /** Start with the OS is offered where the shell can register it. */
  canStartWithOs: boolean;
  /** The screens the wallboard can open on (with «automatic» first); none: no submenu. */
  wallboardDisplays: WallboardDisplayChoice[];
  /** Native Wayland without XWayland: the compositor picks the screen, the choice is moot. */
  compositorPlacesWindows: boolean;
  /** The version and update status, where this shell updates itself. */
  update?: UpdateMenuView;
}

const LABELS = {
  ru: {
    openConsole: 'Открыть консоль',
    openWallboard: 'Открыть табло',
    wallboardDisplay: 'Экран табло',
    compositorPlaces: 'Экран выбирает система (Wayland)',
    pause: 'Приостановить уведомления',
    pause1h: 'На 1 час',
    pauseTomorrow: 'До завтра',
    resume: 'Возобновить уведомления',
    syncNow: 'Синхронизировать сейчас',
    startWithOs: 'Запускать вместе с системой',
    openLogFolder: 'Открыть папку журналов',
    quit: 'Выйти из Pult',
  },
  en: {
    openConsole: 'Open console',
    openWallboard: 'Open wallboard',
    wallboardDisplay: 'Wallboard screen',
    compositorPlaces: 'The system picks the screen (Wayland)',
    pause: 'Pause notifications',
    pause1h: 'For 1 hour',
    pauseTomorrow: 'Until tomorrow',
    resume: 'Resume notifications',
    syncNow: 'Sync now',
    startWithOs: 'Start with the system',
    openLogFolder: 'Open log folder',
    quit: 'Quit Pult',
  },
} as const;

export function trayMenuTemplate(state: TrayMenuState, actions: TrayActions): TrayMenuItem[] {
  const t = LABELS[state.language];
  const pauseItem: TrayMenuItem = state.paused
    ? { id: 'resume', label: t.resume, click: () => actions.resume() }
    : {
        id: 'pause',
        label: t.pause,
        type: 'submenu',
        submenu: [
          { id: 'pause-1h', label: t.pause1h, click: () => actions.pause('1h') },
          { id: 'pause-tomorrow', label: t.pauseTomorrow, click: () => actions.pause('tomorrow') },
        ],
      };
  return [
    { id: 'open-console', label: t.openConsole, click: () => actions.openConsole() },
    { id: 'open-wallboard', label: t.openWallboard, click: () => actions.openWallboard() },
    ...wallboardDisplayMenu(state, actions, t),
    { type: 'separator' },
    pauseItem,
    { id: 'sync-now', label: t.syncNow, click: () => actions.syncNow() },
    ...(state.canStartWithOs
      ? [{ id: 'start-with-os', label: t.startWithOs, type: 'checkbox' as const, checked: state.startWithOs, click: () => actions.setStartWithOs(!state.startWithOs) }]
      : []),
    { type: 'separator' },
    { id: 'open-log-folder', label: t.openLogFolder, click: () => actions.openLogFolder() },
    ...(state.update ? [updateMenuItem(state.update, state.language, () => actions.restartToUpdate?.())] : []),
    { id: 'quit', label: t.quit, click: () => actions.quit() },
  ];
}

/** Shown only with a second screen: with one there is nothing to choose. */
function wallboardDisplayMenu(state: TrayMenuState, actions: TrayActions, t: (typeof LABELS)[AlertLanguage]): TrayMenuItem[] {
  if (state.wallboardDisplays.length <= 2) return [];
  if (state.compositorPlacesWindows) return [{ id: 'wallboard-display', label: t.compositorPlaces, enabled: false }];
  return [
    {
      id: 'wallboard-display',
      label: t.wallboardDisplay,
      type: 'submenu',
      submenu: state.wallboardDisplays.map((choice) => ({
        id: `wallboard-display-${choice.id ?? 'auto'}`,
        label: choice.label,
        type: 'radio' as const,
        checked: choice.checked,
        click: () => actions.chooseWallboardDisplay(choice.id),
      })),
    },
  ];
}
