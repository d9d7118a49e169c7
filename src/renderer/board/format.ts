/** Dates and hours as the board shows them, in the portal's time zone. */
import type { Language } from '../i18n';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "12.03 18:00" — the deadline as the portal's wall clock shows it. */
export function formatPortalDate(at: number, utcOffsetMinutes: number, language: Language): string {
  const key = language;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(at + utcOffsetMinutes * 60_000)).replace(',', '');
}

export function formatHours(hours: number, language: Language): string {
  return new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1 }).format(hours);
}
