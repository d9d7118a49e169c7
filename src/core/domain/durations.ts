/** Compact durations for cards and the wallboard: "45с", "12м", "3ч 05м", "2д 4ч" (en: s/m/h/d). */

export type DurationLanguage = 'ru' | 'en';

const UNITS: Record<DurationLanguage, { s: string; m: string; h: string; d: string }> = {
  ru: { s: 'с', m: 'м', h: 'ч', d: 'д' },
  en: { s: 's', m: 'm', h: 'h', d: 'd' },
};

/** The real minus sign (U+2212), as SLA displays show breached time. */
export const MINUS = '\u2212';

export function formatDuration(seconds: number, language: DurationLanguage = 'ru'): string {
  const unit = UNITS[language];
  const total = Math.floor(Math.abs(seconds));
  const sign = seconds < 0 && total > 0 ? MINUS : '';
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (days > 0) return `${sign}${days}${unit.d} ${hours}${unit.h}`;
  if (hours > 0) return `${sign}${hours}${unit.h} ${String(minutes).padStart(2, '0')}${unit.m}`;
  if (minutes > 0) return `${sign}${minutes}${unit.m}`;
  return `${sign}${total}${unit.s}`;
}
