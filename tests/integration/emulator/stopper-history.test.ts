/** The demo's Тип стоппера history, as a box portal logs a user-field change (see stopper-history.ts). */
import { describe, expect, it } from 'vitest';
import { allTasks, makePortal, type Row } from './portal-helpers';

describe('stopper history in the demo portal', () => {
  const rig = makePortal(400);
  const fields = rig.call('task.item.userfield.getlist', {}).result as Row[];
  const stopper = fields.find((f) => (f.EDIT_FORM_LABEL as Row).ru === 'Тип стоппера') as Row;
  const field = String(stopper.FIELD_NAME);
  const key = field.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  const itemIds = (stopper.LIST as Row[]).map((item) => String(item.ID));
  const rows = allTasks(rig, { GROUP_ID: [1, 2] }, '1', ['ID', 'STATUS', field]);
  const historyOf = (id: unknown) =>
    (rig.call('tasks.task.history.list', { taskId: id, filter: { FIELD: field }, order: { createdDate: 'asc' } }).result as { list: Row[] }).list.map((h) => h.value as { from: string; to: string });

  it('finished tasks were blocked on the way: set, sometimes changed to another type, cleared before completion', () => {
    const episodes = rows.filter((r) => r.status === '5').map((r) => historyOf(r.id)).filter((list) => list.length > 0);
    expect(episodes.length).toBeGreaterThan(20);
    expect(episodes.some((list) => list.length === 3)).toBe(true);
    for (const list of episodes) {
      expect(list[0]!.from).toBe('');
      expect(list.at(-1)!.to).toBe('');
      list.slice(1).forEach((entry, i) => expect(entry.from).toBe(list[i]!.to));
      for (const entry of list) for (const side of [entry.from, entry.to]) expect(side === '' || itemIds.includes(side)).toBe(true);
    }
  });

  it('an open task\'s history ends in its current stopper, sometimes after another type', () => {
    const blocked = rows.filter((r) => r.status !== '5' && r[key] !== null && r[key] !== undefined && r[key] !== '');
    expect(blocked.length).toBeGreaterThan(5);
    const lists = blocked.map((r) => ({ current: String(r[key]), list: historyOf(r.id) }));
    for (const { current, list } of lists) expect(list.at(-1)!.to).toBe(current);
    expect(lists.some(({ list }) => list.length === 2 && list[1]!.from === list[0]!.to)).toBe(true);
  });

  it('a stopper cleared through the REST API is logged with an empty to-value', () => {
    const open = blocked();
    rig.call('tasks.task.update', { taskId: open.id, fields: { [field]: '' } });
    expect(historyOf(open.id).at(-1)).toEqual({ from: String(open[key]), to: '' });
  });

  function blocked(): Row {
    return rows.find((r) => r.status !== '5' && r[key] !== null && r[key] !== undefined && r[key] !== '')!;
  }
});
