import { describe, expect, it } from 'vitest';
import { blockedTime, stopperIntervals, stopperValue } from '../../../../src/core/domain/blocked-time';
import type { HistoryEntry, Task } from '../../../../src/core/domain/model';
import { MAP, msk, settingsWith, task } from './fixtures';

const FIELD = 'UF_SD_STOPPER';
const H = 3600;
const calendar = settingsWith().calendar;

let nextId = 1;
function change(taskId: string, at: string, from: string | null, to: string | null, field = FIELD): HistoryEntry {
  return { id: String(nextId++), taskId, at: msk(at), field, from, to, userId: '5' };
}

function report(tasks: Task[], history: HistoryEntry[], from: string, to: string, now = to, companyOf: (t: Task) => string | null = () => null) {
  const historyByTask = new Map<string, HistoryEntry[]>();
  for (const entry of history) historyByTask.set(entry.taskId, [...(historyByTask.get(entry.taskId) ?? []), entry]);
  return blockedTime({ tasks, historyByTask, field: FIELD, map: MAP, calendar, companyOf, rangeStart: msk(from), rangeEnd: msk(to), now: msk(now) });
}

describe('stopper values', () => {
  it('reads empty, zero and multiple values as the portal writes them', () => {
    expect(stopperValue('')).toBeNull();
    expect(stopperValue(null)).toBeNull();
    expect(stopperValue('0')).toBeNull();
    expect(stopperValue(' 31 ')).toBe('31');
    expect(stopperValue(['', '32'])).toBe('32');
    expect(stopperValue('33,34')).toBe('33');
  });
});

describe('blocked time per stopper type (Mon 2025-03-03, Moscow, 09:00–18:00)', () => {
  it('counts a stopper still set at the range end up to the end, in working and in elapsed time', () => {
    const t = task({ id: '1', userFields: { [FIELD]: '31' } });
    const history = [change('1', '2025-03-03T10:00', '', '31')];
    const result = report([t], history, '2025-03-03T00:00', '2025-03-05T00:00');
    expect(result.values).toEqual(['31']);
    expect(result.byGroup).toEqual([{ key: '1', workingSeconds: { '31': 17 * H }, workingTotal: 17 * H, elapsedTotal: 38 * H, taskCount: 1 }]);
  });

  it('splits the time when the stopper changes type mid-way, and stops when it is removed', () => {
    const t = task({ id: '2' });
    const history = [
      change('2', '2025-03-03T10:00', '', '31'),
      change('2', '2025-03-03T14:00', '31', '32'),
      change('2', '2025-03-04T11:00', '32', ''),
      // Other fields' entries are not the stopper's.
      change('2', '2025-03-04T12:00', '', '7', 'UF_SD_TYPE'),
    ];
    const [row] = report([t], history, '2025-03-03T00:00', '2025-03-10T00:00').byGroup;
    expect(row!.workingSeconds).toEqual({ '31': 4 * H, '32': 6 * H });
    expect(row!.workingTotal).toBe(10 * H);
    expect(row!.elapsedTotal).toBe(25 * H);
  });

  it('clips to the range and skips stoppers removed before it began', () => {
    const history = [change('3', '2025-03-03T10:00', null, '31'), change('3', '2025-03-03T12:00', '31', null), change('3', '2025-03-04T16:00', null, '32')];
    expect(stopperIntervals(task({ id: '3' }), history, FIELD, msk('2025-03-05T00:00'), msk('2025-03-05T12:00'))).toEqual([
      { value: '32', from: msk('2025-03-05T00:00'), to: msk('2025-03-05T12:00') },
    ]);
    const [row] = report([task({ id: '3' })], history, '2025-03-05T00:00', '2025-03-06T00:00').byGroup;
    expect(row!.workingSeconds).toEqual({ '32': 9 * H });
  });

  it('counts no working time over a weekend', () => {
    const history = [change('4', '2025-03-07T17:00', '', '31'), change('4', '2025-03-10T10:00', '31', '')];
    const [row] = report([task({ id: '4' })], history, '2025-03-07T00:00', '2025-03-11T00:00').byGroup;
    expect(row!.workingTotal).toBe(2 * H);
    expect(row!.elapsedTotal).toBe(65 * H);
  });

  it('stops at completion, never counts past now, and reads a stopper with no history from creation', () => {
    const done = task({ id: '5', status: 5, closedAt: msk('2025-03-03T15:00'), userFields: { [FIELD]: '31' } });
    const noHistory = task({ id: '6', createdAt: msk('2025-03-04T09:00'), userFields: { [FIELD]: '32' } });
    const result = report([done, noHistory], [change('5', '2025-03-03T10:00', '', '31')], '2025-03-03T00:00', '2025-03-10T00:00', '2025-03-04T13:00');
    expect(result.byGroup[0]!.workingSeconds).toEqual({ '31': 5 * H, '32': 4 * H });
    expect(result.byGroup[0]!.taskCount).toBe(2);
  });

  it('sums several tasks per group and per client, longest first; tasks never blocked stay out', () => {
    const tasks = [
      task({ id: '7', groupId: '1', crmLinks: ['CO_1'] }),
      task({ id: '8', groupId: '2', crmLinks: ['CO_1'] }),
      task({ id: '9', groupId: '2', crmLinks: [] }),
      task({ id: '10', groupId: '2', crmLinks: ['CO_2'] }),
    ];
    const history = [
      change('7', '2025-03-03T09:00', '', '31'),
      change('7', '2025-03-03T10:00', '31', ''),
      change('8', '2025-03-03T09:00', '', '32'),
      change('8', '2025-03-03T12:00', '32', ''),
      change('9', '2025-03-03T09:00', '', '31'),
      change('9', '2025-03-03T18:00', '31', ''),
    ];
    const companyOf = (t: Pick<Task, 'crmLinks'>) => t.crmLinks[0]?.slice(3) ?? null;
    const result = report(tasks, history, '2025-03-03T00:00', '2025-03-04T00:00', '2025-03-04T00:00', companyOf);
    expect(result.values).toEqual(['31', '32']);
    expect(result.byGroup.map((row) => [row.key, row.workingSeconds, row.taskCount])).toEqual([
      ['2', { '32': 3 * H, '31': 9 * H }, 2],
      ['1', { '31': 1 * H }, 1],
    ]);
    expect(result.byClient.map((row) => [row.key, row.workingTotal, row.taskCount])).toEqual([
      ['', 9 * H, 1],
      ['1', 4 * H, 2],
    ]);
  });

  it('is empty without a mapped stopper field', () => {
    const result = blockedTime({ tasks: [task()], historyByTask: new Map(), field: null, map: MAP, calendar, companyOf: () => null, rangeStart: 0, rangeEnd: 1, now: 1 });
    expect(result).toEqual({ values: [], byGroup: [], byClient: [] });
  });
});
