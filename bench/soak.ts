/**
 * `npm run bench -- soak`: the e2e soak day (tests/e2e/support/soak-day.ts) made longer — 32
 * half-hour steps (16 portal hours), sampled after a warm-up of 4, every 8 steps and at the end — and
 * printed as figures instead of asserted: the renderer's and the host's heaps, RSS, listeners and
 * timers, and their growth from warm-up to end in per cent.
 */
import { chromium } from '@playwright/test';
import { growthPercent, startSoak, type Soak, type SoakSample } from '../tests/e2e/support/soak-day';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT } from './support';

const WARMUP_STEPS = 4;
const STEPS = 32;
const SAMPLE_EVERY = 8;

export async function benchSoak(): Promise<unknown> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  let soak: Soak | undefined;
  try {
    const page = await (await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' })).newPage();
    const startedAt = Date.now();
    soak = await startSoak(page);
    const samples: (SoakSample & { step: number })[] = [];
    for (let i = 0; i < STEPS; i++) {
      await soak.step(i);
      if (i + 1 === WARMUP_STEPS || i + 1 === STEPS || (i + 1 > WARMUP_STEPS && (i + 1 - WARMUP_STEPS) % SAMPLE_EVERY === 0)) samples.push({ step: i + 1, ...(await soak.sample()) });
    }
    const warm = samples[0]!;
    const end = samples.at(-1)!;
    return {
      steps: STEPS,
      portalHours: STEPS / 2,
      warmupSteps: WARMUP_STEPS,
      changes: soak.changes(),
      missingChanges: (await soak.missingChanges()).length,
      wallSeconds: Math.round((Date.now() - startedAt) / 1000),
      growth: {
        rendererHeapPct: growthPercent(warm.rendererHeap, end.rendererHeap),
        hostHeapPct: growthPercent(warm.hostHeap, end.hostHeap),
        hostRssPct: growthPercent(warm.hostRss, end.hostRss),
        listeners: end.listeners - warm.listeners,
        rendererIntervals: end.rendererIntervals - warm.rendererIntervals,
        rendererTimeouts: end.rendererTimeouts - warm.rendererTimeouts,
        hostTimers: end.hostTimers - warm.hostTimers,
      },
      samples,
    };
  } finally {
    await soak?.stop();
    await browser.close();
  }
}
