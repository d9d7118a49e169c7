import { describe, expect, it } from 'vitest';
import { detectServiceDeskFields, parseEstimateHours } from '../../../../src/core/domain/field-mapping';
import type { UserFieldDefinition } from '../../../../src/core/domain/model';

const field = (name: string, labels: Record<string, string>, type = 'string'): UserFieldDefinition => ({
  name,
  type,
  multiple: false,
  labels,
  listItems: [],
});

describe('detectServiceDeskFields', () => {
  it('finds the three fields by Russian labels, the stopper not mistaken for Тип', () => {
    const result = detectServiceDeskFields([
      field('UF_AUTO_1', { ru: 'Тип стоппера' }, 'enumeration'),
      field('UF_AUTO_2', { ru: 'Тип' }, 'enumeration'),
      field('UF_AUTO_3', { ru: 'Оценка', en: 'Estimate' }, 'double'),
      field('UF_OTHER', { ru: 'Комментарий' }),
    ]);
    expect(result).toEqual({ mapping: { type: 'UF_AUTO_2', blocker: 'UF_AUTO_1', estimate: 'UF_AUTO_3' }, missing: [] });
  });

  it('finds them by English labels', () => {
    const result = detectServiceDeskFields([
      field('UF_A', { en: 'Type' }),
      field('UF_B', { en: 'Blocker reason' }),
      field('UF_C', { en: 'Estimate (hours)' }),
    ]);
    expect(result.mapping).toEqual({ type: 'UF_A', blocker: 'UF_B', estimate: 'UF_C' });
  });

  it('reports what is missing', () => {
    const result = detectServiceDeskFields([field('UF_C', { ru: 'Оценка' })]);
    expect(result).toEqual({ mapping: { type: null, blocker: null, estimate: 'UF_C' }, missing: ['type', 'blocker'] });
  });

  it('with no fields everything is missing', () => {
    expect(detectServiceDeskFields([]).missing).toEqual(['type', 'blocker', 'estimate']);
  });
});

describe('parseEstimateHours', () => {
  it.each([
    ['2.5', 2.5],
    ['2,5', 2.5],
    [' 8 ', 8],
    ['0', 0],
    ['', null],
    [null, null],
    [undefined, null],
    ['abc', null],
    ['3 часа', null],
    [['4'], 4],
    [[], null],
    ['-1', -1],
  ])('%j -> %j', (value, hours) => {
    expect(parseEstimateHours(value as string | string[] | null | undefined)).toBe(hours);
  });
});
