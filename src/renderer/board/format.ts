/** Dates and hours as the board shows them, in the portal's time zone. */
import { localeOf, type Language } from '../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "12.03 18:00" (en: "12/03 18:00") — the deadline as the portal's wall clock shows it. Built by
 * hand: a board paints hundreds of these at once, and Intl formatting costs ten times as much.
 */
export function formatPortalDate(at: number, utcOffsetMinutes: number, language: Language): string {
  const wall = new Date(at + utcOffsetMinutes * 60_000);
  const separator = language === 'ru' ? '.' : '/';
  return `${pad(wall.getUTCDate())}${separator}${pad(wall.getUTCMonth() + 1)} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

export function formatHours(hours: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(hours);
}
