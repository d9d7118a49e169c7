/**
 * The desktop app's data folder. Electron names it after `productName`: once that was missing, so
 * the folder was `…/pult` while browser mode used `…/Pult`. What was left under the old name is
 * moved to the new one before Pult opens it. Electron may already have created the new folder
 * (its lock, caches), so "Pult's" is judged by the settings file, and nothing there is replaced;
 * on case-insensitive disks the two names are one folder and nothing moves.
 */
import path from 'node:path';

export interface DataDirFs {
  existsSync(file: string): boolean;
  mkdirSync(dir: string, options: { recursive: true }): unknown;
  readdirSync(dir: string): string[];
  renameSync(from: string, to: string): void;
}

export const LEGACY_DATA_DIR_NAME = 'pult';
const SETTINGS_FILE = 'settings.json';

/** Returns the names moved (empty when there was nothing to move). */
export function adoptLegacyDataDir(appDataDir: string, userDataDir: string, fs: DataDirFs): string[] {
  const legacy = path.join(appDataDir, LEGACY_DATA_DIR_NAME);
  if (path.resolve(legacy) === path.resolve(userDataDir) || !fs.existsSync(path.join(legacy, SETTINGS_FILE))) return [];
  if (fs.existsSync(path.join(userDataDir, SETTINGS_FILE))) return [];
  // Case-insensitive disks: the old name shows the new folder's own contents.
  if (fs.existsSync(userDataDir) && sameEntries(fs.readdirSync(legacy), fs.readdirSync(userDataDir))) return [];
  fs.mkdirSync(userDataDir, { recursive: true });
  const moved: string[] = [];
  for (const name of fs.readdirSync(legacy)) {
    const target = path.join(userDataDir, name);
    if (fs.existsSync(target)) continue;
    fs.renameSync(path.join(legacy, name), target);
    moved.push(name);
  }
  return moved;
}

function sameEntries(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}
