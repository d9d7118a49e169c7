/**
 * Browser mode without a usable keychain: the host says so from its start-up check, and once the
 * user opts in keeps the sign-in in memory only — connecting works, nothing reaches the disk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { PultHost } from '../../../src/node/host/pult-host';
import { openSettingsStore } from '../../../src/node/settings/settings-store';
import { MemorySecretStore } from '../../../src/node/secrets/memory';
import { SecretStoreChoice } from '../../../src/node/secrets/choice';
import { SecretStoreError } from '../../../src/node/secrets/errors';
import { systemClock, systemRandom } from '../../../src/node/clock';
import { dispatchApiCall } from '../../../src/node/api-dispatch';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function portal(): Promise<EmulatorHandle> {
  const emulator = await startEmulator({ port: 0, seed: 3, tasks: 40, profile: 'box' });
  cleanups.push(() => emulator.close());
  return emulator;
}

function makeHost(keychain: MemorySecretStore, options: { canUseMemory: boolean } | null, dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-memsecrets-'))) {
  const choice = options ? new SecretStoreChoice(keychain, options) : null;
  const host = new PultHost({
    version: 'test', shell: 'browser', dataDir, settings: openSettingsStore({ cwd: dataDir }),
    secrets: choice ?? keychain, ...(choice ? { secretsControl: choice } : {}),
    clock: systemClock, random: systemRandom, startDemo: () => Promise.reject(new Error('no demo')), openExternal: async () => undefined,
  });
  cleanups.push(() => host.close());
  return { host, dataDir };
}

/** Every file under the data folder, its bytes searched for the secret. */
function filesHolding(dir: string, secret: string): string[] {
  const hits: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) hits.push(...filesHolding(file, secret));
    else if (readFileSync(file).includes(secret)) hits.push(file);
  }
  return hits;
}

const noSecretService = () => new SecretStoreError('unavailable', 'No Secret Service');

describe('browser mode without a keychain', () => {
  it('the start-up check says the keychain is missing; after opting in, a webhook connects and its secret stays off the disk', async () => {
    const emulator = await portal();
    const keychain = new MemorySecretStore();
    keychain.failWith(noSecretService());
    const { host, dataDir } = makeHost(keychain, { canUseMemory: true });

    await host.checkSecrets();
    expect((await host.getAppInfo()).secrets).toEqual({ kind: 'keychain', keychainProblem: 'unavailable', canUseMemory: true });
    await expect(host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl })).rejects.toBeInstanceOf(SecretStoreError);

    const answer = await dispatchApiCall(host, 'keepSecretsInMemory', []);
    expect(answer).toMatchObject({ ok: true, value: { secrets: { kind: 'memory', keychainProblem: null } } });
    const connected = await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    expect(connected.groups.length).toBeGreaterThan(0);
    expect((await host.listGroups()).length).toBeGreaterThan(0);

    const secret = new URL(emulator.webhookUrl).pathname.split('/')[3]!;
    expect(secret.length).toBeGreaterThan(8);
    expect(filesHolding(dataDir, secret)).toEqual([]);
    keychain.failWith(null);
    expect(keychain.snapshot()).toEqual({});
  });

  it('a working keychain passes the check and leaves no probe entry behind', async () => {
    const keychain = new MemorySecretStore();
    const { host } = makeHost(keychain, { canUseMemory: true });
    await host.checkSecrets();
    expect((await host.getAppInfo()).secrets).toEqual({ kind: 'keychain', keychainProblem: null, canUseMemory: true });
    expect(keychain.snapshot()).toEqual({});
  });

  it('a locked keychain found in use is said too', async () => {
    const emulator = await portal();
    const keychain = new MemorySecretStore();
    const { host } = makeHost(keychain, { canUseMemory: true });
    await host.checkSecrets();
    keychain.failWith(new SecretStoreError('locked', 'locked'));
    await expect(host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl })).rejects.toBeInstanceOf(SecretStoreError);
    expect((await host.getAppInfo()).secrets.keychainProblem).toBe('locked');
  });

  it('a saved connection waiting for the keychain stops waiting when the user opts in: the first run opens on the same portal', async () => {
    const emulator = await portal();
    const keychain = new MemorySecretStore();
    const first = makeHost(keychain, { canUseMemory: true });
    await first.host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    await first.host.close();

    keychain.failWith(noSecretService());
    const { host } = makeHost(keychain, { canUseMemory: true }, first.dataDir);
    await host.checkSecrets();
    expect(await host.restore()).toBe('waiting');
    expect((await host.getAppInfo()).keychainWait).toMatchObject({ portalUrl: emulator.portalUrl, code: 'unavailable' });

    const info = await host.keepSecretsInMemory();
    expect(info).toMatchObject({ keychainWait: null, connection: null, secrets: { kind: 'memory' } });
    expect((await host.getSettings()).connection.address).toBe(emulator.portalUrl);
    expect((await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl })).groups.length).toBeGreaterThan(0);
  });

  it('the desktop app (no memory choice) refuses the call', async () => {
    const { host } = makeHost(new MemorySecretStore(), null);
    expect((await host.getAppInfo()).secrets).toEqual({ kind: 'keychain', keychainProblem: null, canUseMemory: false });
    expect(await dispatchApiCall(host, 'keepSecretsInMemory', [], undefined, host.failureText)).toMatchObject({ ok: false, error: { code: 'denied', message: expect.stringContaining('браузерном режиме') } });
    // Arguments are validated like every call's.
    expect(await dispatchApiCall(host, 'keepSecretsInMemory', ['yes'])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
