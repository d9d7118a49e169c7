/** The assignment suggestion as the drawer asks for it: from the tasks as the user sees them. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { PultHost } from '../../../src/node/host/pult-host';
import { openSettingsStore } from '../../../src/node/settings/settings-store';
import { MemorySecretStore } from '../../../src/node/secrets/memory';
import { systemClock, systemRandom } from '../../../src/node/clock';
import { acceptProposedSetup } from '../../../src/node/host/auto-setup';
import { waitFor } from '../../support/wait-for';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connectedHost(): Promise<{ host: PultHost; emulator: EmulatorHandle }> {
  const emulator = await startEmulator({ port: 0, seed: 3, tasks: 150, profile: 'box' });
  cleanups.push(() => emulator.close());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-assign-'));
  const host = new PultHost({ version: 'test', shell: 'browser', dataDir, settings: openSettingsStore({ cwd: dataDir }), secrets: new MemorySecretStore(), clock: systemClock, random: systemRandom, startDemo: async () => emulator, openExternal: async () => undefined });
  cleanups.push(() => host.close());
  await acceptProposedSetup(host, await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl }));
  return { host, emulator };
}

describe('the assignment suggestion', () => {
  it('counts assignments still queued, and stays put once the task is given to the suggested person', async () => {
    const { host, emulator } = await connectedHost();
    const groupId = emulator.groups[0]!.id;
    const board = await waitFor(async () => {
      const snapshot = await host.getBoard(groupId);
      return snapshot.cards.length > 20 ? snapshot : null;
    });
    const open = board.cards.filter((card) => card.status !== 5 && card.status !== 4);
    const suggested = await waitFor(async () => {
      for (const card of open) {
        const suggestion = await host.suggestAssignee({ taskId: card.id });
        if (suggestion && suggestion.userId !== card.responsibleId) return { card, suggestion };
      }
      return null;
    });
    const { card, suggestion } = suggested;

    // Offline: the edits stay queued, as they would until the next sync.
    emulator.setUnreachable(true);
    await host.enqueue({ name: 'updateFields', taskId: card.id, fields: { RESPONSIBLE_ID: suggestion.userId } });
    const after = await host.suggestAssignee({ taskId: card.id });
    expect(after).toEqual(suggestion);

    // Give the suggested person other people's open tasks with estimates: the plan left shrinks.
    const others = open.filter((task) => task.id !== card.id && task.responsibleId !== suggestion.userId && task.timeEstimateSeconds > 0).slice(0, 6);
    expect(others.length).toBeGreaterThan(0);
    for (const task of others) await host.enqueue({ name: 'updateFields', taskId: task.id, fields: { RESPONSIBLE_ID: suggestion.userId } });
    const loaded = await host.suggestAssignee({ taskId: card.id });
    if (loaded?.userId === suggestion.userId) expect(loaded.capacityHours).toBeLessThan(suggestion.capacityHours);
    else expect(loaded?.userId).not.toBe(suggestion.userId);
  });
});
