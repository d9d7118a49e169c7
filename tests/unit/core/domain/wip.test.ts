import { describe, expect, it } from 'vitest';
import { checkWipDrop, wipCounts, wipLimit, wipState, type WipCounted } from '../../../../src/core/domain/wip';
import { wipSettingsSchema } from '../../../../src/core/domain/wip-settings';
import { defaultSettings, settingsSchema } from '../../../../src/core/domain/settings';
import { exportSettingsJson, importSettingsJson } from '../../../../src/core/domain/settings-io';

const wip = (input: unknown) => wipSettingsSchema.parse(input);
const cards = (spec: Record<string, number>): WipCounted[] =>
  Object.entries(spec).flatMap(([key, n]) => {
    const [groupId, role] = key.split(':') as [string, WipCounted['role']];
    return Array.from({ length: n }, () => ({ groupId, role }));
  });

describe('WIP settings', () => {
  it('default to no limits in warn mode, and a settings file without them still loads', () => {
    expect(defaultSettings().wip).toEqual({ mode: 'warn', roles: { new: null, classification: null, queue: null, work: null, done: null }, groups: {} });
    expect(settingsSchema.parse({ version: 2, groupIds: ['1'] }).wip.mode).toBe('warn');
  });

  it('refuse a zero or fractional limit and a non-numeric group', () => {
    expect(wipSettingsSchema.safeParse({ roles: { work: 0 } }).success).toBe(false);
    expect(wipSettingsSchema.safeParse({ roles: { work: 2.5 } }).success).toBe(false);
    expect(wipSettingsSchema.safeParse({ groups: { abc: { work: 3 } } }).success).toBe(false);
  });

  it('travel with the team file', () => {
    const settings = { ...defaultSettings(), wip: wip({ mode: 'strict', roles: { work: 5 }, groups: { '7': { queue: 2 } } }) };
    const imported = importSettingsJson(exportSettingsJson(settings), defaultSettings());
    expect(imported.ok && imported.settings.wip).toEqual(settings.wip);
  });
});

describe('wipLimit', () => {
  const settings = wip({ roles: { work: 6, queue: 10 }, groups: { '1': { work: 2 }, '2': { work: null } } });
  it('takes the group’s own limit over the team-wide one, and the team-wide one otherwise', () => {
    expect(wipLimit(settings, 'work', '1')).toBe(2);
    expect(wipLimit(settings, 'work', '2')).toBe(6);
    expect(wipLimit(settings, 'queue', '1')).toBe(10);
    expect(wipLimit(settings, 'new', '1')).toBeNull();
  });
  it('is the team-wide one on the combined board, and none for an unknown role', () => {
    expect(wipLimit(settings, 'work')).toBe(6);
    expect(wipLimit(settings, null, '1')).toBeNull();
  });
});

describe('wipState and wipCounts', () => {
  it('is over only above the limit, full at it', () => {
    expect(wipState(3, 3)).toEqual({ count: 3, limit: 3, over: false, full: true });
    expect(wipState(4, 3)).toMatchObject({ over: true, full: false });
    expect(wipState(40, null)).toMatchObject({ over: false, full: false });
  });
  it('counts per role and per group and role, skipping unknown roles', () => {
    const counts = wipCounts([...cards({ '1:work': 2, '2:work': 3, '2:new': 1 }), { groupId: '1', role: null }]);
    expect(counts.byRole.get('work')).toBe(5);
    expect(counts.byGroupRole.get('2:work')).toBe(3);
    expect(counts.byGroupRole.get('1:new')).toBeUndefined();
  });
});

describe('checkWipDrop', () => {
  const board = cards({ '1:new': 3, '1:work': 2, '2:new': 2, '2:work': 2 });
  it('lets a drop under every limit through', () => {
    const settings = wip({ roles: { work: 5 } });
    expect(checkWipDrop({ wip: settings, cards: board, from: { groupId: '1', role: 'new' }, to: { groupId: '1', role: 'work' }, combined: true })).toEqual({ action: 'move' });
  });

  it('warns when the combined role total would exceed the team-wide limit', () => {
    const settings = wip({ roles: { work: 4 } });
    expect(checkWipDrop({ wip: settings, cards: board, from: { groupId: '1', role: 'new' }, to: { groupId: '1', role: 'work' }, combined: true })).toEqual({
      action: 'warn',
      breaches: [{ scope: 'role', role: 'work', groupId: null, limit: 4, after: 5 }],
    });
  });

  it('refuses the same drop in strict mode', () => {
    const settings = wip({ mode: 'strict', roles: { work: 4 } });
    expect(checkWipDrop({ wip: settings, cards: board, from: { groupId: '1', role: 'new' }, to: { groupId: '1', role: 'work' }, combined: true }).action).toBe('refuse');
  });

  it('checks the group’s own limit on both boards, and the team-wide one as the group column’s limit on a group board', () => {
    const settings = wip({ roles: { work: 2 }, groups: { '2': { work: 3 } } });
    // Group 2 has 2 in work, its own limit 3: fine for the group, over for the team total (4 → 5 > 2).
    const combined = checkWipDrop({ wip: settings, cards: board, from: { groupId: '2', role: 'new' }, to: { groupId: '2', role: 'work' }, combined: true });
    expect(combined).toMatchObject({ action: 'warn', breaches: [{ scope: 'role', limit: 2, after: 5 }] });
    // On group 2's board only its own limit counts: 3 after the drop is within 3.
    expect(checkWipDrop({ wip: settings, cards: board.filter((c) => c.groupId === '2'), from: { groupId: '2', role: 'new' }, to: { groupId: '2', role: 'work' }, combined: false })).toEqual({ action: 'move' });
    // Group 1 has no limit of its own: the team-wide 2 applies to its column (2 → 3).
    expect(checkWipDrop({ wip: settings, cards: board.filter((c) => c.groupId === '1'), from: { groupId: '1', role: 'new' }, to: { groupId: '1', role: 'work' }, combined: false })).toMatchObject({
      action: 'warn',
      breaches: [{ scope: 'group', groupId: '1', limit: 2, after: 3 }],
    });
  });

  it('reports both limits when a drop breaks both', () => {
    const settings = wip({ roles: { work: 4 }, groups: { '1': { work: 2 } } });
    const verdict = checkWipDrop({ wip: settings, cards: board, from: { groupId: '1', role: 'new' }, to: { groupId: '1', role: 'work' }, combined: true });
    expect(verdict).toMatchObject({ action: 'warn', breaches: [{ scope: 'group', after: 3 }, { scope: 'role', after: 5 }] });
  });

  it('never stops a reorder within the same role, even over the limit in strict mode', () => {
    const settings = wip({ mode: 'strict', roles: { work: 1 } });
    expect(checkWipDrop({ wip: settings, cards: board, from: { groupId: '1', role: 'work' }, to: { groupId: '1', role: 'work' }, combined: true })).toEqual({ action: 'move' });
  });
});
