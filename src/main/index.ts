/**
 * Electron main: composes the host with windows and IPC. Kept thin: everything that can run
 * without Electron lives in src/node and src/core.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, powerMonitor, powerSaveBlocker, screen, session, shell, Tray } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startHostWorker, type HostWorkerClient } from '../node/host-worker/client';
import type { PultEvent } from '../shared/api';
import { pageRelay, registerApiHandlers } from './ipc';
import { createTrustedUrlCheck, cspHeaders, hardenWebContents, secureWebPreferences } from './security';
import { startDesktopShell, type DesktopShell } from './tray/desktop-shell';
import { trayIconDir } from './tray/tray-icons';
import { linuxAutostartDir, startedHidden } from './autostart';
import { createWallboardWindowManager } from './wallboard-window';
import { consoleRevealer, fitToDisplays, readWindowState, trackWindowState } from './window-state';
import { runLifecycle } from './lifecycle';
import { adoptLegacyDataDir } from './data-dir';
import { holdDataFolder } from './data-folder-lock';
import { acquireDataLock, type DataLock } from '../node/data-lock';
import { openSignInWindow, removeOldSignInSession } from './sign-in-window';
import { restrictConsolePermissions } from './permissions';
import { windowPlacement } from './wallboard-display';
import { createElectronUpdates, readIfExists } from './updates/electron-updates';
import { readDictionariesSource } from './menus/spellcheck-dictionaries';
import type { UpdateController } from './updates/update-controller';
import { crashReporter } from 'electron';
import { logDirIn, type LogFile } from '../node/logging';
import { openDesktopLog } from './desktop-log';
import { explainConsoleCrashes, openLogFolder, startLocalCrashReporter } from './diagnostics';
import { reloadOnRendererCrash } from './renderer-recovery';
import { aboutText } from './menus/app-menu';
import { installAppMenu, installContextMenu, setSpellCheckLanguages } from './menus/install-menus';
import { watchUiLanguage, type UiLanguage } from './menus/ui-language';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(path.join(here, '../renderer/index.html')).href;
const isTrustedUrl = createTrustedUrlCheck(rendererUrl);

// The host (settings, keychain, store, sync, demo portal, reminders) runs in a worker thread:
// this thread keeps the windows, the tray and the menus and only relays the host's JSON text.
let worker: HostWorkerClient | null = null;
let consoleWindow: BrowserWindow | null = null;
let desktop: DesktopShell | null = null;
let updates: UpdateController | null = null;
/** Shows the console window, maximised the first time if it was left maximised. */
let revealConsole: (() => void) | null = null;
// Started by the OS at login: stay in the tray until the user opens the console. Decided once
// `ready` has fired (macOS answers `wasOpenedAtLogin` only then).
let startHidden = false;
/** The log file (`<data folder>/logs`), opened once the data folder is settled. */
let logFile: LogFile | null = null;
/** The UI language of the desktop's own menus, once the host can say it. */
let uiLanguage: UiLanguage | null = null;
const logDir = () => logDirIn(app.getPath('userData'));
const log = (source: string) => (level: 'debug' | 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>) => logFile?.write(level, source, message, data);
const menuLanguage = () => uiLanguage?.current() ?? (app.getLocale().toLowerCase().startsWith('en') ? 'en' : 'ru');
const showLogFolder = () => void openLogFolder(shell, logDir(), (message, data) => log('main')('warn', message, data));

/** Sync polls fast while any Pult window (console or wallboard) is on screen. */
function reportVisibility(): void {
  const visible = BrowserWindow.getAllWindows().some((w) => !w.isDestroyed() && w.isVisible() && !w.isMinimized());
  void worker?.api.setVisible(visible).catch(() => undefined);
}

const wallboard = createWallboardWindowManager({
  createWindow: (options) => {
    const window = new BrowserWindow({ ...options, show: false, title: 'Pult — табло', backgroundColor: '#0d1117' });
    for (const event of ['show', 'hide', 'closed'] as const) window.on(event as 'show', reportVisibility);
    installContextMenu(window.webContents, { current: menuLanguage }, (template) => Menu.buildFromTemplate(template).popup({ window }));
    return window;
  },
  screen,
  powerSaveBlocker,
  powerMonitor,
  rendererUrl,
  preloadPath: path.join(here, '../preload/index.cjs'),
  isTrustedUrl,
  openExternal: (url) => void shell.openExternal(url),
  onResume: () => worker?.api.syncNow(),
  log: log('wallboard'),
});

function createConsoleWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const saved = readWindowState(stateFile);
  const bounds = fitToDisplays(saved.bounds, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 520,
    show: false,
    title: 'Pult',
    webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs'), { spellcheck: true }),
  });
  hardenWebContents(window.webContents, isTrustedUrl, (url) => void shell.openExternal(url));
  installContextMenu(window.webContents, { current: menuLanguage }, (template) => Menu.buildFromTemplate(template).popup({ window }));
  // A dead page is reloaded a few times; then the user is told and chooses.
  reloadOnRendererCrash(window, {
    name: 'console',
    log: log('console'),
    onGiveUp: () =>
      void explainConsoleCrashes(dialog, menuLanguage(), logDir(), { reload: () => !window.isDestroyed() && window.webContents.reload(), openLogFolder: showLogFolder }),
  });
  const reveal = consoleRevealer(window, saved.maximized);
  revealConsole = reveal;
  trackWindowState(window, stateFile);
  window.once('ready-to-show', () => {
    if (!startHidden) reveal();
  });
  for (const event of ['show', 'hide', 'minimize', 'restore', 'closed'] as const) window.on(event as 'show', reportVisibility);
  void window.loadURL(rendererUrl);
  return window;
}

async function start(): Promise<void> {
  startHidden = startedHidden(process.argv, app, process.platform);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: cspHeaders(details.responseHeaders) });
  });
  restrictConsolePermissions(session.defaultSession, isTrustedUrl);
  const oldSignIn = removeOldSignInSession(app.getPath('sessionData'));
  if (oldSignIn) log('main')('warn', 'could not remove the old sign-in session', { error: oldSignIn });
  const dictionaries = readDictionariesSource({ platform: process.platform, env: process.env, readFile: readIfExists });
  if (dictionaries.kind === 'set') session.defaultSession.setSpellCheckerDictionaryDownloadURL(dictionaries.url);
  if (dictionaries.kind === 'invalid') log('main')('warn', "the spelling dictionaries' address is not valid: Chromium's own is used", { from: dictionaries.from, reason: dictionaries.reason });
  setSpellCheckLanguages(session.defaultSession, process.platform);

  const host = startHostWorker({
    entry: path.join(here, 'host-worker.js'),
    config: {
      version: app.getVersion(),
      shell: 'electron',
      dataDir: app.getPath('userData'),
      secrets: 'keychain',
      signInInApp: true,
      alerts: { systemLocale: app.getLocale() },
    },
    openExternal: (url) => shell.openExternal(url),
    openSignInWindow: (url, redirectUri, trustedPems) =>
      openSignInWindow(
        { createWindow: (options) => new BrowserWindow({ ...options, ...(consoleWindow ? { parent: consoleWindow, modal: true } : {}) }) },
        { authorizeUrl: url, redirectPrefix: redirectUri, trustedPems },
      ),
    log: log('host'),
  });
  worker = host;
  uiLanguage = watchUiLanguage({ getSettings: () => host.api.getSettings(), onEvent: (listener) => host.onEvent(['settings-changed'], listener) }, app.getLocale());
  installAppMenu({
    Menu,
    language: uiLanguage,
    platform: process.platform,
    isPackaged: app.isPackaged,
    actions: {
      // On the screen chosen in the tray (the desktop shell keeps that choice).
      openWallboard: () => desktop?.openWallboard(),
      openLogFolder: showLogFolder,
      showAbout: () => void dialog.showMessageBox({ type: 'info', ...aboutText(menuLanguage(), app.getVersion()) }),
    },
  });
  // Nothing configured yet: a fresh install opens on the built-in demo portal. A saved connection
  // that cannot open now (keychain locked) is never replaced by the demo.
  if ((await host.control({ op: 'restore' })) === 'none') await host.control({ op: 'connect-demo-with-setup' });
  const toWindows = (json: string) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('pult:event', json);
  };
  registerApiHandlers(ipcMain, pageRelay(host.wire), isTrustedUrl, log('ipc'));
  consoleWindow = createConsoleWindow();
  host.wire.subscribe(toWindows);
  if (startHidden) void host.api.setVisible(false);

  // Updates from the admin's internal address (src/main/updates, docs/updates.md).
  updates = createElectronUpdates({
    isPackaged: app.isPackaged,
    platform: process.platform,
    env: process.env,
    resourcesPath: process.resourcesPath,
    log: log('updates'),
    prepareToQuit: () => desktop?.markQuitting(),
  });
  // Tray, native notifications, close-to-tray, start with the OS (src/main/tray, src/main/notifications).
  desktop = startDesktopShell({
    app,
    createTray: (image) => new Tray(image as Electron.NativeImage),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    loadImage: (file) => nativeImage.createFromPath(file),
    Notification,
    host: { syncNow: () => host.api.syncNow(), getSettings: () => host.api.getSettings(), onEvent: (listener) => host.onEvent(['settings-changed'], listener) },
    alerts: host.alerts,
    dataDir: app.getPath('userData'),
    iconDir: trayIconDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, mainDir: here }),
    platform: process.platform,
    autostart: { execPath: process.env.APPIMAGE ?? process.execPath, linuxAutostartDir: linuxAutostartDir(process.env, os.homedir()), fs },
    showConsole,
    openWallboard: (displayId, moveIfOpen) => void wallboard.open({ displayId }, moveIfOpen),
    screens: {
      displays: () => screen.getAllDisplays(),
      primaryId: () => screen.getPrimaryDisplay().id,
      onChange: (listener) => {
        const events = ['display-added', 'display-removed', 'display-metrics-changed'] as const;
        for (const event of events) screen.on(event as 'display-added', listener);
        return () => events.forEach((event) => screen.removeListener(event as 'display-added', listener));
      },
    },
    compositorPlacesWindows: placement === 'compositor',
    sendToRenderer: (event: PultEvent) => toWindows(JSON.stringify(event)),
    onError: (message, error) => log('tray')('warn', message, { error }),
    openLogFolder: showLogFolder,
    updates: { controller: updates, currentVersion: app.getVersion() },
  });
  desktop.attachConsoleWindow(consoleWindow);
  // The first check waits a little (FIRST_CHECK_DELAY_MS): the console comes up first.
  updates.start();
}

/** Shows the console window, re-creating it if it was destroyed (close-to-tray off). */
function showConsole(): void {
  if (!consoleWindow || consoleWindow.isDestroyed()) {
    consoleWindow = createConsoleWindow();
    desktop?.attachConsoleWindow(consoleWindow);
  }
  if (consoleWindow.isMinimized()) consoleWindow.restore();
  revealConsole?.();
  consoleWindow.focus();
}

/** A start that failed: said in a native dialog (stderr before `ready` on Linux), then quit. */
function failedStart(error: unknown): void {
  const russian = app.getLocale().toLowerCase().startsWith('ru');
  const reason = error instanceof Error ? error.message : String(error);
  console.error('Pult could not start', error);
  logFile?.writeSync('error', 'main', 'Pult could not start', { error });
  dialog.showErrorBox(russian ? 'Pult не запустился' : 'Pult could not start', reason);
  app.quit();
}

// Native Wayland ignores window positions (the wallboard's screen, the console's saved place):
// with XWayland at hand Pult runs through it. Chromium picks its platform after this script.
const placement = windowPlacement(process.platform, process.env, process.argv);
if (placement === 'xwayland') app.commandLine.appendSwitch('ozone-platform', 'x11');

// Before anything opens the data folder (the single-instance lock lives in it too).
try {
  adoptLegacyDataDir(app.getPath('appData'), app.getPath('userData'), fs);
} catch (error) {
  console.warn('could not move the old data folder', error);
}
// A second desktop app hands over to the first; browser mode or the headless command on the same
// folder are kept out by the data folder's own lock.
let dataLock: DataLock | null = null;
if (!app.requestSingleInstanceLock()) app.quit();
else {
  dataLock = holdDataFolder({
    acquire: () => acquireDataLock(app.getPath('userData'), 'desktop'),
    language: menuLanguage(),
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    writeError: (line) => void process.stderr.write(`${line}\n`),
  });
  if (dataLock) runApp();
  else app.exit(2);
}

function runApp(): void {
  // Before any window: a crash from here on leaves a local minidump (nothing is uploaded).
  startLocalCrashReporter(crashReporter);
  logFile = openDesktopLog(app, process, (text) => void process.stderr.write(text));
  const lifecycle = runLifecycle({ whenReady: app.whenReady(), start, showConsole, fail: failedStart });
  // Another launch, or (macOS) the Dock icon after the window went to the tray.
  app.on('second-instance', () => lifecycle.askedToShow());
  app.on('activate', () => lifecycle.askedToShow());
  app.on('before-quit', () => desktop?.markQuitting());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    updates?.dispose();
    desktop?.dispose();
    // After the host's last write; the exit handler is the fallback if the worker is slow.
    void worker?.close().finally(() => dataLock?.release());
  });
}
