import type { BoardCard, BoardSnapshot, Directory } from '../../../../src/shared/api';
import type { Stage } from '../../../../src/core/domain/model';
import { defaultSettings, type Settings } from '../../../../src/core/domain/settings';
import { createCardContext, buildCardView, type CardView } from '../../../../src/renderer/board/card-view';

export const HOUR = 3_600_000;
export const NOW = Date.parse('2025-03-12T12:00:00Z');

export const stages: Stage[] = [
  { id: '10', groupId: '1', title: 'Новые', sort: 100, color: 'ff0000', systemType: 'NEW' },
  { id: '11', groupId: '1', title: 'В работе', sort: 200, color: '00ff00', systemType: '' },
  { id: '12', groupId: '1', title: 'Завершено', sort: 300, color: '0000ff', systemType: 'FINISH' },
];

export function settings(): Settings {
  const base = defaultSettings();
  return {
    ...base,
    groupIds: ['1'],
    stageRoles: { '10': 'new', '11': 'work', '12': 'done' },
    fields: { type: 'UF_TYPE', blocker: 'UF_BLOCKER', estimate: 'UF_ESTIMATE' },
  };
}

export function card(id: string, patch: Partial<BoardCard> = {}): BoardCard {
  return {
    id,
    title: `Задача ${id}`,
    description: '',
    status: 2,
    priority: 1,
    groupId: '1',
    stageId: '10',
    responsibleId: '2',
    createdBy: '2',
    createdAt: NOW - 10 * HOUR,
    changedAt: NOW - HOUR,
    changedBy: '2',
    statusChangedAt: NOW - 10 * HOUR,
    activityAt: null,
    closedAt: null,
    deadline: null,
    timeEstimateSeconds: 0,
    crmLinks: [],
    userFields: {},
    chatId: null,
    pendingEdits: 0,
    failedEdits: 0,
    conflicted: false,
    localOnly: false,
    ...patch,
  };
}

export const directory: Directory = {
  users: [
    { id: '2', name: 'Елена', lastName: 'Морозова', active: true, type: 'employee', departmentIds: [], workPosition: '', workCompany: '' },
    { id: '3', name: 'Денис', lastName: 'Соколов', active: true, type: 'employee', departmentIds: [], workPosition: '', workCompany: '' },
    { id: '9', name: 'Клиент', lastName: 'Внешний', active: true, type: 'extranet', departmentIds: [], workPosition: '', workCompany: '' },
  ],
  departments: [],
  companies: [
    { id: '5', title: 'ООО «Вектор»' },
    { id: '6', title: 'АО «Альфа»' },
  ],
  userFields: [
    { name: 'UF_TYPE', type: 'enumeration', multiple: false, labels: { ru: 'Тип' }, listItems: [{ id: '1', value: 'Разработка', sort: 100, isDefault: false }, { id: '2', value: '1-я линия', sort: 200, isDefault: false }] },
    { name: 'UF_BLOCKER', type: 'enumeration', multiple: false, labels: { ru: 'Тип стоппера' }, listItems: [{ id: '7', value: 'Ждём клиента', sort: 100, isDefault: false }] },
    { name: 'UF_ESTIMATE', type: 'string', multiple: false, labels: { ru: 'Оценка' }, listItems: [] },
  ],
};

export function snapshot(cards: BoardCard[], patch: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return { groupId: '1', stages, cards, history: {}, portalOffsetMs: 0, portalUtcOffsetMinutes: 180, ...patch };
}

export function views(cards: BoardCard[], currentUserId: string | null = '2'): { views: CardView[]; ctx: ReturnType<typeof createCardContext> } {
  const ctx = createCardContext(snapshot(cards), directory, settings(), currentUserId);
  return { views: cards.map((c) => buildCardView(c, [], ctx, NOW)), ctx };
}
