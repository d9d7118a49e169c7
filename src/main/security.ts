import { CONTENT_SECURITY_POLICY } from '../node/csp';

/**
 * webPreferences for every Pult window: isolated, sandboxed, no Node in the page. Spell-check is
 * on where people type (the console), off on the read-only wallboard.
 */
export function secureWebPreferences(preloadPath: string, options: { spellcheck?: boolean } = {}) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: options.spellcheck ?? false,
  } as const;
}

/** Is this URL our own renderer (the built file, or the dev server in `npm run dev`)? */
export function createTrustedUrlCheck(rendererUrl: string): (url: string) => boolean {
  const trusted = new URL(rendererUrl);
  return (url: string) => {
    try {
      const candidate = new URL(url);
      if (trusted.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === trusted.pathname;
      return candidate.origin === trusted.origin;
    } catch {
      return false;
    }
  };
}

/** Only web links leave the app, and only to the system browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** The parts of WebContents the hardening touches (fakeable in tests). */
export interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
}

/**
 * Blocks navigation away from the renderer and every new window; web links go to the system
 * browser instead.
 */
export function hardenWebContents(contents: WebContentsLike, isTrustedUrl: (url: string) => boolean, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isTrustedUrl(url)) return;
    event.preventDefault();
    if (isExternalLinkAllowed(url)) openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function cspHeaders(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(headers ?? {})) result[key] = Array.isArray(value) ? value : [value];
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}
