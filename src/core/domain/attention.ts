/**
 * How loudly a task asks for attention: one rule for the card, the list, the drawer and the
 * wallboard, so that red stays rare and means "act now".
 *  - act (red): an SLA target missed, or the deadline of an open task passed;
 *  - warn (amber): an SLA target about to run out (the SLA's risk ratio used), or the task is
 *    forgotten (LU past the alert threshold, nobody responsible, a stopper set for too long);
 *  - notice (soft amber): a timer past its warn threshold, not yet at alert;
 *  - info (neutral blue): a stopper is set — somebody waits, on purpose;
 *  - none: nothing to say. A done task is history and never asks for attention.
 */
import type { SlaState } from './sla';
import type { Band } from './timers';

export type Attention = 'act' | 'warn' | 'notice' | 'info' | 'none';

const RANK: Record<Attention, number> = { none: 0, info: 1, notice: 2, warn: 3, act: 4 };

export interface AttentionFacts {
  done: boolean;
  sla: SlaState;
  overdue: boolean;
  forgotten: boolean;
  stopper: boolean;
}

export function louder(a: Attention, b: Attention): Attention {
  return RANK[a] >= RANK[b] ? a : b;
}

export function attentionRank(level: Attention): number {
  return RANK[level];
}

export function slaAttention(state: SlaState, done = false): Attention {
  if (done) return 'none';
  return state === 'breached' ? 'act' : state === 'risk' ? 'warn' : 'none';
}

export function deadlineAttention(overdue: boolean, done = false): Attention {
  return overdue && !done ? 'act' : 'none';
}

/** A timer is a measure, not an order: past alert it warns, past warn it notices. */
export function timerAttention(band: Band): Attention {
  return band === 'alert' ? 'warn' : band === 'warn' ? 'notice' : 'none';
}

/** The card's one level: the loudest of its marks (timers speak through "forgotten"). */
export function taskAttention(facts: AttentionFacts): Attention {
  if (facts.done) return 'none';
  let level: Attention = 'none';
  if (facts.stopper) level = louder(level, 'info');
  if (facts.forgotten) level = louder(level, 'warn');
  level = louder(level, slaAttention(facts.sla));
  level = louder(level, deadlineAttention(facts.overdue));
  return level;
}
