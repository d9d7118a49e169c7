/**
 * Whether this copy of Pult updates itself. Off in a development build, without an admin-set
 * address, and on Linux unless it runs as an AppImage: a .deb (electron-updater's DebUpdater)
 * would run `dpkg -i` through pkexec/sudo at quit, an admin password prompt on a user's
 * workstation, so .deb installs are updated the way the admin installed them (apt repository,
 * configuration management). Pure.
 */
import type { UpdateFeed } from './update-feed';

export type UpdateOffReason = 'development' | 'no-address' | 'invalid-address' | 'package-manager' | 'not-appimage';

export type UpdateAvailability = { on: true; url: string } | { on: false; reason: UpdateOffReason; detail?: string };

export interface InstallFacts {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Set by the AppImage runtime to the AppImage's own path. */
  appImage: string | undefined;
  /** electron-builder's resources/package-type ("deb", "rpm", "pacman"), written only into those packages. */
  packageType: string | null;
}

export function updateAvailability(facts: InstallFacts, feed: UpdateFeed): UpdateAvailability {
  if (!facts.isPackaged) return { on: false, reason: 'development' };
  if (facts.platform === 'linux' && !facts.appImage) {
    return facts.packageType
      ? { on: false, reason: 'package-manager', detail: `installed from a ${facts.packageType} package` }
      : { on: false, reason: 'not-appimage' };
  }
  if (feed.kind === 'none') return { on: false, reason: 'no-address' };
  if (feed.kind === 'invalid') return { on: false, reason: 'invalid-address', detail: `${feed.from}: ${feed.reason}` };
  return { on: true, url: feed.url };
}
