import { setTimeout as delay } from 'node:timers/promises';
import type { Clock, Random } from '../core/ports';

export const systemClock: Clock = {
  now: () => Date.now(),
  // Unref'ed: a pending poll wait never keeps a finished process alive.
  sleep: (ms) => delay(ms, undefined, { ref: false }).then(() => undefined),
};

export const systemRandom: Random = { next: () => Math.random() };
