import { describe, expect, it, vi } from 'vitest';
import { SyncEngine } from '../../../../src/core/sync/engine';
import { BitrixError } from '../../../../src/core/bitrix/errors';
import type { SyncChange } from '../../../../src/core/sync/changes';
import { openSqliteStore } from '../../../../src/node/store';
import { makeTask } from '../../../support/factories';
import { seededRandom, VirtualClock } from '../../../support/fake-clock';
import { FakePortal } from '../../../support/fake-portal';

const EMPTY: SyncChange = { reset: false, tasks: [], removedTaskIds: [], stageGroupIds: [], directory: false, extrasTaskIds: [], outboxTaskIds: [], outbox: false };

async function synced(options: { historyWanted?: boolean } = {}) {
  const clock = new VirtualClock();
  const portal = new FakePortal(() => clock.now());
  for (const id of ['1', '2', '3']) portal.put(makeTask({ id, groupId: '10', changedAt: clock.now() - 3_600_000 }));
  const store = openSqliteStore(':memory:');
  const engine = new SyncEngine({
    store,
    portal,
    clock,
    random: seededRandom(),
    groupIds: ['10'],
    offlineEventsPossible: false,
    ...(options.historyWanted ? { historyWanted: () => true } : {}),
  });
  const changes: SyncChange[] = [];
  engine.onChange((change) => changes.push(change));
  await engine.runCycle();
  return { clock, portal, store, engine, changes };
}

describe('SyncEngine change sets', () => {
  it('a first sync asks the windows to read everything once', async () => {
    const { changes, store } = await synced();
    expect(changes).toEqual([{ ...EMPTY, reset: true }]);
    expect(store.countTasks()).toBe(3);
  });

  it('a quiet cycle emits nothing and costs one request', async () => {
    const { changes, portal, engine, clock } = await synced({ historyWanted: true });
    changes.length = 0;
    clock.advance(15_000);
    const before = portal.requestCount;
    await engine.runCycle();
    expect(changes).toEqual([]);
    expect(portal.requestCount - before).toBe(1);
    expect(portal.calls.at(-1)).toBe('tasks.task.list');
  });

  it('a burst of changes just before a sync is read again for one minute, not by every quiet poll after it', async () => {
    const { portal, engine, clock } = await synced();
    // A bulk move of more than a page of tasks a few seconds ago, then nobody changes anything.
    for (let i = 0; i < 60; i++) portal.put(makeTask({ id: String(100 + i), groupId: '10', changedAt: clock.now() - 5_000 }));
    const rowsRead: number[] = [];
    const readTasks = portal.readTasks.bind(portal);
    portal.readTasks = async (query) => {
      const tasks = await readTasks(query);
      rowsRead.push(tasks.length);
      return tasks;
    };
    for (let cycle = 0; cycle < 8; cycle++) {
      clock.advance(15_000);
      await engine.runCycle();
    }
    // The first poll gets the 60; the overlap window keeps them for at most its minute.
    expect(rowsRead[0]).toBe(60);
    expect(rowsRead.slice(-3)).toEqual([0, 0, 0]);
  });

  it('a quiet cycle does not read every stored task again to find the extras that are due', async () => {
    const { store, engine, clock } = await synced({ historyWanted: true });
    let scans = 0;
    const tasksByGroup = store.tasksByGroup.bind(store);
    store.tasksByGroup = (groupId) => (scans++, tasksByGroup(groupId));
    for (let cycle = 0; cycle < 3; cycle++) {
      clock.advance(15_000);
      await engine.runCycle();
    }
    expect(scans).toBe(0);
  });

  it('one task changed on the portal emits exactly that task, with its extras refreshed', async () => {
    const { changes, portal, engine, clock } = await synced({ historyWanted: true });
    changes.length = 0;
    clock.advance(15_000);
    const edited = { ...portal.tasks.get('2')!, title: 'Изменена коллегой', changedAt: clock.now() };
    portal.put(edited);
    portal.comments.set('2', [{ id: '77', taskId: '2', authorId: '6', authorName: 'Коллега', postedAt: clock.now(), text: 'Посмотрю', mode: 'legacy' }]);
    await engine.runCycle();
    expect(changes).toEqual([{ ...EMPTY, tasks: [edited], extrasTaskIds: ['2'] }]);
  });

  it('an edit emits the outbox change for its task; sending it emits the confirmed task', async () => {
    const { changes, engine, clock, portal } = await synced();
    changes.length = 0;
    engine.enqueue({ name: 'moveCard', taskId: '1', stageId: '200' });
    expect(changes).toEqual([{ ...EMPTY, outbox: true, outboxTaskIds: ['1'] }]);
    expect(engine.viewOf(['1'])).toEqual([expect.objectContaining({ id: '1', stageId: '200', pendingEdits: 1 })]);
    changes.length = 0;
    clock.advance(1_000);
    await engine.runCycle();
    const all = changes.flatMap((change) => change.tasks.map((task) => task.id));
    expect(all).toEqual(['1']);
    expect(changes.some((change) => change.outbox && change.outboxTaskIds.includes('1'))).toBe(true);
    expect(portal.tasks.get('1')!.stageId).toBe('200');
    expect(engine.viewOf(['1'])).toEqual([expect.objectContaining({ stageId: '200', pendingEdits: 0 })]);
  });

  it('a task deleted on the portal is emitted as removed by the reconciling tick', async () => {
    const { changes, engine, clock, portal, store } = await synced();
    // Ticks 1..19 are delta polls; the 20th reconciles IDs.
    for (let tick = 1; tick < 20; tick++) {
      clock.advance(15_000);
      await engine.runCycle();
    }
    changes.length = 0;
    portal.tasks.delete('3');
    clock.advance(15_000);
    await engine.runCycle();
    expect(changes).toEqual([{ ...EMPTY, removedTaskIds: ['3'] }]);
    expect(store.getTask('3')).toBeNull();
  });

  it('a stage a lead adds and a group the user joins while Pult runs reach the store at the reconciling tick, and only then', async () => {
    const { changes, engine, clock, portal, store } = await synced();
    for (let tick = 1; tick < 20; tick++) {
      clock.advance(15_000);
      await engine.runCycle();
    }
    // A quiet reconcile announces nothing.
    changes.length = 0;
    clock.advance(15_000);
    await engine.runCycle();
    expect(changes).toEqual([]);
    portal.stages.push({ id: '250', groupId: '10', title: 'Ждёт поставщика', sort: 250, color: '00AAFF', systemType: '' });
    portal.memberships = [...portal.memberships, { groupId: '11', role: 'member' }];
    for (let tick = 1; tick < 20; tick++) {
      clock.advance(15_000);
      await engine.runCycle();
    }
    expect(store.stagesByGroup('10').map((stage) => stage.id)).not.toContain('250');
    clock.advance(15_000);
    await engine.runCycle();
    expect(store.stagesByGroup('10').map((stage) => stage.id)).toContain('250');
    expect(store.memberships()?.map((m) => m.groupId)).toContain('11');
    expect(changes.at(-1)).toEqual({ ...EMPTY, stageGroupIds: ['10'], directory: true });
  });

  it('a created task replaces its local card: the change names both IDs', async () => {
    const { changes, engine } = await synced();
    changes.length = 0;
    engine.enqueue({ name: 'createTask', clientId: 'c1', groupId: '10', title: 'Новая заявка' });
    expect(changes).toEqual([{ ...EMPTY, outbox: true, outboxTaskIds: ['local:c1'] }]);
    expect(engine.viewOf(['local:c1'])).toEqual([expect.objectContaining({ id: 'local:c1', localOnly: true })]);
  });
});

describe('task extras catch-up', () => {
  it('a fast portal has the whole backlog read in one cycle, chunk after chunk within the time budget', async () => {
    const clock = new VirtualClock();
    const portal = new FakePortal(() => clock.now());
    for (let id = 1; id <= 600; id++) portal.put(makeTask({ id: String(id), groupId: '10', changedAt: clock.now() - 3_600_000 + id * 1_000 }));
    portal.onExtras = () => clock.advance(1_000);
    const engine = new SyncEngine({ store: openSqliteStore(':memory:'), portal, clock, random: seededRandom(), groupIds: ['10'], offlineEventsPossible: false, historyWanted: () => true });
    const changes: SyncChange[] = [];
    engine.onChange((change) => changes.push(change));
    await engine.runCycle();
    expect(new Set(changes.flatMap((c) => c.extrasTaskIds)).size).toBe(600);
    // Told chunk by chunk, so a window never reads a budget's worth of cards in one go.
    expect(changes.map((c) => c.extrasTaskIds.length).filter((n) => n > 0)).toEqual([250, 250, 100]);
  });

  it('a task that just changed has its extras read before the backlog of never-read ones', async () => {
    const clock = new VirtualClock();
    const portal = new FakePortal(() => clock.now());
    // More open tasks than one cycle reads, all never read after the first sync.
    for (let id = 1; id <= 300; id++) portal.put(makeTask({ id: String(id), groupId: '10', changedAt: clock.now() - 3_600_000 + id * 1_000 }));
    // A slow portal: one chunk of extras uses up a cycle's reading time.
    portal.onExtras = () => clock.advance(5_000);
    const store = openSqliteStore(':memory:');
    const engine = new SyncEngine({ store, portal, clock, random: seededRandom(), groupIds: ['10'], offlineEventsPossible: false, historyWanted: () => true });
    const changes: SyncChange[] = [];
    engine.onChange((change) => changes.push(change));
    await engine.runCycle();
    // The first cycle read the 250 most recently changed; tasks 1..50 wait.
    const read = new Set(changes.flatMap((c) => c.extrasTaskIds));
    expect(read.size).toBe(250);
    const unread = [...portal.tasks.keys()].filter((id) => !read.has(id));
    expect(unread).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1)));
    // By ID it would come after the 50 unread ones; as a fresh change it goes first.
    const edited = '300';
    changes.length = 0;
    clock.advance(15_000);
    portal.put({ ...portal.tasks.get(edited)!, title: 'Изменена', changedAt: clock.now() });
    await engine.runCycle();
    const extras = changes.flatMap((c) => c.extrasTaskIds);
    expect(extras[0]).toBe(edited);
    expect(new Set(extras)).toEqual(new Set([edited, ...unread]));
  });
});

describe('task extras backlog between polls', () => {
  it('a slow portal has a first sync\'s backlog read between polls, not one budget per poll', async () => {
    const clock = new VirtualClock();
    const portal = new FakePortal(() => clock.now());
    for (let id = 1; id <= 1_500; id++) portal.put(makeTask({ id: String(id), groupId: '10', changedAt: clock.now() - 3_600_000 + id * 1_000 }));
    // Each chunk of 250 tasks uses more than a budget: a cycle reads one chunk.
    portal.onExtras = () => clock.advance(5_000);
    const engine = new SyncEngine({ store: openSqliteStore(':memory:'), portal, clock, random: seededRandom(), groupIds: ['10'], offlineEventsPossible: false, historyWanted: () => true });
    const read = new Set<string>();
    let doneAt = 0;
    const startedAt = clock.now();
    engine.onChange((change) => {
      change.extrasTaskIds.forEach((id) => read.add(id));
      if (read.size === 1_500 && !doneAt) {
        doneAt = clock.now();
        // The virtual clock never waits: the loop must be stopped from inside.
        engine.stop();
      }
    });
    const polls = () => portal.calls.filter((call) => call === 'tasks.task.list').length;
    let pollsAfterFirstSync = 0;
    const firstCycle = engine.runCycle().then(() => (pollsAfterFirstSync = polls()));
    await firstCycle;
    engine.start();
    await vi.waitFor(() => expect(read.size).toBe(1_500));
    // Six chunks: one in each of the first two cycles, four in the pauses between (each poll 15 s).
    expect(polls() - pollsAfterFirstSync).toBeLessThanOrEqual(2);
    expect(doneAt - startedAt).toBeLessThanOrEqual(45_000);
  });

  it('a failure while catching up leaves the rest to the next cycle, which says what went wrong', async () => {
    const clock = new VirtualClock();
    const portal = new FakePortal(() => clock.now());
    for (let id = 1; id <= 600; id++) portal.put(makeTask({ id: String(id), groupId: '10', changedAt: clock.now() - 3_600_000 + id * 1_000 }));
    portal.onExtras = () => clock.advance(5_000);
    const engine = new SyncEngine({ store: openSqliteStore(':memory:'), portal, clock, random: seededRandom(), groupIds: ['10'], offlineEventsPossible: false, historyWanted: () => true });
    await engine.runCycle();
    const readExtras = portal.readTaskExtras.bind(portal);
    let failed = 0;
    portal.readTaskExtras = async (requests) => {
      // The next cycle's own read goes through; the catch-up after it fails.
      if (failed++ === 1) throw new BitrixError('unreachable', 'NETWORK', 'ECONNREFUSED', null, null, false);
      return readExtras(requests);
    };
    const read = new Set<string>();
    engine.onChange((change) => {
      change.extrasTaskIds.forEach((id) => read.add(id));
      if (read.size === 350) engine.stop();
    });
    engine.start();
    await vi.waitFor(() => expect(read.size).toBe(350));
    expect(failed).toBeGreaterThan(2);
    expect(engine.getStatus().connectivity).toBe('online');
  });
});

/** The same portal, gone: every request fails as a refused connection does. */
function unreachable(portal: FakePortal): FakePortal {
  return new Proxy(portal, {
    get(target, name) {
      const value = target[name as keyof FakePortal];
      if (typeof value !== 'function' || ['portalOffsetMinutes', 'portalClockOffset'].includes(String(name))) return value;
      return async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { kind: 'unreachable' }));
    },
  });
}

describe('SyncEngine after a restart without the portal', () => {
  it('keeps who the user is, the portal clock and time zone, and when it last synced', async () => {
    const clock = new VirtualClock();
    // The portal's clock runs 90 s ahead of this workstation; its time zone is UTC+3 (the fake's).
    const portal = new FakePortal(() => clock.now() + 90_000);
    portal.put(makeTask({ id: '1', groupId: '10', changedAt: clock.now() }));
    const store = openSqliteStore(':memory:');
    const options = { store, clock, random: seededRandom(), groupIds: ['10'], offlineEventsPossible: false };
    const first = new SyncEngine({ ...options, portal });
    await first.runCycle();
    const syncedAt = first.getStatus().lastSyncAt;
    expect(syncedAt).toBe(clock.now() + 90_000);

    clock.advance(3_600_000);
    const gone = unreachable(portal);
    const restarted = new SyncEngine({ ...options, portal: gone });
    await expect(restarted.runCycle()).rejects.toThrow('ECONNREFUSED');
    expect(restarted.currentUser()).toEqual({ userId: '5', isAdmin: false });
    expect(restarted.portalClock.now()).toBe(clock.now() + 90_000);
    expect(restarted.portalUtcOffsetMinutes()).toBe(180);
    expect(restarted.getStatus()).toMatchObject({ connectivity: 'portal-unreachable', lastSyncAt: syncedAt });
  });

  it('asks the portal who the user is once it answers again, whatever was saved', async () => {
    const clock = new VirtualClock();
    const portal = new FakePortal(() => clock.now());
    const store = openSqliteStore(':memory:');
    store.setCursor('portal:facts', JSON.stringify({ identity: { userId: '99', isAdmin: true }, clockOffsetMs: 5, utcOffsetMinutes: 60, lastSyncAt: 1 }));
    const engine = new SyncEngine({ store, portal, clock, random: seededRandom(), groupIds: ['10'], offlineEventsPossible: false });
    expect(engine.currentUser()).toEqual({ userId: '99', isAdmin: true });
    await engine.runCycle();
    expect(engine.currentUser()).toEqual({ userId: '5', isAdmin: false });
    expect(engine.portalUtcOffsetMinutes()).toBe(180);
  });

  it('reads damaged saved facts as not known', () => {
    const clock = new VirtualClock();
    const store = openSqliteStore(':memory:');
    store.setCursor('portal:facts', '{"identity":{"userId":7},"clockOffsetMs":"x","lastSyncAt":null');
    const engine = new SyncEngine({ store, portal: new FakePortal(() => clock.now()), clock, random: seededRandom(), groupIds: ['10'], offlineEventsPossible: false });
    expect(engine.currentUser()).toBeNull();
    expect(engine.portalClock.now()).toBe(clock.now());
    expect(engine.getStatus().lastSyncAt).toBeNull();
  });
});

describe('SyncEngine keeping its portal facts', () => {
  it('does not write them on every quiet cycle: the sync time at most once a minute', async () => {
    const { store, engine, clock } = await synced();
    const writes: string[] = [];
    const setCursor = store.setCursor.bind(store);
    store.setCursor = (key, value) => (key === 'portal:facts' && writes.push(value), setCursor(key, value));
    for (let cycle = 0; cycle < 3; cycle++) {
      clock.advance(15_000);
      await engine.runCycle();
    }
    expect(writes).toHaveLength(0);
    clock.advance(20_000);
    await engine.runCycle();
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0]!)).toMatchObject({ identity: { userId: '5', isAdmin: false }, utcOffsetMinutes: 180, lastSyncAt: clock.now() });
  });
});

describe('SyncEngine and a portal that went away', () => {
  it('says "unreachable" at the second attempt in a row without an answer, not at a lone one', async () => {
    const { engine } = await synced();
    engine.noteAttempt('unreachable');
    expect(engine.getStatus().connectivity).toBe('online');
    engine.noteAttempt('answered');
    engine.noteAttempt('unreachable');
    expect(engine.getStatus().connectivity).toBe('online');
    engine.noteAttempt('unreachable');
    expect(engine.getStatus().connectivity).toBe('portal-unreachable');
  });

  it('says it is back at its first answer, while the cycle that met it still runs; a sign-out is not undone', async () => {
    const { engine } = await synced();
    engine.noteAttempt('unreachable');
    engine.noteAttempt('unreachable');
    expect(engine.getStatus().connectivity).toBe('portal-unreachable');
    engine.noteAttempt('answered');
    expect(engine.getStatus()).toMatchObject({ connectivity: 'online', lastError: null });

    const { engine: signedOut, portal, clock } = await synced();
    portal.readTasks = async () => {
      throw new BitrixError('signed-out', 'NO_AUTH_FOUND', 'Wrong authorization data', 401, null, false);
    };
    clock.advance(15_000);
    await signedOut.runCycle().catch(() => undefined);
    expect(signedOut.getStatus().connectivity).toBe('signed-out');
    signedOut.noteAttempt('answered');
    expect(signedOut.getStatus().connectivity).toBe('signed-out');
  });

  it('while a window is visible, looks for the portal again at least once a poll interval', async () => {
    const { engine, portal, clock } = await synced();
    portal.readTasks = async () => {
      throw new BitrixError('unreachable', 'NETWORK', 'ECONNREFUSED', null, null, false);
    };
    const waits = await loopWaits(engine, clock, 8);
    expect(waits.length).toBe(8);
    expect(Math.max(...waits)).toBeLessThanOrEqual(15_000);
    // Backing off all the same: the later waits are longer than the first.
    expect(waits.at(-1)!).toBeGreaterThan(waits[0]!);

    engine.setVisible(false);
    const hidden = await loopWaits(engine, clock, 8);
    expect(Math.max(...hidden)).toBeGreaterThan(15_000);
    expect(Math.max(...hidden)).toBeLessThanOrEqual(60_000);
  });
});

/** The engine loop's waits between cycles, stopping it after `count` of them. */
async function loopWaits(engine: SyncEngine, clock: VirtualClock, count: number): Promise<number[]> {
  const waits: number[] = [];
  const sleep = clock.sleep.bind(clock);
  clock.sleep = async (ms: number) => {
    waits.push(ms);
    if (waits.length >= count) engine.stop();
    await sleep(ms);
  };
  engine.start();
  await vi.waitFor(() => expect(waits.length).toBeGreaterThanOrEqual(count));
  clock.sleep = sleep;
  return waits.filter((ms) => ms >= 1_000);
}
