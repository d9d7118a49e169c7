/**
 * The desktop app's log: `<data folder>/logs` (as browser mode's, so an admin looks in one
 * place), uncaught errors and unhandled rejections of main in it, and, run from source, its
 * warnings in the terminal too. PULT_LOG_LEVEL=debug writes the host's debug lines as well.
 */
import { envLogLevel, logDirIn, logProcessErrors, openLogFile, type LogFile, type ProcessLike } from '../node/logging';

export type DesktopLogApp = Pick<Electron.App, 'getPath' | 'getVersion' | 'isPackaged'>;

export function openDesktopLog(app: DesktopLogApp, proc: ProcessLike & { env: NodeJS.ProcessEnv; platform: NodeJS.Platform }, stderr: (text: string) => void): LogFile {
  const file = openLogFile({
    dir: logDirIn(app.getPath('userData')),
    minLevel: envLogLevel(proc.env.PULT_LOG_LEVEL) ?? 'info',
    ...(app.isPackaged ? {} : { mirror: (entry, line) => void (entry.level === 'warn' || entry.level === 'error' ? stderr(line) : undefined) }),
  });
  logProcessErrors(proc, file, 'main');
  file.write('info', 'main', 'Pult started', { version: app.getVersion(), platform: proc.platform, packaged: app.isPackaged, crashDumps: app.getPath('crashDumps') });
  return file;
}
