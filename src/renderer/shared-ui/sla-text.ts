/**
 * What an SLA mark says: the target and the time left (or over), in the SLA's own counted time
 * (working hours when the target counts working time). Short for the card, long for its title,
 * screen readers and the drawer. Hours and minutes only: a "day" of working time is ambiguous.
 */
import type { SlaMeasure, SlaMeasureName } from '../../core/domain/sla';
import { translate, type Language } from '../i18n';

export type SlaClock = 'working' | 'round-the-clock';

export interface SlaText {
  short: string;
  long: string;
}

/** "4ч", "1ч 20м", "20м", "27ч" (long: "4 ч", "1 ч 20 мин"); under a minute counts as one. */
export function formatSlaSpan(seconds: number, language: Language, long = false): string {
  const minutes = Math.max(1, Math.floor(Math.abs(seconds) / 60));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = translate(language, long ? 'sla.unit.long.h' : 'sla.unit.h');
  const m = translate(language, long ? 'sla.unit.long.m' : 'sla.unit.m');
  const space = long ? ' ' : '';
  // From ten hours on the minutes are noise.
  const parts = [hours > 0 ? `${hours}${space}${h}` : '', (rest > 0 && hours < 10) || hours === 0 ? `${rest}${space}${m}` : ''];
  return parts.filter(Boolean).join(' ');
}

export function slaText(measure: SlaMeasure & { name: SlaMeasureName }, clock: SlaClock, language: Language): SlaText | null {
  if (measure.targetSeconds === null || measure.remainingSeconds === null) return null;
  const over = measure.remainingSeconds < 0;
  const left = measure.remainingSeconds;
  const values = {
    measure: translate(language, `sla.measure.${measure.name}`),
    clock: clock === 'working' ? translate(language, 'sla.workingTime') : '',
  };
  const longKey = over ? (measure.stoppedAt === null ? 'sla.long.over' : 'sla.long.missed') : measure.stoppedAt === null ? 'sla.long.left' : 'sla.long.met';
  return {
    short: translate(language, over ? 'sla.short.over' : 'sla.short.left', { target: formatSlaSpan(measure.targetSeconds, language), time: formatSlaSpan(left, language) }),
    long: translate(language, longKey, { ...values, target: formatSlaSpan(measure.targetSeconds, language, true), time: formatSlaSpan(left, language, true) }),
  };
}
