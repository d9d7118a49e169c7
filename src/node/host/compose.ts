/** Builds a PultHost with the real adapters; shared by Electron main and browser mode. */
import os from 'node:os';
import path from 'node:path';
import type { SecretStore, Logger } from '../../core/ports';
import type { Shell } from '../../shared/api';
import { systemClock, systemRandom } from '../clock';
import { openSettingsStore } from '../settings/settings-store';
import { createKeychainSecretStore } from '../secrets/keychain';
import type { SecretsControl } from '../secrets/choice';
import { PultHost, type DemoStarter, type HostOptions } from './pult-host';

/** The same folder Electron uses for userData, so both shells share one configuration. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Pult');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Pult');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Pult');
}

export interface ComposeOptions {
  version: string;
  shell: Shell;
  dataDir: string;
  startDemo: DemoStarter;
  openExternal(url: string): Promise<void>;
  openSignInWindow?: HostOptions['openSignInWindow'];
  secrets?: SecretStore;
  secretsControl?: SecretsControl;
  logger?: Logger;
  loopbackPort?: number;
}

export function composeHost(options: ComposeOptions): PultHost {
  return new PultHost({
    version: options.version,
    shell: options.shell,
    dataDir: options.dataDir,
    settings: openSettingsStore({ cwd: options.dataDir }),
    secrets: options.secrets ?? createKeychainSecretStore(),
    ...(options.secretsControl ? { secretsControl: options.secretsControl } : {}),
    clock: systemClock,
    random: systemRandom,
    startDemo: options.startDemo,
    openExternal: options.openExternal,
    ...(options.openSignInWindow ? { openSignInWindow: options.openSignInWindow } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.loopbackPort !== undefined ? { loopbackPort: options.loopbackPort } : {}),
  });
}
