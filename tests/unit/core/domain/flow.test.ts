import { describe, expect, it } from 'vitest';
import { cycleTimePercentiles, percentile, reopenedTasks, tasksPerStage, throughputPerWeek } from '../../../../src/core/domain/flow';
import type { HistoryEntry } from '../../../../src/core/domain/model';
import { MAP, moved, msk, statusChanged, task } from './fixtures';

const NOW = msk('2025-06-30T12:00');
const H = 3600;

describe('tasksPerStage', () => {
  it('counts in board order; stage "0" in the first stage; empty stages are 0', () => {
    const tasks = [task({ id: '1', stageId: '0' }), task({ id: '2', stageId: '10' }), task({ id: '3', stageId: '13' })];
    expect(tasksPerStage(tasks, MAP).map((row) => [row.stageId, row.role, row.count])).toEqual([
      ['10', 'new', 2],
      ['11', 'classification', 0],
      ['12', 'queue', 0],
      ['13', 'work', 1],
      ['14', 'done', 0],
    ]);
  });
});

/** A task taken into work at `start` and closed `hours` later. */
function finished(id: string, start: string, hours: number): { task: ReturnType<typeof task>; history: HistoryEntry[] } {
  const closedAt = msk(start) + hours * H * 1000;
  return {
    task: task({ id, stageId: '14', status: 5, closedAt, createdAt: msk(start) - H * 1000 }),
    history: [moved(msk(start), '12', '13', id), moved(closedAt, '13', '14', id)],
  };
}

describe('cycleTimePercentiles', () => {
  it('nearest-rank percentiles of tasks finished in the last 90 days', () => {
    const done = Array.from({ length: 20 }, (_, i) => finished(String(i + 1), '2025-06-02T10:00', i + 1));
    const old = finished('99', '2025-03-01T10:00', 500);
    const open = task({ id: '98', stageId: '13' });
    const tasks = [...done.map((d) => d.task), old.task, open];
    const history = new Map([...done, old].map((d) => [d.task.id, d.history]));
    expect(cycleTimePercentiles(tasks, history, MAP, NOW)).toEqual({ count: 20, p50: 10 * H, p85: 17 * H, p95: 19 * H });
  });

  it('no finished tasks: nulls', () => {
    expect(cycleTimePercentiles([], new Map(), MAP, NOW)).toEqual({ count: 0, p50: null, p85: null, p95: null });
  });

  it.each([
    [[5], 50, 5],
    [[1, 2], 50, 1],
    [[1, 2, 3, 4], 85, 4],
    [[1, 2, 3, 4], 95, 4],
  ])('percentile(%j, %i) = %i', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe('throughputPerWeek', () => {
  it('counts completions per ISO week in portal time, empty weeks included', () => {
    const a = finished('1', '2025-06-02T10:00', 2);
    const b = finished('2', '2025-06-08T22:00', 3);
    const c = finished('3', '2025-06-20T10:00', 1);
    const tasks = [a.task, b.task, c.task];
    const history = new Map([a, b, c].map((d) => [d.task.id, d.history]));
    expect(throughputPerWeek(tasks, history, MAP, 180, msk('2025-06-02T00:00'), msk('2025-06-22T23:59'))).toEqual([
      { week: '2025-W23', count: 1 },
      { week: '2025-W24', count: 1 },
      { week: '2025-W25', count: 1 },
    ]);
    // Sunday 22:00 + 3 h is Monday 01:00 in Moscow: week 24, not 23.
    expect(throughputPerWeek([b.task], history, MAP, 180, msk('2025-06-02T00:00'), msk('2025-06-15T23:59'))).toEqual([
      { week: '2025-W23', count: 0 },
      { week: '2025-W24', count: 1 },
    ]);
  });
});

describe('reopenedTasks', () => {
  it('counts STATUS from 5 and moves out of a done stage, once per moment', () => {
    const history = new Map<string, HistoryEntry[]>([
      ['1', [statusChanged(msk('2025-06-02T10:00'), 3, 5, '1'), statusChanged(msk('2025-06-03T10:00'), 5, 2, '1')]],
      [
        '2',
        [
          moved(msk('2025-06-02T10:00'), '13', '14', '2'),
          moved(msk('2025-06-03T10:00'), '14', '13', '2'),
          statusChanged(msk('2025-06-03T10:00'), 5, 3, '2'),
          moved(msk('2025-06-04T10:00'), '13', '14', '2'),
          moved(msk('2025-06-05T10:00'), '14', '12', '2'),
        ],
      ],
      ['3', [moved(msk('2025-06-02T10:00'), '12', '13', '3')]],
    ]);
    const tasks = ['1', '2', '3', '4'].map((id) => task({ id, title: `T${id}` }));
    expect(reopenedTasks(tasks, history, MAP)).toEqual([
      { taskId: '2', title: 'T2', times: 2, lastReopenedAt: msk('2025-06-05T10:00') },
      { taskId: '1', title: 'T1', times: 1, lastReopenedAt: msk('2025-06-03T10:00') },
    ]);
  });
});
