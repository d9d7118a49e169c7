/** A file attached to a new comment: staged in the data folder, queued, sent exactly once. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { PultHost } from '../../../src/node/host/pult-host';
import { openSettingsStore } from '../../../src/node/settings/settings-store';
import { MemorySecretStore } from '../../../src/node/secrets/memory';
import { systemClock, systemRandom } from '../../../src/node/clock';
import { acceptProposedSetup } from '../../../src/node/host/auto-setup';
import { waitFor } from '../../support/wait-for';
import { startRewritingProxy } from '../../support/rewriting-proxy';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Row = Record<string, unknown>;

async function setup(): Promise<{ host: PultHost; emulator: EmulatorHandle; dataDir: string; rest: (m: string, p: Row) => Promise<unknown> }> {
  const emulator = await startEmulator({ port: 0, seed: 4, tasks: 40, profile: 'box' });
  cleanups.push(() => emulator.close());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-attach-'));
  const host = new PultHost({ version: 'test', shell: 'browser', dataDir, settings: openSettingsStore({ cwd: dataDir }), secrets: new MemorySecretStore(), clock: systemClock, random: systemRandom, startDemo: async () => emulator, openExternal: async () => undefined });
  cleanups.push(() => host.close());
  await acceptProposedSetup(host, await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl }));
  const rest = async (method: string, params: Row) =>
    ((await (await fetch(`${emulator.webhookUrl}${method}.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) })).json()) as { result: unknown }).result;
  return { host, emulator, dataDir, rest };
}

async function firstTask(rest: (m: string, p: Row) => Promise<unknown>): Promise<string> {
  const { tasks } = (await rest('tasks.task.list', { filter: { GROUP_ID: 1 }, select: ['ID'], order: { ID: 'asc' } })) as { tasks: Array<{ id: string }> };
  return tasks[0]!.id;
}

async function commentsWith(rest: (m: string, p: Row) => Promise<unknown>, taskId: string, text: string): Promise<Row[]> {
  const rows = (await rest('task.commentitem.getlist', { TASKID: taskId, ORDER: { ID: 'asc' } })) as Row[];
  return rows.filter((c) => c.POST_MESSAGE === text);
}

const CONTENT = Buffer.from('Акт сверки за ноябрь\n'.repeat(50));

describe('attaching a file to a new comment', () => {
  it('stages the file in pieces, queues it offline, and sends comment and file once when the portal is back', async () => {
    const { host, emulator, dataDir, rest } = await setup();
    const taskId = await firstTask(rest);
    const base64 = CONTENT.toString('base64');
    const first = await host.stageFile('акт.txt', base64.slice(0, 400));
    const staged = await host.stageFile('акт.txt', base64.slice(400), first.fileRef);
    expect(staged).toEqual({ fileRef: first.fileRef, name: 'акт.txt', size: CONTENT.length });
    expect(readdirSync(path.join(dataDir, 'outbox-files'))).toEqual([`${first.fileRef}.bin`]);

    emulator.setUnreachable(true);
    await host.enqueue({ name: 'addComment', taskId, text: 'Прикладываю акт', files: [staged] });
    expect((await host.listQueued()).map((q) => q.payload)).toContainEqual({ name: 'addComment', taskId, text: 'Прикладываю акт', files: [staged] });
    emulator.setUnreachable(false);
    await host.syncNow();
    const [comment] = await waitFor(async () => {
      const found = await commentsWith(rest, taskId, 'Прикладываю акт');
      return found.length > 0 && (await host.listQueued()).length === 0 ? found : null;
    }, 30_000);
    const attached = Object.values(comment!.ATTACHED_OBJECTS as Record<string, Row>);
    expect(attached.map((a) => a.NAME)).toEqual(['акт.txt']);
    expect(attached[0]!.SIZE).toBe(String(CONTENT.length));
    // The host lists it as the comment's file and reads back the same bytes.
    const files = (await host.getTaskFiles(taskId)).files.filter((f) => f.commentId === comment!.ID);
    expect(files.map((f) => f.name)).toEqual(['акт.txt']);
    expect(Buffer.from((await host.readTaskFile(taskId, files[0]!.attachmentId)).base64, 'base64').equals(CONTENT)).toBe(true);
    await host.syncNow();
    expect(await commentsWith(rest, taskId, 'Прикладываю акт')).toHaveLength(1);
  });

  it('a lost answer to the comment is checked on the portal, not posted twice', async () => {
    const { host, emulator, rest } = await setup();
    const taskId = await firstTask(rest);
    const staged = await host.stageFile('скрин.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]).toString('base64'));
    emulator.setFaults({ fail: { kind: 'drop-after', count: 1, methods: ['task.commentitem.add'] } });
    await host.enqueue({ name: 'addComment', taskId, text: 'Скриншот ошибки', files: [staged] });
    await host.syncNow();
    await waitFor(async () => (await host.listQueued()).length === 0, 30_000);
    await host.syncNow();
    // The answer was really lost (the plan is used up) and the comment was sent once, then checked.
    const state = emulator.state() as { faults: { fail: { remaining: number } }; requests: { byMethod: Record<string, number> } };
    expect(state.faults.fail.remaining).toBe(0);
    expect(state.requests.byMethod['task.commentitem.add']).toBe(1);
    expect(state.requests.byMethod['disk.storage.uploadfile']).toBe(1);
    const found = await commentsWith(rest, taskId, 'Скриншот ошибки');
    expect(found).toHaveLength(1);
    expect(Object.values(found[0]!.ATTACHED_OBJECTS as Record<string, Row>).map((a) => a.NAME)).toEqual(['скрин.png']);
  });

  it('a lost answer to the upload leaves one file in the user\'s storage, attached to one comment', async () => {
    const { host, emulator, dataDir, rest } = await setup();
    const taskId = await firstTask(rest);
    const staged = await host.stageFile('скрин.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 9, 8, 7, 6]).toString('base64'));
    emulator.setFaults({ fail: { kind: 'drop-after', count: 1, methods: ['disk.storage.uploadfile'] } });
    await host.enqueue({ name: 'addComment', taskId, text: 'Скрин после потери ответа', files: [staged] });
    await host.syncNow();
    await waitFor(async () => (await host.listQueued()).length === 0, 30_000);
    const state = emulator.state() as { faults: { fail: { remaining: number } }; requests: { byMethod: Record<string, number> } };
    expect(state.faults.fail.remaining).toBe(0);
    // The upload that lost its answer landed; the resend found it and sent nothing more.
    expect(state.requests.byMethod['disk.storage.uploadfile']).toBe(1);
    expect(state.requests.byMethod['task.commentitem.add']).toBe(1);
    const [storage] = (await rest('disk.storage.getlist', { filter: { ENTITY_TYPE: 'user', ENTITY_ID: 1 } })) as Row[];
    const inStorage = (await rest('disk.storage.getchildren', { id: storage!.ID, filter: { '%NAME': 'скрин' } })) as Row[];
    expect(inStorage.map((f) => f.NAME)).toEqual(['скрин.png']);
    const found = await commentsWith(rest, taskId, 'Скрин после потери ответа');
    expect(found).toHaveLength(1);
    expect(Object.values(found[0]!.ATTACHED_OBJECTS as Record<string, Row>).map((a) => [a.NAME, a.FILE_ID])).toEqual([['скрин.png', String(inStorage[0]!.ID)]]);
    // The name it went under was kept beside the staged bytes.
    expect(readdirSync(path.join(dataDir, 'outbox-files')).sort()).toEqual([`${staged.fileRef}.bin`, `${staged.fileRef}.name`]);
  });

  it('a name the user already has on Disk gets the portal\'s own "(1)", once, across a lost answer', async () => {
    const { host, emulator, rest } = await setup();
    const taskId = await firstTask(rest);
    const [storage] = (await rest('disk.storage.getlist', { filter: { ENTITY_TYPE: 'user', ENTITY_ID: 1 } })) as Row[];
    const own = Buffer.from('старый отчёт').toString('base64');
    await rest('disk.storage.uploadfile', { id: storage!.ID, data: { NAME: 'Отчёт.txt' }, fileContent: ['Отчёт.txt', own] });
    const staged = await host.stageFile('отчёт.txt', CONTENT.toString('base64'));
    emulator.setFaults({ fail: { kind: 'drop-after', count: 1, methods: ['disk.storage.uploadfile'] } });
    await host.enqueue({ name: 'addComment', taskId, text: 'Новый отчёт', files: [staged] });
    await host.syncNow();
    await waitFor(async () => (await host.listQueued()).length === 0, 30_000);
    const inStorage = (await rest('disk.storage.getchildren', { id: storage!.ID, filter: { '%NAME': 'отчёт' } })) as Row[];
    expect(inStorage.map((f) => [f.NAME, f.SIZE])).toEqual([
      ['Отчёт.txt', String(Buffer.from(own, 'base64').length)],
      ['отчёт (1).txt', String(CONTENT.length)],
    ]);
    const found = await commentsWith(rest, taskId, 'Новый отчёт');
    expect(found).toHaveLength(1);
    expect(Object.values(found[0]!.ATTACHED_OBJECTS as Record<string, Row>).map((a) => a.NAME)).toEqual(['отчёт (1).txt']);
  });

  it('a file the portal cannot attach fails the whole comment (ERROR_CORE): a visible refusal, sent once, no comment made', async () => {
    const emulator = await startEmulator({ port: 0, seed: 4, tasks: 40, profile: 'box' });
    cleanups.push(() => emulator.close());
    // The portal gets a Disk file ID it does not have, as when the uploaded file is gone by the time the comment goes.
    const proxy = await startRewritingProxy(emulator.portalUrl);
    cleanups.push(() => proxy.close());
    proxy.rewrite = (url, body) => (url.pathname.endsWith('/task.commentitem.add.json') && body ? Buffer.from(body.toString('utf8').replace(/"n\d+"/g, '"n999999999"')) : body);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-attach-'));
    const host = new PultHost({ version: 'test', shell: 'browser', dataDir, settings: openSettingsStore({ cwd: dataDir }), secrets: new MemorySecretStore(), clock: systemClock, random: systemRandom, startDemo: async () => emulator, openExternal: async () => undefined });
    cleanups.push(() => host.close());
    await acceptProposedSetup(host, await host.connectWebhook({ portalUrl: proxy.origin, webhookUrl: emulator.webhookUrl.replace(emulator.portalUrl, proxy.origin) }));
    const rest = async (method: string, params: Row) =>
      ((await (await fetch(`${emulator.webhookUrl}${method}.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) })).json()) as { result: unknown }).result;
    const taskId = await firstTask(rest);
    const staged = await host.stageFile('пропал.txt', Buffer.from('x').toString('base64'));
    await host.enqueue({ name: 'addComment', taskId, text: 'Файл пропадёт', files: [staged] });
    await host.syncNow();
    const [failed] = await waitFor(async () => {
      const queued = (await host.listQueued()).filter((q) => q.state === 'failed');
      return queued.length > 0 ? queued : null;
    }, 30_000);
    expect(failed).toMatchObject({ lastFailure: 'refused', lastErrorCode: 'ERROR_CORE' });
    expect(failed!.lastError).toMatch(/Action failed/);
    await host.syncNow();
    const state = emulator.state() as { requests: { byMethod: Record<string, number> } };
    expect(state.requests.byMethod['task.commentitem.add']).toBe(1);
    expect(await commentsWith(rest, taskId, 'Файл пропадёт')).toHaveLength(0);
  });

  it('refuses a file past 10 MB with a clear message and a piece for a reference it does not have', async () => {
    const { host } = await setup();
    const piece = Buffer.alloc(384 * 1024).toString('base64');
    let staged = await host.stageFile('big.bin', piece);
    for (let i = 1; i < 26; i++) staged = await host.stageFile('big.bin', piece, staged.fileRef);
    expect(staged.size).toBe(26 * 384 * 1024);
    await expect(host.stageFile('big.bin', piece, staged.fileRef)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/10 МБ|10 MB/) });
    await expect(host.stageFile('x.bin', piece, 'no-such-file-ref')).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
