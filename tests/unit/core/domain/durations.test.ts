import { describe, expect, it } from 'vitest';
import { formatDuration, MINUS } from '../../../../src/core/domain/durations';

describe('formatDuration', () => {
  it.each([
    [0, '0с', '0s'],
    [45, '45с', '45s'],
    [59.9, '59с', '59s'],
    [60, '1м', '1m'],
    [12 * 60 + 59, '12м', '12m'],
    [3600, '1ч 00м', '1h 00m'],
    [3 * 3600 + 5 * 60, '3ч 05м', '3h 05m'],
    [23 * 3600 + 59 * 60 + 59, '23ч 59м', '23h 59m'],
    [86_400, '1д 0ч', '1d 0h'],
    [2 * 86_400 + 4 * 3600 + 59 * 60, '2д 4ч', '2d 4h'],
    [-(3600 + 20 * 60), '\u22121ч 20м', '\u22121h 20m'],
    [-0.4, '0с', '0s'],
  ])('%d s -> %s / %s', (seconds, ru, en) => {
    expect(formatDuration(seconds, 'ru')).toBe(ru);
    expect(formatDuration(seconds, 'en')).toBe(en);
  });

  it('uses the real minus sign U+2212, not a hyphen', () => {
    expect(MINUS.codePointAt(0)).toBe(0x2212);
    expect(formatDuration(-60)).not.toContain('-');
  });
});
