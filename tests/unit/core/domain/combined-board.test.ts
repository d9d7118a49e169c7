import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../../src/core/domain/model';
import { combinedRoleOf, stageForRoleDrop } from '../../../../src/core/domain/combined-board';

const stage = (id: string, groupId: string, title: string, sort: number): Stage => ({ id, groupId, title, sort, color: '', systemType: '' });

// Group 1: two work stages (sort 300 before 200 in ID order on purpose); group 2 has no queue.
const stages = [
  stage('10', '1', 'Новые', 100),
  stage('13', '1', 'Тестирование', 300),
  stage('12', '1', 'В работе', 200),
  stage('14', '1', 'Готово', 400),
  stage('20', '2', 'Входящие', 100),
  stage('21', '2', 'Делаем', 200),
  stage('22', '2', 'Закрыто', 300),
];
const roles = { '10': 'new', '12': 'work', '13': 'work', '14': 'done', '20': 'new', '21': 'work', '22': 'done' } as const;

describe('stageForRoleDrop', () => {
  it('moves to the first stage of the role by sort order, in the task’s own group', () => {
    expect(stageForRoleDrop({ stages, roles, groupId: '1', stageId: '10', role: 'work' })).toEqual({ ok: true, stageId: '12', moved: true });
    expect(stageForRoleDrop({ stages, roles, groupId: '2', stageId: '20', role: 'work' })).toEqual({ ok: true, stageId: '21', moved: true });
    expect(stageForRoleDrop({ stages, roles, groupId: '2', stageId: '21', role: 'done' })).toEqual({ ok: true, stageId: '22', moved: true });
  });

  it('keeps a task already in a stage of the role where it is (a reorder, not a move)', () => {
    expect(stageForRoleDrop({ stages, roles, groupId: '1', stageId: '13', role: 'work' })).toEqual({ ok: true, stageId: '13', moved: false });
  });

  it('treats stage "0" as the group’s first stage', () => {
    expect(stageForRoleDrop({ stages, roles, groupId: '1', stageId: '0', role: 'new' })).toEqual({ ok: true, stageId: '10', moved: false });
    expect(stageForRoleDrop({ stages, roles, groupId: '1', stageId: '0', role: 'done' })).toEqual({ ok: true, stageId: '14', moved: true });
  });

  it('refuses a role the group has no stage of', () => {
    expect(stageForRoleDrop({ stages, roles, groupId: '2', stageId: '20', role: 'queue' })).toEqual({ ok: false, reason: 'no-stage' });
    expect(stageForRoleDrop({ stages, roles, groupId: '9', stageId: '0', role: 'new' })).toEqual({ ok: false, reason: 'no-stage' });
  });

  it('falls back to the title guess for a stage without a mapped role', () => {
    const extra = [...stages, stage('23', '2', 'Очередь', 150)];
    expect(stageForRoleDrop({ stages: extra, roles, groupId: '2', stageId: '20', role: 'queue' })).toEqual({ ok: true, stageId: '23', moved: true });
  });
});

describe('combinedRoleOf', () => {
  it('is the stage’s role, the first stage’s for "0", and new when nothing is known', () => {
    expect(combinedRoleOf(stages, roles, '1', '13')).toBe('work');
    expect(combinedRoleOf(stages, roles, '2', '0')).toBe('new');
    expect(combinedRoleOf(stages, roles, '2', '999')).toBe('new');
  });
});
