/**
 * A queued comment with a file, flushed by the headless command, SIGKILLed after the portal took
 * the comment but before the answer came back: the next run checks the portal and the comment
 * with its file is there exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { OutboxFileStore } from '../../../src/node/files/outbox-files';
import { spawn } from 'node:child_process';
import { portalCall, repoRoot, runSync, tempDir } from './support';

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 8, tasks: 30, profile: 'box' });
});
afterAll(async () => {
  await emulator.close();
});

type Row = Record<string, unknown>;

function requestsOf(method: string): number {
  return (emulator.state() as { requests: { byMethod: Record<string, number> } }).requests.byMethod[method] ?? 0;
}

describe('an attachment flushed across a kill', () => {
  it('is on the portal once, with its file, after a kill during the comment request', async () => {
    const dir = tempDir('pult-attach-kill-');
    const db = path.join(dir, 'pult.db');
    const content = Buffer.from('лог ошибки\n'.repeat(20));
    const staged = new OutboxFileStore(dir).append(content);
    const { tasks } = (await portalCall(emulator, 'tasks.task.list', { filter: { GROUP_ID: 1 }, select: ['ID'], order: { ID: 'asc' } })).result as { tasks: Array<{ id: string }> };
    const taskId = tasks[0]!.id;
    const enqueue = path.join(dir, 'intents.json');
    writeFileSync(enqueue, JSON.stringify([{ name: 'addComment', taskId, text: 'Лог во вложении', files: [{ fileRef: staged.fileRef, name: 'error.log', size: staged.size }] }]));
    const args = ['--portal', emulator.portalUrl, '--webhook', emulator.webhookUrl, '--groups', '1', '--db', db, '--once', '--json'];

    // Once the file is up, the portal turns slow: the comment request arrives, the child is killed
    // while it waits, and the portal applies it afterwards (the answer is lost with the process).
    const upload = emulator.portal.methods.get('disk.storage.uploadfile')!;
    const original = upload.handler.bind(upload);
    let armed = true;
    upload.handler = (ctx) => {
      const out = original(ctx);
      if (armed) emulator.setFaults({ latencyMs: 1_500 });
      armed = false;
      return out;
    };
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/sync.ts'), ...args, '--enqueue', enqueue], { cwd: repoRoot, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    const started = Date.now();
    while (requestsOf('task.commentitem.add') === 0 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 10));
    expect(requestsOf('task.commentitem.add')).toBe(1);
    child.kill('SIGKILL');
    expect(await ended).toBe('SIGKILL');
    await new Promise((r) => setTimeout(r, 1_800));
    emulator.setFaults({ latencyMs: 0 });
    upload.handler = original;

    const comments = async () => ((await portalCall(emulator, 'task.commentitem.getlist', { TASKID: taskId, ORDER: { ID: 'asc' } })).result as Row[]).filter((c) => c.POST_MESSAGE === 'Лог во вложении');
    expect(await comments()).toHaveLength(1);

    const second = await runSync(args);
    expect(second.code).toBe(0);
    const after = await comments();
    expect(after).toHaveLength(1);
    expect(Object.values(after[0]!.ATTACHED_OBJECTS as Record<string, Row>).map((a) => [a.NAME, a.SIZE])).toEqual([['error.log', String(content.length)]]);
    expect(requestsOf('task.commentitem.add')).toBe(1);
    expect(requestsOf('disk.storage.uploadfile')).toBe(1);
  });
});
