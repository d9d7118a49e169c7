/** The seconds a timer shows at a moment, and its colour band (domain thresholds by stage role). */
import { band, type Band } from '../../core/domain/timers';
import type { Threshold } from '../../core/domain/settings';

export interface TimerAnchor {
  /** Counting from here while running. */
  since: number | null;
  /** A stopped timer's value (WIA of a done task). */
  frozenSeconds: number | null;
  threshold: Threshold | null;
}

export function timerSeconds(anchor: TimerAnchor, now: number): number | null {
  if (anchor.frozenSeconds !== null) return anchor.frozenSeconds;
  if (anchor.since === null) return null;
  return Math.max(0, Math.floor((now - anchor.since) / 1000));
}

/** A frozen timer is history, not a warning: it stays neutral. */
export function timerBand(anchor: TimerAnchor, now: number): Band {
  if (anchor.frozenSeconds !== null) return 'ok';
  return band(timerSeconds(anchor, now), anchor.threshold);
}
