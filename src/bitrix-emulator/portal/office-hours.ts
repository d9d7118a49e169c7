/**
 * When the demo desk's people work: Monday to Friday, 09:00–18:00 portal time. The emulator knows
 * no holiday calendar (it shares nothing with the client); weekdays are close enough for drawing
 * how long open requests have been waiting, so the demo looks alike on a Tuesday noon, a Monday
 * morning or a Sunday.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
const OPEN = 9 * HOUR;
const CLOSE = 18 * HOUR;
/** Ten years of days: enough for any age the generator draws. */
const MAX_DAYS = 3660;

function dayStartOf(instant: number, offsetMinutes: number): number {
  const local = instant + offsetMinutes * 60_000;
  return local - (((local % DAY) + DAY) % DAY) - offsetMinutes * 60_000;
}

function isWeekday(dayStart: number, offsetMinutes: number): boolean {
  const weekday = new Date(dayStart + offsetMinutes * 60_000 + HOUR).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** The instant `officeMs` of office time before `end`. */
export function officeTimeBefore(end: number, officeMs: number, offsetMinutes: number): number {
  if (officeMs <= 0) return end;
  let left = officeMs;
  let day = dayStartOf(end, offsetMinutes);
  for (let i = 0; i < MAX_DAYS; i++, day -= DAY) {
    if (!isWeekday(day, offsetMinutes)) continue;
    const to = Math.min(end, day + CLOSE);
    const available = Math.max(0, to - (day + OPEN));
    if (left <= available) return to - left;
    left -= available;
  }
  return end - officeMs;
}

/** The instant `officeMs` of office time after `start`. */
export function officeTimeAfter(start: number, officeMs: number, offsetMinutes: number): number {
  if (officeMs <= 0) return start;
  let left = officeMs;
  let day = dayStartOf(start, offsetMinutes);
  for (let i = 0; i < MAX_DAYS; i++, day += DAY) {
    if (!isWeekday(day, offsetMinutes)) continue;
    const from = Math.max(start, day + OPEN);
    const available = Math.max(0, day + CLOSE - from);
    if (left <= available) return from + left;
    left -= available;
  }
  return start + officeMs;
}
