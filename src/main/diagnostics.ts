/**
 * Main's diagnostics: local crash dumps, the log folder opened for the user, and the console's
 * dialog when its page keeps dying. Electron's pieces are parameters typed from electron.d.ts.
 */
import { MENU_LABELS, type MenuLanguage } from './menus/menu-labels';

/**
 * Crash dumps stay on this machine (Electron writes them to app.getPath('crashDumps')); nothing
 * is uploaded: box portals sit in closed networks, and a dump may hold a user's data.
 */
export function startLocalCrashReporter(crashReporter: Pick<Electron.CrashReporter, 'start'>): void {
  crashReporter.start({ uploadToServer: false });
}

/** Opens the log folder in the system's file manager; Electron answers an error text or ''. */
export async function openLogFolder(shell: Pick<Electron.Shell, 'openPath'>, dir: string, log: (message: string, data: Record<string, unknown>) => void): Promise<void> {
  const problem = await shell.openPath(dir);
  if (problem) log('could not open the log folder', { dir, problem });
}

export interface MessageBoxLike {
  showMessageBox(options: Electron.MessageBoxOptions): Promise<Pick<Electron.MessageBoxReturnValue, 'response'>>;
}

/**
 * The console's page died again and again and is no longer reloaded by itself: say so, name the
 * log folder, and let the user reload it, open the logs or leave it.
 */
export async function explainConsoleCrashes(
  dialog: MessageBoxLike,
  language: MenuLanguage,
  logDir: string,
  actions: { reload(): void; openLogFolder(): void },
): Promise<void> {
  const t = MENU_LABELS[language];
  const buttons = [t.crashReload, t.openLogFolder, t.crashClose];
  const { response } = await dialog.showMessageBox({ type: 'error', title: t.crashTitle, message: t.crashMessage, detail: `${t.crashDetail} ${logDir}`, buttons, defaultId: 0, cancelId: 2, noLink: true });
  if (response === 0) actions.reload();
  else if (response === 1) actions.openLogFolder();
}
