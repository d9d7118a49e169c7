/**
 * The console in Chromium through browser mode (`scripts/web.ts`), on a portal whose first
 * Service Desk group holds more than 5,000 open cards:
 *
 * 1. cold start from the local store: a first web host syncs the portal into a data folder and is
 *    stopped; then the host is started again on that folder, the emulator is made unreachable
 *    (`/_emulator/faults {"unreachable":true}`) as soon as the host prints its start line, and the
 *    page is opened: navigation → first card painted, and process start → first card painted.
 *    (Browser mode cannot start without the portal: `connectWebhook` probes it first, and without
 *    `--portal` the webhook would have to come from the OS keychain. The bench checks this.)
 * 2. frame times while a card is dragged with the mouse across the columns for ~2 s (if that
 *    crashes the page, it is reported, the page reloaded, and a gentler drag measured);
 * 3. the main-thread cost of one 1 s clock tick, and which components rendered on it;
 * 4. the JS heap after load and after the drag (CDP `Performance.getMetrics`).
 *
 * The page is watched by `console-probe.ts`; the renderer is not changed for the bench.
 * `PULT_BENCH_PROFILE=1` adds CPU profiles (top self time) of the last load, the drag and the drop;
 * profiling slows the page, so figures from such a run are not the ones to publish.
 * `PULT_BENCH_RENDERER=<dir>` serves another built renderer (`web.ts --renderer`), to compare a change.
 * `PULT_BENCH_COLD_ONLY=1` stops after the cold starts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { PROBE_SCRIPT } from './console-probe';
import { startProfile, stopProfile } from './cpu-profile';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT, boardCount, requireWeb, spawnEmulator, startWeb, type EmulatorProcess, type WebHost } from './support';

/** Portal size: the seed spreads ~25 % of the tasks as open cards of the first Service Desk group. */
const PORTAL_TASKS = 21_000;
const MIN_OPEN_CARDS = 5_000;
/** Cold starts from the store (the figures are their median; each one is listed too). */
const COLD_STARTS = 3;
const TICKS = 20;
const DRAG_MS = 2_000;
/** Pixels per mouse move while dragging, one move every MOVE_INTERVAL_MS (a 125 Hz mouse). */
const DRAG_STEP_PX = 8;
const MOVE_INTERVAL_MS = 8;
const MAX_MOVES_IN_FLIGHT = 4;
const ZIGZAG = process.env.PULT_BENCH_ZIGZAG === '1';
/** A frame longer than two vsync intervals at 60 Hz has dropped at least one frame. */
const DROPPED_FRAME_MS = 33.4;
const PROFILE = Boolean(process.env.PULT_BENCH_PROFILE);
/** `PULT_BENCH_COLD_ONLY=1`: stop after the cold starts (a quick loop while working on them). */
const COLD_ONLY = process.env.PULT_BENCH_COLD_ONLY === '1';

/** The little of the DOM the page functions below touch (the bench's tsconfig has no DOM types). */
interface MiniElement {
  querySelector(selector: string): MiniElement | null;
}
interface MiniDocument extends MiniElement {
  querySelectorAll(selector: string): ArrayLike<MiniElement>;
}

async function openTasks(emulator: EmulatorProcess, filter: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${emulator.webhookUrl}tasks.task.list.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ filter, select: ['ID'] }),
  });
  const body = (await response.json()) as { total?: number; error?: string };
  if (body.total === undefined) throw new Error(`tasks.task.list: ${body.error ?? 'no total'}`);
  return body.total;
}

async function setUnreachable(emulator: EmulatorProcess, unreachable: boolean): Promise<void> {
  const response = await fetch(`${emulator.portalUrl}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ unreachable }) });
  if (!response.ok) throw new Error(`faults: HTTP ${response.status}`);
}

/** Uncaught errors and console errors of the bench's pages, reported with the figures. */
const pageErrors: string[] = [];

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message} at ${(error.stack ?? '').split('\n').slice(1, 6).map((line) => line.trim().replace(/\(.*\/assets\//, '(')).join(' ← ')}`));
  page.on('response', (response) => {
    if (response.status() >= 400) pageErrors.push(`HTTP ${response.status()} ${response.url().replace(/token=[^&]+/, 'token=…')}`);
  });
  page.on('console', (message) => {
    // Resource failures are listed by the response hook below (with the address).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${message.text().slice(0, 300)}`);
  });
  return { context, page };
}

function domCards(page: Page): Promise<number> {
  return page.evaluate(`document.querySelectorAll('[data-task-id]').length`) as Promise<number>;
}

async function heapMiB(cdp: CDPSession, collectGarbage: boolean): Promise<number> {
  if (collectGarbage) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return round(used / 2 ** 20, 1);
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function stats(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((s, v) => s + v, 0) / (values.length || 1);
  return { n: values.length, mean: round(mean, 2), p50: round(percentile(sorted, 50), 2), p95: round(percentile(sorted, 95), 2), max: round(sorted.at(-1) ?? NaN, 2) };
}

function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

interface ProbeFirstCard {
  firstCard: { inserted: number; painted: number | null } | null;
  fcp: number | null;
  timeOrigin: number;
  wire: { createdAt: number | null; openAt: number | null; firstSendAt: number | null; boardRequestAt: number | null; firstBoard: { at: number | null; chars: number }; biggest: { at: number | null; chars: number } };
}

/** Host start → page → first card painted; the page stays open for the rest of the bench. */
async function coldStart(browser: Browser, dataDir: string, emulator: EmulatorProcess, profile: boolean) {
  await setUnreachable(emulator, false);
  const host = await requireWeb(dataDir, emulator);
  // From here on every REST connection dies: what the page shows comes from the local store.
  await setUnreachable(emulator, true);
  const { context, page } = await newPage(browser);
  const cdp = await context.newCDPSession(page);
  // The renderer's own tallies (script, compile, style, layout) from navigation to the first card.
  await cdp.send('Performance.enable');
  if (profile) await startProfile(cdp);
  const navigatedAt = Date.now();
  await page.goto(host.url);
  await page.locator('[data-task-id]').first().waitFor({ state: 'visible', timeout: 120_000 });
  const playwrightMs = Date.now() - navigatedAt;
  await page.waitForFunction(() => (globalThis as unknown as { __pultBench: { firstCard: { painted: number | null } | null } }).__pultBench.firstCard?.painted != null);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const loadProfile = profile ? await stopProfile(cdp) : null;
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const rendererWork = {
    taskMs: round(metric('TaskDuration') * 1000),
    scriptMs: round(metric('ScriptDuration') * 1000),
    compileMs: round(metric('V8CompileDuration') * 1000),
    recalcStyleMs: round(metric('RecalcStyleDuration') * 1000),
    layoutMs: round(metric('LayoutDuration') * 1000),
    domNodes: metric('Nodes'),
  };
  const probe = (await page.evaluate(`({ firstCard: window.__pultBench.firstCard, fcp: window.__pultBench.fcp, timeOrigin: performance.timeOrigin, wire: window.__pultBench.wire, domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null, scriptResponseEnd: performance.getEntriesByType('resource').find((r) => r.initiatorType === 'script')?.responseEnd ?? null })`)) as ProbeFirstCard & { domContentLoaded: number | null; scriptResponseEnd: number | null };
  const painted = probe.firstCard!.painted!;
  const { boardRequestAt, firstBoard, biggest } = probe.wire;
  return {
    host,
    context,
    page,
    loadProfile,
    figures: {
      processStartToHostReadyMs: host.readyAt - host.spawnedAt,
      hostReadyToNavigationMs: Math.round(probe.timeOrigin - host.readyAt),
      // The page's steps: its script has come, has run (DOMContentLoaded), the socket is made, open, first used.
      navigationToScriptLoadedMs: probe.scriptResponseEnd === null ? null : round(probe.scriptResponseEnd),
      navigationToScriptRunMs: probe.domContentLoaded === null ? null : round(probe.domContentLoaded),
      navigationToSocketCreatedMs: probe.wire.createdAt === null ? null : round(probe.wire.createdAt),
      navigationToSocketOpenMs: probe.wire.openAt === null ? null : round(probe.wire.openAt),
      navigationToFirstCallMs: probe.wire.firstSendAt === null ? null : round(probe.wire.firstSendAt),
      navigationToBoardRequestMs: boardRequestAt === null ? null : round(boardRequestAt),
      // Host side: the first board page asked → it arrived; renderer side: → first card in the DOM.
      boardRequestToFirstPageMs: boardRequestAt === null || firstBoard.at === null ? null : round(firstBoard.at - boardRequestAt),
      firstPageToFirstCardInDomMs: firstBoard.at === null ? null : round(probe.firstCard!.inserted - firstBoard.at),
      firstPayloadMiB: round(firstBoard.chars / 2 ** 20, 3),
      largestFrameMiB: round(biggest.chars / 2 ** 20, 2),
      navigationToFirstCardInDomMs: round(probe.firstCard!.inserted),
      navigationToFirstCardPaintedMs: round(painted),
      navigationFirstContentfulPaintMs: probe.fcp === null ? null : round(probe.fcp),
      playwrightGotoToCardVisibleMs: playwrightMs,
      processStartToFirstCardPaintedMs: Math.round(probe.timeOrigin + painted - host.spawnedAt),
      // Counted up to when the probe was read, a little after the first card painted.
      rendererWork,
    },
  };
}

interface TickSample {
  callbackMs: number;
  reactMs: number;
  layoutMs: number;
  totalMs: number;
  renders: Record<string, number>;
  mutationsInTimers: number;
  mutationsOutsideTimers: number;
  timers: number;
}

async function measureTicks(page: Page) {
  await page.evaluate('window.__pultBench.startTicks()');
  await page.waitForTimeout(TICKS * 1000 + 600);
  const { ticks, longTasks } = (await page.evaluate('window.__pultBench.stopTicks()')) as { ticks: TickSample[]; longTasks: unknown[] };
  const renders: Record<string, number> = {};
  for (const tick of ticks) for (const [name, n] of Object.entries(tick.renders)) renders[name] = (renders[name] ?? 0) + n;
  const sum = (pick: (t: TickSample) => number) => ticks.reduce((s, t) => s + pick(t), 0);
  return {
    ticks: ticks.length,
    timerCellsInDom: ticks[0]?.timers ?? 0,
    tickMs: stats(ticks.map((t) => t.totalMs)),
    meanBreakdownMs: {
      storeUpdateAndSelectors: round(sum((t) => t.callbackMs) / (ticks.length || 1), 3),
      reactRenderCommit: round(sum((t) => t.reactMs) / (ticks.length || 1), 3),
      styleLayout: round(sum((t) => t.layoutMs) / (ticks.length || 1), 3),
    },
    // Components that performed work during the ticks, summed over all of them.
    componentRenders: renders,
    boardRenders: (renders.Board ?? 0) + (renders.BoardLayout ?? 0) + (renders.Column ?? 0) + (renders.Card ?? 0),
    ticksWithCommit: ticks.filter((t) => Object.keys(t.renders).length > 0).length,
    domMutationsOutsideTimers: sum((t) => t.mutationsOutsideTimers),
    domMutationsInTimers: sum((t) => t.mutationsInTimers),
    longTasks: longTasks.length,
  };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface FrameRecord {
  frames: number[];
  longTasks: { start: number; duration: number }[];
  loafs: { start: number; duration: number; blockingDuration: number; renderMs: number; styleAndLayoutMs: number; scripts: { invoker: string; fn: string; duration: number; forcedStyleAndLayout: number }[] }[];
}

function frameStats(record: FrameRecord) {
  const deltas = record.frames.slice(1).map((t, i) => t - record.frames[i]!);
  const s = stats(deltas);
  return {
    frames: deltas.length,
    frameMs: { p50: s.p50, p95: s.p95, max: s.max, mean: s.mean },
    droppedFrames: deltas.filter((d) => d > DROPPED_FRAME_MS).length,
    longTasks: record.longTasks.length,
    longestFrames: [...record.loafs]
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((f) => ({
        ms: round(f.duration),
        renderMs: round(f.renderMs),
        styleAndLayoutMs: round(f.styleAndLayoutMs),
        scripts: [...f.scripts]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 2)
          .map((sc) => ({ invoker: sc.invoker, fn: sc.fn, ms: round(sc.duration) })),
      })),
  };
}

/** Press on the first card of the first column, then sweep across the open columns for DRAG_MS, then drop. */
/**
 * `mouse-rate`: across every open column and back, a move every 8 ms sent straight to CDP (a real
 * mouse's rate). `awaited`: between the first two columns, each move awaited (Playwright's pace,
 * ~35 ms a move here): the gentler drag, measured when the first one crashes the page.
 */
async function measureDrag(page: Page, cdp: CDPSession, mode: 'mouse-rate' | 'awaited') {
  const columns = (await page.evaluate(
    `[...document.querySelectorAll('.board > .column')].map((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height, folded: el.classList.contains('column--folded'), title: el.getAttribute('aria-label') }; })`,
  )) as (Box & { folded: boolean; title: string })[];
  const open = columns.filter((c) => !c.folded);
  if (open.length < 2) throw new Error('the board has fewer than two open columns');
  const card = page.locator('.board > .column').first().locator('[data-task-id]').first();
  const taskId = (await card.getAttribute('data-task-id'))!;
  const box = (await card.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cardsBefore = await domCards(page);

  await page.evaluate('window.__pultBench.startCounting()');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 10, start.y + 4, { steps: 4 });
  await page.evaluate('window.__pultBench.startFrames()');
  if (PROFILE) await startProfile(cdp);
  // Across every open column and back (0, 1, …, n-1, n-2, …, 1, 0, …), zigzagging over the cards,
  // DRAG_STEP_PX a move every MOVE_INTERVAL_MS, as a mouse reports. The moves go straight to CDP
  // without waiting for each answer: Playwright's mouse.move awaits every step (~35 ms a step
  // here), half the rate of a real mouse. At most MAX_MOVES_IN_FLIGHT are outstanding.
  const lanes = mode === 'mouse-rate' ? open : open.slice(0, 2);
  const sweep = [...lanes.keys(), ...[...lanes.keys()].reverse().slice(1, -1)];
  const path: { x: number; y: number }[] = [];
  let from = { x: start.x + 10, y: start.y + 4 };
  for (let leg = 0; path.length < (DRAG_MS / MOVE_INTERVAL_MS) * 2; leg++) {
    const column = lanes[sweep[(leg + 1) % sweep.length]!]!;
    const to = { x: column.x + column.width / 2, y: start.y + (ZIGZAG ? (leg % 2 === 0 ? 320 : 40) : 40) };
    const steps = Math.max(2, Math.round(Math.hypot(to.x - from.x, to.y - from.y) / DRAG_STEP_PX));
    for (let i = 1; i <= steps; i++) path.push({ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps });
    from = to;
  }
  const errorsBefore = pageErrors.length;
  const began = Date.now();
  const inFlight = new Set<Promise<unknown>>();
  let moves = 0;
  let cardsDuringDrag = 0;
  let position = from;
  while (Date.now() - began < DRAG_MS && moves < path.length && pageErrors.length === errorsBefore) {
    position = path[moves++]!;
    if (moves === 40) cardsDuringDrag = await domCards(page);
    if (mode === 'awaited') {
      await page.mouse.move(position.x, position.y);
      continue;
    }
    const sent = cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: position.x, y: position.y, button: 'left', buttons: 1 }).finally(() => inFlight.delete(sent));
    inFlight.add(sent);
    if (inFlight.size >= MAX_MOVES_IN_FLIGHT) await Promise.race(inFlight);
    await new Promise((resolve) => setTimeout(resolve, MOVE_INTERVAL_MS));
  }
  await Promise.all(inFlight);
  const columnAt = (p: { x: number }) => open.find((c) => p.x >= c.x && p.x < c.x + c.width)?.title ?? 'between columns';
  const crash = pageErrors.length > errorsBefore ? { afterMoves: moves, atMs: Date.now() - began, pointerOver: columnAt(position), error: pageErrors.slice(errorsBefore).join(' | ').slice(0, 200) } : null;
  const travelledColumns = new Set(path.slice(0, moves).map((p) => open.findIndex((c) => p.x >= c.x && p.x < c.x + c.width))).size;
  const dragMs = Date.now() - began;
  const dragProfile = PROFILE ? await stopProfile(cdp) : null;
  const during = frameStats((await page.evaluate('window.__pultBench.stopFrames()')) as FrameRecord);
  const counted = (await page.evaluate('window.__pultBench.stopCounting()')) as { renders: Record<string, number>; commits: number };
  const dragFigures = {
    mode,
    columns: columns.map((c) => `${c.title ?? '?'}${c.folded ? ' (folded)' : ''}`),
    cardElementsInDom: { beforeDrag: cardsBefore, duringDrag: cardsDuringDrag },
    dragMs,
    pointerMoves: moves,
    columnsCrossed: travelledColumns,
    ...during,
    commits: counted.commits,
    componentRenders: counted.renders,
  };
  if (crash) {
    await page.mouse.up();
    return { ...dragFigures, crash, drop: null, ...(PROFILE ? { profiles: { drag: dragProfile } } : {}) };
  }

  // The drop into the second column: one intent queued (the portal is unreachable), the board re-laid out.
  // Playwright's mouse still stands where the small first move left it: bring it to the pointer.
  const into = open[1]!;
  await page.mouse.move(position.x, position.y);
  await page.mouse.move(into.x + into.width / 2, start.y + 40, { steps: Math.max(2, Math.round(Math.abs(into.x + into.width / 2 - position.x) / 40)) });
  // Let dnd-kit settle on the column under the pointer before the button is released.
  await page.mouse.move(into.x + into.width / 2 + 2, start.y + 42, { steps: 2 });
  await page.waitForTimeout(300);
  await page.evaluate('window.__pultBench.startFrames()');
  if (PROFILE) await startProfile(cdp);
  const droppedAt = Date.now();
  await page.mouse.up();
  // A function, not a string: the page's CSP has no 'unsafe-eval'.
  const landed = await page.waitForFunction(
    (id) => {
      const { document } = globalThis as unknown as { document: MiniDocument };
      if (document.querySelector('.card--overlay')) return false;
      const all = document.querySelectorAll('.board > .column');
      for (let i = 1; i < all.length; i++) if (all[i]!.querySelector(`[data-task-id="${id}"]`)) return i;
      return false;
    },
    taskId,
    { polling: 'raf', timeout: 30_000 },
  ).catch((error: unknown) => {
    throw new Error(`the dropped card did not show in another column (${error instanceof Error ? error.message : String(error)}); page errors: ${pageErrors.join(' | ') || 'none'}; cards in the DOM: ${cardsBefore}`);
  });
  const dropToCardMs = Date.now() - droppedAt;
  const landedIn = columns[(await landed.jsonValue()) as number]?.title ?? '?';
  await page.waitForTimeout(1000);
  const dropProfile = PROFILE ? await stopProfile(cdp) : null;
  const afterDrop = frameStats((await page.evaluate('window.__pultBench.stopFrames()')) as FrameRecord);
  return {
    ...dragFigures,
    crash: null,
    drop: { intoColumn: into.title, landedIn, toCardInNewColumnMs: dropToCardMs, frameMsMax: afterDrop.frameMs.max, droppedFrames: afterDrop.droppedFrames, longestFrames: afterDrop.longestFrames },
    ...(PROFILE ? { profiles: { drag: dragProfile, drop: dropProfile } } : {}),
  };
}

export async function benchConsole() {
  const emulator = await spawnEmulator(PORTAL_TASKS, 'box');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-bench-console-'));
  const hosts: WebHost[] = [];
  let browser: Browser | null = null;
  try {
    const groupId = emulator.groupIds[0]!;
    const openCards = await openTasks(emulator, { GROUP_ID: groupId, '!REAL_STATUS': 5 });
    const groupTasks = await openTasks(emulator, { GROUP_ID: groupId });
    if (openCards < MIN_OPEN_CARDS) throw new Error(`group ${groupId} has ${openCards} open cards, fewer than ${MIN_OPEN_CARDS}: raise PORTAL_TASKS`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

    // Once: a first web host syncs the portal into the data folder; the board shows the cards.
    const syncStarted = Date.now();
    const first = await requireWeb(dataDir, emulator);
    hosts.push(first);
    const { context: syncContext, page: syncPage } = await newPage(browser);
    await syncPage.goto(first.url);
    const deadline = Date.now() + 240_000;
    let cachedCards = 0;
    while ((cachedCards = await boardCount(syncPage).catch(() => 0)) < openCards) {
      if (Date.now() > deadline) throw new Error(`the first sync did not bring ${openCards} cards to the board in 240 s (${cachedCards})`);
      await syncPage.waitForTimeout(500);
    }
    const firstSyncMs = Date.now() - syncStarted;
    await syncContext.close();
    await first.stop();

    // Can browser mode start on its store alone, with the portal unreachable?
    await setUnreachable(emulator, true);
    const offline = await startWeb(dataDir, emulator, 60_000);
    if (offline.ok) {
      hosts.push(offline.host);
      await offline.host.stop();
    }
    const startsWithoutPortal = offline.ok ? { starts: true } : { starts: false, exitCode: offline.code, message: offline.stderr.split('\n')[0] ?? '' };

    const runs: Awaited<ReturnType<typeof coldStart>>['figures'][] = [];
    let last: Awaited<ReturnType<typeof coldStart>> | null = null;
    for (let i = 0; i < COLD_STARTS; i++) {
      if (last) {
        await last.context.close();
        await last.host.stop();
      }
      last = await coldStart(browser, dataDir, emulator, PROFILE && i === COLD_STARTS - 1);
      hosts.push(last.host);
      runs.push(last.figures);
    }
    const { page, loadProfile } = last!;
    type Figure = Exclude<keyof (typeof runs)[number], 'rendererWork'>;
    const pick = (key: Figure) => median(runs.map((r) => r[key] ?? NaN));
    const coldStartFigures = {
      runs: runs.length,
      navigationToFirstCardPaintedMs: pick('navigationToFirstCardPaintedMs'),
      processStartToFirstCardPaintedMs: pick('processStartToFirstCardPaintedMs'),
      processStartToHostReadyMs: pick('processStartToHostReadyMs'),
      navigationToFirstCardInDomMs: pick('navigationToFirstCardInDomMs'),
      boardRequestToFirstPageMs: pick('boardRequestToFirstPageMs'),
      firstPageToFirstCardInDomMs: pick('firstPageToFirstCardInDomMs'),
      firstPayloadMiB: pick('firstPayloadMiB'),
      largestFrameMiB: pick('largestFrameMiB'),
      playwrightGotoToCardVisibleMs: pick('playwrightGotoToCardVisibleMs'),
      each: runs,
      ...(loadProfile ? { profile: loadProfile } : {}),
    };

    if (COLD_ONLY) return { portal: { tasks: PORTAL_TASKS, groupId, openCardsInGroup: openCards, firstSyncToBoardMs: firstSyncMs }, coldStart: coldStartFigures };

    // Let the page settle (every board page is in, the first sync attempt has failed) before measuring.
    // Polled with evaluate (over CDP): waitForFunction would eval in the page, which the CSP forbids.
    for (const began = Date.now(); Date.now() - began < 60_000; await page.waitForTimeout(100)) {
      if (await page.evaluate(`!document.querySelector('.statusbar__board-progress')`)) break;
    }
    await page.waitForTimeout(2000);
    const boardCards = await boardCount(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapAfterLoad = await heapMiB(cdp, false);
    const heapAfterLoadGc = await heapMiB(cdp, true);

    const tick = await measureTicks(page);
    const drag = await measureDrag(page, cdp, 'mouse-rate');
    let gentle: Awaited<ReturnType<typeof measureDrag>> | null = null;
    if (drag.crash) {
      // The page is blank: open it again (from the store) and measure the gentler drag.
      await page.reload();
      await page.locator('[data-task-id]').first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForTimeout(1500);
      gentle = await measureDrag(page, cdp, 'awaited');
    }
    const heapAfterDrag = await heapMiB(cdp, false);
    const heapAfterDragGc = await heapMiB(cdp, true);

    return {
      portal: { tasks: PORTAL_TASKS, groupId, groupTasks, openCardsInGroup: openCards, cardsOnBoard: boardCards, firstSyncToBoardMs: firstSyncMs },
      hostStartsWithPortalUnreachable: startsWithoutPortal,
      coldStart: coldStartFigures,
      tick,
      drag,
      ...(gentle ? { dragAfterReload: gentle } : {}),
      // After a crash, "after drag" is after the reload and the gentler drag and drop.
      heapMiB: { afterLoad: heapAfterLoad, afterLoadGc: heapAfterLoadGc, afterDrag: heapAfterDrag, afterDragGc: heapAfterDragGc },
      pageErrors: pageErrors.slice(0, 5),
      browser: `${browser.version()} headless, ${VIEWPORT.width}x${VIEWPORT.height}`,
    };
  } finally {
    await browser?.close().catch(() => undefined);
    for (const host of hosts) await host.stop().catch(() => undefined);
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
