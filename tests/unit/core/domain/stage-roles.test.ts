import { describe, expect, it } from 'vitest';
import { guessStageRole, guessStageRoles, pruneStageRoleOverrides } from '../../../../src/core/domain/stage-roles';
import { createStageMap, resolveStage, roleOfStage } from '../../../../src/core/domain/stage-map';
import { STAGES, stage } from './fixtures';

describe('guessStageRole', () => {
  it.each([
    ['Новые заявки', '', 'new'],
    ['Новые', 'NEW', 'new'],
    ['Сбор информации', '', 'classification'],
    ['Классификация', '', 'classification'],
    ['Запустить в работу', '', 'queue'],
    ['Очередь', '', 'queue'],
    ['В работе', '', 'work'],
    ['Завершена', '', 'done'],
    ['Готово', '', 'done'],
    ['New requests', '', 'new'],
    ['Triage', '', 'classification'],
    ['To do', '', 'queue'],
    ['In progress', '', 'work'],
    ['Done', '', 'done'],
    ['Что-то своё', 'FINISH', 'done'],
    ['Завершена', 'NEW', 'new'],
    ['Тестирование', '', null],
  ])('%s (SYSTEM_TYPE %s) -> %s', (title, systemType, role) => {
    expect(guessStageRole({ title, systemType })).toBe(role);
  });
});

describe('guessStageRoles', () => {
  it('guesses the seed stages', () => {
    expect(guessStageRoles(STAGES)).toEqual({ '10': 'new', '11': 'classification', '12': 'queue', '13': 'work', '14': 'done' });
  });

  it('keeps overrides of existing stages and lets an unknown stage inherit its left neighbour', () => {
    const stages = [...STAGES, stage('15', 'Тестирование', 450), stage('20', 'Входящие', 1, '', '2'), stage('21', 'Разное', 2, '', '2')];
    const roles = guessStageRoles(stages, { '11': 'queue', '99': 'work' });
    expect(roles['11']).toBe('queue');
    expect(roles['15']).toBe('work');
    expect(roles['20']).toBe('new');
    expect(roles['21']).toBe('new');
    expect(roles).not.toHaveProperty('99');
  });

  it('prunes overrides of deleted stages', () => {
    expect(pruneStageRoleOverrides(STAGES, { '11': 'queue', '99': 'work' })).toEqual({ '11': 'queue' });
  });
});

describe('stage map', () => {
  const map = createStageMap(STAGES, { '13': 'work' });

  it.each([
    ['0', '10', 'new'],
    ['', '10', 'new'],
    ['13', '13', 'work'],
    ['12', '12', 'queue'],
    ['404', null, null],
  ])('stage %j resolves to %s with role %s (unmapped stages fall back to the guess)', (stageId, resolved, role) => {
    expect(resolveStage(map, '1', stageId)?.id ?? null).toBe(resolved);
    expect(roleOfStage(map, '1', stageId)).toBe(role);
  });

  it('a group without stages has no first column', () => {
    expect(resolveStage(map, '2', '0')).toBeNull();
  });
});
