/** Files on a chat-card portal (new task card) through the host: listed, downloaded, attached exactly once. */
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

type Row = Record<string, unknown>;
type Rest = (m: string, p: Row) => Promise<unknown>;

async function setup(seed = 4): Promise<{ host: PultHost; emulator: EmulatorHandle; rest: Rest }> {
  const emulator = await startEmulator({ port: 0, seed, tasks: 60, profile: 'box' });
  cleanups.push(() => emulator.close());
  emulator.setCommentMode('chat');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-chat-files-'));
  const host = new PultHost({ version: 'test', shell: 'browser', dataDir, settings: openSettingsStore({ cwd: dataDir }), secrets: new MemorySecretStore(), clock: systemClock, random: systemRandom, startDemo: async () => emulator, openExternal: async () => undefined });
  cleanups.push(() => host.close());
  await acceptProposedSetup(host, await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl }));
  const rest: Rest = async (method, params) =>
    ((await (await fetch(`${emulator.webhookUrl}${method}.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) })).json()) as { result: unknown }).result;
  return { host, emulator, rest };
}

async function taskIds(rest: Rest): Promise<string[]> {
  const { tasks } = (await rest('tasks.task.list', { filter: { GROUP_ID: 1 }, select: ['ID'], order: { ID: 'asc' } })) as { tasks: Array<{ id: string }> };
  return tasks.map((t) => t.id);
}

async function chatMessagesWith(rest: Rest, taskId: string, text: string): Promise<{ messages: Row[]; files: Row[] }> {
  const { task } = (await rest('tasks.task.get', { taskId, select: ['ID', 'CHAT_ID'] })) as { task: Row };
  const answer = (await rest('im.dialog.messages.get', { DIALOG_ID: `chat${String(task.chatId)}`, LIMIT: 50 })) as { messages: Row[]; files: Row[] };
  return { messages: answer.messages.filter((m) => m.text === text), files: answer.files };
}

const CONTENT = Buffer.from('Журнал ошибок за ноябрь\n'.repeat(40));

describe('files on a chat-card portal', () => {
  it('lists the files of chat messages with message, author, date, size and type, and reads their bytes with the user\'s link', async () => {
    const { host, emulator, rest } = await setup(3);
    const view = await (async () => {
      for (const id of await taskIds(rest)) {
        const v = await host.getTaskFiles(id);
        if (v.files.some((f) => f.origin === 'chat')) return v;
      }
      return null;
    })();
    expect(view).not.toBeNull();
    const file = view!.files.find((f) => f.origin === 'chat')!;
    expect(file).toMatchObject({ attachmentId: `chat${file.objectId}`, commentId: expect.stringMatching(/^\d+$/), authorId: expect.stringMatching(/^\d+$/) });
    expect(file.name).toMatch(/^(error-\d+\.png|act-\d+\.pdf)$/);
    expect(file.type).toBe(file.name.endsWith('.png') ? 'image/png' : 'application/pdf');
    expect(file.size).toBeGreaterThan(100);
    expect(file.createdAt).toBeGreaterThan(0);
    // The comment it came with is the chat message (as the drawer lists chat comments) that names it.
    const { task } = (await rest('tasks.task.get', { taskId: view!.taskId, select: ['ID', 'CHAT_ID'] })) as { task: Row };
    const chat = (await rest('im.dialog.messages.get', { DIALOG_ID: `chat${String(task.chatId)}`, LIMIT: 50 })) as { messages: Row[] };
    expect(chat.messages.find((m) => String(m.id) === file.commentId)?.params).toEqual({ FILE_ID: [Number(file.objectId)] });
    // No link and no credential reaches a window.
    const secret = new URL(emulator.webhookUrl).pathname.split('/').filter(Boolean)[2]!;
    expect(JSON.stringify(view)).not.toContain(secret);
    expect(JSON.stringify(view)).not.toContain('download');

    const content = await host.readTaskFile(view!.taskId, file.attachmentId);
    expect(content).toMatchObject({ name: file.name, type: file.type, size: file.size });
    expect(Buffer.from(content.base64, 'base64').length).toBe(file.size);
    // The bare Disk ID is not a key of this task's list: a window names only what the task lists.
    await expect(host.readTaskFile(view!.taskId, file.objectId)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('attaches a file in chat mode: uploaded into the chat folder and posted with the text as one message, once', async () => {
    const { host, emulator, rest } = await setup();
    const [taskId] = await taskIds(rest);
    const staged = await host.stageFile('журнал.txt', CONTENT.toString('base64'));
    emulator.setUnreachable(true);
    await host.enqueue({ name: 'addComment', taskId: taskId!, text: 'Прикладываю журнал', files: [staged] });
    emulator.setUnreachable(false);
    await host.syncNow();
    const { messages, files } = await waitFor(async () => {
      const found = await chatMessagesWith(rest, taskId!, 'Прикладываю журнал');
      return found.messages.length > 0 && (await host.listQueued()).length === 0 ? found : null;
    }, 30_000);
    expect(messages).toHaveLength(1);
    const fileIds = (messages[0]!.params as { FILE_ID: number[] }).FILE_ID;
    expect(files.filter((f) => fileIds.includes(Number(f.id))).map((f) => f.name)).toEqual(['журнал.txt']);
    const listed = (await host.getTaskFiles(taskId!)).files.filter((f) => f.commentId === String(messages[0]!.id));
    expect(listed.map((f) => [f.name, f.origin, f.size])).toEqual([['журнал.txt', 'chat', CONTENT.length]]);
    expect(Buffer.from((await host.readTaskFile(taskId!, listed[0]!.attachmentId)).base64, 'base64').equals(CONTENT)).toBe(true);
    await host.syncNow();
    expect((await chatMessagesWith(rest, taskId!, 'Прикладываю журнал')).messages).toHaveLength(1);
    const state = emulator.state() as { requests: { byMethod: Record<string, number> } };
    expect(state.requests.byMethod['tasks.task.chat.message.send'] ?? 0).toBe(0);
  });

  it('a lost answer to the commit is checked in the chat, not posted twice', async () => {
    const { host, emulator, rest } = await setup();
    const [, taskId] = await taskIds(rest);
    const staged = await host.stageFile('скрин.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]).toString('base64'));
    emulator.setFaults({ fail: { kind: 'drop-after', count: 1, methods: ['im.disk.file.commit'] } });
    await host.enqueue({ name: 'addComment', taskId: taskId!, text: 'Скриншот ошибки', files: [staged] });
    await host.syncNow();
    await waitFor(async () => (await host.listQueued()).length === 0, 30_000);
    await host.syncNow();
    const state = emulator.state() as { faults: { fail: { remaining: number } }; requests: { byMethod: Record<string, number> } };
    // The answer was really lost (the plan is used up); the commit went once, then the chat was read.
    expect(state.faults.fail.remaining).toBe(0);
    expect(state.requests.byMethod['im.disk.file.commit']).toBe(1);
    expect(state.requests.byMethod['disk.folder.uploadfile']).toBe(1);
    const { messages, files } = await chatMessagesWith(rest, taskId!, 'Скриншот ошибки');
    expect(messages).toHaveLength(1);
    const ids = (messages[0]!.params as { FILE_ID: number[] }).FILE_ID;
    expect(files.filter((f) => ids.includes(Number(f.id))).map((f) => f.name)).toEqual(['скрин.png']);
  });

  it('a lost answer to an upload finds the copy in the chat folder: one upload, one message, the file under its own name', async () => {
    const { host, emulator, rest } = await setup();
    const [, , taskId] = await taskIds(rest);
    const staged = await host.stageFile('акт.pdf', Buffer.from('%PDF-1.4 акт').toString('base64'));
    emulator.setFaults({ fail: { kind: 'drop-after', count: 1, methods: ['disk.folder.uploadfile'] } });
    await host.enqueue({ name: 'addComment', taskId: taskId!, text: 'Акт во вложении', files: [staged] });
    await host.syncNow();
    await waitFor(async () => {
      await host.syncNow();
      return (await host.listQueued()).length === 0;
    }, 30_000);
    const state = emulator.state() as { requests: { byMethod: Record<string, number> } };
    expect(state.requests.byMethod['disk.folder.uploadfile']).toBe(1);
    expect(state.requests.byMethod['im.disk.file.commit']).toBe(1);
    const { messages, files } = await chatMessagesWith(rest, taskId!, 'Акт во вложении');
    expect(messages).toHaveLength(1);
    const ids = (messages[0]!.params as { FILE_ID: number[] }).FILE_ID;
    // The upload whose answer was lost is the one posted: found by its recorded name, not sent again.
    expect(ids).toHaveLength(1);
    expect(files.filter((f) => ids.includes(Number(f.id))).map((f) => f.name)).toEqual(['акт.pdf']);
    const { task } = (await rest('tasks.task.get', { taskId, select: ['ID', 'CHAT_ID'] })) as { task: Row };
    const folder = ((await rest('im.disk.folder.get', { CHAT_ID: task.chatId })) as { ID: number }).ID;
    const inFolder = (await rest('disk.folder.getchildren', { id: folder })) as Array<{ NAME: string }>;
    // No uncommitted second copy beside it (the folder also holds the demo's own file).
    expect(inFolder.map((f) => f.NAME).filter((name) => name.startsWith('акт'))).toEqual(['акт.pdf']);
  });
});
