/**
 * The application menu as a template (Menu.buildFromTemplate takes it). Pure, so both languages,
 * each platform and packaged or not are tested without Electron. Roles are Electron's own role
 * names (typed from electron.d.ts): a wrong one fails the typecheck.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_LABELS, type MenuLanguage } from './menu-labels';

export interface AppMenuState {
  language: MenuLanguage;
  platform: NodeJS.Platform;
  /** Reload and the developer tools only in a build run from source. */
  isPackaged: boolean;
}

export interface AppMenuActions {
  openWallboard(): void;
  openLogFolder(): void;
  showAbout(): void;
}

type Role = NonNullable<MenuItemConstructorOptions['role']>;
const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' };

export function appMenuTemplate(state: AppMenuState, actions: AppMenuActions): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[state.language];
  const mac = state.platform === 'darwin';
  const role = (name: Role, label: string): MenuItemConstructorOptions => ({ role: name, label });

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    label: 'Pult',
    submenu: [role('about', t.about), SEPARATOR, role('services', t.services), SEPARATOR, role('hide', t.hide), role('hideOthers', t.hideOthers), role('unhide', t.unhide), SEPARATOR, role('quit', t.quitMac)],
  };
  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: t.file,
    submenu: [
      { id: 'open-wallboard', label: t.openWallboard, click: () => actions.openWallboard() },
      { id: 'open-log-folder', label: t.openLogFolder, click: () => actions.openLogFolder() },
      SEPARATOR,
      mac ? role('close', t.closeWindow) : role('quit', t.quit),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: t.edit,
    submenu: [role('undo', t.undo), role('redo', t.redo), SEPARATOR, role('cut', t.cut), role('copy', t.copy), role('paste', t.paste), role('pasteAndMatchStyle', t.pasteAndMatchStyle), role('selectAll', t.selectAll)],
  };
  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: t.view,
    submenu: [
      ...(state.isPackaged ? [] : [role('reload', t.reload), role('toggleDevTools', t.toggleDevTools), SEPARATOR]),
      role('resetZoom', t.resetZoom),
      role('zoomIn', t.zoomIn),
      role('zoomOut', t.zoomOut),
      SEPARATOR,
      role('togglefullscreen', t.togglefullscreen),
    ],
  };
  const window: MenuItemConstructorOptions = {
    id: 'window',
    role: 'windowMenu',
    label: t.window,
    submenu: mac ? [role('minimize', t.minimize), role('zoom', t.zoom), SEPARATOR, role('front', t.front)] : [role('minimize', t.minimize), role('close', t.close)],
  };
  const help: MenuItemConstructorOptions = {
    id: 'help',
    role: 'help',
    label: t.help,
    submenu: [{ id: 'about', label: t.about, click: () => actions.showAbout() }],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}

/** The About box's text. */
export function aboutText(language: MenuLanguage, version: string): { title: string; message: string; detail: string } {
  const t = MENU_LABELS[language];
  return { title: t.about, message: 'Pult', detail: `${t.version} ${version}` };
}
