/**
 * A portal admin signed in by OAuth: the engine binds the task events to the offline queue, so a
 * colleague's change reaches the store within one cycle, and «sync now» still polls the portal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { SyncEngine } from '../../../src/core/sync/engine';
import { systemClock } from '../../../src/node/clock';
import { openSqliteStore } from '../../../src/node/store';
import { seededRandom } from '../../support/fake-clock';
import { signInWithOAuth } from '../core/support';
import { portalCall, tempDbPath } from './support';

let emulator: EmulatorHandle;
const closers: (() => unknown)[] = [];
beforeEach(async () => {
  emulator = await startEmulator({ port: 0, seed: 5, tasks: 120, profile: 'box' });
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await emulator.close();
});

async function adminEngine(login: 'admin' | 'other' = 'admin') {
  const user = login === 'admin' ? emulator.users.find((u) => u.admin)! : emulator.users.find((u) => !u.admin && u.type === 'employee')!;
  const { client, gateway } = await signInWithOAuth(emulator, user.login, user.password);
  const store = openSqliteStore(tempDbPath());
  closers.push(() => store.close());
  // A confirming delta poll only every 10th cycle: what arrives sooner came through the queue.
  const engine = new SyncEngine({
    store, portal: gateway, clock: systemClock, random: seededRandom(1), groupIds: emulator.groups.map((g) => g.id), offlineEventsPossible: true,
    schedule: { confirmEvery: 10, reconcileEvery: 1000 },
  });
  return { engine, client, store };
}

const bindings = () => (emulator.state() as { eventBindings: number }).eventBindings;

describe('offline events for a portal admin on OAuth', () => {
  it('binds the task events once, and a colleague’s change arrives through the queue in the next cycle', async () => {
    const { engine, client, store } = await adminEngine();
    expect(bindings()).toBe(0);
    await engine.runCycle();
    expect(bindings()).toBe(4);
    await engine.runCycle();
    expect(bindings()).toBe(4);

    const taskId = store.taskIdsByGroup(emulator.groups[0]!.id)[0]!;
    await portalCall(emulator, 'tasks.task.update', { taskId, fields: { TITLE: 'Изменено коллегой' } });
    const before = client.requestCount;
    await engine.runCycle();
    expect(store.getTask(taskId)?.title).toBe('Изменено коллегой');
    // The queue and the changed task, not a list poll.
    expect(client.requestCount - before).toBeLessThanOrEqual(2);
  });

  it('«sync now» polls the portal itself, not only the queue', async () => {
    const { engine, client, store } = await adminEngine();
    await engine.runCycle();
    await engine.runCycle();
    const taskId = store.taskIdsByGroup(emulator.groups[0]!.id)[1]!;
    await portalCall(emulator, 'tasks.task.update', { taskId, fields: { TITLE: 'Мимо очереди' } });
    // The queue loses the change (read by someone else of the same app): only a poll can see it.
    await client.call('event.offline.get', { clear: 1, limit: 50 });
    await engine.runCycle();
    expect(store.getTask(taskId)?.title).not.toBe('Мимо очереди');
    await engine.syncNow();
    expect(store.getTask(taskId)?.title).toBe('Мимо очереди');
  });

  it('a user who is not an admin stays on delta polls and binds nothing', async () => {
    const { engine } = await adminEngine('other');
    await engine.runCycle();
    await engine.runCycle();
    expect(bindings()).toBe(0);
  });
});

