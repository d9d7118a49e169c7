/**
 * Working time over the portal's calendar: working hours on working days, minus weekends and
 * public holidays, in the portal's time zone (a fixed UTC offset), never the workstation's.
 */
import type { WorkCalendar } from './settings';
import { DAY_MS, MINUTE_MS, clockMinutes, portalDayKey, portalDayStart, portalIsoWeekday } from './portal-time';

/** Ten years: a calendar with no working day at all must not loop forever. */
const MAX_DAYS = 3660;

export function isWorkingDay(calendar: WorkCalendar, instant: number): boolean {
  const key = portalDayKey(instant, calendar.utcOffsetMinutes);
  if (calendar.holidays.includes(key)) return false;
  if (calendar.workingWeekends.includes(key)) return true;
  return calendar.workDays.includes(portalIsoWeekday(instant, calendar.utcOffsetMinutes));
}

/** The working window of the portal day starting at `dayStart`, or null on a day off. */
function workingWindow(calendar: WorkCalendar, dayStart: number): [number, number] | null {
  if (!isWorkingDay(calendar, dayStart)) return null;
  return [
    dayStart + clockMinutes(calendar.workHours.start) * MINUTE_MS,
    dayStart + clockMinutes(calendar.workHours.end) * MINUTE_MS,
  ];
}

/** Working milliseconds between two instants (0 when `end` is not after `start`). */
export function workingMsBetween(calendar: WorkCalendar, start: number, end: number): number {
  let total = 0;
  let dayStart = portalDayStart(start, calendar.utcOffsetMinutes);
  for (let day = 0; dayStart < end && day < MAX_DAYS; day += 1, dayStart += DAY_MS) {
    const window = workingWindow(calendar, dayStart);
    if (window) total += Math.max(0, Math.min(end, window[1]) - Math.max(start, window[0]));
  }
  return total;
}

/** The instant when `workingMs` of working time have passed after `start`; null if never. */
export function addWorkingMs(calendar: WorkCalendar, start: number, workingMs: number): number | null {
  let left = workingMs;
  let dayStart = portalDayStart(start, calendar.utcOffsetMinutes);
  for (let day = 0; day < MAX_DAYS; day += 1, dayStart += DAY_MS) {
    const window = workingWindow(calendar, dayStart);
    if (!window) continue;
    const from = Math.max(start, window[0]);
    const available = Math.max(0, window[1] - from);
    if (left <= available && (left > 0 || available > 0)) return from + left;
    left -= available;
  }
  return null;
}

/** Counted milliseconds under a target's clock: working time, or plain elapsed time. */
export function countedMsBetween(calendar: WorkCalendar, clock: 'working' | 'round-the-clock', start: number, end: number): number {
  return clock === 'working' ? workingMsBetween(calendar, start, end) : Math.max(0, end - start);
}

export function addCountedMs(calendar: WorkCalendar, clock: 'working' | 'round-the-clock', start: number, ms: number): number | null {
  return clock === 'working' ? addWorkingMs(calendar, start, ms) : start + ms;
}
