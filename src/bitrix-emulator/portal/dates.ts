/**
 * Portal date formats. server-facts §4: REST datetimes are ISO 8601 with the portal offset
 * (`2024-04-03T10:26:32+03:00`); task history uses the site format `dd.mm.yyyy hh:mi:ss`.
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function shifted(ms: number, offsetMinutes: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000);
}

export function isoDate(ms: number, offsetMinutes: number): string {
  const d = shifted(ms, offsetMinutes);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** Site format of a Russian box: `dd.mm.yyyy hh:mi:ss` in portal time. */
export function siteDate(ms: number, offsetMinutes: number): string {
  const d = shifted(ms, offsetMinutes);
  return (
    `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/**
 * Parses an input date the way PHP `strtotime` would for the forms clients send: ISO 8601 with
 * or without offset, `yyyy-mm-dd[ hh:mi[:ss]]`, site format `dd.mm.yyyy[ hh:mi[:ss]]`, or a unix
 * timestamp. Dates without an offset are portal-local. Returns null when it cannot parse.
 */
export function parseInputDate(value: unknown, offsetMinutes: number): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (/^\d{9,11}$/.test(s)) return Number(s) * 1000;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  const site = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  let parts: number[];
  let zone: string | undefined;
  if (iso) {
    parts = [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]].map((p) => Number(p ?? 0));
    zone = iso[7];
  } else if (site) {
    parts = [site[3], site[2], site[1], site[4], site[5], site[6]].map((p) => Number(p ?? 0));
  } else {
    return null;
  }
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0] = parts;
  const utc = Date.UTC(y, mo - 1, d, h, mi, sec);
  let offset = offsetMinutes;
  if (zone === 'Z') offset = 0;
  else if (zone) {
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (m) offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  }
  return utc - offset * 60_000;
}
