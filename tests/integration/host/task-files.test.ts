/** The drawer's attachments through the host: listed from the portal, bytes through the user's own link. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { PultHost } from '../../../src/node/host/pult-host';
import { openSettingsStore } from '../../../src/node/settings/settings-store';
import { MemorySecretStore } from '../../../src/node/secrets/memory';
import { systemClock, systemRandom } from '../../../src/node/clock';
import { acceptProposedSetup } from '../../../src/node/host/auto-setup';

let emulator: EmulatorHandle;
let host: PultHost;

async function portal(method: string, params: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${emulator.webhookUrl}${method}.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
  return ((await res.json()) as { result: unknown }).result;
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 3, tasks: 80, profile: 'box' });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-files-'));
  host = new PultHost({ version: 'test', shell: 'browser', dataDir, settings: openSettingsStore({ cwd: dataDir }), secrets: new MemorySecretStore(), clock: systemClock, random: systemRandom, startDemo: async () => emulator, openExternal: async () => undefined });
  await acceptProposedSetup(host, await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl }));
});
afterAll(async () => {
  await host.close();
  await emulator.close();
});

async function taskIdsWithFiles(): Promise<string[]> {
  const { tasks } = (await portal('tasks.task.list', { select: ['ID', 'UF_TASK_WEBDAV_FILES'], order: { ID: 'asc' } })) as { tasks: Array<Record<string, unknown>> };
  return tasks.filter((t) => Array.isArray(t.ufTaskWebdavFiles)).map((t) => String(t.id));
}

describe('attachments through the host', () => {
  it('lists a task\'s files and its comments\' files with name, size, type, author and date', async () => {
    const ids = await taskIdsWithFiles();
    const view = await host.getTaskFiles(ids[0]!);
    expect(view.offline).toBe(false);
    const own = view.files.filter((f) => f.commentId === null);
    expect(own.length).toBeGreaterThan(0);
    expect(own[0]).toMatchObject({ type: 'image/png', authorId: expect.stringMatching(/^\d+$/) });
    expect(own[0]!.name).toMatch(/^screenshot-\d+\.png$/);
    expect(own[0]!.size).toBeGreaterThan(100);
    expect(own[0]!.createdAt).toBeGreaterThan(0);
    // No link and no credential reaches a window.
    const secret = new URL(emulator.webhookUrl).pathname.split('/').filter(Boolean)[2]!;
    expect(JSON.stringify(view)).not.toContain(secret);
    expect(JSON.stringify(view)).not.toContain('download');

    const { tasks } = (await portal('tasks.task.list', { select: ['ID'], order: { ID: 'asc' } })) as { tasks: Array<{ id: string }> };
    let withComment = null;
    for (const t of tasks) {
      const files = (await host.getTaskFiles(t.id)).files.filter((f) => f.commentId !== null);
      if (files.length > 0) {
        withComment = files[0];
        break;
      }
    }
    expect(withComment?.name).toMatch(/^(error-\d+\.png|act-\d+\.pdf)$/);
  });

  it('reads a file\'s bytes with the user\'s own link, exactly as many as the portal reports', async () => {
    const [taskId] = await taskIdsWithFiles();
    const file = (await host.getTaskFiles(taskId!)).files[0]!;
    const content = await host.readTaskFile(taskId!, file.attachmentId);
    const bytes = Buffer.from(content.base64, 'base64');
    expect(content).toMatchObject({ name: file.name, type: file.type, size: file.size });
    expect(bytes.length).toBe(file.size);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('refuses a file that is not the task\'s, and keeps the list for a card opened again offline', async () => {
    const [first, second] = await taskIdsWithFiles();
    const other = (await host.getTaskFiles(second!)).files[0]!;
    await expect(host.readTaskFile(first!, other.attachmentId)).rejects.toMatchObject({ code: 'invalid-input' });
    const before = await host.getTaskFiles(first!);
    emulator.setUnreachable(true);
    try {
      const offline = await host.getTaskFiles(first!);
      expect(offline).toEqual({ ...before, offline: true });
      await expect(host.readTaskFile(first!, before.files[0]!.attachmentId)).rejects.toMatchObject({ kind: 'unreachable' });
    } finally {
      emulator.setUnreachable(false);
    }
  });
});

describe('attachments after a restart with the portal gone', () => {
  it('lists a card\'s files from the local store, and still refuses a file the task does not list', async () => {
    const gone = await startEmulator({ port: 0, seed: 5, tasks: 60, profile: 'box' });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-files-restart-'));
    const secrets = new MemorySecretStore();
    const make = () =>
      new PultHost({ version: 'test', shell: 'browser', dataDir, settings: openSettingsStore({ cwd: dataDir }), secrets, clock: systemClock, random: systemRandom, startDemo: async () => gone, openExternal: async () => undefined });
    const first = make();
    let second: PultHost | null = null;
    try {
      await acceptProposedSetup(first, await first.connectWebhook({ portalUrl: gone.portalUrl, webhookUrl: gone.webhookUrl }));
      const answer = await fetch(`${gone.webhookUrl}tasks.task.list.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ select: ['ID', 'UF_TASK_WEBDAV_FILES'], order: { ID: 'asc' } }) });
      const { tasks } = ((await answer.json()) as { result: { tasks: Array<Record<string, unknown>> } }).result;
      const withFiles = tasks.filter((t) => Array.isArray(t.ufTaskWebdavFiles)).map((t) => String(t.id));
      const [taskId, otherId] = withFiles;
      const online = await first.getTaskFiles(taskId!);
      expect(online.offline).toBe(false);
      expect(online.files.length).toBeGreaterThan(0);
      expect(online.readAt).toBeGreaterThan(0);
      const other = (await first.getTaskFiles(otherId!)).files[0]!;
      await first.close();
      await gone.close();

      second = make();
      expect(await second.restore()).toBe('connected');
      const offline = await second.getTaskFiles(taskId!);
      expect(offline).toEqual({ ...online, offline: true });
      // The stored list is the one a download is checked against: another task's file is refused
      // before anything goes out, the task's own one fails only for want of the portal.
      await expect(second.readTaskFile(taskId!, other.attachmentId)).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(second.readTaskFile(taskId!, online.files[0]!.attachmentId)).rejects.toMatchObject({ kind: 'unreachable' });
      // A card never opened has no stored list: the portal's absence shows as such.
      const never = withFiles[2] ?? tasks.map((t) => String(t.id)).find((id) => id !== taskId && id !== otherId)!;
      await expect(second.getTaskFiles(never)).rejects.toMatchObject({ kind: 'unreachable' });
    } finally {
      await second?.close();
      await first.close();
      await gone.close().catch(() => undefined);
    }
  });
});
