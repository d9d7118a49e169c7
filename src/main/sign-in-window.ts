/**
 * Sign-in inside Pult (the alternative to the system browser): a window with no preload and no
 * Node that shows the portal's own login and consent pages. It may navigate only within the
 * portal and to the loopback redirect; it closes itself when the redirect has reached Pult's
 * listener, and closing it by hand cancels the sign-in.
 */
export interface SignInWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): void;
  on(event: 'did-navigate', listener: (event: unknown, url: string) => void): void;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

export interface SignInBrowserWindow {
  webContents: SignInWebContents;
  loadURL(url: string): Promise<void>;
  on(event: 'closed', listener: () => void): void;
  close(): void;
  isDestroyed(): boolean;
}

export interface SignInWindowDeps {
  createWindow(): SignInBrowserWindow;
}

export function isAllowedSignInUrl(url: string, portalOrigin: string, redirectPrefix: string): boolean {
  try {
    const target = new URL(url);
    return target.origin === portalOrigin || url.startsWith(redirectPrefix);
  } catch {
    return false;
  }
}

/** Opens the authorize page; resolves when the window is closed (by Pult or by the user). */
export function openSignInWindow(deps: SignInWindowDeps, authorizeUrl: string, redirectPrefix: string): Promise<void> {
  const portalOrigin = new URL(authorizeUrl).origin;
  const window = deps.createWindow();
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedSignInUrl(url, portalOrigin, redirectPrefix)) event.preventDefault();
  };
  window.webContents.on('will-navigate', guard);
  window.webContents.on('will-redirect', guard);
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('did-navigate', (_event, url) => {
    // The listener has the code now; nothing more to show.
    if (url.startsWith(redirectPrefix) && !window.isDestroyed()) setTimeout(() => !window.isDestroyed() && window.close(), 300);
  });
  return new Promise((resolve) => {
    window.on('closed', () => resolve());
    void window.loadURL(authorizeUrl);
  });
}
