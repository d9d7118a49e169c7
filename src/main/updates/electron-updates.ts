/**
 * Builds the update controller for the running app: reads the admin's address, decides whether
 * this install updates itself, and hands electron-updater's `autoUpdater` over only when it does.
 */
import electronUpdater from 'electron-updater';
import fs from 'node:fs';
import path from 'node:path';
import { updateAvailability } from './update-availability';
import { createUpdateController, type Log, type UpdateController } from './update-controller';
import { readUpdateFeed } from './update-feed';

export interface ElectronUpdatesOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  resourcesPath: string;
  log: Log;
  prepareToQuit(): void;
}

export function createElectronUpdates(options: ElectronUpdatesOptions): UpdateController {
  const feed = options.isPackaged ? readUpdateFeed({ platform: options.platform, env: options.env, readFile: readIfExists }) : { kind: 'none' as const };
  const availability = updateAvailability(
    {
      isPackaged: options.isPackaged,
      platform: options.platform,
      appImage: options.env.APPIMAGE,
      packageType: readPackageType(options.resourcesPath),
    },
    feed,
  );
  return createUpdateController({
    availability,
    // A CommonJS package: Node's ESM loader cannot see `autoUpdater` as a named export. The getter
    // picks NsisUpdater, MacUpdater or AppImageUpdater; asked only when updates are on.
    updater: () => electronUpdater.autoUpdater,
    log: options.log,
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    now: () => Date.now(),
    prepareToQuit: options.prepareToQuit,
  });
}

function readPackageType(resourcesPath: string): string | null {
  try {
    return readIfExists(path.join(resourcesPath, 'package-type'))?.trim() || null;
  } catch {
    return null;
  }
}

/** A file's text, or null when it does not exist (other read errors throw). */
export function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
