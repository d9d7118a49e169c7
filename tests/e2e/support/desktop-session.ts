import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Launcher } from './web-mode';

/**
 * A workstation's desktop session for browser mode, kept in one folder so a restart finds it
 * again: a private D-Bus session with gnome-keyring (an unlocked "login" keyring, the OS keychain
 * Pult keeps its tokens in) and a "system browser" that writes down each address it is asked to
 * open, for the test to open in a page of its own (xdg-open honours $BROWSER).
 */
export interface DesktopSession {
  launcher: Launcher;
  /** The addresses Pult asked the system browser to open, in order. */
  openedUrls(): string[];
}

export function desktopSession(dir: string): DesktopSession {
  const runtime = path.join(dir, 'runtime');
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const opened = path.join(dir, 'opened-urls.txt');
  const browser = path.join(dir, 'browser.sh');
  writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
  chmodSync(browser, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_RUNTIME_DIR: runtime,
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    // No desktop files: xdg-open falls back to $BROWSER instead of a real browser.
    XDG_DATA_DIRS: path.join(dir, 'no-desktop-files'),
    BROWSER: browser,
    PULT_TEST_KEYRING_PASSWORD: 'pult-day',
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.XDG_CURRENT_DESKTOP;
  delete env.DISPLAY;
  const unlock = 'printf "%s" "$PULT_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"';
  return {
    launcher: { env, command: (node) => ['dbus-run-session', ['--', 'sh', '-c', unlock, 'sh', ...node]] },
    openedUrls: () => (existsSync(opened) ? readFileSync(opened, 'utf8').split('\n').filter(Boolean) : []),
  };
}
