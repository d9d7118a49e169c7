/** Which tray PNG to load. Electron picks the `@2x` twin beside it on HiDPI screens. */
import path from 'node:path';
import type { TrayIconState } from './tray-view';

/** 16 px where the OS draws tray icons at 16 (Windows, macOS); Linux panels scale a 32 px one better. */
export function trayIconPath(iconDir: string, state: TrayIconState, platform: NodeJS.Platform): string {
  const size = platform === 'linux' ? 32 : 16;
  return path.join(iconDir, `tray-${state}-${size}.png`);
}

/** resources/tray in development (next to out/), or the packaged app's extraResources. */
export function trayIconDir(options: { isPackaged: boolean; resourcesPath: string; mainDir: string }): string {
  return options.isPackaged ? path.join(options.resourcesPath, 'resources', 'tray') : path.join(options.mainDir, '..', '..', 'resources', 'tray');
}
