/**
 * Start with the OS, minimised to the tray. Windows and macOS register a login item through
 * Electron; Linux has no such API, so an XDG autostart entry is written instead.
 *
 * macOS 13+ (SMAppService) has no "open as hidden" any more (Electron 44 removed `openAsHidden`):
 * Pult itself stays in the tray when `wasOpenedAtLogin` says the system started it. Windows starts
 * it with `--hidden`, and keeps the user's own switch in Task Manager (StartupApproved).
 */
import path from 'node:path';
import type { App } from 'electron';

export const HIDDEN_ARG = '--hidden';
export const LINUX_AUTOSTART_FILE = 'ru.pult.console.desktop';

/** Electron's own signatures: a removed option fails the typecheck of the code and of its fakes. */
export type LoginItemApp = Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;

export interface AutostartFs {
  mkdirSync(dir: string, options: { recursive: true }): unknown;
  writeFileSync(file: string, text: string): void;
  rmSync(file: string, options: { force: true }): void;
}

export interface AutostartOptions {
  app: LoginItemApp;
  platform: NodeJS.Platform;
  /** The executable to start (an AppImage's own path, not its temporary mount). */
  execPath: string;
  /** `~/.config/autostart` (XDG_CONFIG_HOME honoured by the caller). */
  linuxAutostartDir: string;
  fs: AutostartFs;
}

export function linuxDesktopEntry(execPath: string): string {
  const quoted = `"${execPath.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Pult', 'Comment=Service Desk console', `Exec=${quoted} ${HIDDEN_ARG}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

export function applyStartWithOs(options: AutostartOptions, enabled: boolean): void {
  if (options.platform === 'linux') {
    const file = path.join(options.linuxAutostartDir, LINUX_AUTOSTART_FILE);
    if (!enabled) return options.fs.rmSync(file, { force: true });
    options.fs.mkdirSync(options.linuxAutostartDir, { recursive: true });
    options.fs.writeFileSync(file, linuxDesktopEntry(options.execPath));
    return;
  }
  if (options.platform === 'darwin') return options.app.setLoginItemSettings({ openAtLogin: enabled });
  // The user's own choice in Pult: Task Manager shows it enabled again when turned on here.
  options.app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG], enabled });
}

/**
 * At each start, while start-with-the-OS is on: points the entry at the executable again (an update
 * may have moved it) without undoing what the user chose elsewhere. Windows: a Run entry the user
 * disabled in Task Manager stays disabled (Electron's `enabled` defaults to true and would
 * re-enable it). macOS: the login item names the app bundle, which an update keeps.
 */
export function refreshStartWithOs(options: AutostartOptions): void {
  if (options.platform === 'darwin') return;
  if (options.platform !== 'win32') return applyStartWithOs(options, true);
  const current = options.app.getLoginItemSettings({ args: [HIDDEN_ARG] });
  const ours = current.launchItems?.find((item) => item.args?.includes(HIDDEN_ARG));
  options.app.setLoginItemSettings({ openAtLogin: true, args: [HIDDEN_ARG], enabled: ours?.enabled ?? true });
}

/** Started by the OS at login: stay in the tray instead of opening the console. Call after `ready`. */
export function startedHidden(argv: readonly string[], app: LoginItemApp, platform: NodeJS.Platform): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  if (platform !== 'darwin') return false;
  return app.getLoginItemSettings().wasOpenedAtLogin === true;
}

export function linuxAutostartDir(env: NodeJS.ProcessEnv, home: string): string {
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'autostart');
}
