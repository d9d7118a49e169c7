import { describe, expect, it } from 'vitest';
import { buildGroupView, selectTopWia } from '../../../../src/renderer/wallboard/wallboard-model';
import { buildBoardModel } from '../../../../src/renderer/board/board-model';
import { NO_FILTERS } from '../../../../src/renderer/board/filters';
import { clientsThisMonth, formatHours, teamPlanToday } from '../../../../src/renderer/wallboard/plan-today';
import { defaultSettings, type Settings } from '../../../../src/core/domain/settings';
import type { BoardSnapshot } from '../../../../src/shared/api';
import type { HistoryEntry, Stage, User } from '../../../../src/core/domain/model';
import { makeTask } from '../../../support/factories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Wednesday 11 March 2026, 12:00 in Moscow.
const now = Date.UTC(2026, 2, 11, 9, 0);

const stages: Stage[] = [
  { id: '1', groupId: '10', title: 'Новые заявки', sort: 10, color: '', systemType: 'NEW' },
  { id: '2', groupId: '10', title: 'Запустить в работу', sort: 20, color: '', systemType: '' },
  { id: '3', groupId: '10', title: 'В работе', sort: 30, color: '', systemType: '' },
  { id: '4', groupId: '10', title: 'Завершена', sort: 40, color: '', systemType: 'FINISH' },
];

function settings(): Settings {
  const base = defaultSettings();
  return { ...base, groupIds: ['10'], stageRoles: { '1': 'new', '2': 'queue', '3': 'work', '4': 'done' }, fields: { ...base.fields, estimate: 'UF_EST' } };
}

const users: User[] = [{ id: '5', name: 'Анна', lastName: 'Кузнецова', active: true, type: 'employee', departmentIds: [], workPosition: '', workCompany: '' }];

const intoWork = (taskId: string, at: number): HistoryEntry => ({ id: `h${taskId}`, taskId, at, field: 'STAGE_ID', from: '2', to: '3', userId: '5' });

function snapshot(): BoardSnapshot {
  const cards = [
    // In work for 3 days, touched an hour ago.
    makeTask({ id: '11', groupId: '10', stageId: '3', status: 3, createdAt: now - 4 * DAY, changedAt: now - HOUR, userFields: { UF_EST: '2,5' } }),
    // In work for 6 days, untouched for 2 days: the longest WIA and forgotten.
    makeTask({ id: '12', groupId: '10', stageId: '3', status: 3, createdAt: now - 7 * DAY, changedAt: now - 2 * DAY, userFields: { UF_EST: '4' } }),
    // A fresh incident (high priority) still new after 2 working hours: SLA reaction breached.
    makeTask({ id: '13', groupId: '10', stageId: '1', status: 2, priority: 2, createdAt: now - 2 * HOUR, changedAt: now - 2 * HOUR, timeEstimateSeconds: 3600 }),
    // Finished today and finished last week: the done column counts only today's.
    makeTask({ id: '14', groupId: '10', stageId: '4', status: 5, createdAt: now - 3 * DAY, changedAt: now - HOUR, closedAt: now - HOUR, userFields: { UF_EST: '1' } }),
    makeTask({ id: '15', groupId: '10', stageId: '4', status: 5, createdAt: now - 9 * DAY, changedAt: now - 7 * DAY, closedAt: now - 7 * DAY, userFields: { UF_EST: '8' } }),
  ].map((task) => ({ ...task, pendingEdits: 0, failedEdits: 0, conflicted: false, localOnly: false }));
  return {
    groupId: '10',
    stages,
    cards,
    history: { '11': [intoWork('11', now - 3 * DAY)], '12': [intoWork('12', now - 6 * DAY)] },
    portalOffsetMs: 0,
    portalUtcOffsetMinutes: 180,
  };
}

describe('wallboard group view', () => {
  const view = buildGroupView({ snapshot: snapshot(), settings: settings(), users, now });

  it('counts cards and sums Оценка per column; the done column shows today only', () => {
    expect(view.columns.map(({ title, count, hours, doneToday }) => ({ title, count, hours, doneToday }))).toEqual([
      { title: 'Новые заявки', count: 1, hours: 1, doneToday: false },
      { title: 'Запустить в работу', count: 0, hours: 0, doneToday: false },
      { title: 'В работе', count: 2, hours: 6.5, doneToday: false },
      { title: 'Завершена', count: 1, hours: 1, doneToday: true },
    ]);
  });

  it('lists the cards in work with the largest WIA first', () => {
    expect(view.topWia.map((item) => [item.id, Math.round(item.seconds / 86_400)])).toEqual([
      ['12', 6],
      ['11', 3],
    ]);
    expect(view.topWia[0]!.tone).toBe('warn');
  });

  it('lists forgotten open tasks with their LU', () => {
    expect(view.forgotten.map((item) => item.id)).toEqual(['12']);
    expect(view.forgotten[0]!.seconds).toBe(2 * 86_400);
  });

  it('lists SLA breaches with the overrun as negative remaining time', () => {
    const incident = view.sla.find((item) => item.id === '13');
    expect(incident).toMatchObject({ state: 'breached', stageTitle: 'Новые заявки' });
    expect(incident!.seconds).toBeLessThan(0);
    expect(view.sla.every((item) => !['14', '15'].includes(item.id))).toBe(true);
  });

  it('names the team by the responsibles of open cards', () => {
    expect(view.teamIds).toEqual(['5']);
  });
});

describe('top-WIA selection', () => {
  it('takes the largest WIA first, skips cards not in work and honours the count', () => {
    const cards = [{ wiaSeconds: 10 }, { wiaSeconds: null }, { wiaSeconds: 300 }, { wiaSeconds: 40 }];
    expect(selectTopWia(cards, 2).map((card) => card.wiaSeconds)).toEqual([300, 40]);
    expect(selectTopWia(cards, 0)).toEqual([]);
  });
});

describe('column hours', () => {
  it('are the same on the board and on the wallboard (Оценка, else the portal time estimate)', () => {
    const snap = snapshot();
    const board = buildBoardModel({ snapshot: snap, directory: null, settings: settings(), currentUserId: '5', ranks: {}, filters: NO_FILTERS, search: '', now });
    const wall = buildGroupView({ snapshot: snap, settings: settings(), users, now });
    const boardHours = Object.fromEntries(board.columns.filter((column) => column.role !== 'done').map((column) => [column.stage.id, column.hours]));
    const wallHours = Object.fromEntries(wall.columns.filter((column) => column.role !== 'done').map((column) => [column.stageId, column.hours]));
    expect(wallHours).toEqual(boardHours);
    // The new column's incident has no Оценка, only the portal's 1 h estimate: counted on both.
    expect(boardHours['1']).toBeGreaterThanOrEqual(1);
  });
});

describe('plan vs fact bars', () => {
  const rows = [
    { userId: '5', name: 'Анна Кузнецова', day: '2026-03-11', planHours: 8, factHours: 6 },
    { userId: '6', name: 'Борис Петров', day: '2026-03-11', planHours: 8, factHours: 1 },
    { userId: '7', name: 'Чужой', day: '2026-03-11', planHours: 8, factHours: 8 },
    { userId: '5', name: 'Анна Кузнецова', day: '2026-03-10', planHours: 8, factHours: 8 },
    { userId: '8', name: 'Выходной', day: '2026-03-11', planHours: 0, factHours: 0 },
  ];

  it('shows today for the team only, the furthest behind plan first', () => {
    expect(teamPlanToday(rows, '2026-03-11', ['5', '6', '8']).map((bar) => [bar.label, bar.ratio])).toEqual([
      ['Борис Петров', 0.125],
      ['Анна Кузнецова', 0.75],
    ]);
  });

  it('orders clients by hours and has no ratio without a plan', () => {
    const bars = clientsThisMonth([
      { companyId: '1', title: 'Альфа', month: '2026-03', planHours: 0, factHours: 3, taskCount: 1 },
      { companyId: '2', title: 'Бета', month: '2026-03', planHours: 10, factHours: 20, taskCount: 2 },
    ]);
    expect(bars.map((bar) => [bar.label, bar.ratio])).toEqual([
      ['Бета', 1.5],
      ['Альфа', null],
    ]);
  });

  it('writes hours with a decimal comma in Russian', () => {
    expect(formatHours(6.25, 'ru')).toBe('6,3');
    expect(formatHours(6.25, 'en')).toBe('6.3');
  });
});
