import { describe, expect, it } from 'vitest';
import { combineGroupViews } from '../../../../src/renderer/wallboard/combined-view';
import type { ColumnSummary, GroupView, WallboardItem } from '../../../../src/renderer/wallboard/wallboard-model';
import { defaultSettings } from '../../../../src/core/domain/settings';
import { wipSettingsSchema } from '../../../../src/core/domain/wip-settings';
import { wipState } from '../../../../src/core/domain/wip';

const column = (role: ColumnSummary['role'], count: number, hours = 0): ColumnSummary => ({ stageId: `${role}${count}`, title: String(role), role, count, hours, doneToday: role === 'done', wip: wipState(count, null) });
const item = (id: string, seconds: number): WallboardItem => ({ id, title: id, kind: 'incident', stageTitle: '', responsibleId: '5', seconds, tone: 'none' });
const view = (groupId: string, columns: ColumnSummary[], topWia: WallboardItem[], teamIds: string[]): GroupView => ({ groupId, columns, topWia, forgotten: [], sla: [], teamIds });

describe('the wallboard’s all-requests page', () => {
  it('sums each role across groups (two work stages of one group too) and checks the team-wide limit', () => {
    const settings = { ...defaultSettings(), wip: wipSettingsSchema.parse({ roles: { work: 4, done: 1 } }) };
    const combined = combineGroupViews(
      [view('1', [column('new', 2), column('work', 2, 3), column('work', 1, 1), column('done', 5)], [item('a', 10), item('b', 30)], ['5']), view('2', [column('new', 1), column('work', 2, 2)], [item('c', 20)], ['5', '6'])],
      settings,
      (role) => `R:${role}`,
      2,
    );
    expect(combined.columns.map((c) => [c.title, c.count, c.hours, c.wip.limit, c.wip.over])).toEqual([
      ['R:new', 3, 0, null, false],
      ['R:classification', 0, 0, null, false],
      ['R:queue', 0, 0, null, false],
      ['R:work', 5, 6, 4, true],
      ['R:done', 5, 0, null, false],
    ]);
    expect(combined.topWia.map((i) => i.id)).toEqual(['b', 'c']);
    expect(combined.teamIds).toEqual(['5', '6']);
  });
});
