/**
 * The portal going away and a restart while it is away, on a 21,000-task portal, measured from
 * outside as an agent meets it (emulator, browser-mode host and Chromium in their own processes):
 *
 * - `away`: the portal stops answering (connections refused) → how long until the status bar says
 *   so, and the host's CPU while it stays away (its retries back off);
 * - `offlineRestart`: the host is restarted with the portal still away → first cards from the local
 *   store, the status bar's reason, and whether a card, its LU timer and its drawer's times are what
 *   they were (LU grown by the wall time that passed, not reset or shifted by a time zone);
 * - `back`: the portal answers again → time until the status bar says so, and what the return cost
 *   the portal in the 20 s after it (a reconcile of IDs, not a second first sync).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, SYNCED, VIEWPORT, countDelta, cpuSeconds, pollPage, requestCounts, requireWeb, spawnEmulator, waitForQuietCycles, type EmulatorProcess, type WebHost } from './support';

const PORTAL_TASKS = Number(process.env.PULT_BENCH_OUTAGE_TASKS ?? 21_000);
const AWAY_S = Number(process.env.PULT_BENCH_AWAY_S ?? 120);
const STATUS_TIMEOUT_MS = 60_000;
const UNREACHABLE = `(document.querySelector('[role=status]')?.textContent ?? '').includes('Портал недоступен')`;
const FIRST_CARD = `Boolean(document.querySelector('.board .card'))`;

async function setUnreachable(emulator: EmulatorProcess, unreachable: boolean): Promise<void> {
  const response = await fetch(`${emulator.portalUrl}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ unreachable }) });
  if (!response.ok) throw new Error(`/_emulator/faults answered ${response.status}`);
}

/** "2д 4ч", "3ч 05м", "12м", "45с" back to seconds (the card timers' format). */
function durationSeconds(text: string): number {
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)\s*([дчмс])/g)) total += Number(n) * (unit === 'д' ? 86_400 : unit === 'ч' ? 3600 : unit === 'м' ? 60 : 1);
  return total;
}

/** A card's text without its running timers (they move between two looks). */
function withoutTimers(text: string): string {
  return text.replace(/(LU|WIA)\s*[\dдчмс ]+/g, '$1');
}

interface CardLook {
  text: string;
  luSeconds: number;
  drawerTimes: string[];
  at: number;
}

async function lookAtCard(page: Page, taskId: string): Promise<CardLook> {
  const card = page.locator(`.board [data-task-id="${taskId}"]`).first();
  const text = await card.innerText();
  const luSeconds = durationSeconds((await card.getByRole('timer', { name: 'LU' }).textContent()) ?? '');
  await card.click();
  const drawer = page.getByRole('dialog', { name: new RegExp(`^Заявка ${taskId}:`) });
  await drawer.waitFor({ state: 'visible', timeout: 30_000 });
  // The drawer's own reads finish (from the portal or the store) before its times are read.
  await page.waitForTimeout(2_000);
  const drawerTimes = await drawer.locator('time').allInnerTexts();
  await page.keyboard.press('Escape');
  return { text: withoutTimers(text), luSeconds, drawerTimes, at: Date.now() };
}

export async function benchOutage() {
  const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const emulator = await spawnEmulator(PORTAL_TASKS, 'box');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-bench-outage-'));
  let browser: Browser | null = null;
  let host: WebHost | null = null;
  const pageErrors: string[] = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    host = await requireWeb(dataDir, emulator);
    await page.goto(host.url);
    if ((await pollPage(page, SYNCED, 300_000, 100)) === null) throw new Error('the board did not show synced cards in 5 minutes');
    // The extras catch-up ends first, so that what the return costs is the return's own.
    const caughtUp = await waitForQuietCycles(emulator, 15, 20 * 60_000, 'outage catch-up');
    // The first card of the board, looked at as an agent would (text, LU, the drawer's times).
    const taskId = (await page.locator('.board [data-task-id]').first().getAttribute('data-task-id'))!;
    const before = await lookAtCard(page, taskId);

    // The portal goes away.
    await setUnreachable(emulator, true);
    const awayFrom = Date.now();
    const msToUnreachableShown = await pollPage(page, UNREACHABLE, STATUS_TIMEOUT_MS);
    const cpuBefore = cpuSeconds(host.pid, ticksPerSecond);
    const cpuFrom = Date.now();
    await page.waitForTimeout(AWAY_S * 1000);
    const awayCpuPercent = ((cpuSeconds(host.pid, ticksPerSecond) - cpuBefore) / ((Date.now() - cpuFrom) / 1000)) * 100;
    const stillShownAfterAway = Boolean(await page.evaluate(UNREACHABLE));

    // Restarted while the portal is still away: everything from the local store.
    await host.stop();
    host = await requireWeb(dataDir, emulator);
    const loadFrom = Date.now();
    await page.goto(host.url);
    const firstCardsAt = (await pollPage(page, FIRST_CARD, 60_000)) === null ? null : Date.now();
    const msToReasonShown = await pollPage(page, UNREACHABLE, STATUS_TIMEOUT_MS);
    const after = await lookAtCard(page, taskId);
    const wallSeconds = (after.at - before.at) / 1000;
    const offlineRestart = {
      processStartToFirstCardsMs: firstCardsAt === null ? null : firstCardsAt - host.spawnedAt,
      pageLoadToFirstCardsMs: firstCardsAt === null ? null : firstCardsAt - loadFrom,
      // After the first cards.
      msToReasonShown,
      cardTextSame: after.text === before.text,
      drawerTimesSame: JSON.stringify(after.drawerTimes) === JSON.stringify(before.drawerTimes),
      drawerTimesCount: after.drawerTimes.length,
      luBeforeS: before.luSeconds,
      luAfterS: after.luSeconds,
      wallSecondsBetween: Math.round(wallSeconds),
      // The card shows minutes: within two of them of the wall time that passed.
      luFollowsWallClock: Math.abs(after.luSeconds - before.luSeconds - wallSeconds) <= 120,
    };

    // The portal is back.
    const countsBefore = await requestCounts(emulator);
    await setUnreachable(emulator, false);
    const backFrom = Date.now();
    const msToOnlineShown = await pollPage(page, `!(${UNREACHABLE})`, 120_000);
    // The cycle after the return settles too (extras of tasks changed while away).
    await page.waitForTimeout(20_000);
    const countsAfter = await requestCounts(emulator);
    const byMethod = countDelta(countsBefore.byMethod, countsAfter.byMethod);
    const batchedByMethod = countDelta(countsBefore.batchedByMethod, countsAfter.batchedByMethod);

    return {
      portalTasks: PORTAL_TASKS,
      caughtUp,
      taskId,
      away: { msToUnreachableShown, seconds: AWAY_S, hostCpuPercent: Math.round(awayCpuPercent * 100) / 100, stillShown: stillShownAfterAway, since: new Date(awayFrom).toISOString() },
      offlineRestart,
      back: { msToOnlineShown, requestsIn20sAfter: countsAfter.total - countsBefore.total, byMethod, batchedByMethod, since: new Date(backFrom).toISOString() },
      pageErrors: pageErrors.slice(0, 5),
      hostStderr: host.stderr().trim().split('\n').filter(Boolean).slice(0, 5),
    };
  } finally {
    await browser?.close().catch(() => undefined);
    await host?.stop().catch(() => undefined);
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
