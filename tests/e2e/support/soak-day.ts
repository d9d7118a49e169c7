/**
 * A long day, compressed: browser mode on the emulator (webhook, sign-in in memory) while portal
 * time runs in half-hour steps, colleagues rename tasks, the portal drops out and comes back and
 * the drawer is opened and closed again and again. Samples what would grow if something leaked:
 * the renderer's heap, listeners and timers (over CDP and a counting init script), and the host's
 * heap, timers and RSS (a probe in every host thread, see host-memory-probe.mjs). Shared by
 * tests/e2e/soak.spec.ts and `npm run bench -- soak`.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { seededRandom } from '../../support/fake-clock';
import { startPortalProcess, type PortalProcess } from './portal-process';
import { startWebMode, type WebMode } from './web-mode';

export interface SoakSample {
  rendererHeap: number;
  listeners: number;
  rendererIntervals: number;
  rendererTimeouts: number;
  hostHeap: number;
  hostThreads: number;
  hostTimers: number;
  hostRss: number;
}

export interface Soak {
  portal: PortalProcess;
  web: WebMode;
  /** One half-hour of portal time: a rename, the drawer twice; every fourth also the portal away and back. */
  step(index: number): Promise<void>;
  sample(): Promise<SoakSample>;
  /** Tasks renamed on the portal whose last title is not on the board. */
  missingChanges(): Promise<string[]>;
  changes(): number;
  stop(): Promise<void>;
}

const STEP_SECONDS = 1800;
const WAIT_MS = 20_000;

/**
 * Counts the page's live intervals and pending timeouts, installed before the app's code runs
 * (a string: the bench compiles this file without the DOM's types).
 */
const COUNT_TIMERS = `(() => {
  const live = { intervals: new Set(), timeouts: new Set() };
  window.__timers = live;
  const { setInterval: si, clearInterval: ci, setTimeout: st, clearTimeout: ct } = window;
  window.setInterval = (handler, ms, ...rest) => {
    const id = si(handler, ms, ...rest);
    live.intervals.add(id);
    return id;
  };
  window.clearInterval = (id) => {
    live.intervals.delete(id);
    ci(id);
  };
  window.setTimeout = (handler, ms, ...rest) => {
    const id = st((...args) => {
      live.timeouts.delete(id);
      if (typeof handler === 'function') handler(...args);
    }, ms, ...rest);
    live.timeouts.add(id);
    return id;
  };
  window.clearTimeout = (id) => {
    live.timeouts.delete(id);
    ct(id);
  };
})();`;

async function listenerCount(cdp: CDPSession): Promise<number> {
  let total = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    // On document the whole tree: React's root listeners and any a component left behind.
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, ...(expression === 'document' ? { depth: -1, pierce: true } : {}) });
    total += listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
  }
  return total;
}

interface ProbeLine {
  seq: number;
  rss: number;
  threads: { main: boolean; heapUsed: number; timers: number }[];
}

async function waitFor<T>(what: string, get: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startSoak(page: Page, seed = 8): Promise<Soak> {
  const probeFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-soak-probe-')), 'memory.jsonl');
  const portal = await startPortalProcess();
  const web = await startWebMode(['--secrets', 'memory'], undefined, undefined, {
    nodeArgs: ['--expose-gc', '--import', path.resolve('tests/e2e/support/host-memory-probe.mjs')],
    env: { PULT_MEMORY_PROBE_FILE: probeFile },
  });
  const random = seededRandom(seed);
  const renamed = new Map<string, string>();
  let probes = 0;

  async function rest(method: string, params: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${portal.webhookUrl}${method}.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
    if (!response.ok) throw new Error(`${method}: ${response.status} ${await response.text()}`);
  }
  async function control(route: string, body: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${portal.portalUrl}/_emulator/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`/_emulator/${route}: ${response.status}`);
  }
  const syncNow = () => page.getByRole('button', { name: 'Синхронизировать сейчас' }).click();
  const status = page.getByRole('status').filter({ hasText: /В сети|Портал недоступен/ });

  await page.context().addInitScript({ content: COUNT_TIMERS });
  await page.goto(web.url);
  await page.getByLabel('Входящий вебхук', { exact: true }).check();
  await page.getByLabel('Адрес портала').fill(portal.portalUrl);
  await page.getByLabel('Адрес вебхука').fill(portal.webhookUrl);
  await page.getByRole('button', { name: 'Подключиться', exact: true }).click();
  await page.getByRole('heading', { name: 'Какие группы показывать' }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Далее' }).click();
  await page.getByRole('button', { name: 'Готово' }).click();
  await page.locator('[data-task-id]').first().waitFor({ timeout: 30_000 });
  const ids = (await page.locator('[data-task-id]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-task-id') ?? ''))).filter(Boolean).slice(0, 12);
  const cdp = await page.context().newCDPSession(page);

  return {
    portal,
    web,
    changes: () => renamed.size,
    async step(index) {
      await control('clock', { advanceSeconds: STEP_SECONDS });
      const id = ids[Math.floor(random.next() * ids.length)]!;
      const title = `Заявка ${id}: шаг ${index + 1}, ${Math.floor(random.next() * 1e6)}`;
      await rest('tasks.task.update', { taskId: id, fields: { TITLE: title } });
      renamed.set(id, title);
      await syncNow();
      const card = page.locator(`[data-task-id="${id}"]`);
      await card.filter({ hasText: title }).waitFor({ timeout: WAIT_MS });
      for (let open = 0; open < 2; open++) {
        await card.click();
        await page.getByRole('dialog').waitFor({ timeout: WAIT_MS });
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: WAIT_MS });
      }
      if (index % 4 === 2) {
        await control('faults', { unreachable: true });
        await syncNow();
        await status.filter({ hasText: 'Портал недоступен' }).waitFor({ timeout: 30_000 });
        await control('faults', { unreachable: false });
        await syncNow();
        await status.filter({ hasText: 'В сети' }).waitFor({ timeout: 30_000 });
      }
    },
    async sample() {
      // The same quiet state each time: online, drawer closed, a sync just done.
      await syncNow();
      await status.filter({ hasText: 'В сети' }).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const listeners = await listenerCount(cdp);
      const timers = (await page.evaluate('({ intervals: window.__timers.intervals.size, timeouts: window.__timers.timeouts.size })')) as { intervals: number; timeouts: number };
      probes += 1;
      process.kill(web.pid, 'SIGUSR2');
      const seq = probes;
      const host = await waitFor('the host memory probe', () => {
        if (!existsSync(probeFile)) return undefined;
        const lines = readFileSync(probeFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ProbeLine);
        return lines.find((line) => line.seq === seq);
      });
      return {
        rendererHeap: usedSize,
        listeners,
        rendererIntervals: timers.intervals,
        rendererTimeouts: timers.timeouts,
        hostHeap: host.threads.reduce((sum, thread) => sum + thread.heapUsed, 0),
        hostThreads: host.threads.length,
        hostTimers: host.threads.reduce((sum, thread) => sum + thread.timers, 0),
        hostRss: host.rss,
      };
    },
    async missingChanges() {
      const missing: string[] = [];
      for (const [id, title] of renamed) {
        const text = await page.locator(`[data-task-id="${id}"]`).first().innerText().catch(() => '');
        if (!text.includes(title)) missing.push(`${id}: ${title}`);
      }
      return missing;
    },
    async stop() {
      await cdp.detach().catch(() => undefined);
      await web.stop();
      await portal.stop();
    },
  };
}

/** Relative growth from warm to end, in per cent (one decimal). */
export function growthPercent(warm: number, end: number): number {
  return Math.round(((end - warm) / warm) * 1000) / 10;
}
