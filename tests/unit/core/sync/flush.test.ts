import { describe, expect, it } from 'vitest';
import { flushOutbox } from '../../../../src/core/sync/flush';
import type { PortalGateway, SendOutcome } from '../../../../src/core/sync/portal-port';
import type { Intent } from '../../../../src/core/sync/intents';
import type { Task } from '../../../../src/core/domain/model';
import type { SyncNotice } from '../../../../src/core/sync/status';
import { openSqliteStore } from '../../../../src/node/store';
import { makeTask } from '../../../support/factories';
import { seededRandom, VirtualClock } from '../../../support/fake-clock';

/** A portal double that records what was sent and answers by a script. */
function fakePortal(answer: (intent: Intent) => SendOutcome, lookups: { created?: Task | null; appended?: boolean } = {}) {
  const sent: Intent[][] = [];
  const portal = {
    send: async (intents: readonly Intent[]) => {
      sent.push([...intents]);
      return new Map(intents.map((i) => [i.seq, answer(i)]));
    },
    findCreatedTask: async () => lookups.created ?? null,
    isAppendOnPortal: async () => lookups.appended ?? false,
  } as unknown as PortalGateway;
  return { portal, sent };
}

function setup(tasks: Task[] = [makeTask({ id: '1' }), makeTask({ id: '2' })]) {
  const store = openSqliteStore(':memory:');
  store.upsertTasks(tasks);
  const clock = new VirtualClock();
  const notices: SyncNotice[] = [];
  return { store, clock, notices, ctx: (portal: PortalGateway) => ({ store, portal, clock, random: seededRandom(), userId: '5', notify: (n: SyncNotice) => notices.push(n) }) };
}

const done: SendOutcome = { kind: 'done', task: null };

describe('flushOutbox', () => {
  it('keeps order per task: one intent per task per round, independent tasks together', async () => {
    const { store, clock, ctx } = setup();
    for (const stageId of ['101', '102']) store.addIntent({ payload: { name: 'moveCard', taskId: '1', stageId }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    store.addIntent({ payload: { name: 'moveCard', taskId: '2', stageId: '103' }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    const { portal, sent } = fakePortal(() => done);
    const result = await flushOutbox(ctx(portal));
    expect(sent.map((round) => round.map((i) => `${i.payload.name === 'moveCard' ? i.payload.taskId : ''}>${i.payload.name === 'moveCard' ? i.payload.stageId : ''}`))).toEqual([['1>101', '2>103'], ['1>102']]);
    expect(result.sent).toBe(3);
    expect(store.listIntents()).toEqual([]);
    expect(store.getTask('1')!.stageId).toBe('102');
  });

  it('a refused edit becomes failed with the portal message and the agent is told', async () => {
    const { store, clock, ctx, notices } = setup();
    store.addIntent({ payload: { name: 'moveCard', taskId: '1', stageId: '9' }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    const { portal } = fakePortal(() => ({ kind: 'refused', code: 'ACCESS_DENIED_MOVE', message: 'Недостаточно прав' }));
    await flushOutbox(ctx(portal));
    expect(store.listIntents()[0]).toMatchObject({ state: 'failed', lastErrorCode: 'ACCESS_DENIED_MOVE', lastError: 'Недостаточно прав' });
    expect(notices).toEqual([expect.objectContaining({ kind: 'refused', taskId: '1', code: 'ACCESS_DENIED_MOVE' })]);
  });

  it('a server error the portal answered schedules a retry but does not call the portal unreachable', async () => {
    const { store, clock, ctx } = setup();
    store.addIntent({ payload: { name: 'moveCard', taskId: '1', stageId: '9' }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    const { portal } = fakePortal(() => ({ kind: 'retry', failure: 'server-error', code: 'ERROR_CORE', message: 'Internal error', retryAt: null }));
    const result = await flushOutbox(ctx(portal));
    expect(result.unreachable).toBe(false);
    expect(store.listIntents()[0]).toMatchObject({ state: 'queued', lastErrorCode: 'ERROR_CORE' });
    expect(store.listIntents()[0]!.nextAttemptAt).toBeGreaterThan(clock.now());
  });

  it('a network failure schedules a retry later and stops the flush', async () => {
    const { store, clock, ctx } = setup();
    store.addIntent({ payload: { name: 'moveCard', taskId: '1', stageId: '9' }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    const { portal, sent } = fakePortal(() => ({ kind: 'retry', failure: 'unreachable', code: 'NETWORK', message: 'ECONNREFUSED', retryAt: null }));
    const result = await flushOutbox(ctx(portal));
    expect(result.unreachable).toBe(true);
    expect(sent).toHaveLength(1);
    const [intent] = store.listIntents();
    expect(intent).toMatchObject({ state: 'queued', attempts: 1 });
    expect(intent!.nextAttemptAt).toBeGreaterThan(clock.now());
  });

  it('signed out: the edit stays queued, not counted as an attempt', async () => {
    const { store, clock, ctx } = setup();
    store.addIntent({ payload: { name: 'moveCard', taskId: '1', stageId: '9' }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    const { portal } = fakePortal(() => ({ kind: 'signed-out', code: 'invalid_grant', message: 'expired' }));
    const result = await flushOutbox(ctx(portal));
    expect(result.signedOut).toBe(true);
    expect(store.listIntents()[0]).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('a create is marked sending before the request; after a lost answer it is looked up, not resent', async () => {
    const { store, clock, ctx } = setup();
    store.addIntent({ payload: { name: 'createTask', clientId: 'c1', groupId: '10', title: 'Новая' }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    let statesDuringSend: string[] = [];
    const first = fakePortal(() => {
      statesDuringSend = store.listIntents().map((i) => i.state);
      return { kind: 'ambiguous', failure: 'unreachable', code: 'NETWORK', message: 'socket hang up' };
    });
    await flushOutbox(ctx(first.portal));
    expect(statesDuringSend).toEqual(['sending']);
    expect(store.listIntents()[0]!.state).toBe('sending');

    const found = makeTask({ id: '77', title: 'Новая' });
    const second = fakePortal(() => done, { created: found });
    await flushOutbox(ctx(second.portal));
    expect(second.sent).toEqual([]);
    expect(store.listIntents()).toEqual([]);
    expect(store.getTask('77')).toMatchObject({ title: 'Новая' });
  });

  it('after a lost answer, an append the portal does not have is sent again', async () => {
    const { store, clock, ctx } = setup();
    const intent = store.addIntent({ payload: { name: 'addComment', taskId: '1', text: 'Готово' }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    store.updateIntent(intent.seq, { state: 'sending' });
    const { portal, sent } = fakePortal(() => done, { appended: false });
    await flushOutbox(ctx(portal));
    expect(sent).toHaveLength(1);
    expect(store.listIntents()).toEqual([]);
  });

  it('an append whose answer is lost again and again waits its backoff instead of being resent every round', async () => {
    const { store, clock, ctx } = setup();
    store.addIntent({ payload: { name: 'logTime', taskId: '1', seconds: 60, comment: 'x' }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    const { portal, sent } = fakePortal(() => ({ kind: 'ambiguous', failure: 'server-error', code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' }), { appended: false });
    await flushOutbox(ctx(portal));
    expect(sent).toHaveLength(1);
    const [waiting] = store.listIntents();
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
    expect(waiting!.nextAttemptAt).toBeGreaterThan(clock.now());
  });

  it('a status action refused as "not allowed" that the portal already applied counts as done', async () => {
    const { store, clock, ctx, notices } = setup([makeTask({ id: '1', status: 2 }), makeTask({ id: '2', status: 2 })]);
    for (const taskId of ['1', '2']) store.addIntent({ payload: { name: 'changeStatus', taskId, action: 'start' }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    const { portal } = fakePortal(() => ({ kind: 'refused', code: '0', message: 'Action on the task is not allowed' }));
    // Task 1 is in progress on the portal (an earlier answer was lost); task 2 is still pending.
    (portal as { readTasksByIds: PortalGateway['readTasksByIds'] }).readTasksByIds = async () => [makeTask({ id: '1', status: 3 }), makeTask({ id: '2', status: 2 })];
    await flushOutbox(ctx(portal));
    expect(store.listIntents().map((i) => [i.payload.name === 'changeStatus' && i.payload.taskId, i.state])).toEqual([['2', 'failed']]);
    expect(store.getTask('1')!.status).toBe(3);
    expect(notices.map((n) => n.taskId)).toEqual(['2']);
  });

  it('edits of an offline-created task wait for it and then name its portal ID', async () => {
    const { store, clock, ctx } = setup();
    store.addIntent({ payload: { name: 'createTask', clientId: 'c2', groupId: '10', title: 'Офлайн' }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    store.addIntent({ payload: { name: 'updateFields', taskId: 'local:c2', fields: { PRIORITY: '2' } }, baseChangedAt: null, baseValues: null, createdAt: clock.now() });
    const { portal, sent } = fakePortal((i) => (i.payload.name === 'createTask' ? { kind: 'done', task: makeTask({ id: '88', title: 'Офлайн' }) } : done));
    await flushOutbox(ctx(portal));
    expect(sent.map((round) => round.map((i) => i.payload.name))).toEqual([['createTask'], ['updateFields']]);
    expect(sent[1]![0]!.payload).toMatchObject({ taskId: '88' });
    expect(store.getTask('88')!.priority).toBe(2);
  });

  it('splits a field edit: clean fields go, the conflicting one waits for the user', async () => {
    const { store, clock, ctx, notices } = setup([makeTask({ id: '1', title: 'Их', priority: 1 })]);
    store.addIntent({ payload: { name: 'updateFields', taskId: '1', fields: { TITLE: 'Моё', PRIORITY: '2' } }, baseChangedAt: null, baseValues: { TITLE: 'Старое', PRIORITY: '1' }, createdAt: clock.now() });
    const { portal, sent } = fakePortal(() => done);
    await flushOutbox(ctx(portal));
    expect(sent[0]![0]!.payload).toMatchObject({ fields: { PRIORITY: '2' } });
    expect(store.listIntents()).toEqual([expect.objectContaining({ state: 'conflict', payload: expect.objectContaining({ fields: { TITLE: 'Моё' } }) })]);
    expect(notices).toEqual([expect.objectContaining({ kind: 'conflict', taskId: '1' })]);
  });

  it('a remote edit to the same value is no conflict', async () => {
    const { store, clock, ctx } = setup([makeTask({ id: '1', title: 'Моё' })]);
    store.addIntent({ payload: { name: 'updateFields', taskId: '1', fields: { TITLE: 'Моё' } }, baseChangedAt: null, baseValues: { TITLE: 'Старое' }, createdAt: clock.now() });
    const { portal } = fakePortal(() => done);
    await flushOutbox(ctx(portal));
    expect(store.listIntents()).toEqual([]);
  });

  it('later move wins: my earlier offline move yields to a later portal move, my later move overrides', async () => {
    const { store, ctx, notices } = setup([makeTask({ id: '1', stageId: '104', changedAt: Date.UTC(2026, 0, 15, 10) }), makeTask({ id: '2', stageId: '104', changedAt: Date.UTC(2026, 0, 15, 8) })]);
    const at = Date.UTC(2026, 0, 15, 9);
    store.addIntent({ payload: { name: 'moveCard', taskId: '1', stageId: '102' }, baseChangedAt: null, baseValues: { STAGE_ID: '100' }, createdAt: at });
    store.addIntent({ payload: { name: 'moveCard', taskId: '2', stageId: '102' }, baseChangedAt: null, baseValues: { STAGE_ID: '100' }, createdAt: at });
    const { portal, sent } = fakePortal(() => done);
    await flushOutbox(ctx(portal));
    expect(sent.flat().map((i) => (i.payload.name === 'moveCard' ? i.payload.taskId : ''))).toEqual(['2']);
    expect(notices.map((n) => `${n.kind}:${n.taskId}`).sort()).toEqual(['move-lost:1', 'move-overridden:2']);
    expect(store.getTask('1')!.stageId).toBe('104');
    expect(store.getTask('2')!.stageId).toBe('102');
  });
});
