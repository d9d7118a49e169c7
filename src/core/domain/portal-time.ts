/**
 * Portal-local calendar arithmetic. Every rule works in the portal's time zone, given as a fixed
 * UTC offset, never in the workstation's: an instant is shifted by the offset and then read with
 * UTC methods only, so the process TZ can never leak in.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The portal's wall clock as if it were UTC (read it with getUTC* only). */
export function portalWallClock(instant: number, utcOffsetMinutes: number): Date {
  return new Date(instant + utcOffsetMinutes * MINUTE_MS);
}

/** Start of the portal-local day holding `instant`, as an instant. */
export function portalDayStart(instant: number, utcOffsetMinutes: number): number {
  const shifted = instant + utcOffsetMinutes * MINUTE_MS;
  return shifted - mod(shifted, DAY_MS) - utcOffsetMinutes * MINUTE_MS;
}

/** `YYYY-MM-DD` of the portal-local day holding `instant`. */
export function portalDayKey(instant: number, utcOffsetMinutes: number): string {
  return portalWallClock(instant, utcOffsetMinutes).toISOString().slice(0, 10);
}

/** `YYYY-MM` of the portal-local month holding `instant`. */
export function portalMonthKey(instant: number, utcOffsetMinutes: number): string {
  return portalDayKey(instant, utcOffsetMinutes).slice(0, 7);
}

/** ISO weekday of a portal-local instant: 1 Monday … 7 Sunday. */
export function portalIsoWeekday(instant: number, utcOffsetMinutes: number): number {
  const day = portalWallClock(instant, utcOffsetMinutes).getUTCDay();
  return day === 0 ? 7 : day;
}

/** ISO week key (`2025-W03`) of the portal-local day holding `instant`. */
export function portalIsoWeekKey(instant: number, utcOffsetMinutes: number): string {
  const wall = portalWallClock(instant, utcOffsetMinutes);
  const weekday = wall.getUTCDay() === 0 ? 7 : wall.getUTCDay();
  // The ISO week belongs to the year of its Thursday.
  const thursday = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + 4 - weekday);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The instant a portal-local `YYYY-MM-DD` day starts. */
export function portalDayKeyToInstant(dayKey: string, utcOffsetMinutes: number): number {
  const [year, month, day] = dayKey.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) - utcOffsetMinutes * MINUTE_MS;
}

/** Portal-local day keys from `fromDay` to `toDay` inclusive. */
export function portalDayKeysBetween(fromDay: string, toDay: string): string[] {
  const keys: string[] = [];
  const end = portalDayKeyToInstant(toDay, 0);
  for (let at = portalDayKeyToInstant(fromDay, 0); at <= end; at += DAY_MS) {
    keys.push(new Date(at).toISOString().slice(0, 10));
  }
  return keys;
}

/** Minutes since midnight of an `HH:MM` string. */
export function clockMinutes(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function mod(value: number, by: number): number {
  return ((value % by) + by) % by;
}
