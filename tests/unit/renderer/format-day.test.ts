import { describe, expect, it } from 'vitest';
import { formatDay, formatDayKey } from '../../../src/renderer/shared-ui/format';

describe('a day off the portal (a certificate’s expiry)', () => {
  it('reads day first in both languages, never as the OS locale would write it', () => {
    const iso = new Date(2027, 11, 1, 12, 0).toISOString();
    expect(formatDay(iso, 'ru')).toBe('01.12.2027');
    expect(formatDay(iso, 'en')).toBe('01/12/2027');
  });

  it('shows what it cannot read as given', () => {
    expect(formatDay('someday', 'ru')).toBe('someday');
  });
});

describe('a day key (a holiday in the settings)', () => {
  it('is written day first as the UI language writes it', () => {
    expect(formatDayKey('2026-05-01', 'ru')).toBe('01.05.2026');
    expect(formatDayKey('2026-05-01', 'en')).toBe('01/05/2026');
  });

  it('shows what is not a day key as given', () => {
    expect(formatDayKey('01.05.2025', 'ru')).toBe('01.05.2025');
  });
});
