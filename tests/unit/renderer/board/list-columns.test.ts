import { describe, expect, it } from 'vitest';
import { sortCards } from '../../../../src/renderer/board/sorting';
import { DEFAULT_LIST_COLUMNS, normaliseListColumns } from '../../../../src/core/domain/list-columns';
import { settingsSchema } from '../../../../src/core/domain/settings';
import { card, HOUR, NOW, views } from './fixtures';

describe('list columns', () => {
  it('shows every column, client, SLA and Оценка included, when nothing was chosen (an old settings file)', () => {
    expect(settingsSchema.parse({ ui: { language: 'ru' } }).ui.listColumns).toEqual([...DEFAULT_LIST_COLUMNS]);
    expect(DEFAULT_LIST_COLUMNS).toEqual(expect.arrayContaining(['client', 'sla', 'estimate']));
    expect(settingsSchema.parse({ ui: { listColumns: [] } }).ui.listColumns).toEqual([...DEFAULT_LIST_COLUMNS]);
  });

  it('keeps a choice in the list\'s own order, always with number and title, dropping names it does not know', () => {
    expect(settingsSchema.parse({ ui: { listColumns: ['wia', 'client', 'priority-x', 'sla'] } }).ui.listColumns).toEqual(['id', 'title', 'client', 'sla', 'wia']);
    expect(normaliseListColumns(['estimate'])).toEqual(['id', 'title', 'estimate']);
    expect(normaliseListColumns(['nothing-known'])).toEqual([...DEFAULT_LIST_COLUMNS]);
  });
});

describe('list sorting with the new columns', () => {
  const { views: cards, ctx } = views([
    // Stage 12 is the done role; '4' is finished by status while still in work.
    card('1', { title: 'Принтер', stageId: '12', crmLinks: ['CO_6'], userFields: { UF_ESTIMATE: '1' } }),
    card('2', { title: 'Почта', stageId: '10', crmLinks: ['CO_5'], userFields: { UF_ESTIMATE: '8' }, createdAt: NOW - 3 * HOUR }),
    card('3', { title: 'VPN', stageId: '11', crmLinks: ['CO_6'], userFields: {}, priority: 2, createdAt: NOW - 2 * HOUR }),
    card('4', { title: 'Сайт', stageId: '11', status: 5, closedAt: NOW - HOUR, crmLinks: [], userFields: { UF_ESTIMATE: '2,5' } }),
    card('5', { title: 'Касса', stageId: '10', crmLinks: [], userFields: { UF_ESTIMATE: '3' }, createdAt: NOW - 30 * HOUR }),
  ]);
  const order = (column: Parameters<typeof sortCards>[1]['column'], direction: 'asc' | 'desc') => sortCards(cards, { column, direction }, NOW, new Map(), ctx).map((c) => c.id);

  it('puts finished tasks last in both directions, status 5 or a done stage', () => {
    for (const direction of ['asc', 'desc'] as const) {
      for (const column of ['id', 'title', 'client', 'estimate', 'sla', 'deadline'] as const) expect(order(column, direction).slice(-2).sort()).toEqual(['1', '4']);
    }
  });

  it('sorts by client name (tasks without a client last) and by Оценка as the card shows it', () => {
    expect(cards.find((c) => c.id === '2')!.companyName).toBe('ООО «Вектор»');
    expect(order('client', 'asc')).toEqual(['3', '2', '5', '1', '4']);
    expect(order('estimate', 'asc')).toEqual(['5', '2', '3', '1', '4']);
    expect(order('estimate', 'desc')).toEqual(['2', '5', '3', '4', '1']);
  });

  it('sorts by the SLA mark\'s time left: the most overdue first', () => {
    // Incident '3' (30 min reaction) is past it; service request '5' has spent a working day of its 4 h reaction.
    expect(order('sla', 'asc').slice(0, 3)).toEqual(['5', '2', '3']);
  });
});
