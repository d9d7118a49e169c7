import { describe, expect, it } from 'vitest';
import { cumulativeFlow } from '../../../../src/core/domain/cumulative-flow';
import { createStageMap } from '../../../../src/core/domain/stage-map';
import type { HistoryEntry, Stage } from '../../../../src/core/domain/model';
import { makeTask } from '../../../support/factories';

const stages: Stage[] = ['Новые', 'Очередь', 'В работе', 'Завершена'].map((title, i) => ({ id: String(100 + i), groupId: '10', title, sort: (i + 1) * 100, color: '', systemType: i === 0 ? 'NEW' : '' }));
const map = createStageMap(stages, { '100': 'new', '101': 'queue', '102': 'work', '103': 'done' });
const MSK = 180;
const at = (day: number, hour: number) => Date.UTC(2026, 2, day, hour - 3);
const move = (taskId: string, when: number, from: string, to: string): HistoryEntry => ({ id: `${taskId}-${when}`, taskId, at: when, field: 'STAGE_ID', from, to, userId: '1' });

describe('cumulativeFlow', () => {
  it('counts each task in its role at the end of each portal day, from creation on', () => {
    const a = makeTask({ id: 'a', stageId: '103', createdAt: at(2, 10), status: 5 });
    const b = makeTask({ id: 'b', stageId: '101', createdAt: at(3, 23) });
    const history = new Map([
      ['a', [move('a', at(3, 9), '100', '102'), move('a', at(4, 18), '102', '103')]],
      ['b', [move('b', at(3, 23) + 60_000, '100', '101')]],
    ]);
    const rows = cumulativeFlow([a, b], history, map, MSK, '2026-03-01', '2026-03-04');
    expect(rows.map((r) => [r.day, r.counts.new, r.counts.queue, r.counts.work, r.counts.done])).toEqual([
      ['2026-03-01', 0, 0, 0, 0],
      ['2026-03-02', 1, 0, 0, 0],
      ['2026-03-03', 0, 1, 1, 0],
      ['2026-03-04', 0, 1, 0, 1],
    ]);
  });

  it('a task at stage "0" counts in its group\'s first stage role', () => {
    const c = makeTask({ id: 'c', stageId: '0', createdAt: at(1, 12) });
    expect(cumulativeFlow([c], new Map(), map, MSK, '2026-03-01', '2026-03-01')[0]!.counts.new).toBe(1);
  });
});
