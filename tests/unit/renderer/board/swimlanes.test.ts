import { describe, expect, it } from 'vitest';
import { buildLanes } from '../../../../src/renderer/board/swimlanes';
import { COLUMN_WIDTH, FOLDED_COLUMN_WIDTH, laneTracks } from '../../../../src/renderer/board/layout';
import { card, views } from './fixtures';

const { views: cards } = views([
  card('1', { responsibleId: '3', crmLinks: ['CO_6'] }),
  card('2', { responsibleId: '0' }),
  card('3', { responsibleId: '2', crmLinks: ['CO_5'] }),
  card('4', { responsibleId: '3', crmLinks: ['CO_5'] }),
]);

describe('swimlanes', () => {
  it('groups by responsible, by name, with nobody last', () => {
    const lanes = buildLanes(cards, 'responsible');
    expect(lanes.map((l) => [l.key, l.title, l.cards.map((c) => c.id)])).toEqual([
      ['2', 'Морозова Е.', ['3']],
      ['3', 'Соколов Д.', ['1', '4']],
      ['', null, ['2']],
    ]);
  });

  it('groups by client company, keeping the board order inside a lane', () => {
    const lanes = buildLanes(cards, 'company');
    expect(lanes.map((l) => [l.title, l.cards.map((c) => c.id)])).toEqual([
      ['АО «Альфа»', ['1']],
      ['ООО «Вектор»', ['3', '4']],
      [null, ['2']],
    ]);
  });
});

describe('swimlane column tracks', () => {
  it('gives the header row and every lane one fixed track per column, narrow when folded', () => {
    expect(laneTracks([false, false, true, false])).toBe(`${COLUMN_WIDTH}px ${COLUMN_WIDTH}px ${FOLDED_COLUMN_WIDTH}px ${COLUMN_WIDTH}px`);
    expect(laneTracks([])).toBe('');
  });
});
