/** A browser-mode PultHost over a fresh data folder, secrets in memory and no demo portal. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock, systemRandom } from '../../../src/node/clock';
import { PultHost } from '../../../src/node/host/pult-host';
import type { HostOptions } from '../../../src/node/host/host-context';
import { MemorySecretStore } from '../../../src/node/secrets/memory';
import { openSettingsStore } from '../../../src/node/settings/settings-store';

export function browserHost(folderPrefix: string, options: Partial<HostOptions> & { demoRefusal?: string } = {}): { host: PultHost; dataDir: string } {
  const { demoRefusal = 'no demo here', ...overrides } = options;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  const host = new PultHost({
    version: 'test',
    shell: 'browser',
    dataDir,
    settings: openSettingsStore({ cwd: dataDir }),
    secrets: new MemorySecretStore(),
    clock: systemClock,
    random: systemRandom,
    startDemo: () => Promise.reject(new Error(demoRefusal)),
    openExternal: async () => undefined,
    ...overrides,
  });
  return { host, dataDir };
}
