/**
 * Start with the OS, minimised to the tray. Windows and macOS register a login item through
 * Electron; Linux has no such API, so an XDG autostart entry is written instead.
 */
import path from 'node:path';

export const HIDDEN_ARG = '--hidden';
export const LINUX_AUTOSTART_FILE = 'ru.pult.console.desktop';

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
  getLoginItemSettings(): { wasOpenedAsHidden?: boolean; wasOpenedAtLogin?: boolean };
}

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
  if (options.platform === 'darwin') return options.app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true });
  options.app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
}

/** Started by the OS at login: stay in the tray instead of opening the console. */
export function startedHidden(argv: readonly string[], app: LoginItemApp, platform: NodeJS.Platform): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  if (platform !== 'darwin') return false;
  const login = app.getLoginItemSettings();
  return login.wasOpenedAsHidden === true || login.wasOpenedAtLogin === true;
}

export function linuxAutostartDir(env: NodeJS.ProcessEnv, home: string): string {
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'autostart');
}
