import { describe, expect, it } from 'vitest';
import { band, luSeconds, wia } from '../../../../src/core/domain/timers';
import { MAP, moved, msk, statusChanged, task } from './fixtures';

const NOW = msk('2025-03-05T12:00');
const H = 3600;

describe('LU', () => {
  it.each([
    ['changedAt only', { changedAt: msk('2025-03-05T11:00'), activityAt: null }, H],
    ['activityAt later wins', { changedAt: msk('2025-03-05T09:00'), activityAt: msk('2025-03-05T11:59:15') }, 45],
    ['activityAt earlier is ignored', { changedAt: msk('2025-03-05T11:00'), activityAt: msk('2025-03-04T10:00') }, H],
    ['a change in the future (clock skew) is 0', { changedAt: msk('2025-03-05T12:00:30'), activityAt: null }, 0],
  ])('%s', (_name, times, expected) => {
    expect(luSeconds(task(times), NOW)).toBe(expected);
  });
});

describe('WIA', () => {
  it.each([
    ['no history, not in progress: null', task({ status: 2, stageId: '13' }), [], { seconds: null, startedAt: null, frozen: false }],
    [
      'no history, status 3: since statusChangedAt',
      task({ status: 3, stageId: '13', statusChangedAt: msk('2025-03-05T10:00') }),
      [],
      { seconds: 2 * H, startedAt: msk('2025-03-05T10:00'), frozen: false },
    ],
    [
      'no history, done: null and frozen',
      task({ status: 5, stageId: '14', statusChangedAt: msk('2025-03-05T10:00'), closedAt: msk('2025-03-05T10:00') }),
      [],
      { seconds: null, startedAt: null, frozen: true },
    ],
    [
      'queue only: null before work',
      task({ stageId: '12' }),
      [moved(msk('2025-03-03T10:00'), '0', '11'), moved(msk('2025-03-03T11:00'), '11', '12')],
      { seconds: null, startedAt: null, frozen: false },
    ],
    [
      'stage "0" history start, then work',
      task({ stageId: '13' }),
      [moved(msk('2025-03-03T10:00'), '0', '12'), moved(msk('2025-03-04T12:00'), '12', '13')],
      { seconds: 24 * H, startedAt: msk('2025-03-04T12:00'), frozen: false },
    ],
    [
      'back to the queue and into work again: the last entry counts',
      task({ stageId: '13' }),
      [
        moved(msk('2025-03-03T10:00'), '10', '13'),
        moved(msk('2025-03-03T12:00'), '13', '12'),
        moved(msk('2025-03-05T11:00'), '12', '13'),
      ],
      { seconds: H, startedAt: msk('2025-03-05T11:00'), frozen: false },
    ],
    [
      'done: frozen at closedAt as the cycle time',
      task({ stageId: '14', status: 5, closedAt: msk('2025-03-04T15:00') }),
      [moved(msk('2025-03-04T10:00'), '12', '13'), moved(msk('2025-03-04T15:00'), '13', '14')],
      { seconds: 5 * H, startedAt: msk('2025-03-04T10:00'), frozen: true },
    ],
    [
      'done stage without closedAt: frozen at the move into done',
      task({ stageId: '14', status: 3 }),
      [moved(msk('2025-03-04T10:00'), '12', '13'), moved(msk('2025-03-04T13:00'), '13', '14')],
      { seconds: 3 * H, startedAt: msk('2025-03-04T10:00'), frozen: true },
    ],
    [
      'reopened and not yet back in work: null',
      task({ stageId: '12', status: 2 }),
      [
        moved(msk('2025-03-03T10:00'), '12', '13'),
        moved(msk('2025-03-03T15:00'), '13', '14'),
        statusChanged(msk('2025-03-03T15:00'), 3, 5),
        statusChanged(msk('2025-03-04T09:00'), 5, 2),
        moved(msk('2025-03-04T09:00'), '14', '12'),
      ],
      { seconds: null, startedAt: null, frozen: false },
    ],
    [
      'reopened and taken again: a new WIA',
      task({ stageId: '13', status: 3 }),
      [
        moved(msk('2025-03-03T10:00'), '12', '13'),
        moved(msk('2025-03-03T15:00'), '13', '14'),
        moved(msk('2025-03-04T09:00'), '14', '13'),
      ],
      { seconds: 27 * H, startedAt: msk('2025-03-04T09:00'), frozen: false },
    ],
    [
      'created straight into work',
      task({ stageId: '13', createdAt: msk('2025-03-05T09:00') }),
      [moved(msk('2025-03-05T11:00'), '13', '13')],
      { seconds: 3 * H, startedAt: msk('2025-03-05T09:00'), frozen: false },
    ],
  ])('%s', (_name, t, history, expected) => {
    expect(wia(t, history, MAP, NOW)).toEqual(expected);
  });

  it('reads history out of order', () => {
    const history = [moved(msk('2025-03-05T11:00'), '12', '13'), moved(msk('2025-03-03T10:00'), '10', '12')];
    expect(wia(task({ stageId: '13' }), history, MAP, NOW).seconds).toBe(H);
  });
});

describe('band', () => {
  const threshold = { warnMinutes: 60, alertMinutes: 240 };
  it.each([
    [null, threshold, 'ok'],
    [3599, threshold, 'ok'],
    [3600, threshold, 'warn'],
    [4 * H - 1, threshold, 'warn'],
    [4 * H, threshold, 'alert'],
    [10 * 24 * H, null, 'ok'],
  ] as const)('%j s -> %s', (seconds, t, expected) => {
    expect(band(seconds, t)).toBe(expected);
  });
});
