import { describe, expect, it } from 'vitest';
import { buildBoard } from '../../../../src/core/domain/board';
import { STAGES, moved, msk, settingsWith, stage, task, user } from './fixtures';

const NOW = msk('2025-03-05T12:00');

describe('buildBoard', () => {
  const settings = settingsWith();
  const tasks = [
    task({ id: '1', stageId: '0', title: 'Без стадии', changedAt: msk('2025-03-05T11:00'), createdAt: msk('2025-03-05T10:00') }),
    task({ id: '2', stageId: '13', priority: 2, changedAt: msk('2025-03-05T11:59'), createdAt: msk('2025-03-05T09:00') }),
    task({ id: '3', stageId: '12', userFields: { UF_SD_ESTIMATE: '4' }, responsibleId: '0', changedAt: NOW, createdAt: msk('2025-03-05T10:00') }),
    task({ id: '4', stageId: '10', groupId: '2', changedAt: NOW }),
  ];
  const history = new Map([['2', [moved(msk('2025-03-05T10:00'), '10', '13', '2')]]]);
  const board = buildBoard({ tasks, stages: STAGES, settings, historyByTask: history, users: [user('5')], now: NOW });

  it('has the columns in stage order with their roles', () => {
    expect(board.map((column) => [column.stageId, column.role, column.cards.map((card) => card.id)])).toEqual([
      ['10', 'new', ['1']],
      ['11', 'classification', []],
      ['12', 'queue', ['3']],
      ['13', 'work', ['2']],
      ['14', 'done', []],
    ]);
  });

  it('projects each card', () => {
    const cards = board.flatMap((column) => column.cards);
    expect(cards).toEqual([
      { id: '1', title: 'Без стадии', kind: 'service', luSeconds: 3600, wiaSeconds: null, forgotten: false, sla: 'ok' },
      { id: '3', title: 'Не работает печать', kind: 'change', luSeconds: 0, wiaSeconds: null, forgotten: true, sla: 'ok' },
      { id: '2', title: 'Не работает печать', kind: 'incident', luSeconds: 60, wiaSeconds: 7200, forgotten: false, sla: 'breached' },
    ]);
  });

  it('puts a task whose stage belongs to another group, or vanished, into its group’s first column', () => {
    const stages = [...STAGES, stage('20', 'Новые', 1, 'NEW', '2')];
    const moved = [task({ id: '7', stageId: '13', groupId: '2' }), task({ id: '8', stageId: '404' })];
    const result = buildBoard({ tasks: moved, stages, settings, historyByTask: new Map(), now: NOW });
    expect(result.map((column) => [column.stageId, column.cards.map((card) => card.id)])).toEqual([
      ['10', ['8']],
      ['11', []],
      ['12', []],
      ['13', []],
      ['14', []],
      ['20', ['7']],
    ]);
  });
});
