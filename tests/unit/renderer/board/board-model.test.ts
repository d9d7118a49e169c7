import { describe, expect, it } from 'vitest';
import { buildBoardModel, columnHours } from '../../../../src/renderer/board/board-model';
import { layoutContainers } from '../../../../src/renderer/board/layout';
import { NO_FILTERS } from '../../../../src/renderer/board/filters';
import { isColumnFolded } from '../../../../src/renderer/store/view-slice';
import { card, directory, NOW, settings, snapshot } from './fixtures';

const cards = [
  card('1', { stageId: '0', userFields: { UF_ESTIMATE: '2' } }),
  card('2', { stageId: '11', userFields: { UF_ESTIMATE: '1,5' }, responsibleId: '3' }),
  card('3', { stageId: '11', userFields: { UF_ESTIMATE: 'много' } }),
  card('4', { stageId: '12', status: 5, closedAt: NOW }),
  card('5', { stageId: '999' }),
];
const model = (patch: Partial<Parameters<typeof buildBoardModel>[0]> = {}) =>
  buildBoardModel({ snapshot: snapshot(cards), directory, settings: settings(), currentUserId: '2', ranks: {}, filters: NO_FILTERS, search: '', now: NOW, ...patch });

describe('board model', () => {
  it('makes one column per stage in order, with card counts and Оценка hours', () => {
    const board = model();
    expect(board.columns.map((c) => [c.stage.title, c.cards.map((v) => v.id), c.hours])).toEqual([
      ['Новые', ['1', '5'], 2],
      ['В работе', ['2', '3'], 1.5],
      ['Завершено', ['4'], 0],
    ]);
    expect(board.total).toBe(5);
    expect(columnHours([])).toBe(0);
  });

  it('folds the done column by default, until the agent unfolds it', () => {
    const roles = model().columns.map((c) => c.role);
    expect(roles).toEqual(['new', 'work', 'done']);
    expect(isColumnFolded({}, '12', 'done')).toBe(true);
    expect(isColumnFolded({ '12': false }, '12', 'done')).toBe(false);
    expect(isColumnFolded({}, '11', 'work')).toBe(false);
  });

  it('applies filters and hand-placed order', () => {
    const filtered = model({ filters: { ...NO_FILTERS, responsibleId: '3' } });
    expect(filtered.visible.map((v) => v.id)).toEqual(['2']);
    expect(filtered.total).toBe(5);
    const ranked = model({ ranks: { '3': 0.5 } });
    expect(ranked.columns[1]?.cards.map((v) => v.id)).toEqual(['3', '2']);
  });

  it('lays out one drop container per column, or per column and lane', () => {
    const board = model();
    const plain = layoutContainers(board, 'none');
    expect(plain.containers).toEqual({ 'col:10': ['1', '5'], 'col:11': ['2', '3'], 'col:12': ['4'] });
    expect(plain.lanes).toBeNull();
    const lanes = layoutContainers(board, 'responsible');
    expect(lanes.lanes?.map((l) => l.key)).toEqual(['2', '3']);
    expect(lanes.containers['col:11:3']).toEqual(['2']);
    expect(lanes.stageOf.get('col:11:3')).toBe('11');
  });
});

describe('card order within a column', () => {
  const HOUR_MS = 3_600_000;
  const column = [
    card('5', { createdAt: NOW - 5 * HOUR_MS, priority: 1, changedAt: NOW - 2 * HOUR_MS }),
    card('7', { createdAt: NOW - 1 * HOUR_MS, priority: 2, changedAt: NOW - 1 * HOUR_MS }),
    card('9', { createdAt: NOW - 9 * HOUR_MS, priority: 2, changedAt: NOW - 5 * HOUR_MS }),
    card('11', { createdAt: NOW - 3 * HOUR_MS, priority: 0, changedAt: NOW - 9 * HOUR_MS }),
  ];
  const ids = (order?: 'board' | 'newest' | 'priority' | 'lu', ranks: Record<string, number> = {}) =>
    buildBoardModel({ snapshot: snapshot(column), order, directory, settings: settings(), currentUserId: '2', ranks, filters: NO_FILTERS, search: '', now: NOW }).columns[0]!.cards.map((c) => c.id);

  it('as on the board: by ID, or where the user dropped a card', () => {
    expect(ids()).toEqual(['5', '7', '9', '11']);
    expect(ids('board', { '11': -1 })).toEqual(['11', '5', '7', '9']);
  });

  it('newest first, so a new request is at the top', () => {
    expect(ids('newest')).toEqual(['7', '11', '5', '9']);
  });

  it('by priority, the oldest first within one', () => {
    expect(ids('priority')).toEqual(['9', '7', '5', '11']);
  });

  it('the longest without an update first', () => {
    expect(ids('lu')).toEqual(['11', '9', '5', '7']);
  });
});
