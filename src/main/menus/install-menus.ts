/**
 * The desktop's menus put in place: the application menu (rebuilt when the UI language changes),
 * the right-click menu on a page, and the spell-checker's languages. Electron's Menu and session
 * come in as parameters typed from electron.d.ts, so tests pass fakes.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate, type AppMenuActions } from './app-menu';
import { attachContextMenu, spellCheckerLanguages, type ContextMenuContents } from './context-menu';
import type { UiLanguage } from './ui-language';

export type MenuStatics<M = unknown> = {
  buildFromTemplate(template: MenuItemConstructorOptions[]): M;
  setApplicationMenu(menu: M | null): void;
};

export interface AppMenuDeps<M> {
  Menu: MenuStatics<M>;
  language: UiLanguage;
  platform: NodeJS.Platform;
  isPackaged: boolean;
  actions: AppMenuActions;
}

/** Sets the application menu now and again at each change of the UI language; returns the stop. */
export function installAppMenu<M>(deps: AppMenuDeps<M>): () => void {
  const render = () =>
    deps.Menu.setApplicationMenu(deps.Menu.buildFromTemplate(appMenuTemplate({ language: deps.language.current(), platform: deps.platform, isPackaged: deps.isPackaged }, deps.actions)));
  render();
  return deps.language.onChange(render);
}

/** The right-click menu on this page, in the UI language of the moment it opens. */
export function installContextMenu(contents: ContextMenuContents, language: Pick<UiLanguage, 'current'>, popup: (template: MenuItemConstructorOptions[]) => void): void {
  attachContextMenu(contents, () => language.current(), popup);
}

/** Russian and English spell-checking where Chromium's checker is used; answers what was set. */
export function setSpellCheckLanguages(session: Pick<Electron.Session, 'availableSpellCheckerLanguages' | 'setSpellCheckerLanguages'>, platform: NodeJS.Platform): string[] | null {
  const languages = spellCheckerLanguages(session.availableSpellCheckerLanguages, platform);
  if (languages && languages.length > 0) session.setSpellCheckerLanguages(languages);
  return languages;
}
