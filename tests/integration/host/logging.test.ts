/**
 * The seam between the host and the log files, as main and browser mode wire it: the host in its
 * worker, its Logger lines relayed to this thread and written to `<data>/logs`. A webhook's secret
 * (and tokens passed through the host's logger) never reach the folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '../../support/wait-for';
import { startEmulator } from '../../../src/bitrix-emulator/index';
import { startHostWorker } from '../../../src/node/host-worker/client';
import { logDirIn, logFunction, loggerFor, openLogFile } from '../../../src/node/logging';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function logFolderText(dir: string): string {
  return readdirSync(dir)
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('');
}

describe('host logs in the log folder', () => {
  it('a webhook connection, a failed sync and secret-bearing lines: written, the secret never', async () => {
    const emulator = await startEmulator({ port: 0, seed: 4, tasks: 60, profile: 'box' });
    cleanups.push(() => emulator.close());
    const secret = new URL(emulator.webhookUrl).pathname.split('/')[3]!;
    expect(secret.length).toBeGreaterThan(6);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-logs-'));
    const logFile = openLogFile({ dir: logDirIn(dataDir) });
    const write = logFunction(logFile, 'host');
    const worker = startHostWorker({
      config: { version: 'test', shell: 'browser', dataDir, secrets: 'memory', signInInApp: false },
      openExternal: async () => undefined,
      log: write,
    });
    cleanups.push(() => worker.close());

    await worker.control({ op: 'connect-webhook-with-setup', portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    await waitFor(async () => (await worker.api.getBoard(emulator.groups[0]!.id)).cards.length > 0, 15_000);
    // The portal goes away: the host's sync engine logs its failed cycle through the worker.
    emulator.setUnreachable(true);
    await worker.api.syncNow().catch(() => undefined);
    // Lines as the worker relays them (its error handler passes stacks) and through the Logger port.
    write('error', 'internal error in the host', { error: `Error: request to ${emulator.webhookUrl}tasks.task.list.json failed\n    at call (client.ts:104)` });
    loggerFor(logFile, 'host').warn(`could not reach ${emulator.webhookUrl}`, { webhookUrl: emulator.webhookUrl, tokens: { accessToken: `${secret}-access` }, url: `${emulator.portalUrl}/rest/profile.json?auth=${secret}` });

    await waitFor(async () => {
      await logFile.flush();
      return logFolderText(logDirIn(dataDir)).includes('sync cycle failed');
    }, 15_000);
    await logFile.flush();
    const names = readdirSync(logDirIn(dataDir));
    expect(names).toEqual([expect.stringMatching(/^pult-\d{4}-\d{2}-\d{2}\.log$/)]);
    const text = logFolderText(logDirIn(dataDir));
    expect(text).toContain('internal error in the host');
    expect(text).toContain(`${emulator.portalUrl}/rest/1/[redacted]/tasks.task.list.json`);
    expect(text).not.toContain(secret);
  });
});
