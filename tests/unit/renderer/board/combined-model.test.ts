import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../../src/core/domain/model';
import { buildBoardModel } from '../../../../src/renderer/board/board-model';
import { buildCombinedModel, mergeSnapshots, roleOfColumn, shortGroupName } from '../../../../src/renderer/board/combined-model';
import { dropToMove } from '../../../../src/renderer/board/drop-intent';
import { planDrop } from '../../../../src/renderer/board/drop-plan';
import { layoutContainers } from '../../../../src/renderer/board/layout';
import { NO_FILTERS } from '../../../../src/renderer/board/filters';
import { wipSettingsSchema } from '../../../../src/core/domain/wip-settings';
import type { BoardModel } from '../../../../src/renderer/board/board-model';
import { card, directory, NOW, settings as baseSettings, snapshot, stages } from './fixtures';

// Group 2: new and work only (no done stage), its work stage sorted first by ID on purpose.
const stages2: Stage[] = [
  { id: '20', groupId: '2', title: 'Входящие', sort: 100, color: '', systemType: 'NEW' },
  { id: '22', groupId: '2', title: 'Тестирование', sort: 300, color: '', systemType: '' },
  { id: '21', groupId: '2', title: 'Делаем', sort: 200, color: '', systemType: '' },
];
const settings = (wip: unknown = {}) => ({
  ...baseSettings(),
  groupIds: ['1', '2'],
  stageRoles: { '10': 'new', '11': 'work', '12': 'done', '20': 'new', '21': 'work', '22': 'work' } as const,
  wip: wipSettingsSchema.parse(wip),
});
const one = snapshot([card('1', { stageId: '10' }), card('2', { stageId: '11' }), card('3', { stageId: '12', status: 5, closedAt: NOW })]);
const two = snapshot([card('7', { groupId: '2', stageId: '20' }), card('8', { groupId: '2', stageId: '22' }), card('9', { groupId: '2', stageId: '0' })], { groupId: '2', stages: stages2 });
const groupNames = new Map([
  ['1', 'Service Desk — 1-я линия'],
  ['2', 'Service Desk — Разработка'],
]);
const combined = (wip?: unknown, patch: Record<string, unknown> = {}) =>
  buildCombinedModel({ snapshots: [one, two], groupNames, roleTitle: (role) => `R:${role}`, directory, settings: settings(wip), currentUserId: '2', ranks: {}, filters: NO_FILTERS, search: '', now: NOW, ...patch });

/** The drop the Board makes after dnd-kit put `taskId` at the end of `toColumn`. */
function dropAtEnd(model: BoardModel, taskId: string, toColumn: string) {
  const { containers, stageOf } = layoutContainers(model, 'none');
  const from = Object.keys(containers).find((key) => containers[key]!.includes(taskId))!;
  const moved = { ...containers, [from]: containers[from]!.filter((id) => id !== taskId) };
  moved[`col:${toColumn}`] = [...(moved[`col:${toColumn}`] ?? []), taskId];
  const move = dropToMove({ containers: moved, stageOf: (id) => stageOf.get(id), taskId, fromContainer: from, fromIndex: containers[from]!.indexOf(taskId), keys: model.keys });
  return planDrop(model, move!);
}

describe('combined board model', () => {
  it('shows every group’s cards in one column per role, each with its group’s short name', () => {
    const model = combined();
    expect(model.columns.map((c) => [c.stage.title, c.cards.map((v) => v.id)])).toEqual([
      ['R:new', ['1', '7', '9']],
      ['R:classification', []],
      ['R:queue', []],
      ['R:work', ['2', '8']],
      ['R:done', ['3']],
    ]);
    expect(model.ctx.groupBadges?.get('2')).toBe('Разработка');
    // The card keeps its own stage for the list and the drawer.
    expect(model.all.find((v) => v.id === '8')).toMatchObject({ stageTitle: 'Тестирование', task: { stageId: '22', groupId: '2' } });
    expect(roleOfColumn(model.columns[3]!.stage.id)).toBe('work');
  });

  it('filters and searches across groups', () => {
    expect(combined(undefined, { search: 'задача 8' }).visible.map((v) => v.id)).toEqual(['8']);
    expect(combined(undefined, { filters: { ...NO_FILTERS, responsibleId: '3' } }).visible).toEqual([]);
  });

  it('merges snapshots without losing any history', () => {
    const merged = mergeSnapshots([{ ...one, history: { '1': [] } }, { ...two, history: { '7': [] } }]);
    expect(Object.keys(merged.history)).toEqual(['1', '7']);
    expect(merged.stages).toHaveLength(stages.length + stages2.length);
  });

  it('shortens a group name to the part after its dash', () => {
    expect(shortGroupName('Service Desk — Разработка')).toBe('Разработка');
    expect(shortGroupName('Поддержка')).toBe('Поддержка');
  });
});

describe('a drop on the combined board', () => {
  it('moves the task to its own group’s first stage of the role, by sort order', () => {
    expect(dropAtEnd(combined(), '7', 'role:work')).toMatchObject({ kind: 'move', groupId: '2', move: { intent: { name: 'moveCard', taskId: '7', stageId: '21' } }, warnings: [] });
    expect(dropAtEnd(combined(), '1', 'role:work')).toMatchObject({ kind: 'move', groupId: '1', move: { intent: { stageId: '11' } } });
  });

  it('never names a neighbour of another group’s stage as the portal’s reference', () => {
    // Card 1 lands after card 8 (group 2): the move goes without afterId.
    const plan = dropAtEnd(combined(), '1', 'role:work');
    expect(plan?.kind === 'move' && plan.move.intent).toEqual({ name: 'moveCard', taskId: '1', stageId: '11' });
  });

  it('is refused when the group has no stage of the role', () => {
    expect(dropAtEnd(combined(), '7', 'role:done')).toEqual({ kind: 'refused', reason: 'no-stage', groupId: '2', role: 'done' });
  });

  it('shows count / limit per role, warns over the limit, refuses in strict mode', () => {
    const model = combined({ roles: { work: 2 } });
    expect(model.columns[3]!.wip).toEqual({ count: 2, limit: 2, over: false, full: true });
    expect(dropAtEnd(model, '7', 'role:work')).toMatchObject({ kind: 'move', warnings: [{ scope: 'role', limit: 2, after: 3 }] });
    expect(dropAtEnd(combined({ mode: 'strict', roles: { work: 2 } }), '7', 'role:work')).toMatchObject({ kind: 'refused', reason: 'wip' });
  });

  it('counts cards hidden by a filter against the limit', () => {
    const model = combined({ roles: { work: 1 } }, { search: 'задача 2' });
    expect(model.columns[3]).toMatchObject({ cards: [{ id: '2' }], wip: { count: 2, over: true } });
  });
});

describe('WIP on one group’s board', () => {
  it('takes the group’s own limit over the role’s', () => {
    const model = buildBoardModel({ snapshot: two, directory, settings: settings({ roles: { work: 5 }, groups: { '2': { work: 1 } } }), currentUserId: '2', ranks: {}, filters: NO_FILTERS, search: '', now: NOW });
    // Both work stages of group 2 count against its one limit.
    expect(model.columns.map((c) => [c.stage.id, c.wip.count, c.wip.limit, c.wip.over])).toEqual([
      ['20', 2, null, false],
      ['21', 1, 1, false],
      ['22', 1, 1, false],
    ]);
  });
});
