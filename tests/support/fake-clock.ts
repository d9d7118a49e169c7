import type { Clock, Random } from '../../src/core/ports';

/** Virtual time: `sleep` advances the clock at once and records the wait, so retry policies run instantly. */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public time = Date.UTC(2026, 0, 15, 9, 0, 0)) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

/** A deterministic Random (mulberry32). */
export function seededRandom(seed = 42): Random {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
