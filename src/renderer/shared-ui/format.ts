/** Dates and names as the UI shows them: always in the portal's time zone, never the workstation's. */
import type { Company, User } from '../../core/domain/model';
import { localeOf, type Language } from '../i18n';
import { MINUTE_MS, portalWallClock } from '../../core/domain/portal-time';

const pad = (n: number) => String(n).padStart(2, '0');

/** "12.03.2025 14:05" (en: "12/03/2025 14:05") in the portal's time zone. */
export function formatPortalDateTime(instant: number, utcOffsetMinutes: number, language: Language): string {
  const wall = portalWallClock(instant, utcOffsetMinutes);
  const separator = language === 'ru' ? '.' : '/';
  return `${pad(wall.getUTCDate())}${separator}${pad(wall.getUTCMonth() + 1)}${separator}${wall.getUTCFullYear()} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/** "2025-03-12T14:05" for a datetime-local input showing portal time. */
export function toPortalLocalInput(instant: number, utcOffsetMinutes: number): string {
  return portalWallClock(instant, utcOffsetMinutes).toISOString().slice(0, 16);
}

/** The instant of a datetime-local value read as portal time; null when it is not one. */
export function fromPortalLocalInput(value: string, utcOffsetMinutes: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - utcOffsetMinutes * MINUTE_MS;
}

/** "+03:00" for 180. */
export function formatUtcOffset(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 with the portal's own offset, as the portal takes dates: "2025-03-12T18:00:00+03:00". */
export function toPortalIso(instant: number, utcOffsetMinutes: number): string {
  return `${portalWallClock(instant, utcOffsetMinutes).toISOString().slice(0, 19)}${formatUtcOffset(utcOffsetMinutes)}`;
}

export function userName(users: readonly User[] | undefined, userId: string | null): string {
  if (!userId) return '—';
  const user = users?.find((candidate) => candidate.id === userId);
  if (!user) return `#${userId}`;
  return [user.name, user.lastName].filter(Boolean).join(' ') || `#${userId}`;
}

/** The client company from the task's CRM links (`CO_12`). */
export function companyOf(crmLinks: readonly string[], companies: readonly Company[] | undefined): Company | null {
  for (const link of crmLinks) {
    const id = /^CO_(\d+)$/.exec(link)?.[1];
    const company = id ? companies?.find((candidate) => candidate.id === id) : undefined;
    if (company) return company;
  }
  return null;
}

/** "01.12.2027" (en: "01/12/2027") for a day off the portal (a certificate's expiry), in this computer's time zone; what cannot be read is shown as given. */
export function formatDay(iso: string, language: Language): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(at));
}

/** "01.05.2026" (en: "01/05/2026") for a day key ("2026-05-01"); what is not one is shown as given. */
export function formatDayKey(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? [match[3], match[2], match[1]].join(language === 'ru' ? '.' : '/') : day;
}
