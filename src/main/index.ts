/**
 * Electron main: composes the host with windows and IPC. Kept thin: everything that can run
 * without Electron lives in src/node and src/core.
 */
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { composeHost } from '../node/host/compose';
import { acceptProposedSetup } from '../node/host/auto-setup';
import { startDemoPortal, type DemoPortal } from '../node/demo/demo-portal';
import type { PultHost } from '../node/host/pult-host';
import { registerApiHandlers } from './ipc';
import { createTrustedUrlCheck, cspHeaders, hardenWebContents, secureWebPreferences } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(path.join(here, '../renderer/index.html')).href;
const isTrustedUrl = createTrustedUrlCheck(rendererUrl);

const demos: DemoPortal[] = [];
let host: PultHost | null = null;
let consoleWindow: BrowserWindow | null = null;

function createConsoleWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    title: 'Pult',
    webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs')),
  });
  hardenWebContents(window.webContents, isTrustedUrl, (url) => void shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  window.on('show', () => void host?.setVisible(true));
  window.on('hide', () => void host?.setVisible(false));
  window.on('minimize', () => void host?.setVisible(false));
  window.on('restore', () => void host?.setVisible(true));
  void window.loadURL(rendererUrl);
  return window;
}

async function start(): Promise<void> {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: cspHeaders(details.responseHeaders) });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  host = composeHost({
    version: app.getVersion(),
    shell: 'electron',
    dataDir: app.getPath('userData'),
    startDemo: async () => {
      const demo = await startDemoPortal();
      demos.push(demo);
      return demo;
    },
    openExternal: (url) => shell.openExternal(url),
  });
  await host.restore();
  // Nothing configured yet: a fresh install opens on the built-in demo portal.
  if (!(await host.getAppInfo()).connection) await acceptProposedSetup(host, await host.connectDemo());
  const activeHost = host;
  registerApiHandlers(ipcMain, activeHost, isTrustedUrl);
  consoleWindow = createConsoleWindow();
  activeHost.onEvent((event) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('pult:event', event);
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (consoleWindow?.isMinimized()) consoleWindow.restore();
    consoleWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void host?.close();
    for (const demo of demos) void demo.close();
  });
  void app.whenReady().then(start);
}
