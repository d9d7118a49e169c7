/** The application menu, the right-click menu and spell-check languages, without Electron. */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutText, appMenuTemplate, type AppMenuActions } from '../../../src/main/menus/app-menu';
import { attachContextMenu, contextMenuTemplate, spellCheckerLanguages, type ContextMenuContents, type ContextMenuParams } from '../../../src/main/menus/context-menu';
import { installAppMenu, setSpellCheckLanguages } from '../../../src/main/menus/install-menus';
import { watchUiLanguage } from '../../../src/main/menus/ui-language';
import type { PultEvent } from '../../../src/shared/api';
import type { Settings } from '../../../src/core/domain/settings';

function actions(): AppMenuActions {
  return { openWallboard: vi.fn(), openLogFolder: vi.fn(), showAbout: vi.fn() };
}

/** Each item as `label` or `role:label`, submenus nested. */
function outline(items: MenuItemConstructorOptions[]): unknown[] {
  return items.map((item) => {
    if (item.type === 'separator') return '—';
    const name = item.role ? `${item.role}:${item.label}` : item.label;
    return Array.isArray(item.submenu) ? { [String(name)]: outline(item.submenu as MenuItemConstructorOptions[]) } : name;
  });
}

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu as MenuItemConstructorOptions[]) : [])]);
}

function find(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = Array.isArray(item.submenu) ? find(item.submenu as MenuItemConstructorOptions[], id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

describe('appMenuTemplate', () => {
  it('Russian on Windows/Linux, packaged: File, Edit, View, Window, Help; no reload, no developer tools', () => {
    expect(outline(appMenuTemplate({ language: 'ru', platform: 'win32', isPackaged: true }, actions()))).toEqual([
      { Файл: ['Открыть табло', 'Открыть папку журналов', '—', 'quit:Выход'] },
      { Правка: ['undo:Отменить', 'redo:Повторить', '—', 'cut:Вырезать', 'copy:Копировать', 'paste:Вставить', 'pasteAndMatchStyle:Вставить без форматирования', 'selectAll:Выделить всё'] },
      { Вид: ['resetZoom:Обычный масштаб', 'zoomIn:Увеличить', 'zoomOut:Уменьшить', '—', 'togglefullscreen:Во весь экран'] },
      { 'windowMenu:Окно': ['minimize:Свернуть', 'close:Закрыть'] },
      { 'help:Справка': ['О программе Pult'] },
    ]);
  });

  it('English from source: reload and developer tools in View', () => {
    const menu = appMenuTemplate({ language: 'en', platform: 'linux', isPackaged: false }, actions());
    expect(outline(menu)[2]).toEqual({ View: ['reload:Reload', 'toggleDevTools:Developer tools', '—', 'resetZoom:Actual size', 'zoomIn:Zoom in', 'zoomOut:Zoom out', '—', 'togglefullscreen:Full screen'] });
    expect(outline(menu)[0]).toEqual({ File: ['Open wallboard', 'Open log folder', '—', 'quit:Quit'] });
  });

  it('macOS: the app menu comes first; quit lives there, File closes the window', () => {
    const menu = appMenuTemplate({ language: 'ru', platform: 'darwin', isPackaged: true }, actions());
    expect(menu[0]).toMatchObject({ role: 'appMenu', label: 'Pult' });
    expect(outline([menu[0]!])).toEqual([{ 'appMenu:Pult': ['about:О программе Pult', '—', 'services:Службы', '—', 'hide:Скрыть Pult', 'hideOthers:Скрыть остальные', 'unhide:Показать все', '—', 'quit:Завершить Pult'] }]);
    expect(outline([menu[1]!])).toEqual([{ Файл: ['Открыть табло', 'Открыть папку журналов', '—', 'close:Закрыть окно'] }]);
    expect(roles(menu)).not.toContain('toggleDevTools');
  });

  it('its items call the actions', () => {
    const a = actions();
    const menu = appMenuTemplate({ language: 'en', platform: 'linux', isPackaged: true }, a);
    const click = (id: string) => (find(menu, id)!.click as () => void)();
    click('open-wallboard');
    click('open-log-folder');
    click('about');
    expect([a.openWallboard, a.openLogFolder, a.showAbout].map((f) => (f as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 1]);
    expect(aboutText('ru', '1.4.2')).toEqual({ title: 'О программе Pult', message: 'Pult', detail: 'Версия 1.4.2' });
    expect(aboutText('en', '1.4.2').detail).toBe('Version 1.4.2');
  });
});

const editable: ContextMenuParams = {
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: true,
  selectionText: '',
  editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
};

describe('contextMenuTemplate', () => {
  it('a misspelled word: its suggestions replace it, "add to dictionary" adds it; edit items follow', () => {
    const a = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    const menu = contextMenuTemplate({ ...editable, misspelledWord: 'заявкка', dictionarySuggestions: ['заявка', 'заявки'] }, 'ru', a);
    expect(menu.map((item) => (item.type === 'separator' ? '—' : `${item.role ?? ''}${item.label}${item.enabled === false ? ' (off)' : ''}`))).toEqual([
      'заявка',
      'заявки',
      '—',
      'Добавить в словарь',
      '—',
      'cutВырезать (off)',
      'copyКопировать (off)',
      'pasteВставить',
      '—',
      'selectAllВыделить всё',
    ]);
    (menu[1]!.click as () => void)();
    (menu[3]!.click as () => void)();
    expect(a.replaceMisspelling).toHaveBeenCalledWith('заявки');
    expect(a.addToDictionary).toHaveBeenCalledWith('заявкка');
  });

  it('no suggestions: said, disabled; English labels', () => {
    const menu = contextMenuTemplate({ ...editable, misspelledWord: 'qwrt', editFlags: { canCut: true, canCopy: true, canPaste: false, canSelectAll: true } }, 'en', { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() });
    expect(menu[0]).toMatchObject({ label: 'No suggestions', enabled: false });
    expect(menu.filter((item) => item.role).map((item) => [item.role, item.label, item.enabled])).toEqual([
      ['cut', 'Cut', true],
      ['copy', 'Copy', true],
      ['paste', 'Paste', false],
      ['selectAll', 'Select all', true],
    ]);
  });

  it('selected text on the board offers copy; a plain click offers nothing (no menu)', () => {
    const page = { ...editable, isEditable: false, editFlags: { canCut: false, canCopy: true, canPaste: false, canSelectAll: true } };
    expect(contextMenuTemplate({ ...page, selectionText: 'SD-1042' }, 'ru', { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() }).map((item) => item.role)).toEqual(['copy', 'selectAll']);
    expect(contextMenuTemplate(page, 'ru', { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() })).toEqual([]);
  });

  it('wired to a page: pops up in the language of the moment, acts on that page and its session', () => {
    let open: ((event: unknown, params: ContextMenuParams) => void) | null = null;
    const contents: ContextMenuContents = {
      on: (_event, listener) => void (open = listener),
      replaceMisspelling: vi.fn(),
      session: { addWordToSpellCheckerDictionary: vi.fn(() => true) },
    };
    const shown: MenuItemConstructorOptions[][] = [];
    let language: 'ru' | 'en' = 'ru';
    attachContextMenu(contents, () => language, (template) => void shown.push(template));
    open!({}, { ...editable, misspelledWord: 'Pult', dictionarySuggestions: ['Pelt'] });
    language = 'en';
    open!({}, { ...editable, isEditable: false });
    open!({}, editable);
    expect(shown).toHaveLength(2);
    expect(shown[0]![2]).toMatchObject({ label: 'Добавить в словарь' });
    expect(shown[1]!.at(-1)).toMatchObject({ label: 'Select all' });
    (shown[0]![0]!.click as () => void)();
    (shown[0]![2]!.click as () => void)();
    expect(contents.replaceMisspelling).toHaveBeenCalledWith('Pelt');
    expect(contents.session.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('Pult');
  });
});

describe('spell-check languages', () => {
  it('Russian and US English where offered; nothing to set on macOS', () => {
    expect(spellCheckerLanguages(['af', 'en-GB', 'en-US', 'ru', 'uk'], 'win32')).toEqual(['ru', 'en-US']);
    expect(spellCheckerLanguages(['en-US'], 'linux')).toEqual(['en-US']);
    expect(spellCheckerLanguages(['en-US', 'ru'], 'darwin')).toBeNull();
    const session = { availableSpellCheckerLanguages: ['ru', 'en-US', 'de'], setSpellCheckerLanguages: vi.fn() };
    expect(setSpellCheckLanguages(session, 'linux')).toEqual(['ru', 'en-US']);
    expect(session.setSpellCheckerLanguages).toHaveBeenCalledWith(['ru', 'en-US']);
    const mac = { availableSpellCheckerLanguages: [], setSpellCheckerLanguages: vi.fn() };
    setSpellCheckLanguages(mac, 'darwin');
    expect(mac.setSpellCheckerLanguages).not.toHaveBeenCalled();
  });
});

describe('the application menu follows the UI language', () => {
  it('set at start in the system language, rebuilt when the settings change the language, not on other changes', async () => {
    const listeners = new Set<(event: PultEvent) => void>();
    const settings = (language: Settings['ui']['language']) => ({ ui: { language } }) as Settings;
    const host = { getSettings: async () => settings('system'), onEvent: (listener: (event: PultEvent) => void) => (listeners.add(listener), () => listeners.delete(listener)) };
    const language = watchUiLanguage(host, 'ru-RU');
    await language.ready;
    const set: unknown[] = [];
    const Menu = { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template, setApplicationMenu: (menu: MenuItemConstructorOptions[] | null) => void set.push(menu) };
    installAppMenu({ Menu, language, platform: 'linux', isPackaged: true, actions: actions() });
    const emit = (event: PultEvent) => listeners.forEach((listener) => listener(event));
    emit({ type: 'settings-changed', settings: settings('en') });
    emit({ type: 'settings-changed', settings: settings('en') });
    emit({ type: 'settings-changed', settings: settings('system') });
    expect(set.map((menu) => (menu as MenuItemConstructorOptions[])[0]!.label)).toEqual(['Файл', 'File', 'Файл']);
  });
});
