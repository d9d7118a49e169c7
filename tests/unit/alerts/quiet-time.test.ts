import { describe, expect, it } from 'vitest';
import { isQuietTime, snoozeUntil } from '../../../src/node/alerts/quiet-time';

const msk = (day: number, h: number, m: number, s = 0) => Date.UTC(2026, 0, day, h - 3, m, s);

describe('quiet hours on the portal clock', () => {
  const overMidnight = { enabled: true, from: '22:00', to: '08:00' };
  it.each([
    [msk(15, 21, 59, 59), false],
    [msk(15, 22, 0, 0), true],
    [msk(15, 23, 59, 59), true],
    [msk(16, 0, 0, 0), true],
    [msk(16, 7, 59, 59), true],
    [msk(16, 8, 0, 0), false],
    [msk(16, 12, 0, 0), false],
  ])('22:00–08:00 at %i → %s', (at, quiet) => expect(isQuietTime(at, overMidnight, 180)).toBe(quiet));

  it('within one day, disabled, and empty ranges', () => {
    const lunch = { enabled: true, from: '13:00', to: '14:00' };
    expect(isQuietTime(msk(15, 12, 59, 59), lunch, 180)).toBe(false);
    expect(isQuietTime(msk(15, 13, 0), lunch, 180)).toBe(true);
    expect(isQuietTime(msk(15, 14, 0), lunch, 180)).toBe(false);
    expect(isQuietTime(msk(15, 23, 0), { ...overMidnight, enabled: false }, 180)).toBe(false);
    expect(isQuietTime(msk(15, 23, 0), { enabled: true, from: '08:00', to: '08:00' }, 180)).toBe(false);
  });

  it('uses the portal time zone, not the workstation one', () => {
    // 23:00 in Moscow is 03:00 next day in Novosibirsk (UTC+7) and 20:00 in UTC.
    expect(isQuietTime(msk(15, 23, 0), overMidnight, 180)).toBe(true);
    expect(isQuietTime(msk(15, 23, 0), overMidnight, 7 * 60)).toBe(true);
    expect(isQuietTime(msk(15, 23, 0), overMidnight, 0)).toBe(false);
  });
});

describe('snooze ends', () => {
  it('one hour', () => expect(snoozeUntil(msk(15, 12, 0, 7), '1h', 180)).toBe(msk(15, 13, 0, 7)));
  it('until tomorrow 09:00 portal time, also from just after midnight', () => {
    expect(snoozeUntil(msk(15, 12, 0), 'tomorrow', 180)).toBe(msk(16, 9, 0));
    expect(snoozeUntil(msk(15, 23, 59, 59), 'tomorrow', 180)).toBe(msk(16, 9, 0));
    expect(snoozeUntil(msk(16, 0, 30), 'tomorrow', 180)).toBe(msk(17, 9, 0));
    expect(snoozeUntil(msk(15, 12, 0), 'tomorrow', 180, '08:30')).toBe(msk(16, 8, 30));
  });
});
