import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { startEmulator } from '../../../src/bitrix-emulator/index';
import { engineFor, portalCall, type EngineRig } from './support';

let emulator: EmulatorHandle;
let rig: EngineRig;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, seed: 11, tasks: 400, profile: 'box' });
  rig = engineFor(emulator);
});
afterEach(async () => {
  rig.close();
  await emulator.close();
});

async function portalTask(id: string): Promise<Record<string, unknown>> {
  const body = await portalCall(emulator, 'tasks.task.get', { taskId: id, select: ['ID', 'TITLE', 'STAGE_ID', 'PRIORITY', 'STATUS'] });
  return (body.result as { task: Record<string, unknown> }).task;
}

async function portalTotal(): Promise<number> {
  const body = await portalCall(emulator, 'tasks.task.list', { filter: { GROUP_ID: emulator.groups.map((g) => g.id) }, select: ['ID'] });
  return body.total as number;
}

describe('SyncEngine against the emulator', () => {
  it('first sync stores every task of the bound groups, with progress, then a quiet poll costs one request', async () => {
    const progress: number[] = [];
    rig.engine.onStatus((s) => s.firstSync && progress.push(s.firstSync.read));
    await rig.engine.runCycle();
    expect(rig.store.countTasks()).toBe(await portalTotal());
    expect(progress.length).toBeGreaterThan(0);
    expect(rig.engine.getStatus()).toMatchObject({ connectivity: 'online', queued: 0 });
    expect(rig.store.stagesByGroup(emulator.groups[0]!.id)).toHaveLength(5);

    const before = rig.client.requestCount;
    await rig.engine.runCycle();
    expect(rig.client.requestCount - before).toBe(1);
  });

  it('follows the portal clock from every answer, without extra requests', async () => {
    await rig.engine.runCycle();
    expect(Math.abs(rig.engine.portalClock.now() - emulator.clock.now())).toBeLessThan(1_500);
    emulator.advanceClock(7_200);
    const before = rig.client.requestCount;
    await rig.engine.runCycle();
    expect(rig.client.requestCount - before).toBe(1);
    expect(Math.abs(rig.engine.portalClock.now() - emulator.clock.now())).toBeLessThan(1_500);
  });

  it('picks up a change made on the portal by the next delta poll', async () => {
    await rig.engine.runCycle();
    const [task] = rig.store.tasksByGroup(emulator.groups[0]!.id);
    await portalCall(emulator, 'tasks.task.update', { taskId: task!.id, fields: { TITLE: 'Изменено на портале' } });
    await rig.engine.runCycle();
    expect(rig.store.getTask(task!.id)!.title).toBe('Изменено на портале');
  });

  it('keeps edits while the portal is unreachable and sends them when it is back', async () => {
    await rig.engine.runCycle();
    const groupId = emulator.groups[0]!.id;
    const stages = rig.store.stagesByGroup(groupId);
    const task = rig.store.tasksByGroup(groupId).find((t) => t.stageId === stages[1]!.id)!;
    emulator.setUnreachable(true);
    rig.engine.enqueue({ name: 'moveCard', taskId: task.id, stageId: stages[3]!.id });
    rig.engine.enqueue({ name: 'updateFields', taskId: task.id, fields: { PRIORITY: '2' } });
    await expect(rig.engine.runCycle()).rejects.toThrow();
    expect(rig.engine.getStatus()).toMatchObject({ connectivity: 'portal-unreachable', queued: 2 });
    const card = rig.engine.view(groupId).find((t) => t.id === task.id)!;
    expect(card).toMatchObject({ stageId: stages[3]!.id, priority: 2, pendingEdits: 2 });

    emulator.setUnreachable(false);
    await rig.engine.runCycle();
    expect(rig.engine.getStatus()).toMatchObject({ connectivity: 'online', queued: 0, failed: 0 });
    expect(await portalTask(task.id)).toMatchObject({ stageId: stages[3]!.id, priority: '2' });
    expect(rig.engine.view(groupId).find((t) => t.id === task.id)).toMatchObject({ stageId: stages[3]!.id, pendingEdits: 0 });
  });

  it('a field changed on the portal since my edit is a conflict I settle; other fields merge', async () => {
    await rig.engine.runCycle();
    const [task] = rig.store.tasksByGroup(emulator.groups[0]!.id);
    emulator.setUnreachable(true);
    const mine = rig.engine.enqueue({ name: 'updateFields', taskId: task!.id, fields: { TITLE: 'Моё название', PRIORITY: '0' } });
    emulator.setUnreachable(false);
    await portalCall(emulator, 'tasks.task.update', { taskId: task!.id, fields: { TITLE: 'Их название' } });
    await rig.engine.runCycle();
    expect(rig.engine.getStatus().conflicts).toBe(1);
    expect(rig.notices).toContainEqual(expect.objectContaining({ kind: 'conflict', taskId: task!.id }));
    expect(await portalTask(task!.id)).toMatchObject({ title: 'Их название', priority: '0' });

    const conflict = rig.store.listIntents().find((i) => i.state === 'conflict')!;
    expect(conflict.payload).toMatchObject({ fields: { TITLE: 'Моё название' } });
    expect(conflict.seq).toBe(mine.seq);
    rig.engine.resolveConflict(conflict.seq, 'mine');
    await rig.engine.runCycle();
    expect(await portalTask(task!.id)).toMatchObject({ title: 'Моё название' });
    expect(rig.engine.getStatus()).toMatchObject({ conflicts: 0, queued: 0 });
  });

  it('a card moved on the portal after my offline move stays where the portal put it, and I am told', async () => {
    await rig.engine.runCycle();
    const groupId = emulator.groups[0]!.id;
    const stages = rig.store.stagesByGroup(groupId);
    const task = rig.store.tasksByGroup(groupId).find((t) => t.stageId === stages[1]!.id)!;
    emulator.setUnreachable(true);
    rig.engine.enqueue({ name: 'moveCard', taskId: task.id, stageId: stages[2]!.id });
    emulator.setUnreachable(false);
    emulator.advanceClock(60);
    await portalCall(emulator, 'task.stages.movetask', { id: task.id, stageId: stages[4]!.id });
    await rig.engine.runCycle();
    expect((await portalTask(task.id)).stageId).toBe(stages[4]!.id);
    expect(rig.notices).toContainEqual(expect.objectContaining({ kind: 'move-lost', taskId: task.id }));
    expect(rig.engine.getStatus().queued).toBe(0);
  });

  it('a refused move goes back with the portal message', async () => {
    await rig.engine.runCycle();
    const [task] = rig.store.tasksByGroup(emulator.groups[0]!.id);
    rig.engine.enqueue({ name: 'moveCard', taskId: task!.id, stageId: '999999' });
    await rig.engine.runCycle();
    expect(rig.engine.getStatus().failed).toBe(1);
    const card = rig.engine.view(emulator.groups[0]!.id).find((t) => t.id === task!.id)!;
    expect(card).toMatchObject({ stageId: task!.stageId, failedEdits: 1 });
    expect(rig.notices).toContainEqual(expect.objectContaining({ kind: 'refused', taskId: task!.id }));
  });

  it('a task created while the answer is lost exists once on the portal', async () => {
    await rig.engine.runCycle();
    const before = await portalTotal();
    emulator.setFaults({ fail: { kind: 'drop-after', count: 1, methods: ['tasks.task.add'] } });
    rig.engine.enqueue({ name: 'createTask', clientId: 'c-once', groupId: emulator.groups[0]!.id, title: 'Создана один раз' });
    await rig.engine.runCycle().catch(() => undefined);
    await rig.engine.runCycle();
    expect(await portalTotal()).toBe(before + 1);
    expect(rig.engine.getStatus().queued).toBe(0);
    expect(rig.engine.view(emulator.groups[0]!.id).filter((t) => t.title === 'Создана один раз')).toHaveLength(1);
  });

  it('edits of a task created offline follow it to the portal', async () => {
    await rig.engine.runCycle();
    emulator.setUnreachable(true);
    rig.engine.enqueue({ name: 'createTask', clientId: 'c-offline', groupId: emulator.groups[0]!.id, title: 'Офлайн-заявка' });
    rig.engine.enqueue({ name: 'updateFields', taskId: 'local:c-offline', fields: { PRIORITY: '2' } });
    rig.engine.enqueue({ name: 'addComment', taskId: 'local:c-offline', text: 'Первый комментарий' });
    expect(rig.engine.view(emulator.groups[0]!.id).find((t) => t.id === 'local:c-offline')).toMatchObject({ localOnly: true, priority: 2 });
    emulator.setUnreachable(false);
    await rig.engine.runCycle();
    await rig.engine.runCycle();
    const created = rig.engine.view(emulator.groups[0]!.id).find((t) => t.title === 'Офлайн-заявка')!;
    expect(created.id).not.toMatch(/^local:/);
    expect(await portalTask(created.id)).toMatchObject({ priority: '2' });
    expect(rig.engine.getStatus().queued).toBe(0);
  });

  it('reconciliation removes a task deleted on the portal', async () => {
    const rig2 = engineFor(emulator, { schedule: { reconcileEvery: 2 } });
    try {
      await rig2.engine.runCycle();
      const [task] = rig2.store.tasksByGroup(emulator.groups[0]!.id);
      await portalCall(emulator, 'tasks.task.delete', { taskId: task!.id });
      await rig2.engine.runCycle();
      await rig2.engine.runCycle();
      expect(rig2.store.getTask(task!.id)).toBeNull();
    } finally {
      rig2.close();
    }
  });

  it('the outbox survives a restart of the app', async () => {
    const dbPath = (await import('./support')).tempDbPath();
    const first = engineFor(emulator, { dbPath });
    await first.engine.runCycle();
    const [task] = first.store.tasksByGroup(emulator.groups[0]!.id);
    emulator.setUnreachable(true);
    first.engine.enqueue({ name: 'updateFields', taskId: task!.id, fields: { TITLE: 'После перезапуска' } });
    first.close();
    emulator.setUnreachable(false);
    const second = engineFor(emulator, { dbPath });
    try {
      expect(second.engine.getStatus().queued).toBe(1);
      await second.engine.runCycle();
      expect(second.engine.getStatus(), JSON.stringify(second.store.listIntents())).toMatchObject({ queued: 0, failed: 0 });
      expect((await portalTask(task!.id)).title).toBe('После перезапуска');
    } finally {
      second.close();
    }
  });
});

describe('edits of the same thing in a row', () => {
  let emulator2: EmulatorHandle;
  let rig2: EngineRig;
  beforeEach(async () => {
    emulator2 = await startEmulator({ port: 0, seed: 12, tasks: 100, profile: 'box' });
    rig2 = engineFor(emulator2);
  });
  afterEach(async () => {
    rig2.close();
    await emulator2.close();
  });

  it('a second edit of the same field and a second move are not mistaken for remote changes', async () => {
    await rig2.engine.runCycle();
    const groupId = emulator2.groups[0]!.id;
    const stages = rig2.store.stagesByGroup(groupId);
    const task = rig2.store.tasksByGroup(groupId).find((t) => t.stageId === stages[0]!.id || t.stageId === '0')!;
    emulator2.setUnreachable(true);
    rig2.engine.enqueue({ name: 'updateFields', taskId: task.id, fields: { TITLE: 'A' } });
    rig2.engine.enqueue({ name: 'updateFields', taskId: task.id, fields: { TITLE: 'B' } });
    rig2.engine.enqueue({ name: 'moveCard', taskId: task.id, stageId: stages[1]!.id });
    rig2.engine.enqueue({ name: 'moveCard', taskId: task.id, stageId: stages[2]!.id });
    emulator2.setUnreachable(false);
    await rig2.engine.runCycle();
    expect(rig2.engine.getStatus()).toMatchObject({ queued: 0, conflicts: 0, failed: 0 });
    expect(rig2.notices).toEqual([]);
    const body = await portalCall(emulator2, 'tasks.task.get', { taskId: task.id, select: ['TITLE', 'STAGE_ID'] });
    expect((body.result as { task: Record<string, unknown> }).task).toMatchObject({ title: 'B', stageId: stages[2]!.id });
  });

  it('a request created before the first sync gets the signed-in user as responsible', async () => {
    const fresh = engineFor(emulator2);
    try {
      fresh.engine.enqueue({ name: 'createTask', clientId: 'c-early', groupId: emulator2.groups[0]!.id, title: 'Заявка до первой синхронизации' });
      await fresh.engine.runCycle();
      expect(fresh.engine.getStatus()).toMatchObject({ queued: 0, failed: 0 });
      const created = fresh.engine.view(emulator2.groups[0]!.id).find((t) => t.title === 'Заявка до первой синхронизации')!;
      expect(created.responsibleId).toBe('1');
    } finally {
      fresh.close();
    }
  });
});
