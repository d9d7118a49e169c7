import path from 'node:path';
import { wallboardDisplayChoices, windowPlacement } from '../../../src/main/wallboard-display';
import { describe, expect, it, vi } from 'vitest';
import { trayView } from '../../../src/main/tray/tray-view';
import { trayMenuTemplate, type TrayActions, type TrayMenuItem } from '../../../src/main/tray/tray-menu';
import { PultTray, type TrayLike } from '../../../src/main/tray/pult-tray';
import { trayIconDir, trayIconPath } from '../../../src/main/tray/tray-icons';
import { closeToTrayHandler } from '../../../src/main/tray/close-to-tray';
import { applyStartWithOs, HIDDEN_ARG, linuxAutostartDir, linuxDesktopEntry, refreshStartWithOs, startedHidden, type AutostartOptions } from '../../../src/main/autostart';
import { fakeLoginItemApp } from './fake-login-items';
import type { AlertState } from '../../../src/node/alerts/monitor';

const state = (patch: Partial<AlertState> = {}): AlertState => ({ connectivity: 'online', attentionCount: 0, pausedUntil: null, language: 'ru', utcOffsetMinutes: 180, ...patch });

describe('tray state', () => {
  it('normal when all is well', () => {
    expect(trayView(state())).toEqual({ icon: 'normal', tooltip: 'Pult', title: '' });
  });

  it('attention with the count of forgotten tasks and SLA at risk', () => {
    expect(trayView(state({ attentionCount: 3 }))).toEqual({ icon: 'attention', tooltip: 'Pult\n3 задачи: забыты или SLA под угрозой', title: '3' });
    expect(trayView(state({ attentionCount: 1, language: 'en' })).tooltip).toBe('Pult\n1 task: forgotten or SLA at risk');
  });

  it('offline wins over attention in the icon, and says why', () => {
    expect(trayView(state({ connectivity: 'portal-unreachable', attentionCount: 2 }))).toMatchObject({ icon: 'offline', title: '2', tooltip: 'Pult\nНет связи с порталом\n2 задачи: забыты или SLA под угрозой' });
    expect(trayView(state({ connectivity: 'signed-out' })).tooltip).toBe('Pult\nНужно войти снова');
    expect(trayView(state({ connectivity: null, language: 'en' }))).toEqual({ icon: 'offline', tooltip: 'Pult\nNo portal connected', title: '' });
  });

  it('says until when notifications are paused, on the portal clock', () => {
    expect(trayView(state({ pausedUntil: Date.UTC(2026, 0, 16, 6, 0) })).tooltip).toBe('Pult\nУведомления приостановлены до 09:00');
  });
});

function actions(): TrayActions & Record<string, ReturnType<typeof vi.fn>> {
  return { openConsole: vi.fn(), openWallboard: vi.fn(), pause: vi.fn(), resume: vi.fn(), syncNow: vi.fn(), setStartWithOs: vi.fn(), chooseWallboardDisplay: vi.fn(), openLogFolder: vi.fn(), quit: vi.fn() };
}
const labels = (items: TrayMenuItem[]): unknown[] => items.map((item) => (item.type === 'separator' ? '—' : item.submenu ? [item.label, labels(item.submenu)] : item.label));
const byId = (items: TrayMenuItem[], id: string): TrayMenuItem => items.flatMap((item) => [item, ...(item.submenu ?? [])]).find((item) => item.id === id)!;

describe('tray menu', () => {
  const menuState = { language: 'ru' as const, paused: false, startWithOs: false, canStartWithOs: true, wallboardDisplays: [], compositorPlacesWindows: false };

  it('Russian labels', () => {
    expect(labels(trayMenuTemplate(menuState, actions()))).toEqual([
      'Открыть консоль',
      'Открыть табло',
      '—',
      ['Приостановить уведомления', ['На 1 час', 'До завтра']],
      'Синхронизировать сейчас',
      'Запускать вместе с системой',
      '—',
      'Открыть папку журналов',
      'Выйти из Pult',
    ]);
  });

  it('English labels; "resume" while paused; no autostart item where it cannot be registered', () => {
    expect(labels(trayMenuTemplate({ ...menuState, language: 'en', paused: true, canStartWithOs: false }, actions()))).toEqual([
      'Open console',
      'Open wallboard',
      '—',
      'Resume notifications',
      'Sync now',
      '—',
      'Open log folder',
      'Quit Pult',
    ]);
  });

  it('every item does what it says', () => {
    const a = actions();
    const menu = trayMenuTemplate({ ...menuState, startWithOs: true }, a);
    for (const id of ['open-console', 'open-wallboard', 'pause-1h', 'pause-tomorrow', 'sync-now', 'start-with-os', 'open-log-folder', 'quit']) byId(menu, id).click!();
    expect(a.openConsole).toHaveBeenCalledTimes(1);
    expect(a.openWallboard).toHaveBeenCalledTimes(1);
    expect(vi.mocked(a.pause).mock.calls).toEqual([['1h'], ['tomorrow']]);
    expect(a.syncNow).toHaveBeenCalledTimes(1);
    expect(byId(menu, 'start-with-os')).toMatchObject({ type: 'checkbox', checked: true });
    expect(a.setStartWithOs).toHaveBeenCalledWith(false);
    expect(a.openLogFolder).toHaveBeenCalledTimes(1);
    expect(a.quit).toHaveBeenCalledTimes(1);
    byId(trayMenuTemplate({ ...menuState, paused: true }, a), 'resume').click!();
    expect(a.resume).toHaveBeenCalledTimes(1);
  });

  const screens = [
    { id: 10, label: '', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: true },
    { id: 20, label: 'LG TV', bounds: { x: 1920, y: 0, width: 3840, height: 2160 }, internal: false },
  ];

  it('offers the wallboard screen as a radio list with a second screen, none with one', () => {
    const a = actions();
    const choices = wallboardDisplayChoices(screens, 10, 20, 'ru');
    const menu = trayMenuTemplate({ ...menuState, wallboardDisplays: choices }, a);
    expect(labels(menu).slice(0, 3)).toEqual([
      'Открыть консоль',
      'Открыть табло',
      ['Экран табло', ['Автоматически (второй экран)', 'Экран 1 — 1920×1080 (основной, встроенный)', 'Экран 2 — LG TV, 3840×2160']],
    ]);
    expect(byId(menu, 'wallboard-display-20')).toMatchObject({ type: 'radio', checked: true });
    expect(byId(menu, 'wallboard-display-auto')).toMatchObject({ checked: false });
    byId(menu, 'wallboard-display-auto').click!();
    byId(menu, 'wallboard-display-10').click!();
    expect(vi.mocked(a.chooseWallboardDisplay).mock.calls).toEqual([[null], [10]]);
    const single = wallboardDisplayChoices(screens.slice(0, 1), 10, null, 'en');
    expect(trayMenuTemplate({ ...menuState, wallboardDisplays: single }, a).find((item) => item.id === 'wallboard-display')).toBeUndefined();
  });

  it('keeps an unplugged chosen screen chosen; says the system picks on native Wayland', () => {
    expect(wallboardDisplayChoices(screens, 10, 30, 'en').map((choice) => [choice.label, choice.checked])).toEqual([
      ['Automatic (second screen)', false],
      ['Screen 1 — 1920×1080 (primary, built-in)', false],
      ['Screen 2 — LG TV, 3840×2160', false],
      ['Screen 30 (disconnected)', true],
    ]);
    const menu = trayMenuTemplate({ ...menuState, wallboardDisplays: wallboardDisplayChoices(screens, 10, null, 'ru'), compositorPlacesWindows: true }, actions());
    expect(byId(menu, 'wallboard-display')).toEqual({ id: 'wallboard-display', label: 'Экран выбирает система (Wayland)', enabled: false });
  });
});

describe('window placement on Linux', () => {
  const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' };
  it('runs through XWayland on a Wayland session that has it, unless told otherwise', () => {
    expect(windowPlacement('linux', { ...wayland, DISPLAY: ':0' }, ['pult'])).toBe('xwayland');
    expect(windowPlacement('linux', { ...wayland }, ['pult'])).toBe('compositor');
    expect(windowPlacement('linux', { ...wayland, DISPLAY: ':0', PULT_NATIVE_WAYLAND: '1' }, ['pult'])).toBe('compositor');
    expect(windowPlacement('linux', { ...wayland, DISPLAY: ':0' }, ['pult', '--ozone-platform=wayland'])).toBe('compositor');
    expect(windowPlacement('linux', { ...wayland, DISPLAY: ':0' }, ['pult', '--ozone-platform=x11'])).toBe('native');
    expect(windowPlacement('linux', { ...wayland, DISPLAY: ':0', ELECTRON_OZONE_PLATFORM_HINT: 'wayland' }, ['pult'])).toBe('compositor');
    expect(windowPlacement('linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, ['pult'])).toBe('native');
    expect(windowPlacement('win32', { ...wayland }, ['pult'])).toBe('native');
  });
});

/** A stand-in for Electron's Tray. */
function fakeTray() {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, () => void>();
  const tray: TrayLike = {
    setImage: (image) => void calls.push(['image', image]),
    setToolTip: (text) => void calls.push(['tooltip', text]),
    setTitle: (title) => void calls.push(['title', title]),
    setContextMenu: (menu) => void calls.push(['menu', labels(menu as TrayMenuItem[])]),
    on: (event, listener) => void listeners.set(event, listener),
    destroy: () => void calls.push(['destroy', null]),
  };
  return { tray, calls, listeners };
}

describe('PultTray', () => {
  const deps = (fake: ReturnType<typeof fakeTray>, platform: NodeJS.Platform) => ({
    createTray: (image: unknown) => {
      fake.calls.push(['created', image]);
      return fake.tray;
    },
    buildMenu: (template: TrayMenuItem[]) => template,
    loadImage: (file: string) => path.basename(file),
    iconDir: '/res/tray',
    platform,
    canStartWithOs: true,
    startWithOs: () => false,
  });

  it('shows the state icon, tooltip, title (macOS) and menu, and updates only what changed', () => {
    const fake = fakeTray();
    const tray = new PultTray(deps(fake, 'darwin'), actions(), state());
    expect(fake.calls.map(([k]) => k)).toEqual(['created', 'tooltip', 'menu']);
    expect(fake.calls[0]).toEqual(['created', 'tray-normal-16.png']);
    fake.calls.length = 0;
    tray.update(state({ attentionCount: 4 }));
    expect(fake.calls).toEqual([
      ['image', 'tray-attention-16.png'],
      ['tooltip', 'Pult\n4 задачи: забыты или SLA под угрозой'],
      ['title', '4'],
    ]);
    fake.calls.length = 0;
    tray.update(state({ attentionCount: 4 }));
    expect(fake.calls).toEqual([]);
    tray.update(state({ attentionCount: 4, language: 'en' }));
    expect(fake.calls.map(([k]) => k)).toEqual(['tooltip', 'menu']);
  });

  it('Linux uses the 32 px icons, sets no title, and opens the console on a click', () => {
    const fake = fakeTray();
    const a = actions();
    new PultTray(deps(fake, 'linux'), a, state({ connectivity: 'offline' }));
    expect(fake.calls[0]).toEqual(['created', 'tray-offline-32.png']);
    expect(fake.calls.some(([k]) => k === 'title')).toBe(false);
    fake.listeners.get('click')!();
    expect(a.openConsole).toHaveBeenCalled();
  });

  it('icon files exist for every state and size, with @2x twins', async () => {
    const { existsSync } = await import('node:fs');
    const dir = trayIconDir({ isPackaged: false, resourcesPath: '', mainDir: path.resolve('out/main') });
    expect(dir).toBe(path.resolve('resources/tray'));
    for (const icon of ['normal', 'attention', 'offline'] as const) {
      for (const platform of ['win32', 'linux'] as const) {
        const file = trayIconPath(dir, icon, platform);
        expect(existsSync(file), file).toBe(true);
        expect(existsSync(file.replace('.png', '@2x.png'))).toBe(true);
      }
    }
    expect(trayIconDir({ isPackaged: true, resourcesPath: '/opt/Pult/resources', mainDir: '' })).toBe('/opt/Pult/resources/resources/tray');
  });
});

describe('close to tray', () => {
  function handler(patch: { closeToTray?: boolean; quitting?: boolean; explained?: boolean } = {}) {
    let explained = patch.explained ?? false;
    const hide = vi.fn();
    const explain = vi.fn();
    const close = closeToTrayHandler({
      closeToTray: () => patch.closeToTray ?? true,
      isQuitting: () => patch.quitting ?? false,
      hide,
      explained: () => explained,
      markExplained: () => (explained = true),
      explain,
      language: () => 'ru',
    });
    return { close, hide, explain };
  }
  const closeEvent = () => ({ preventDefault: vi.fn() });

  it('hides instead of closing, and explains the first time only', () => {
    const h = handler();
    const first = closeEvent();
    h.close(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(h.hide).toHaveBeenCalledTimes(1);
    expect(h.explain).toHaveBeenCalledWith('Pult работает в трее', expect.stringContaining('Выйти можно из меню'));
    h.close(closeEvent());
    expect(h.hide).toHaveBeenCalledTimes(2);
    expect(h.explain).toHaveBeenCalledTimes(1);
  });

  it('closes for real when the setting is off or the app is quitting', () => {
    for (const patch of [{ closeToTray: false }, { quitting: true }]) {
      const h = handler(patch);
      const event = closeEvent();
      h.close(event);
      expect(event.preventDefault).not.toHaveBeenCalled();
      expect(h.hide).not.toHaveBeenCalled();
    }
  });
});

describe('start with the OS', () => {
  function options(platform: NodeJS.Platform, settings: Parameters<typeof fakeLoginItemApp>[0] = {}) {
    const app = fakeLoginItemApp(settings);
    const fs = { mkdirSync: vi.fn(), writeFileSync: vi.fn(), rmSync: vi.fn() };
    const opts: AutostartOptions = { app, platform, execPath: '/opt/Pult/pult', linuxAutostartDir: '/home/a/.config/autostart', fs };
    return { opts, app, fs };
  }

  it('Windows: a login item started with --hidden', () => {
    const { opts, app } = options('win32');
    applyStartWithOs(opts, true);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: [HIDDEN_ARG], enabled: true });
    applyStartWithOs(opts, false);
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false, args: [HIDDEN_ARG], enabled: false });
  });

  it('Windows: the start-up refresh keeps a Run entry the user disabled in Task Manager disabled', () => {
    const item = { name: 'ru.pult.console', path: 'C:\\Pult\\Pult.exe', args: [HIDDEN_ARG], scope: 'user' as const, enabled: false };
    const { opts, app } = options('win32', { openAtLogin: true, launchItems: [item] });
    refreshStartWithOs(opts);
    expect(app.getLoginItemSettings).toHaveBeenCalledWith({ args: [HIDDEN_ARG] });
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: [HIDDEN_ARG], enabled: false });
    const fresh = options('win32');
    refreshStartWithOs(fresh.opts);
    expect(fresh.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: [HIDDEN_ARG], enabled: true });
  });

  it('macOS: a login item (macOS 13+ has no "open as hidden"), left alone at start-up', () => {
    const { opts, app } = options('darwin');
    applyStartWithOs(opts, true);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    refreshStartWithOs(opts);
    expect(app.setLoginItemSettings).toHaveBeenCalledTimes(1);
  });

  it('Linux: an XDG autostart entry, removed when turned off', () => {
    const { opts, fs, app } = options('linux');
    applyStartWithOs(opts, true);
    expect(fs.writeFileSync).toHaveBeenCalledWith('/home/a/.config/autostart/ru.pult.console.desktop', linuxDesktopEntry('/opt/Pult/pult'));
    expect(linuxDesktopEntry('/opt/My "Apps"/pult')).toContain('Exec="/opt/My \\"Apps\\"/pult" --hidden');
    applyStartWithOs(opts, false);
    expect(fs.rmSync).toHaveBeenCalledWith('/home/a/.config/autostart/ru.pult.console.desktop', { force: true });
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(linuxAutostartDir({ XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe('/x/autostart');
    expect(linuxAutostartDir({}, '/home/a')).toBe('/home/a/.config/autostart');
  });

  it('started at login → stays in the tray', () => {
    const app = fakeLoginItemApp({ wasOpenedAtLogin: true });
    expect(startedHidden(['pult', HIDDEN_ARG], app, 'win32')).toBe(true);
    expect(startedHidden(['pult'], app, 'win32')).toBe(false);
    expect(startedHidden(['pult'], app, 'darwin')).toBe(true);
    expect(startedHidden(['pult'], fakeLoginItemApp(), 'darwin')).toBe(false);
  });
});
