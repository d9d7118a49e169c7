/**
 * Which bound group the wallboard shows: a pure function of the time since the board started, so
 * the rotation never drifts with slow renders and a reload continues on the same schedule.
 */

export const DEFAULT_ROTATION_SECONDS = 30;
/** The settings schema allows 5 s at least; anything smaller would make the board unreadable. */
const MIN_ROTATION_SECONDS = 5;

function periodMs(seconds: number): number {
  return Math.max(MIN_ROTATION_SECONDS, Number.isFinite(seconds) ? seconds : DEFAULT_ROTATION_SECONDS) * 1000;
}

/** The index of the group on screen at `now`; 0 when there is at most one group. */
export function rotationIndex(startedAt: number, now: number, seconds: number, count: number): number {
  if (count <= 1) return 0;
  const elapsed = Math.max(0, now - startedAt);
  return Math.floor(elapsed / periodMs(seconds)) % count;
}

/** Milliseconds until the next group comes up. */
export function msUntilNextRotation(startedAt: number, now: number, seconds: number): number {
  const period = periodMs(seconds);
  const elapsed = Math.max(0, now - startedAt);
  return period - (elapsed % period);
}
