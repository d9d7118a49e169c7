/**
 * The tray icon: state icon, tooltip, count and menu. Electron's Tray, Menu and nativeImage are
 * passed in, so tests drive it with fakes.
 */
import type { DisplayBalloonOptions } from 'electron';
import type { AlertState } from '../../node/alerts/monitor';
import { trayIconPath } from './tray-icons';
import { trayMenuTemplate, type TrayActions, type TrayMenuItem } from './tray-menu';
import type { UpdateMenuView } from '../updates/update-menu';
import { trayView } from './tray-view';
import type { WallboardDisplayChoice } from '../wallboard-display';

export interface TrayLike {
  setImage(image: unknown): void;
  setToolTip(text: string): void;
  setTitle(title: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click' | 'double-click', listener: () => void): unknown;
  /** Windows only (Electron's Tray has it on every OS, but it shows nothing elsewhere). */
  displayBalloon?(options: Pick<DisplayBalloonOptions, 'title' | 'content' | 'iconType'>): void;
  destroy(): void;
}

export interface TrayDeps {
  createTray(image: unknown): TrayLike;
  buildMenu(template: TrayMenuItem[]): unknown;
  loadImage(file: string): unknown;
  iconDir: string;
  platform: NodeJS.Platform;
  /** Whether "start with the OS" can be registered on this shell. */
  canStartWithOs: boolean;
  startWithOs(): boolean;
  /** The wallboard's screen choices in the menu's language (read at each render: screens come and go). */
  wallboardDisplays?(language: AlertState['language']): WallboardDisplayChoice[];
  compositorPlacesWindows?: boolean;
  /** The update item's state (src/main/updates); call render() when it changes. */
  update?(): UpdateMenuView;
}

export class PultTray {
  private readonly tray: TrayLike;
  private shown = { icon: '', tooltip: '', title: '', menu: '' };

  constructor(
    private readonly deps: TrayDeps,
    private readonly actions: TrayActions,
    private state: AlertState,
  ) {
    const view = trayView(state);
    this.tray = deps.createTray(deps.loadImage(trayIconPath(deps.iconDir, view.icon, deps.platform)));
    this.shown.icon = view.icon;
    // Windows and Linux: a left click opens the console; macOS opens the menu by itself.
    if (deps.platform !== 'darwin') this.tray.on('click', () => actions.openConsole());
    this.render();
  }

  update(state: AlertState): void {
    this.state = state;
    this.render();
  }

  /** Re-renders only what changed: rebuilding the menu on every sync would flicker on Linux. */
  render(): void {
    const view = trayView(this.state);
    if (view.icon !== this.shown.icon) {
      this.tray.setImage(this.deps.loadImage(trayIconPath(this.deps.iconDir, view.icon, this.deps.platform)));
      this.shown.icon = view.icon;
    }
    if (view.tooltip !== this.shown.tooltip) {
      this.tray.setToolTip(view.tooltip);
      this.shown.tooltip = view.tooltip;
    }
    if (view.title !== this.shown.title && this.deps.platform === 'darwin') {
      this.tray.setTitle(view.title);
      this.shown.title = view.title;
    }
    const menuState = {
      language: this.state.language,
      paused: this.state.pausedUntil !== null,
      startWithOs: this.deps.startWithOs(),
      canStartWithOs: this.deps.canStartWithOs,
      wallboardDisplays: this.deps.wallboardDisplays?.(this.state.language) ?? [],
      compositorPlacesWindows: this.deps.compositorPlacesWindows ?? false,
      ...(this.deps.update ? { update: this.deps.update() } : {}),
    };
    const menuKey = JSON.stringify(menuState);
    if (menuKey !== this.shown.menu) {
      this.tray.setContextMenu(this.deps.buildMenu(trayMenuTemplate(menuState, this.actions)));
      this.shown.menu = menuKey;
    }
  }

  /** A message from the tray icon where the OS has one (Windows); false where it has none. */
  balloon(title: string, content: string): boolean {
    if (this.deps.platform !== 'win32' || !this.tray.displayBalloon) return false;
    this.tray.displayBalloon({ title, content, iconType: 'info' });
    return true;
  }

  destroy(): void {
    this.tray.destroy();
  }
}
