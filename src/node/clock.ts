import { setTimeout as delay } from 'node:timers/promises';
import type { Clock, Random } from '../core/ports';

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => delay(ms).then(() => undefined),
};

export const systemRandom: Random = { next: () => Math.random() };
