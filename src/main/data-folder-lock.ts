/**
 * The desktop app holds the data folder's lock (src/node/data-lock.ts) from before the host opens
 * the store until it quits. Electron's single-instance lock only keeps out a second desktop app;
 * the other holder may be browser mode or the headless command, so this one is needed too.
 */
import { DataLockHeldError, type DataLock } from '../node/data-lock';
import { MENU_LABELS, type MenuLanguage } from './menus/menu-labels';

export interface DataFolderLockDeps {
  acquire(): DataLock;
  language: MenuLanguage;
  /** `dialog.showErrorBox` (safe before `ready`; stderr on Linux then). */
  showErrorBox(title: string, content: string): void;
  /** Also on stderr, as one line, for a start from a terminal or a script. */
  writeError(line: string): void;
}

/** The lock, or null after telling the user who holds the folder (the caller quits). */
export function holdDataFolder(deps: DataFolderLockDeps): DataLock | null {
  try {
    return deps.acquire();
  } catch (error) {
    if (!(error instanceof DataLockHeldError)) throw error;
    const t = MENU_LABELS[deps.language];
    deps.writeError(`Pult: ${error.message}`);
    deps.showErrorBox(t.dataFolderBusyTitle, `${t.dataFolderBusyMessage}\n\n${error.message}`);
    return null;
  }
}
