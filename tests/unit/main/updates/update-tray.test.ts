import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startDesktopShell, type ShellHost } from '../../../../src/main/tray/desktop-shell';
import type { TrayLike } from '../../../../src/main/tray/pult-tray';
import { trayMenuTemplate, type TrayActions, type TrayMenuItem } from '../../../../src/main/tray/tray-menu';
import type { NotificationOptionsLike } from '../../../../src/main/notifications/notifier';
import type { AlertsPort } from '../../../../src/node/alerts/service';
import type { AlertState } from '../../../../src/node/alerts/monitor';
import { createUpdateController, FIRST_CHECK_DELAY_MS, type UpdateState } from '../../../../src/main/updates/update-controller';
import { fakeLoginItemApp } from '../fake-login-items';
import { makeSettings } from '../../alerts/helpers';
import { FakeTimers, FakeUpdater } from './fake-updater';

class FakeNotification {
  static shown: FakeNotification[] = [];
  static isSupported = () => true;
  constructor(readonly options: NotificationOptionsLike) {}
  show() {
    FakeNotification.shown.push(this);
  }
  on() {
    return this;
  }
}

function fakeAlerts(language: 'ru' | 'en'): AlertsPort {
  const state: AlertState = { connectivity: 'online', attentionCount: 0, pausedUntil: null, language, utcOffsetMinutes: 180 };
  return { getState: () => state, onNotices: () => () => undefined, onState: () => () => undefined, pause: vi.fn(), resume: vi.fn(), snooze: vi.fn() };
}

function start(language: 'ru' | 'en' = 'ru') {
  FakeNotification.shown = [];
  const updater = new FakeUpdater();
  const timers = new FakeTimers();
  let menu: TrayMenuItem[] = [];
  const tray: TrayLike = { setImage: () => undefined, setToolTip: () => undefined, setTitle: () => undefined, setContextMenu: (m) => void (menu = m as TrayMenuItem[]), on: () => undefined, destroy: () => undefined };
  const host: ShellHost = { syncNow: async () => undefined, getSettings: async () => makeSettings(), onEvent: () => () => undefined };
  let shell: ReturnType<typeof startDesktopShell> | null = null;
  const controller = createUpdateController({
    availability: { on: true, url: 'https://updates.corp.local/pult/' },
    updater: () => updater,
    log: () => undefined,
    timers,
    now: () => timers.now,
    prepareToQuit: () => shell?.markQuitting(),
  });
  shell = startDesktopShell({
    app: { ...fakeLoginItemApp(), setAppUserModelId: vi.fn(), getLocale: () => 'ru-RU', quit: vi.fn() },
    createTray: () => tray,
    buildMenu: (template) => template,
    loadImage: (file) => file,
    Notification: FakeNotification,
    host,
    alerts: fakeAlerts(language),
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'pult-updates-')),
    iconDir: '/res/tray',
    platform: 'linux',
    autostart: { execPath: '/opt/Pult/pult', linuxAutostartDir: '', fs: { mkdirSync: vi.fn(), writeFileSync: vi.fn(), rmSync: vi.fn() } },
    showConsole: vi.fn(),
    sendToRenderer: () => undefined,
    updates: { controller, currentVersion: '0.1.0' },
  });
  controller.start();
  const item = (id: string) => menu.find((i) => i.id === id);
  return { updater, timers, controller, shell, item };
}

describe('updates in the tray', () => {
  it('a downloaded update puts "Restart to update to X.Y.Z" in the menu and notifies once', async () => {
    const t = start();
    expect(t.item('update-status')).toMatchObject({ label: 'Pult 0.1.0 · обновления включены', enabled: false });
    t.updater.finds('1.2.0');
    await t.timers.advance(FIRST_CHECK_DELAY_MS);
    expect(t.item('restart-to-update')?.label).toBe('Перезапустить и обновить до 1.2.0');
    expect(t.item('update-status')).toBeUndefined();
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['Готово обновление Pult 1.2.0']);
    // Later checks find the same download again: no second notification.
    await t.timers.advance(4 * 60 * 60 * 1000);
    await t.timers.advance(4 * 60 * 60 * 1000);
    expect(FakeNotification.shown).toHaveLength(1);
  });

  it('English, and a failed check is a quiet line, not a notification', async () => {
    const t = start('en');
    t.updater.fails(new Error('net::ERR_NAME_NOT_RESOLVED'));
    await t.timers.advance(FIRST_CHECK_DELAY_MS);
    expect(t.item('update-status')?.label).toBe('Pult 0.1.0 · the last update check failed');
    expect(FakeNotification.shown).toEqual([]);
    t.updater.finds('1.2.0');
    await t.timers.advance(4 * 60 * 60 * 1000);
    expect(t.item('restart-to-update')?.label).toBe('Restart to update to 1.2.0');
    expect(FakeNotification.shown.map((n) => [n.options.title, n.options.body])).toEqual([
      ['Pult 1.2.0 is ready', 'It installs when you quit Pult. To update now, choose “Restart to update to 1.2.0” in the Pult tray menu.'],
    ]);
  });

  it('the click quits for real (close-to-tray steps aside) and installs', async () => {
    const t = start();
    let onClose: ((event: { preventDefault(): void }) => void) | undefined;
    t.shell.attachConsoleWindow({ on: (_: 'close', listener: typeof onClose) => void (onClose = listener), hide: vi.fn() });
    t.updater.finds('1.2.0');
    await t.timers.advance(FIRST_CHECK_DELAY_MS);
    t.item('restart-to-update')!.click!();
    expect(t.updater.installs).toEqual([[true, true]]);
    // quitAndInstall closes the windows before `before-quit`: the close must not be turned into a hide.
    const close = { preventDefault: vi.fn() };
    onClose!(close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });
});

describe('the update item in the tray menu', () => {
  const actions = (): TrayActions => ({ openConsole: vi.fn(), openWallboard: vi.fn(), pause: vi.fn(), resume: vi.fn(), syncNow: vi.fn(), setStartWithOs: vi.fn(), chooseWallboardDisplay: vi.fn(), openLogFolder: vi.fn(), restartToUpdate: vi.fn(), quit: vi.fn() });
  const menu = (state: UpdateState, language: 'ru' | 'en' = 'ru') =>
    trayMenuTemplate({ language, paused: false, startWithOs: false, canStartWithOs: true, wallboardDisplays: [], compositorPlacesWindows: false, update: { currentVersion: '0.1.0', state } }, actions());
  const labelBeforeQuit = (items: TrayMenuItem[]) => items[items.length - 2]?.label;

  it('says why updates are off, in Russian and English', () => {
    expect(labelBeforeQuit(menu({ kind: 'off', reason: 'development' }))).toBe('Pult 0.1.0 · обновления выключены в сборке для разработки');
    expect(labelBeforeQuit(menu({ kind: 'off', reason: 'development' }, 'en'))).toBe('Pult 0.1.0 · updates are off in a development build');
    expect(labelBeforeQuit(menu({ kind: 'off', reason: 'no-address' }))).toBe('Pult 0.1.0 · обновления выключены: администратор не задал адрес');
    expect(labelBeforeQuit(menu({ kind: 'off', reason: 'no-address' }, 'en'))).toBe('Pult 0.1.0 · updates are off: no update address set by the admin');
    expect(labelBeforeQuit(menu({ kind: 'off', reason: 'package-manager' }, 'en'))).toBe('Pult 0.1.0 · updates come through the package manager');
    expect(labelBeforeQuit(menu({ kind: 'downloading', version: '1.2.0' }))).toBe('Pult 0.1.0 · загружается обновление 1.2.0…');
    expect(labelBeforeQuit(menu({ kind: 'up-to-date', checkedAt: 0 }, 'en'))).toBe('Pult 0.1.0 · up to date');
  });

  it('"ready" is the one clickable update item, and it asks to restart', () => {
    const a = actions();
    const items = trayMenuTemplate({ language: 'ru', paused: false, startWithOs: false, canStartWithOs: true, wallboardDisplays: [], compositorPlacesWindows: false, update: { currentVersion: '0.1.0', state: { kind: 'ready', version: '1.2.0' } } }, a);
    const restart = items.find((i) => i.id === 'restart-to-update')!;
    expect(restart.enabled).not.toBe(false);
    restart.click!();
    expect(a.restartToUpdate).toHaveBeenCalledTimes(1);
  });
});
