import { describe, expect, it } from 'vitest';
import { applyBoardDelta, applyGroupDelta } from '../../../../src/core/domain/board-delta';
import { card, snapshot } from '../../renderer/board/fixtures';

const entry = (taskId: string, to: string) => ({ id: `h-${taskId}-${to}`, taskId, at: 1, field: 'STAGE_ID', from: '10', to, userId: '2' });

describe('applying a board delta', () => {
  it('takes history alone (a catch-up of extras): the cards stay the same objects, their history is replaced', () => {
    const board = snapshot([card('1'), card('2')]);
    const next = applyGroupDelta(board, { groupId: board.groupId, cards: [], removed: [], history: { '2': [entry('2', '11')] } });
    expect(next).not.toBe(board);
    expect(next.cards).toEqual(board.cards);
    expect(next.cards[1]).toBe(board.cards[1]);
    expect(next.history['2']).toEqual([entry('2', '11')]);
  });

  it('changes nothing for an empty group delta and reads again on a reset', () => {
    const board = snapshot([card('1')]);
    expect(applyGroupDelta(board, { groupId: board.groupId, cards: [], removed: [], history: {} })).toBe(board);
    expect(applyBoardDelta(board, { reset: true, groups: [], taskIds: [], directory: true, queued: null })).toBeNull();
  });

  it('replaces a changed card in place, appends a new one and drops a removed one with its history', () => {
    const board = { ...snapshot([card('1'), card('2'), card('3')]), history: { '3': [entry('3', '11')] } };
    const next = applyGroupDelta(board, { groupId: board.groupId, cards: [card('2', { title: 'Новое' }), card('4')], removed: ['3'], history: {} });
    expect(next.cards.map((c) => [c.id, c.title])).toEqual([['1', 'Задача 1'], ['2', 'Новое'], ['4', 'Задача 4']]);
    expect(next.history['3']).toBeUndefined();
  });
});
