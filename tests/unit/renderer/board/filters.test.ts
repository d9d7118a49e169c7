import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterCards, matchesSearch, NO_FILTERS } from '../../../../src/renderer/board/filters';
import { card, HOUR, NOW, views } from './fixtures';

const set = views([
  card('101', { title: 'Не работает почта', priority: 2, responsibleId: '2', crmLinks: ['CO_5'], userFields: { UF_TYPE: '1' } }),
  card('102', { title: 'Настроить VPN', responsibleId: '3', crmLinks: ['CO_6'], userFields: { UF_ESTIMATE: '4', UF_BLOCKER: '7' } }),
  card('203', { title: 'Вопрос по счёту', responsibleId: '3', deadline: NOW - HOUR, description: 'клиент ждёт акт' }),
  card('204', { title: 'Закрытая', stageId: '12', deadline: NOW - HOUR, responsibleId: '2' }),
  card('205', { title: 'Забытая', stageId: '11', changedAt: NOW - 48 * HOUR }),
]);
const ids = (filters: Partial<typeof NO_FILTERS>, search = '') => filterCards(set.views, { ...NO_FILTERS, ...filters }, search, set.ctx, NOW).map((v) => v.id);

describe('filters', () => {
  it('passes everything when nothing is set', () => {
    expect(ids({})).toEqual(['101', '102', '203', '204', '205']);
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, kind: 'incident', mine: true })).toBe(2);
  });

  it('filters by kind, responsible, company and Тип', () => {
    expect(ids({ kind: 'incident' })).toEqual(['101']);
    expect(ids({ kind: 'change' })).toEqual(['102']);
    expect(ids({ responsibleId: '3' })).toEqual(['102', '203']);
    expect(ids({ companyId: '6' })).toEqual(['102']);
    expect(ids({ typeId: '1' })).toEqual(['101']);
  });

  it('filters by a stopper value or by any stopper', () => {
    expect(ids({ blockerId: 'any' })).toEqual(['102']);
    expect(ids({ blockerId: '7' })).toEqual(['102']);
    expect(ids({ blockerId: '8' })).toEqual([]);
  });

  it('shows only overdue open tasks: a finished task is never overdue', () => {
    expect(ids({ overdue: true })).toEqual(['203']);
  });

  it('shows forgotten tasks (LU past the stage alert threshold)', () => {
    expect(ids({ forgotten: true })).toEqual(['205']);
  });

  it('shows my tasks only when the signed-in user is known', () => {
    expect(ids({ mine: true })).toEqual(['101', '204', '205']);
    const anonymous = views([card('1')], null);
    expect(filterCards(anonymous.views, { ...NO_FILTERS, mine: true }, '', anonymous.ctx, NOW)).toEqual([]);
  });

  it('combines filters with search', () => {
    expect(ids({ responsibleId: '3' }, 'счёт')).toEqual(['203']);
  });
});

describe('search', () => {
  it('finds by number, with or without #, and by a prefix of it', () => {
    expect(ids({}, '#203')).toEqual(['203']);
    expect(ids({}, '10')).toEqual(['101', '102']);
  });

  it('finds by words of the title, description, company or responsible, in any case', () => {
    expect(ids({}, 'vpn')).toEqual(['102']);
    expect(ids({}, 'АКТ')).toEqual(['203']);
    expect(ids({}, 'вектор')).toEqual(['101']);
    expect(ids({}, 'соколов vpn')).toEqual(['102']);
    expect(matchesSearch({ id: '1', searchText: 'abc' }, '   ')).toBe(true);
  });
});
