import { describe, expect, it } from 'vitest';
import { alertConditions, attentionCount, inScope, isAnnounced } from '../../../src/node/alerts/conditions';
import { board, HOUR, idleTask, makeSettings, ME, MINUTE, NOON_MSK, USERS } from './helpers';
import type { ConditionInput } from '../../../src/node/alerts/conditions';
import type { Task } from '../../../src/core/domain/model';

const now = NOON_MSK;

function conditionsOf(tasks: Task[], settings = makeSettings(), extra: Partial<ConditionInput> = {}) {
  return alertConditions({ boards: [board(tasks)], users: USERS, settings, userId: ME, memberGroupIds: null, now, ...extra });
}

describe('alertConditions', () => {
  it('a task becomes forgotten exactly when its LU reaches the alert threshold, to the second', () => {
    expect(conditionsOf([idleTask('1', now, 4 * HOUR - 1000)])!.filter((c) => c.kind === 'forgotten')).toEqual([]);
    const [forgotten] = conditionsOf([idleTask('1', now, 4 * HOUR)])!.filter((c) => c.kind === 'forgotten');
    expect(forgotten).toEqual({ taskId: '1', groupId: '10', title: 'Задача 1', kind: 'forgotten', reason: 'lu-alert', seconds: 4 * 3600, thresholdSeconds: 4 * 3600 });
  });

  it('names nobody-responsible and long stoppers as forgotten reasons', () => {
    const settings = makeSettings({ fields: { blocker: 'UF_STOP' }, thresholds: { stopperMinutes: 60 } });
    const noOne = idleTask('2', now, MINUTE, { responsibleId: '0' });
    const stopped = idleTask('3', now, 2 * HOUR, { userFields: { UF_STOP: 'Ждём клиента' } });
    const scoped = makeSettings({ ...settings, notifications: { scope: 'all' } });
    const found = conditionsOf([noOne, stopped], scoped)!.filter((c) => c.kind === 'forgotten');
    expect(found.map((c) => [c.taskId, c.reason])).toEqual([
      ['2', 'no-responsible'],
      ['3', 'stopper-too-long'],
    ]);
    expect(found[1]).toMatchObject({ stopper: 'Ждём клиента', seconds: 2 * 3600, thresholdSeconds: 3600 });
  });

  it('reports SLA at risk with the time left and breached with the time overdue', () => {
    const settings = makeSettings({ sla: { riskRatio: 0.8, service: { reactionMinutes: 60, resolutionMinutes: null, clock: 'round-the-clock' } } });
    const fresh = (id: string, age: number) => idleTask(id, now, MINUTE, { stageId: '100', status: 2, createdAt: now - age });
    const found = conditionsOf([fresh('1', 47 * MINUTE), fresh('2', 48 * MINUTE), fresh('3', 61 * MINUTE)], settings)!.filter((c) => c.kind.startsWith('sla'));
    expect(found).toEqual([
      { taskId: '2', groupId: '10', title: 'Задача 2', kind: 'sla-risk', reason: 'reaction', seconds: 12 * 60, thresholdSeconds: 3600 },
      { taskId: '3', groupId: '10', title: 'Задача 3', kind: 'sla-breached', reason: 'reaction', seconds: 60, thresholdSeconds: 3600 },
    ]);
  });

  it('announces new requests created by someone else in the collection stage', () => {
    const mine = idleTask('1', now, MINUTE, { stageId: '100', createdBy: ME });
    const client = idleTask('2', now, 5 * MINUTE, { stageId: '100', createdBy: '20', createdAt: now - 5 * MINUTE });
    const kinds = conditionsOf([mine, client])!.filter((c) => c.kind === 'new-task');
    expect(kinds).toEqual([{ taskId: '2', groupId: '10', title: 'Задача 2', kind: 'new-task', reason: null, seconds: 300, thresholdSeconds: null }]);
  });

  it('skips done tasks and tasks not yet on the portal', () => {
    const done = idleTask('1', now, 30 * HOUR, { stageId: '104', status: 5, closedAt: now - 30 * HOUR });
    const local = { ...idleTask('local:x', now, 30 * HOUR), localOnly: true };
    expect(conditionsOf([done, local])).toEqual([]);
  });

  it('leaves out an SLA clock that has stopped: a late reaction is history, not an alert', () => {
    const settings = makeSettings({ sla: { service: { reactionMinutes: 60, resolutionMinutes: 60 * 24 * 30, clock: 'round-the-clock' } } });
    // In work for a minute, created 10 days ago: the reaction came late, the resolution clock runs.
    expect(conditionsOf([idleTask('1', now, MINUTE)], settings)!.filter((c) => c.kind.startsWith('sla'))).toEqual([]);
  });

  it('counts tasks forgotten or with SLA at risk/breached once each for the tray', () => {
    const settings = makeSettings({ sla: { service: { reactionMinutes: 60, resolutionMinutes: null, clock: 'round-the-clock' } } });
    const both = idleTask('1', now, 5 * HOUR, { stageId: '100', status: 2, createdAt: now - 5 * HOUR });
    const fine = idleTask('2', now, MINUTE);
    const conditions = conditionsOf([both, fine], settings)!;
    expect(conditions.filter((c) => c.taskId === '1').map((c) => c.kind).sort()).toEqual(['forgotten', 'new-task', 'sla-breached']);
    expect(attentionCount(conditions)).toBe(1);
  });
});

describe('scope', () => {
  const tasks = [idleTask('1', now, 5 * HOUR), idleTask('2', now, 5 * HOUR, { responsibleId: '6' }), idleTask('3', now, 5 * HOUR, { responsibleId: '6', groupId: '11' })];
  const ids = (scope: 'own' | 'groups' | 'all', memberGroupIds: string[] | null = null) =>
    conditionsOf(tasks, makeSettings({ notifications: { scope } }), { memberGroupIds })!
      .filter((c) => c.kind === 'forgotten')
      .map((c) => c.taskId);

  it('own: only tasks I am responsible for', () => expect(ids('own')).toEqual(['1']));
  it('groups: my groups (every bound group while membership is unknown)', () => {
    expect(ids('groups')).toEqual(['1', '2', '3']);
    expect(ids('groups', ['10'])).toEqual(['1', '2']);
    expect(ids('groups', ['12'])).toEqual(['1']);
  });
  it('all: everything', () => expect(ids('all', ['12'])).toEqual(['1', '2', '3']));

  it('cannot decide "own" before the user is known, but "all" can', () => {
    expect(conditionsOf(tasks, makeSettings(), { userId: null })).toBeNull();
    expect(conditionsOf(tasks, makeSettings({ notifications: { scope: 'all' } }), { userId: null })).not.toBeNull();
    expect(inScope({ groupId: '10', responsibleId: ME }, { settings: makeSettings(), userId: null, memberGroupIds: null })).toBe(false);
  });
});

describe('isAnnounced', () => {
  const forgotten = { taskId: '1', groupId: '10', title: '', kind: 'forgotten' as const, reason: 'lu-alert' as const, seconds: 0, thresholdSeconds: 0 };
  const alerts = makeSettings().notifications.alerts;
  it('follows the per-kind switches', () => {
    expect(isAnnounced(forgotten, alerts)).toBe(true);
    expect(isAnnounced({ ...forgotten, kind: 'wia-alert' }, alerts)).toBe(false);
    expect(isAnnounced({ ...forgotten, kind: 'sla-risk' }, { ...alerts, slaRisk: false })).toBe(false);
  });
  it('luAlert alone announces only the LU reason of forgotten', () => {
    const onlyLu = { ...alerts, forgotten: false, luAlert: true };
    expect(isAnnounced(forgotten, onlyLu)).toBe(true);
    expect(isAnnounced({ ...forgotten, reason: 'no-responsible' }, onlyLu)).toBe(false);
  });
});
