/** Quiet hours and snooze ends, on the portal's wall clock (never the workstation's time zone). */
import type { Settings } from '../../core/domain/settings';
import { clockMinutes, DAY_MS, MINUTE_MS, portalDayStart } from '../../core/domain/portal-time';

export type SnoozeChoice = '1h' | 'tomorrow';

function minuteOfPortalDay(now: number, utcOffsetMinutes: number): number {
  return Math.floor((now - portalDayStart(now, utcOffsetMinutes)) / MINUTE_MS);
}

/** Inside [from, to) of the portal's day; `from` after `to` spans midnight; equal means none. */
export function isQuietTime(now: number, quiet: Settings['notifications']['quietHours'], utcOffsetMinutes: number): boolean {
  if (!quiet.enabled) return false;
  const from = clockMinutes(quiet.from);
  const to = clockMinutes(quiet.to);
  if (from === to) return false;
  const minute = minuteOfPortalDay(now, utcOffsetMinutes);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** One hour from now, or tomorrow (the next portal day) at `morning` portal time. */
export function snoozeUntil(now: number, choice: SnoozeChoice, utcOffsetMinutes: number, morning = '09:00'): number {
  if (choice === '1h') return now + 60 * MINUTE_MS;
  return portalDayStart(now, utcOffsetMinutes) + DAY_MS + clockMinutes(morning) * MINUTE_MS;
}
