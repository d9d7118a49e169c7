/**
 * The settings file, kept with `conf` (electron-store's base; the Electron main wraps the same
 * file later). Every read and write goes through the domain schema; a file from an older version
 * is migrated and written back; secrets never enter it (they go to the keychain).
 */
import Conf from 'conf';
import fs from 'node:fs';
import path from 'node:path';
import { defaultSettings, type Settings } from '../../core/domain/settings';
import { exportSettingsJson, importSettingsJson, parseSettings, type SettingsResult } from '../../core/domain/settings-io';

export interface SettingsStoreOptions {
  /** The directory holding the file (the app's userData folder; a temp folder in tests). */
  cwd: string;
  /** File name without `.json`. */
  configName?: string;
}

export interface SettingsStore {
  readonly path: string;
  /** Why the stored file could not be used at open (defaults are in use until the next save). */
  readonly loadProblem: string | null;
  get(): Settings;
  /** Validates and stores a whole document; on failure nothing changes. */
  save(next: unknown): SettingsResult;
  update(change: (current: Settings) => Settings): SettingsResult;
  /** Merges a team file's policy (never this machine's connection, groups or look); an invalid one is rejected and the current settings stay. */
  importJson(text: string): SettingsResult;
  importFile(filePath: string): SettingsResult;
  /** The team policy (never secrets, never this machine's connection) as a file a lead hands out. */
  exportJson(): string;
  exportFile(filePath: string): void;
}

export function openSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const configName = options.configName ?? 'settings';
  const filePath = path.join(options.cwd, `${configName}.json`);
  const { conf, problem: unreadable } = openConf(options.cwd, configName, filePath);
  let loadProblem = unreadable;
  let current = defaultSettings();
  if (!unreadable) {
    const stored: Record<string, unknown> = { ...conf.store };
    const loaded = parseSettings(Object.keys(stored).length === 0 ? {} : stored);
    if (loaded.ok) {
      current = loaded.settings;
      if (Object.keys(stored).length > 0 && stored['version'] !== current.version) conf.store = current;
    } else {
      loadProblem = `the settings file ${filePath} is invalid (${loaded.error}); defaults are in use until you save`;
    }
  }

  const save = (next: unknown): SettingsResult => {
    const parsed = parseSettings(next);
    if (!parsed.ok) return parsed;
    conf.store = parsed.settings;
    current = parsed.settings;
    loadProblem = null;
    return parsed;
  };

  const importJson = (text: string): SettingsResult => {
    const imported = importSettingsJson(text, structuredClone(current));
    return imported.ok ? save(imported.settings) : imported;
  };

  return {
    path: filePath,
    get loadProblem() {
      return loadProblem;
    },
    get: () => structuredClone(current),
    save,
    update: (change) => save(change(structuredClone(current))),
    importJson,
    importFile(source) {
      let text: string;
      try {
        text = fs.readFileSync(source, 'utf8');
      } catch (error) {
        return { ok: false, error: `cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
      }
      return importJson(text);
    },
    exportJson: () => exportSettingsJson(current),
    exportFile(target) {
      fs.writeFileSync(target, exportSettingsJson(current), 'utf8');
    },
  };
}

/** A file that is not even JSON is moved aside (kept for the user) and a fresh one started. */
function openConf(cwd: string, configName: string, filePath: string): { conf: Conf<Record<string, unknown>>; problem: string | null } {
  const create = () => new Conf<Record<string, unknown>>({ cwd, configName, clearInvalidConfig: false });
  try {
    const conf = create();
    void conf.store;
    return { conf, problem: null };
  } catch (error) {
    const aside = `${filePath}.invalid`;
    fs.renameSync(filePath, aside);
    return {
      conf: create(),
      problem: `the settings file ${filePath} could not be read (${(error as Error).message}); it was kept as ${aside} and defaults are in use`,
    };
  }
}
