import { describe, expect, it } from 'vitest';
import { CalendarDate, CalendarDateTime, Time } from '@internationalized/date';
import { dateTimeText, dateTimeValue, dayText, dayValue, monthNames, monthText, monthValue, pickerYears, timeText, timeValue } from '../../../../src/renderer/shared-ui/date-values';
import { localeOf } from '../../../../src/renderer/i18n';

describe('the forms\' date strings and the pickers\' values', () => {
  it('reads and writes days, times, wall-clock date-times and months in the forms\' string forms', () => {
    expect(dayValue('2030-03-12')?.compare(new CalendarDate(2030, 3, 12))).toBe(0);
    expect(dayText(new CalendarDate(2030, 3, 2))).toBe('2030-03-02');
    expect(timeValue('08:05')?.compare(new Time(8, 5))).toBe(0);
    expect(timeText(new Time(20, 0))).toBe('20:00');
    expect(dateTimeValue('2030-03-12T18:00')?.compare(new CalendarDateTime(2030, 3, 12, 18, 0))).toBe(0);
    expect(dateTimeText(new CalendarDateTime(2030, 3, 12, 9, 5))).toBe('2030-03-12T09:05');
    expect(monthValue('2026-12')).toEqual({ year: 2026, month: 12 });
    expect(monthText({ year: 2026, month: 1 })).toBe('2026-01');
  });

  it('round-trips every form unchanged', () => {
    for (const text of ['2024-02-29', '1999-12-31']) expect(dayText(dayValue(text))).toBe(text);
    for (const text of ['00:00', '23:59']) expect(timeText(timeValue(text))).toBe(text);
    for (const text of ['2024-02-29T00:00', '2031-04-15T09:30']) expect(dateTimeText(dateTimeValue(text))).toBe(text);
  });

  it('takes no unreal or partial value: empty is none, 31 February and 24:00 are nothing', () => {
    for (const text of ['', '2030-02-31', '2030-13-01', '2023-02-29', '2030-3-12', '12.03.2030']) expect(dayValue(text)).toBeNull();
    for (const text of ['', '24:00', '12:60', '8:00', '08:00:00']) expect(timeValue(text)).toBeNull();
    for (const text of ['', '2030-03-12', '2030-03-12T24:00', '2030-02-30T10:00', '2030-03-12 18:00']) expect(dateTimeValue(text)).toBeNull();
    for (const text of ['', '2026-13', '2026-00', '2026-1']) expect(monthValue(text)).toBeNull();
    expect(dayText(null)).toBe('');
    expect(timeText(null)).toBe('');
    expect(dateTimeText(null)).toBe('');
  });
});

describe('month names for the month picker', () => {
  it('names the months in the UI language, as a list names them («декабрь», not «декабря»)', () => {
    const ru = monthNames(localeOf('ru'));
    expect(ru).toHaveLength(12);
    expect(ru[0]).toBe('январь');
    expect(ru[4]).toBe('май');
    expect(ru[11]).toBe('декабрь');
    expect(monthNames(localeOf('en'))[11]).toBe('December');
  });

  it('offers a decade back to next year, and a chosen year outside that too', () => {
    expect(pickerYears(2026, 2026)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(pickerYears(2010, 2026)[0]).toBe(2010);
    expect(pickerYears(2030, 2026).at(-1)).toBe(2030);
  });
});

describe('the locale of the UI language', () => {
  it('is Russian for the Russian UI and British English (day first, 24-hour) for the English one', () => {
    expect(localeOf('ru')).toBe('ru-RU');
    expect(localeOf('en')).toBe('en-GB');
  });
});
