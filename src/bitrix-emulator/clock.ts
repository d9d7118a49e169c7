import type { EmulatorClock } from './contract';

/** The emulator's clock: real time plus an offset that `advance` adds to (tests age data with it). */
export interface OffsetClock extends EmulatorClock {
  offsetSeconds(): number;
}

export function createClock(initialOffsetSeconds = 0): OffsetClock {
  let offsetMs = initialOffsetSeconds * 1000;
  return {
    // The one place real time enters the emulator; everything else reads this clock.
    now: () => Date.now() + offsetMs,
    advance(seconds: number) {
      if (!Number.isFinite(seconds)) throw new RangeError('advance: seconds must be finite');
      offsetMs += seconds * 1000;
    },
    offsetSeconds: () => offsetMs / 1000,
  };
}
