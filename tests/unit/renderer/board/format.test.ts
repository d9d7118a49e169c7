import { describe, expect, it } from 'vitest';
import { formatPortalDate } from '../../../../src/renderer/board/format';

describe('a card deadline', () => {
  // 2025-03-12 21:05 UTC: 13 March 00:05 in Moscow (UTC+3), still 12 March in UTC-5.
  const at = Date.UTC(2025, 2, 12, 21, 5);

  it('reads as the portal’s wall clock, day first, in 24 hours', () => {
    expect(formatPortalDate(at, 180, 'ru')).toBe('13.03 00:05');
    expect(formatPortalDate(at, -300, 'ru')).toBe('12.03 16:05');
    expect(formatPortalDate(at, 0, 'en')).toBe('12/03 21:05');
  });

  it('matches what Intl writes for the same wall clock', () => {
    const intl = (language: 'ru-RU' | 'en-GB', offset: number) =>
      new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(at + offset * 60_000)).replace(',', '');
    expect(formatPortalDate(at, 180, 'ru')).toBe(intl('ru-RU', 180));
    expect(formatPortalDate(at, 180, 'en')).toBe(intl('en-GB', 180));
  });
});
