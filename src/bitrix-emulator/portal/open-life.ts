/**
 * When an open request's steps happened. A desk that keeps up: most requests are younger than the
 * usual pace for their kind (counted in office time), a few are late, and a few were left alone
 * for days (they show as forgotten and breached). The last touch is recent for all but those.
 */
import { officeTimeAfter, officeTimeBefore } from './office-hours';
import type { Prng } from './prng';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type RequestKind = 'incident' | 'service' | 'change';

/** How fast this desk usually takes a request up and gets it done (office time). */
const PACE: Record<RequestKind, { takeUp: number; finish: number }> = {
  incident: { takeUp: 25 * MINUTE, finish: 7 * HOUR },
  service: { takeUp: 3.5 * HOUR, finish: 24 * HOUR },
  change: { takeUp: 8 * HOUR, finish: 80 * HOUR },
};

/** Shares of open requests left alone for days, and of those merely late. */
const NEGLECTED = 0.045;
const LATE = 0.04;
/** Stoppers and what follows them were set lately (within these hours of the last touch). */
const RECENT_HOURS = 6;

export interface OpenLifeInput {
  now: number;
  utcOffsetMinutes: number;
  kind: RequestKind;
  /** Steps of the task's life, the first being its creation. */
  stepCount: number;
  /** The step that took it out of the first stage; null while it is still there. */
  takeUpStep: number | null;
  /** The first of the steps done lately (a stopper set); null if none. */
  recentFrom: number | null;
}

export interface OpenLife {
  createdDate: number;
  /** One instant per step, in order; the first is the creation. */
  times: number[];
  /** An on-time request's deadline lies ahead; late ones keep what they were given. */
  onTime: boolean;
}

export function openLife(rng: Prng, input: OpenLifeInput): OpenLife {
  const { now, utcOffsetMinutes: offset } = input;
  const pace = PACE[input.kind];
  const roll = rng.next();
  const fate = roll < NEGLECTED ? 'neglected' : roll < NEGLECTED + LATE ? 'late' : 'on-time';
  const waiting = input.takeUpStep === null;
  const target = waiting ? pace.takeUp : pace.finish;
  // On time: mostly well inside the pace (the power skews towards young), a few close to it.
  // Late: a little past it; neglected: far past it.
  const officeAge = fate === 'on-time' ? Math.max(3 * MINUTE, target * rng.next() ** 1.3) : target * (fate === 'late' ? 1.15 + rng.next() : 1.5 + rng.next() * 5);
  // Touched lately: mostly within the hour or two, now and then half a day ago.
  const quiet = fate === 'neglected' ? (1.3 + rng.next() * 6) * DAY : (5 + rng.next() ** 2 * (waiting ? 100 : 420)) * MINUTE;
  let created = officeTimeBefore(now, officeAge, offset);
  let lastAt = now - quiet;
  // A request still waiting to be taken up came in lately (before that, nobody looked at it).
  if (waiting && fate !== 'neglected') created = Math.max(created, lastAt);
  if (fate === 'neglected') created = Math.min(created, officeTimeBefore(lastAt, target * 0.5, offset));
  if (lastAt <= created) lastAt = created + (now - created) * (0.3 + 0.6 * rng.next());
  const takeUpOffice = fate === 'on-time' || rng.chance(0.5) ? pace.takeUp * (0.1 + 0.75 * rng.next()) : pace.takeUp * (1.3 + 2 * rng.next());
  const takenUp = Math.min(officeTimeAfter(created, takeUpOffice, offset), lastAt);

  const times = [created];
  if (input.takeUpStep === null) {
    times.push(...spread(rng, created, lastAt, input.stepCount - 1, input.recentFrom === null ? null : input.recentFrom - 1));
  } else {
    times.push(...spread(rng, created, takenUp, input.takeUpStep - 1, null, false), takenUp);
    const after = input.stepCount - input.takeUpStep - 1;
    times.push(...spread(rng, takenUp, lastAt, after, input.recentFrom === null ? null : input.recentFrom - input.takeUpStep - 1));
  }
  return { createdDate: floorSecond(created), times: times.map(floorSecond), onTime: fate === 'on-time' };
}

/**
 * `count` sorted instants in (from, to]; the last is `to` unless told otherwise. From index
 * `recentFrom` on they fall within the last hours before `to`.
 */
function spread(rng: Prng, from: number, to: number, count: number, recentFrom: number | null, pinLast = true): number[] {
  if (count <= 0) return [];
  const recentStart = Math.max(from, to - RECENT_HOURS * HOUR);
  const split = recentFrom === null ? count : Math.max(0, Math.min(count, recentFrom));
  const earlyEnd = recentFrom === null ? to : recentStart;
  const early = Array.from({ length: split }, () => from + rng.next() * (earlyEnd - from)).sort((a, b) => a - b);
  const late = Array.from({ length: count - split }, () => recentStart + rng.next() * (to - recentStart)).sort((a, b) => a - b);
  const times = [...early, ...late];
  if (pinLast) times[times.length - 1] = to;
  return times;
}

function floorSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
