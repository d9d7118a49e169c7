import { describe, expect, it } from 'vitest';
import { nextSort, sortCards } from '../../../../src/renderer/board/sorting';
import { card, HOUR, NOW, views } from './fixtures';

const { views: cards } = views([
  card('9', { title: 'бета', deadline: NOW + 2 * HOUR, responsibleId: '3', changedAt: NOW - 3 * HOUR, stageId: '11' }),
  card('10', { title: 'Альфа', deadline: null, responsibleId: '2', changedAt: NOW - HOUR, priority: 2 }),
  card('100', { title: 'гамма', deadline: NOW + HOUR, responsibleId: '0', changedAt: NOW - 2 * HOUR, stageId: '12' }),
]);
const order = (column: Parameters<typeof nextSort>[1], direction: 'asc' | 'desc') =>
  sortCards(cards, { column, direction }, NOW, new Map([['10', 0], ['11', 1], ['12', 2]])).map((c) => c.id);

describe('list sorting', () => {
  it('sorts ids as numbers', () => {
    expect(order('id', 'asc')).toEqual(['9', '10', '100']);
    // '100' stands in the done stage: finished tasks come last whatever the sort.
    expect(order('id', 'desc')).toEqual(['10', '9', '100']);
  });

  it('sorts titles case-insensitively and by stage order', () => {
    expect(order('title', 'asc')).toEqual(['10', '9', '100']);
    expect(order('stage', 'desc')).toEqual(['9', '10', '100']);
  });

  it('puts tasks without a deadline or responsible last in both directions', () => {
    expect(order('deadline', 'asc')).toEqual(['9', '10', '100']);
    expect(order('deadline', 'desc')).toEqual(['9', '10', '100']);
    expect(order('responsible', 'asc')).toEqual(['10', '9', '100']);
  });

  it('sorts by LU (time since the last change) and kind', () => {
    expect(order('lu', 'desc')).toEqual(['9', '10', '100']);
    expect(order('kind', 'asc')[0]).toBe('10');
  });

  it('flips the sorted column and starts timers longest first', () => {
    expect(nextSort({ column: 'id', direction: 'asc' }, 'id')).toEqual({ column: 'id', direction: 'desc' });
    expect(nextSort({ column: 'id', direction: 'asc' }, 'deadline')).toEqual({ column: 'deadline', direction: 'asc' });
    expect(nextSort({ column: 'id', direction: 'asc' }, 'wia')).toEqual({ column: 'wia', direction: 'desc' });
  });
});
