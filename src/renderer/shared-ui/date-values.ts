/**
 * The string forms the forms keep ('YYYY-MM-DD', 'HH:MM', 'YYYY-MM-DDTHH:MM', 'YYYY-MM') to and
 * from the date values of the pickers. Wall-clock values with no time zone: a deadline is already
 * on the portal's clock when it gets here. What is not a whole, real value reads as null.
 */
import { CalendarDate, CalendarDateTime, Time } from '@internationalized/date';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** True when the parts name a real day (no 31 February). */
function realDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function realTime(hour: number, minute: number): boolean {
  return hour <= 23 && minute <= 59;
}

export function dayValue(text: string): CalendarDate | null {
  const match = DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return realDay(year, month, day) ? new CalendarDate(year, month, day) : null;
}

export function dayText(value: CalendarDate | null): string {
  return value ? `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}` : '';
}

export function timeValue(text: string): Time | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const [hour, minute] = match.slice(1).map(Number) as [number, number];
  return realTime(hour, minute) ? new Time(hour, minute) : null;
}

export function timeText(value: Time | null): string {
  return value ? `${pad(value.hour)}:${pad(value.minute)}` : '';
}

export function dateTimeValue(text: string): CalendarDateTime | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return realDay(year, month, day) && realTime(hour, minute) ? new CalendarDateTime(year, month, day, hour, minute) : null;
}

export function dateTimeText(value: CalendarDateTime | null): string {
  return value ? `${dayText(new CalendarDate(value.year, value.month, value.day))}T${pad(value.hour)}:${pad(value.minute)}` : '';
}

export type MonthParts = { year: number; month: number };

export function monthValue(text: string): MonthParts | null {
  const match = MONTH.exec(text);
  if (!match) return null;
  const [year, month] = match.slice(1).map(Number) as [number, number];
  return month >= 1 && month <= 12 ? { year, month } : null;
}

export function monthText({ year, month }: MonthParts): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/**
 * The twelve month names as a month picker lists them, in the UI's locale: «январь», not
 * «января» (the standalone form) and not the OS's language; capitalised as the locale writes them.
 */
export function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => {
    const parts = format.formatToParts(new Date(Date.UTC(2024, index, 15)));
    return parts.find((part) => part.type === 'month')?.value ?? pad(index + 1);
  });
}

/** The years a month picker offers: a decade back to next year, and the chosen one if outside. */
export function pickerYears(chosenYear: number, currentYear: number): number[] {
  const from = Math.min(chosenYear, currentYear - 10);
  const to = Math.max(chosenYear, currentYear + 1);
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
