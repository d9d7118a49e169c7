/**
 * Dates in the portal's site format (history `createdDate`, server-facts §4): local portal time
 * without an offset, in the site's culture format. `offsetMinutes` is the portal's UTC offset
 * (from `server.time`).
 */
const DMY = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const MDY = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([ap]m))?)?$/i;

function build(y: string, mo: string, d: string, h = '0', mi = '0', s = '0', offsetMinutes: number): number {
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000;
}

/** Returns epoch ms, or null when the text is not a date Pult knows how to read. */
export function parseSiteDate(text: string, offsetMinutes: number): number | null {
  const value = text.trim();
  if (/[+-]\d{2}:\d{2}$|Z$/.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  let m = DMY.exec(value);
  if (m) return build(m[3]!, m[2]!, m[1]!, m[4], m[5], m[6], offsetMinutes);
  m = YMD.exec(value);
  if (m) return build(m[1]!, m[2]!, m[3]!, m[4], m[5], m[6], offsetMinutes);
  m = MDY.exec(value);
  if (m) {
    let hour = Number(m[4] ?? 0);
    const meridiem = m[7]?.toLowerCase();
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    return build(m[3]!, m[1]!, m[2]!, String(hour), m[5], m[6], offsetMinutes);
  }
  return null;
}

/** The UTC offset in minutes of an ISO 8601 date (`2024-04-03T10:26:32+03:00` → 180). */
export function isoOffsetMinutes(iso: string): number | null {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!m) return /Z$/.test(iso) ? 0 : null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}
