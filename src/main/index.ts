/**
 * Electron main: composes the host service with windows and IPC. Kept thin: everything that can
 * run without Electron lives in src/node and src/core.
 */
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PultService } from '../node/service';
import { createNodeHttp } from '../node/http';
import { startDemoPortal, type DemoPortal } from '../node/demo/demo-portal';
import { registerApiHandlers } from './ipc';
import { createTrustedUrlCheck, cspHeaders, hardenWebContents, secureWebPreferences } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(path.join(here, '../renderer/index.html')).href;
const isTrustedUrl = createTrustedUrlCheck(rendererUrl);

let demo: DemoPortal | null = null;
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
  void window.loadURL(rendererUrl);
  return window;
}

async function start(): Promise<void> {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: cspHeaders(details.responseHeaders) });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  // No portal configured yet: open the built-in demo portal (first run lands here).
  demo = await startDemoPortal();
  const service = new PultService({
    version: app.getVersion(),
    shell: 'electron',
    http: createNodeHttp(),
    connection: { info: { portalUrl: demo.portalUrl, kind: 'demo' }, webhookUrl: demo.webhookUrl },
  });
  registerApiHandlers(ipcMain, service, isTrustedUrl);
  consoleWindow = createConsoleWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (consoleWindow?.isMinimized()) consoleWindow.restore();
    consoleWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void demo?.close());
  void app.whenReady().then(start);
}
