import { describe, expect, it } from 'vitest';
import { officeTimeAfter, officeTimeBefore } from '../../../src/bitrix-emulator/portal/office-hours';

const msk = (local: string) => Date.parse(`${local}:00+03:00`);
const H = 3_600_000;

describe('the demo desk office hours (Mon–Fri 09:00–18:00 Moscow)', () => {
  it.each([
    ['within the same day', '2026-03-17T15:00', 2 * H, '2026-03-17T13:00'],
    ['back across the night', '2026-03-17T10:00', 3 * H, '2026-03-16T16:00'],
    ['back across the weekend from Monday morning', '2026-03-23T09:30', 2 * H, '2026-03-20T16:30'],
    ['from a Sunday, Friday is the last office day', '2026-03-22T14:00', 1 * H, '2026-03-20T17:00'],
    ['from a late evening, the office closed at 18:00', '2026-03-17T22:00', 30 * 60_000, '2026-03-17T17:30'],
  ])('before: %s', (_name, end, ms, expected) => {
    expect(officeTimeBefore(msk(end), ms, 180)).toBe(msk(expected));
  });

  it.each([
    ['within the same day', '2026-03-17T10:00', 2 * H, '2026-03-17T12:00'],
    ['over the night', '2026-03-17T17:00', 2 * H, '2026-03-18T10:00'],
    ['over the weekend', '2026-03-20T17:30', 1 * H, '2026-03-23T09:30'],
  ])('after: %s', (_name, start, ms, expected) => {
    expect(officeTimeAfter(msk(start), ms, 180)).toBe(msk(expected));
  });

  it('before and after are inverse over office time', () => {
    const end = msk('2026-03-19T11:15');
    const start = officeTimeBefore(end, 31 * H, 180);
    expect(officeTimeAfter(start, 31 * H, 180)).toBe(end);
  });
});
