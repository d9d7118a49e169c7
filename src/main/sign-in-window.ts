/**
 * Sign-in inside Pult (the alternative to the system browser): a window with no preload and no
 * Node that shows the portal's own login and consent pages. It may navigate only within the
 * portal and to the loopback redirect; it closes itself when the redirect has reached Pult's
 * listener, and closing it by hand cancels the sign-in.
 *
 * Its Electron session is in memory and new for each attempt (the next person at a shared
 * workstation never inherits a portal session), grants no permission, and trusts the certificate
 * the user trusted by fingerprint in Pult, the way Node's connections to the portal do.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Certificate, Event, Session, WebContents } from 'electron';
import type { SignInWindowOutcome } from '../node/host/host-context';
import { certificateVerifier } from './sign-in-certificates';
import { denyAllPermissions } from './permissions';

export type SignInSession = Pick<Session, 'setCertificateVerifyProc' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'clearStorageData'>;

/** The slice of Electron's WebContents this window uses (Electron's own listener types). */
export interface SignInWebContents {
  readonly session: SignInSession;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Event, url: string) => void): unknown;
  on(event: 'did-navigate', listener: (event: Event, url: string) => void): unknown;
  on(
    event: 'certificate-error',
    listener: (event: Event, url: string, error: string, certificate: Certificate, callback: (isTrusted: boolean) => void, isMainFrame: boolean) => void,
  ): unknown;
  setWindowOpenHandler: WebContents['setWindowOpenHandler'];
}

export interface SignInBrowserWindow {
  readonly webContents: SignInWebContents;
  loadURL: BrowserWindow['loadURL'];
  on(event: 'closed', listener: () => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

export interface SignInWindowDeps {
  createWindow(options: BrowserWindowConstructorOptions): SignInBrowserWindow;
  /** The clock the certificate dates are judged by (tests). */
  now?(): number;
}

export interface SignInRequest {
  authorizeUrl: string;
  /** The loopback redirect URI: the window closes once it has loaded. */
  redirectPrefix: string;
  /** The certificates the user trusted in Pult (PEM). */
  trustedPems: readonly string[];
}

/** A partition name without `persist:` is an in-memory session; a fresh name is a fresh session. */
export function signInPartition(): string {
  return `pult-sign-in-${randomUUID()}`;
}

/**
 * Earlier versions kept the sign-in session on disk (partition `persist:pult-sign-in`, stored
 * under the session data folder): its portal cookies are removed at start. Null, or why not.
 */
export function removeOldSignInSession(sessionDataDir: string): Error | null {
  try {
    fs.rmSync(path.join(sessionDataDir, 'Partitions', 'pult-sign-in'), { recursive: true, force: true });
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

export function signInWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    width: 720,
    height: 760,
    title: 'Pult — вход на портал',
    // The portal's own pages: no preload, no Node, isolated and sandboxed.
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, partition },
  };
}

export function isAllowedSignInUrl(url: string, portalOrigin: string, redirectPrefix: string): boolean {
  try {
    const target = new URL(url);
    return target.origin === portalOrigin || url.startsWith(redirectPrefix);
  } catch {
    return false;
  }
}

/** Opens the authorize page; resolves when the window has closed (by Pult, the user, or a certificate error). */
export function openSignInWindow(deps: SignInWindowDeps, request: SignInRequest): Promise<SignInWindowOutcome> {
  const { authorizeUrl, redirectPrefix } = request;
  const portal = new URL(authorizeUrl);
  const window = deps.createWindow(signInWindowOptions(signInPartition()));
  // Kept apart from the window: it is cleared after the window (and its webContents) is gone.
  const session = window.webContents.session;
  denyAllPermissions(session);
  const verify = certificateVerifier(portal.hostname, request.trustedPems, deps.now ?? Date.now);
  session.setCertificateVerifyProc((verifyRequest, callback) => callback(verify(verifyRequest)));

  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedSignInUrl(url, portal.origin, redirectPrefix)) event.preventDefault();
  };
  window.webContents.on('will-navigate', guard);
  window.webContents.on('will-redirect', guard);
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('did-navigate', (_event, url) => {
    // The listener has the code now; nothing more to show.
    if (url.startsWith(redirectPrefix) && !window.isDestroyed()) setTimeout(() => !window.isDestroyed() && window.close(), 300);
  });
  let failure: SignInWindowOutcome | null = null;
  window.webContents.on('certificate-error', (event, _url, error, _certificate, callback, isMainFrame) => {
    event.preventDefault();
    callback(false);
    // A page that cannot load would stay blank: the sign-in fails instead, saying why.
    if (!isMainFrame) return;
    failure ??= { ended: 'certificate-error', error };
    if (!window.isDestroyed()) window.close();
  });
  return new Promise((resolve) => {
    window.on('closed', () => {
      // In memory only, but the process may live for weeks: no portal cookie outlives the attempt.
      void session.clearStorageData().catch(() => undefined);
      resolve(failure ?? { ended: 'closed' });
    });
    // A refused page rejects here; what the user sees is handled by the events above.
    window.loadURL(authorizeUrl).catch(() => undefined);
  });
}
