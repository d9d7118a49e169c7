import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startDesktopShell, type ShellHost } from '../../../src/main/tray/desktop-shell';
import type { TrayLike } from '../../../src/main/tray/pult-tray';
import type { TrayMenuItem } from '../../../src/main/tray/tray-menu';
import { electronEvent, FakeNotification } from './fake-notification';
import type { PultEvent } from '../../../src/shared/api';
import type { Task } from '../../../src/core/domain/model';
import type { SyncStatus } from '../../../src/core/sync/status';
import { startAlertService, type AlertServiceHost } from '../../../src/node/alerts/service';
import { DESKTOP_PREFS_FILE } from '../../../src/main/tray/desktop-prefs';
import { fakeLoginItemApp } from './fake-login-items';
import { HOUR, idleTask, makeSettings, NOON_MSK, STAGES, TestClock, USERS } from '../alerts/helpers';

/** The host as the shell sees it: its public API over one group's board, and its events. */
function fakeHost(tasks: () => Task[]) {
  const listeners = new Set<(event: PultEvent) => void>();
  let settings = makeSettings();
  let status: SyncStatus = { connectivity: 'online', queued: 0, failed: 0, conflicts: 0, lastSyncAt: NOON_MSK, firstSync: null, lastError: null };
  const host: ShellHost & AlertServiceHost = {
    getAppInfo: async () => ({ version: '1', shell: 'electron', configured: true, canSignInInApp: false, notifications: false, keychainWait: null, secrets: { kind: 'keychain', keychainProblem: null, canUseMemory: false }, oauthRedirectUri: 'http://127.0.0.1:45678/oauth/callback', connection: { portalUrl: 'https://p', kind: 'webhook', userId: '5', isAdmin: false } }),
    getSettings: async () => settings,
    getBoard: async (groupId) => ({ groupId, stages: STAGES, cards: tasks().map((t) => ({ ...t, pendingEdits: 0, failedEdits: 0, conflicted: false, localOnly: false })), history: {}, portalOffsetMs: 0, portalUtcOffsetMinutes: 180 }),
    getDirectory: async () => ({ users: USERS, departments: [], companies: [], userFields: [] }),
    syncNow: vi.fn(async () => undefined),
    getSyncStatus: async () => status,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (event: PultEvent) => {
    if (event.type === 'status') status = event.status;
    listeners.forEach((listener) => listener(event));
  };
  const setSettings = (next: typeof settings) => {
    settings = next;
    emit({ type: 'settings-changed', settings });
  };
  return { host, emit, setSettings, listeners };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 5));

function start(extra: Partial<Parameters<typeof startDesktopShell>[0]> = {}) {
  FakeNotification.reset();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-shell-'));
  const clock = new TestClock();
  let tasks = [idleTask('1', NOON_MSK, 3 * HOUR)];
  const fake = fakeHost(() => tasks);
  let menu: TrayMenuItem[] = [];
  const trayCalls: [string, unknown][] = [];
  const tray: TrayLike = {
    setImage: (image) => void trayCalls.push(['image', image]),
    setToolTip: (text) => void trayCalls.push(['tooltip', text]),
    setTitle: () => undefined,
    setContextMenu: (m) => void (menu = m as TrayMenuItem[]),
    on: () => undefined,
    displayBalloon: (options) => void trayCalls.push(['balloon', options]),
    destroy: () => void trayCalls.push(['destroy', null]),
  };
  const errors: [string, string][] = [];
  const app = { ...fakeLoginItemApp(), setAppUserModelId: vi.fn(), getLocale: () => 'ru-RU', quit: vi.fn() };
  const autostartFs = { mkdirSync: vi.fn(), writeFileSync: vi.fn(), rmSync: vi.fn() };
  const showConsole = vi.fn();
  const openLogFolder = vi.fn();
  const sent: PultEvent[] = [];
  // The real reminders over the fake host, as the host's worker runs them.
  const alerts = startAlertService(fake.host, { dataDir, systemLocale: app.getLocale(), clock, setInterval: () => 0, clearInterval: () => undefined });
  const shell = startDesktopShell({
    app,
    createTray: () => tray,
    buildMenu: (template) => template,
    loadImage: (file) => path.basename(file),
    Notification: FakeNotification,
    host: fake.host,
    alerts,
    dataDir,
    iconDir: '/res/tray',
    platform: 'win32',
    autostart: { execPath: 'C:/Pult/Pult.exe', linuxAutostartDir: '', fs: autostartFs },
    showConsole,
    openLogFolder,
    sendToRenderer: (event) => sent.push(event),
    onError: (message, error) => void errors.push([message, error instanceof Error ? error.message : String(error)]),
    ...extra,
  });
  const item = (id: string) => menu.flatMap((i) => [i, ...(i.submenu ?? [])]).find((i) => i.id === id)!;
  return { shell, alerts, fake, clock, app, dataDir, showConsole, openLogFolder, sent, trayCalls, errors, item, setTasks: (next: Task[]) => (tasks = next), tasks: () => tasks };
}

describe('desktop shell (tray + notifications wired to the host)', () => {
  it('a task crossing the threshold shows a notification whose click opens that card; the tray counts it', async () => {
    const t = start();
    expect(t.app.setAppUserModelId).toHaveBeenCalledWith('ru.pult.console');
    await settled();
    t.clock.advance(HOUR);
    t.fake.emit({ type: 'board-delta', delta: { reset: false, groups: [], taskIds: [], directory: false, queued: null } });
    await settled();
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['#1 Задача 1']);
    expect(t.trayCalls).toContainEqual(['image', 'tray-attention-16.png']);
    FakeNotification.shown[0]!.click();
    expect(t.showConsole).toHaveBeenCalled();
    expect(t.sent).toEqual([{ type: 'open-task', taskId: '1' }]);
  });

  it('a notification Windows would not show goes to the tray balloon, and the log hears of it', async () => {
    const t = start();
    await settled();
    t.clock.advance(HOUR);
    t.fake.emit({ type: 'board-delta', delta: { reset: false, groups: [], taskIds: [], directory: false, queued: null } });
    await settled();
    const [shown] = FakeNotification.shown;
    shown!.emit('failed', electronEvent(), 'Settings prevent the notification from being delivered.');
    expect(t.trayCalls).toContainEqual(['balloon', { title: '#1 Задача 1', content: shown!.options.body, iconType: 'info' }]);
    expect(t.errors).toEqual([['the system did not show a notification', 'Settings prevent the notification from being delivered.']]);
  });

  it('the tray menu pauses, syncs, registers start with the OS, opens the log folder and quits', async () => {
    const t = start();
    await settled();
    t.item('pause-1h').click!();
    expect(t.item('resume').label).toBe('Возобновить уведомления');
    t.item('sync-now').click!();
    expect(t.fake.host.syncNow).toHaveBeenCalled();
    t.item('start-with-os').click!();
    expect(t.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--hidden'], enabled: true });
    expect(JSON.parse(readFileSync(path.join(t.dataDir, DESKTOP_PREFS_FILE), 'utf8'))).toMatchObject({ startWithOs: true });
    expect(t.item('start-with-os').checked).toBe(true);
    t.item('open-wallboard').click!();
    expect(t.showConsole).toHaveBeenCalledTimes(1);
    t.item('open-log-folder').click!();
    expect(t.openLogFolder).toHaveBeenCalledTimes(1);
    t.item('quit').click!();
    expect(t.app.quit).toHaveBeenCalled();
  });

  it('the wallboard opens on the screen chosen in the tray, kept across starts; screens plugged in show up', async () => {
    const screens = [{ id: 1, label: '', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: false }];
    let onScreensChange = () => undefined as void;
    const openWallboard = vi.fn();
    const extra = { openWallboard, screens: { displays: () => screens, primaryId: () => 1, onChange: (listener: () => void) => ((onScreensChange = listener), () => undefined) } };
    const t = start(extra);
    await settled();
    expect(t.item('wallboard-display')).toBeUndefined();
    screens.push({ id: 7, label: 'TV', bounds: { x: 1920, y: 0, width: 3840, height: 2160 }, internal: false });
    onScreensChange();
    expect(t.item('wallboard-display').submenu!.map((choice) => choice.label)).toEqual(['Автоматически (второй экран)', 'Экран 1 — 1920×1080 (основной)', 'Экран 2 — TV, 3840×2160']);
    t.item('open-wallboard').click!();
    t.item('wallboard-display-7').click!();
    expect(openWallboard.mock.calls).toEqual([[null], [7, true]]);
    expect(JSON.parse(readFileSync(path.join(t.dataDir, DESKTOP_PREFS_FILE), 'utf8'))).toMatchObject({ wallboardDisplayId: 7 });
    expect(t.item('wallboard-display-7').checked).toBe(true);
    t.shell.dispose();
    const again = start({ ...extra, dataDir: t.dataDir });
    await settled();
    again.item('open-wallboard').click!();
    expect(openWallboard).toHaveBeenLastCalledWith(7);
  });

  it('closing the window hides it to the tray (explained once); the setting or quitting lets it close', async () => {
    const t = start();
    await settled();
    let onClose: ((event: { preventDefault(): void }) => void) | undefined;
    const window = { on: (_: 'close', listener: typeof onClose) => void (onClose = listener), hide: vi.fn() };
    t.shell.attachConsoleWindow(window);
    const event = () => ({ preventDefault: vi.fn() });

    const first = event();
    onClose!(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalledTimes(1);
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['Pult работает в трее']);
    onClose!(event());
    expect(FakeNotification.shown).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(t.dataDir, DESKTOP_PREFS_FILE), 'utf8'))).toMatchObject({ closeToTrayExplained: true });

    t.fake.setSettings(makeSettings({ ui: { closeToTray: false } }));
    const closing = event();
    onClose!(closing);
    expect(closing.preventDefault).not.toHaveBeenCalled();

    t.fake.setSettings(makeSettings());
    t.shell.markQuitting();
    const quitting = event();
    onClose!(quitting);
    expect(quitting.preventDefault).not.toHaveBeenCalled();
  });

  it('goes offline in the tray when the portal is unreachable, and stops on dispose', async () => {
    const t = start();
    await settled();
    t.fake.emit({ type: 'status', status: { connectivity: 'portal-unreachable', queued: 0, failed: 0, conflicts: 0, lastSyncAt: null, firstSync: null, lastError: 'timeout' } });
    await settled();
    expect(t.trayCalls).toContainEqual(['image', 'tray-offline-16.png']);
    t.shell.dispose();
    t.alerts.stop();
    expect(t.fake.listeners.size).toBe(0);
    expect(t.trayCalls.at(-1)).toEqual(['destroy', null]);
  });
});
