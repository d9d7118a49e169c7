/**
 * Blocked time through the host against the emulator: the stopper history a box portal writes for
 * a user-field change reaches the report, per client and per group, in working time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { createClock } from '../../../src/bitrix-emulator/clock';
import { PultHost } from '../../../src/node/host/pult-host';
import { openSettingsStore } from '../../../src/node/settings/settings-store';
import { MemorySecretStore } from '../../../src/node/secrets/memory';
import { systemClock, systemRandom } from '../../../src/node/clock';
import { acceptProposedSetup } from '../../../src/node/host/auto-setup';
import { waitFor } from '../../support/wait-for';

const HOUR = 3_600_000;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Next week's Wednesday, 10:00 Moscow: the episode below lies inside one working day. */
function wednesdayTenMoscow(now: number): number {
  const day = new Date(now + 3 * HOUR);
  day.setUTCDate(day.getUTCDate() + 7 + ((3 - day.getUTCDay() + 7) % 7));
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 7, 0);
}

async function connectedHost(emulator: EmulatorHandle) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-blocked-'));
  const host = new PultHost({
    version: 'test', shell: 'browser', dataDir, settings: openSettingsStore({ cwd: dataDir }), secrets: new MemorySecretStore(),
    clock: systemClock, random: systemRandom, startDemo: async () => emulator, openExternal: async () => undefined,
  });
  cleanups.push(() => host.close());
  await acceptProposedSetup(host, await host.connectDemo());
  return host;
}

async function synced(host: PultHost): Promise<void> {
  await host.syncNow();
  await waitFor(async () => (await host.getSyncStatus()).queued === 0);
}

describe('blocked-time report through the host', () => {
  it('sums the demo portal\'s stopper history and a live stopper episode per client, group and type', async () => {
    const target = wednesdayTenMoscow(Date.now());
    const emulator = await startEmulator({ port: 0, seed: 3, tasks: 150, profile: 'box', clock: createClock((target - Date.now()) / 1000) });
    cleanups.push(() => emulator.close());
    const host = await connectedHost(emulator);
    const groupId = emulator.groups[0]!.id;
    await waitFor(async () => (await host.getBoard(groupId)).cards.length > 0);
    const day = new Date(target + 3 * HOUR).toISOString().slice(0, 10);
    const from = new Date(target + 3 * HOUR - 13 * 24 * HOUR).toISOString().slice(0, 10);
    const request = { fromDay: from, toDay: day, month: day.slice(0, 7) };

    // The demo's own history: stoppers set and cleared over the fortnight, titled as on the portal.
    const demo = await waitFor(async () => {
      const r = await host.getReports(request);
      return r.blocked.byGroup.length > 0 ? r.blocked : null;
    });
    const settings = await host.getSettings();
    const directory = await host.getDirectory();
    const stopperList = directory.userFields.find((f) => f.name === settings.fields.blocker)!.listItems;
    expect(demo.fieldMapped).toBe(true);
    expect(demo.types.length).toBeGreaterThanOrEqual(2);
    for (const type of demo.types) expect(stopperList.map((item) => item.value)).toContain(type.title);
    expect(demo.byGroup.map((row) => row.title)).toEqual(expect.arrayContaining([emulator.groups[0]!.name]));
    const sum = (rows: typeof demo.byGroup) => rows.reduce((total, row) => total + row.workingTotal, 0);
    expect(sum(demo.byClient)).toBe(sum(demo.byGroup));
    expect(sum(demo.byGroup)).toBeGreaterThan(0);

    // A client with nothing blocked today gets one request, blocked 2 h by one stopper, then 1 h by another.
    const today = { ...request, fromDay: day };
    const before = await host.getReports(today);
    const company = directory.companies.find((c) => !before.blocked.byClient.some((row) => row.key === c.id))!;
    expect(company).toBeDefined();
    const [first, second] = stopperList;
    await host.enqueue({ name: 'createTask', clientId: 'blocked-1', groupId, title: 'Ждём доступ от клиента', fields: { UF_CRM_TASK: [`CO_${company.id}`] } });
    await synced(host);
    const card = await waitFor(async () => (await host.getBoard(groupId)).cards.find((c) => c.title === 'Ждём доступ от клиента' && !c.id.startsWith('local')));
    const field = settings.fields.blocker!;
    await host.enqueue({ name: 'updateFields', taskId: card.id, fields: { [field]: first!.id } });
    await synced(host);
    emulator.clock.advance(2 * 3600);
    await host.enqueue({ name: 'updateFields', taskId: card.id, fields: { [field]: second!.id } });
    await synced(host);
    emulator.clock.advance(3600);
    await host.enqueue({ name: 'updateFields', taskId: card.id, fields: { [field]: '' } });
    await synced(host);

    const history = await waitFor(async () => {
      const entries = (await host.getTaskDetails(card.id)).history.filter((h) => h.field === field);
      return entries.length === 3 ? entries : null;
    });
    expect(history.map((h) => [h.from, h.to])).toEqual([[null, first!.id], [first!.id, second!.id], [second!.id, null]]);
    const after = await host.getReports(today);
    const row = after.blocked.byClient.find((r) => r.key === company.id)!;
    const seconds = (a: number, b: number) => Math.floor((b - a) / 1000);
    expect(row).toMatchObject({ title: company.title, taskCount: 1 });
    expect(row.workingSeconds).toEqual({ [first!.id]: seconds(history[0]!.at, history[1]!.at), [second!.id]: seconds(history[1]!.at, history[2]!.at) });
    expect(row.workingSeconds[first!.id]).toBeGreaterThanOrEqual(2 * 3600);
    expect(row.workingSeconds[first!.id]).toBeLessThan(2 * 3600 + 120);
    expect(row.elapsedTotal).toBe(row.workingTotal);
    expect(after.blocked.types.map((t) => t.title)).toEqual(expect.arrayContaining([first!.value, second!.value]));
  }, 60_000);
});
