import { describe, expect, it } from 'vitest';
import { addWorkingMs, isWorkingDay, workingMsBetween } from '../../../../src/core/domain/work-calendar';
import { defaultSettings } from '../../../../src/core/domain/settings';
import { msk } from './fixtures';

const calendar = defaultSettings().calendar;
const H = 3600_000;

describe('working calendar (Moscow, 09:00–18:00, Mon–Fri, Russian holidays)', () => {
  it.each([
    ['2025-03-03', true],
    ['2025-03-08', false],
    ['2025-06-12', false],
    ['2025-06-13', false],
    ['2025-11-01', true],
    ['2026-01-09', false],
    ['2026-01-12', true],
  ])('%s working: %s', (day, working) => {
    expect(isWorkingDay(calendar, msk(`${day}T12:00`))).toBe(working);
  });

  it.each([
    ['inside one day', '2025-03-03T10:00', '2025-03-03T12:30', 2.5 * H],
    ['before and after hours', '2025-03-03T07:00', '2025-03-03T20:00', 9 * H],
    ['overnight', '2025-03-03T17:00', '2025-03-04T10:00', 2 * H],
    ['over a weekend', '2025-03-07T17:00', '2025-03-10T10:00', 2 * H],
    ['over the June holidays (Thu 12, Fri 13)', '2025-06-11T17:00', '2025-06-16T10:00', 2 * H],
    ['end before start', '2025-03-03T12:00', '2025-03-03T10:00', 0],
    ['a whole week', '2025-03-03T00:00', '2025-03-10T00:00', 45 * H],
  ])('%s', (_name, from, to, expected) => {
    expect(workingMsBetween(calendar, msk(from), msk(to))).toBe(expected);
  });

  it.each([
    ['same day', '2025-03-03T10:00', 2 * H, '2025-03-03T12:00'],
    ['ends exactly at closing', '2025-03-03T10:00', 8 * H, '2025-03-03T18:00'],
    ['rolls over the weekend', '2025-03-07T17:00', 2 * H, '2025-03-10T10:00'],
    ['rolls over holidays', '2025-06-11T17:30', 1 * H, '2025-06-16T09:30'],
    ['starts at night: next opening', '2025-03-03T22:00', 0, '2025-03-04T09:00'],
  ])('deadline %s', (_name, from, ms, expected) => {
    expect(addWorkingMs(calendar, msk(from), ms)).toBe(msk(expected));
  });

  it('a calendar without working days has no deadline', () => {
    expect(addWorkingMs({ ...calendar, workDays: [], workingWeekends: [] }, msk('2025-03-03T10:00'), H)).toBeNull();
  });

  it('the same wall-clock hours in another portal zone shift the window', () => {
    const vladivostok = { ...calendar, utcOffsetMinutes: 600 };
    // 10:00 Moscow is 17:00 in Vladivostok: one working hour left there.
    expect(workingMsBetween(vladivostok, msk('2025-03-03T10:00'), msk('2025-03-03T13:00'))).toBe(1 * H);
  });
});
