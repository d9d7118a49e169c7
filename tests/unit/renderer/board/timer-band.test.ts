import { describe, expect, it } from 'vitest';
import { timerBand, timerSeconds } from '../../../../src/renderer/board/timer-band';

const threshold = { warnMinutes: 60, alertMinutes: 240 };

describe('timer band', () => {
  it('counts seconds from the anchor on the portal clock, never below zero', () => {
    expect(timerSeconds({ since: 1_000, frozenSeconds: null, threshold }, 61_500)).toBe(60);
    expect(timerSeconds({ since: 5_000, frozenSeconds: null, threshold }, 1_000)).toBe(0);
    expect(timerSeconds({ since: null, frozenSeconds: null, threshold }, 1_000)).toBeNull();
  });

  it('is ok below warn, warn from warn, alert from alert', () => {
    const at = (minutes: number) => timerBand({ since: 0, frozenSeconds: null, threshold }, minutes * 60_000);
    expect(at(59)).toBe('ok');
    expect(at(60)).toBe('warn');
    expect(at(239)).toBe('warn');
    expect(at(240)).toBe('alert');
  });

  it('keeps a frozen timer and a role without thresholds neutral', () => {
    expect(timerBand({ since: null, frozenSeconds: 10 ** 6, threshold }, 0)).toBe('ok');
    expect(timerSeconds({ since: null, frozenSeconds: 42, threshold }, 10 ** 9)).toBe(42);
    expect(timerBand({ since: 0, frozenSeconds: null, threshold: null }, 10 ** 9)).toBe('ok');
  });
});
