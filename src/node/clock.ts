import type { Clock, Random } from '../core/ports';

export const systemClock: Clock = {
  now: () => Date.now(),
  // Ref'ed: a wait before a retry is work in progress. An unref'ed timer let Node end the headless
  // command mid-await (exit 13, nothing on stderr). Shutdown cuts the wait short through `signal`.
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    }),
};

export const systemRandom: Random = { next: () => Math.random() };
