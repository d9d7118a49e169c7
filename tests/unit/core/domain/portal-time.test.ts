import { afterEach, describe, expect, it } from 'vitest';
import {
  portalDayKey,
  portalDayKeysBetween,
  portalDayStart,
  portalIsoWeekKey,
  portalIsoWeekday,
  portalMonthKey,
} from '../../../../src/core/domain/portal-time';
import { workingMsBetween } from '../../../../src/core/domain/work-calendar';
import { defaultSettings } from '../../../../src/core/domain/settings';

const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('portal time', () => {
  it.each([
    ['2025-03-31T21:30:00', 180, '2025-04-01', '2025-04'],
    ['2025-03-31T20:59:59', 180, '2025-03-31', '2025-03'],
    ['2025-01-01T03:00:00', -300, '2024-12-31', '2024-12'],
    ['2025-12-31T23:59:59', 0, '2025-12-31', '2025-12'],
  ])('%s at offset %i is day %s, month %s', (iso, offset, day, month) => {
    expect(portalDayKey(utc(iso), offset)).toBe(day);
    expect(portalMonthKey(utc(iso), offset)).toBe(month);
  });

  it.each([
    ['2024-12-30T12:00:00', '2025-W01'],
    ['2025-01-05T12:00:00', '2025-W01'],
    ['2025-01-06T12:00:00', '2025-W02'],
    ['2027-01-01T12:00:00', '2026-W53'],
    ['2026-12-31T12:00:00', '2026-W53'],
  ])('%s is in ISO week %s', (iso, week) => {
    expect(portalIsoWeekKey(utc(iso), 0)).toBe(week);
  });

  it('a Sunday-night UTC instant is Monday in Moscow', () => {
    const instant = utc('2025-03-02T22:30:00');
    expect(portalIsoWeekday(instant, 0)).toBe(7);
    expect(portalIsoWeekday(instant, 180)).toBe(1);
    expect(portalIsoWeekKey(instant, 180)).toBe('2025-W10');
  });

  it('a day starts at the portal midnight, for negative offsets too', () => {
    expect(portalDayStart(utc('2025-03-03T10:00:00'), 180)).toBe(utc('2025-03-02T21:00:00'));
    expect(portalDayStart(utc('2025-03-03T02:00:00'), -300)).toBe(utc('2025-03-02T05:00:00'));
  });

  it('lists day keys across a month boundary', () => {
    expect(portalDayKeysBetween('2025-02-27', '2025-03-02')).toEqual(['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']);
  });
});

describe('independence from the workstation time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it.each(['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'UTC'])('gives the same answers with TZ=%s', (zone) => {
    const calendar = defaultSettings().calendar;
    const instant = utc('2025-03-02T22:30:00');
    const compute = () => [
      portalDayKey(instant, 180),
      portalIsoWeekKey(instant, 180),
      portalIsoWeekday(instant, 180),
      workingMsBetween(calendar, utc('2025-03-07T12:00:00'), utc('2025-03-10T08:00:00')),
    ];
    process.env.TZ = 'Europe/Moscow';
    const moscow = compute();
    process.env.TZ = zone;
    expect(compute()).toEqual(moscow);
    expect(moscow).toEqual(['2025-03-03', '2025-W10', 1, 3 * 3600_000 + 2 * 3600_000]);
  });
});
