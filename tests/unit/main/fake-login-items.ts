import type { LoginItemSettings } from 'electron';
import { vi } from 'vitest';
import type { LoginItemApp } from '../../../src/main/autostart';

/** What `app.getLoginItemSettings()` answers, complete as electron.d.ts declares it. */
export function loginItemSettings(patch: Partial<LoginItemSettings> = {}): LoginItemSettings {
  return { openAtLogin: false, wasOpenedAtLogin: false, status: 'not-registered', executableWillLaunchAtLogin: false, launchItems: [], ...patch };
}

/** A fake of Electron's login-item API, typed from electron.d.ts (a removed option fails the typecheck). */
export function fakeLoginItemApp(settings: Partial<LoginItemSettings> = {}) {
  const app = {
    setLoginItemSettings: vi.fn<LoginItemApp['setLoginItemSettings']>(),
    getLoginItemSettings: vi.fn<LoginItemApp['getLoginItemSettings']>(() => loginItemSettings(settings)),
  };
  return app satisfies LoginItemApp;
}
