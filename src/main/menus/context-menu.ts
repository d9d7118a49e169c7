/**
 * The right-click menu of the console and the wallboard: spelling suggestions and "add to
 * dictionary" on a misspelled word, then cut, copy, paste and select all as the page allows
 * (Electron's editFlags). The template is pure; `attachContextMenu` wires it to a webContents.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_LABELS, type MenuLanguage } from './menu-labels';

export type ContextMenuParams = Pick<Electron.ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText'> & {
  editFlags: Pick<Electron.EditFlags, 'canCut' | 'canCopy' | 'canPaste' | 'canSelectAll'>;
};

export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' };
const MAX_SUGGESTIONS = 5;

/** Empty when there is nothing to offer (a click on plain, unselected text): no menu then. */
export function contextMenuTemplate(params: ContextMenuParams, language: MenuLanguage, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[language];
  const items: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord;
  if (word) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ id: 'no-suggestions', label: t.noSuggestions, enabled: false });
    for (const suggestion of suggestions) items.push({ id: `suggestion:${suggestion}`, label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    items.push(SEPARATOR, { id: 'add-to-dictionary', label: t.addToDictionary, click: () => actions.addToDictionary(word) });
  }
  const flags = params.editFlags;
  let edit: MenuItemConstructorOptions[] = [];
  if (params.isEditable) {
    edit = [
      { role: 'cut', label: t.cut, enabled: flags.canCut },
      { role: 'copy', label: t.copy, enabled: flags.canCopy },
      { role: 'paste', label: t.paste, enabled: flags.canPaste },
      SEPARATOR,
      { role: 'selectAll', label: t.selectAll, enabled: flags.canSelectAll },
    ];
  } else if (params.selectionText.trim()) {
    edit = [{ role: 'copy', label: t.copy, enabled: flags.canCopy }, { role: 'selectAll', label: t.selectAll, enabled: flags.canSelectAll }];
  }
  if (items.length > 0 && edit.length > 0) items.push(SEPARATOR);
  return [...items, ...edit];
}

export interface ContextMenuContents extends Pick<Electron.WebContents, 'replaceMisspelling'> {
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParams) => void): unknown;
  session: Pick<Electron.Session, 'addWordToSpellCheckerDictionary'>;
}

export function attachContextMenu(contents: ContextMenuContents, language: () => MenuLanguage, popup: (template: MenuItemConstructorOptions[]) => void): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, language(), {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) popup(template);
  });
}

/**
 * Russian and English for Chromium's checker, as far as this machine offers them. Null on macOS:
 * the system's checker is used there and finds the language itself (the call is a no-op).
 */
export function spellCheckerLanguages(available: readonly string[], platform: NodeJS.Platform): string[] | null {
  if (platform === 'darwin') return null;
  return ['ru', 'en-US'].filter((language) => available.includes(language));
}
