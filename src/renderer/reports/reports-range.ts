/** The reports' period: portal days and a portal month, defaulting to the last two weeks. */
import { DAY_MS, portalDayKey, portalDayKeyToInstant, portalMonthKey } from '../../core/domain/portal-time';

export interface ReportsRange {
  fromDay: string;
  toDay: string;
  month: string;
}

export const DEFAULT_RANGE_DAYS = 14;
/** A longer day range makes the per-day table unreadable and the flow slow to compute. */
export const MAX_RANGE_DAYS = 92;

export function defaultRange(portalNow: number, utcOffsetMinutes: number, days = DEFAULT_RANGE_DAYS): ReportsRange {
  return {
    fromDay: portalDayKey(portalNow - (days - 1) * DAY_MS, utcOffsetMinutes),
    toDay: portalDayKey(portalNow, utcOffsetMinutes),
    month: portalMonthKey(portalNow, utcOffsetMinutes),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

export type RangeProblem = 'invalid' | 'reversed' | 'too-long' | null;

export function rangeProblem(range: ReportsRange): RangeProblem {
  if (!DAY.test(range.fromDay) || !DAY.test(range.toDay) || !MONTH.test(range.month)) return 'invalid';
  const days = (portalDayKeyToInstant(range.toDay, 0) - portalDayKeyToInstant(range.fromDay, 0)) / DAY_MS + 1;
  if (days < 1) return 'reversed';
  if (days > MAX_RANGE_DAYS) return 'too-long';
  return null;
}

/** "12.11" (en: "12/11") for a day key. */
export function shortDay(dayKey: string, language: 'ru' | 'en'): string {
  return `${dayKey.slice(8, 10)}${language === 'ru' ? '.' : '/'}${dayKey.slice(5, 7)}`;
}
