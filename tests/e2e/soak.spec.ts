/**
 * A long day, compressed: eight portal hours in half-hour steps on the emulator, in browser mode —
 * colleagues' renames arriving, the portal away and back, the drawer opened and closed 32 times.
 * After a warm-up, nothing may grow: the renderer's and the host's heaps by at most 10 %, listener
 * and timer counts not at all; every rename made on the portal is on the board at the end, and no
 * token or secret reached the data folder or the logs.
 */
import { expect, test } from '@playwright/test';
import { expectNoSecretsOnDisk } from './support/secret-scan';
import { growthPercent, startSoak, type Soak } from './support/soak-day';

// Two outages and 16 drawer openings in: the renderer's heap settles (npm run bench -- soak shows the curve).
const WARMUP_STEPS = 8;
const STEPS = 16; // 16 × 30 portal minutes = 8 hours

let soak: Soak | undefined;
test.afterAll(async () => {
  await soak?.stop();
});

test('eight portal hours: heaps grow ≤ 10 % after warm-up, listeners and timers stay flat, every change is on the board', async ({ page }) => {
  test.setTimeout(120_000);
  soak = await startSoak(page);
  for (let i = 0; i < WARMUP_STEPS; i++) await soak.step(i);
  const warm = await soak.sample();
  for (let i = WARMUP_STEPS; i < STEPS; i++) await soak.step(i);
  const end = await soak.sample();

  const growth = {
    rendererHeapPct: growthPercent(warm.rendererHeap, end.rendererHeap),
    hostHeapPct: growthPercent(warm.hostHeap, end.hostHeap),
    hostRssPct: growthPercent(warm.hostRss, end.hostRss),
  };
  console.log(`soak: ${JSON.stringify({ steps: STEPS, changes: soak.changes(), warm, end, growth })}`);
  expect(end.hostThreads).toBe(2);
  expect(growth.rendererHeapPct).toBeLessThanOrEqual(10);
  expect(growth.hostHeapPct).toBeLessThanOrEqual(10);
  expect(end.listeners).toBeLessThanOrEqual(warm.listeners);
  expect(end.rendererIntervals).toBeLessThanOrEqual(warm.rendererIntervals);
  expect(end.rendererTimeouts).toBeLessThanOrEqual(warm.rendererTimeouts);
  expect(end.hostTimers).toBeLessThanOrEqual(warm.hostTimers);
  expect(await soak.missingChanges()).toEqual([]);
  await expectNoSecretsOnDisk(soak.portal.portalUrl, [soak.web.dataDir]);
});
