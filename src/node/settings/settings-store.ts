/**
 * The settings file (`settings.json` in the data folder), one for the desktop and browser mode.
 * Every read and write goes through the domain schema; a file from an older version is migrated
 * and written back; secrets never enter it (they go to the keychain). Written atomically like the
 * other small files (files/json-file.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultSettings, type Settings } from '../../core/domain/settings';
import { exportSettingsJson, importSettingsJson, parseSettings, type SettingsResult } from '../../core/domain/settings-io';
import { readJsonText, writeJsonFileAtomic } from '../files/json-file';

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
  let loadProblem: string | null = null;
  let current = defaultSettings();
  const stored = readJsonText(filePath);
  if (stored.kind === 'unreadable') {
    // Kept for the user (it may be a hand edit gone wrong); a fresh file starts at the next save.
    const aside = `${filePath}.invalid`;
    fs.renameSync(filePath, aside);
    loadProblem = `the settings file ${filePath} could not be read (${stored.reason}); it was kept as ${aside} and defaults are in use`;
  } else if (stored.kind === 'ok') {
    const loaded = parseSettings(stored.value);
    if (loaded.ok) {
      current = loaded.settings;
      // An older version's file is written back migrated (an empty one stays until the first save).
      const version = (stored.value as { version?: unknown } | null)?.version;
      if (!isEmptyObject(stored.value) && version !== current.version) writeJsonFileAtomic(filePath, current);
    } else {
      loadProblem = `the settings file ${filePath} is invalid (${loaded.error}); defaults are in use until you save`;
    }
  }

  const save = (next: unknown): SettingsResult => {
    const parsed = parseSettings(next);
    if (!parsed.ok) return parsed;
    writeJsonFileAtomic(filePath, parsed.settings);
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

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
