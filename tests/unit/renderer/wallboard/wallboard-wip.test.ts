import { describe, expect, it } from 'vitest';
import { buildGroupView } from '../../../../src/renderer/wallboard/wallboard-model';
import { defaultSettings } from '../../../../src/core/domain/settings';
import { wipSettingsSchema } from '../../../../src/core/domain/wip-settings';
import type { BoardSnapshot } from '../../../../src/shared/api';
import type { Stage } from '../../../../src/core/domain/model';
import { makeTask } from '../../../support/factories';

const now = Date.UTC(2026, 2, 11, 9, 0);
const stages: Stage[] = [
  { id: '1', groupId: '10', title: 'Новые заявки', sort: 10, color: '', systemType: 'NEW' },
  { id: '3', groupId: '10', title: 'В работе', sort: 30, color: '', systemType: '' },
  { id: '4', groupId: '10', title: 'Завершена', sort: 40, color: '', systemType: 'FINISH' },
];
const card = (id: string, stageId: string) => ({ ...makeTask({ id, groupId: '10', stageId, createdAt: now - 3_600_000, changedAt: now - 3_600_000 }), pendingEdits: 0, failedEdits: 0, conflicted: false, localOnly: false });
const snapshot: BoardSnapshot = {
  groupId: '10',
  stages,
  cards: [card('1', '1'), card('2', '3'), card('3', '3'), card('4', '3'), card('5', '4'), card('6', '4')],
  history: {},
  portalOffsetMs: 0,
  portalUtcOffsetMinutes: 180,
};
const view = (wip: unknown) =>
  buildGroupView({ snapshot, settings: { ...defaultSettings(), groupIds: ['10'], stageRoles: { '1': 'new', '3': 'work', '4': 'done' }, wip: wipSettingsSchema.parse(wip) }, users: [], now });

describe('wallboard WIP marks', () => {
  it('marks a column over its limit (the group’s own limit first), never the done column', () => {
    const columns = view({ roles: { work: 5, new: 1, done: 1 }, groups: { '10': { work: 2 } } }).columns;
    expect(columns.map((column) => [column.title, column.wip.count, column.wip.limit, column.wip.over])).toEqual([
      ['Новые заявки', 1, 1, false],
      ['В работе', 3, 2, true],
      ['Завершена', 2, null, false],
    ]);
  });

  it('has no limit without settings', () => {
    expect(view({}).columns.every((column) => column.wip.limit === null && !column.wip.over)).toBe(true);
  });
});
