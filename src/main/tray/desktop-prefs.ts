/**
 * Desktop-only preferences kept beside the settings file: start with the OS, and whether the
 * close-to-tray explanation was shown. Their own small file because the settings schema
 * (core/domain/settings.ts) has no `ui.startWithOs` yet; move it there when it gets one.
 */
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from '../../node/files/json-file';

const prefsSchema = z.object({
  startWithOs: z.boolean().default(false),
  closeToTrayExplained: z.boolean().default(false),
  /** The screen the wallboard opens on (Electron's display id); null: automatic. */
  wallboardDisplayId: z.number().int().nullable().default(null),
});

export type DesktopPrefs = z.infer<typeof prefsSchema>;

export const DESKTOP_PREFS_FILE = 'desktop-preferences.json';

export interface DesktopPrefsStore {
  get(): DesktopPrefs;
  update(patch: Partial<DesktopPrefs>): DesktopPrefs;
}

export function openDesktopPrefs(dataDir: string): DesktopPrefsStore {
  const file = path.join(dataDir, DESKTOP_PREFS_FILE);
  let current = readJsonFile(file, prefsSchema, () => prefsSchema.parse({})).value;
  return {
    get: () => ({ ...current }),
    update(patch) {
      current = { ...current, ...patch };
      writeJsonFileAtomic(file, current);
      return { ...current };
    },
  };
}
