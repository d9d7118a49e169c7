/**
 * The seam between the browser-mode host (`scripts/web.ts`) and its page, measured from outside on
 * a 21,000-task emulator; the emulator, the host and Chromium each run in their own process.
 *
 * - host responsiveness: a worker thread in this process GETs the host's `/` (a static file, no
 *   portal involved) every 50 ms; its latency is how long the host's event loop kept it waiting;
 * - phases: `firstSync` (host start → the board shows cards and the status bar says synced),
 *   `catchUp` (after the first sync the engine reads the history, time records and comments of
 *   every open task, a few hundred a cycle: until a cycle costs the portal one request again), and
 *   `quiet` (board and a card's drawer open for PULT_BENCH_QUIET_S seconds, default 60 = 4 poll
 *   cycles of 15 s): portal REST calls per cycle (the emulator's own count), WebSocket bytes pushed
 *   to the page per cycle (CDP), host CPU (/proc) and RSS;
 * - a remote change: a task retitled through the webhook "by a colleague", on a board card and on
 *   the card open in the drawer: time until the page shows it and what the socket carried meanwhile.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, SYNCED, VIEWPORT, boardCount, countDelta, cpuSeconds, pollPage, requestCounts, requireWeb, spawnEmulator, waitForQuietCycles, type EmulatorProcess, type WebHost } from './support';

const PORTAL_TASKS = 21_000;
/** The host polls every 15 s while its window is visible (DEFAULT_SCHEDULE.visibleMs). */
const CYCLE_S = 15;
const QUIET_S = Number(process.env.PULT_BENCH_QUIET_S ?? 4 * CYCLE_S);
const SAMPLE_EVERY_MS = 50;
/** The idle minute: host CPU with the latency sampler paused. */
const IDLE_S = Number(process.env.PULT_BENCH_IDLE_S ?? 60);
const FIRST_SYNC_TIMEOUT_MS = 300_000;
/** The extras backlog of a 21,000-task portal takes a few minutes at a few hundred tasks a cycle. */
const CATCH_UP_TIMEOUT_MS = 20 * 60_000;
/** Two poll cycles and some: a change that has not shown by then is not coming. */
const REMOTE_CHANGE_TIMEOUT_MS = 45_000;

interface Sample {
  /** Date.now() when the request was sent. */
  at: number;
  ms: number;
  ok: boolean;
}

/**
 * The sampler runs in a worker so that this process's own work (Playwright, CDP events carrying
 * multi-megabyte frames) does not delay its requests or inflate their latency. One request at a
 * time: a host stalled for 2 s shows as one 2 s sample, not forty overlapping ones.
 */
const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let running = true;
let paused = false;
parentPort.on('message', (message) => {
  if (message === 'pause') paused = true;
  else if (message === 'resume') paused = false;
  else running = false;
});
function once() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.get(workerData.url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: performance.now() - t0, ok: res.statusCode === 200 }));
    });
    req.setTimeout(30000, () => req.destroy());
    req.on('error', () => resolve({ ms: performance.now() - t0, ok: false }));
  });
}
(async () => {
  while (running) {
    if (paused) { await new Promise((resolve) => setTimeout(resolve, workerData.everyMs)); continue; }
    const at = Date.now();
    const { ms, ok } = await once();
    parentPort.postMessage({ at, ms, ok });
    const wait = workerData.everyMs - (Date.now() - at);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  agent.destroy();
  parentPort.postMessage('done');
})();
`;

function startSampler(url: string): { samples: Sample[]; pause(): void; resume(): void; stop(): Promise<void> } {
  const samples: Sample[] = [];
  const worker = new Worker(SAMPLER, { eval: true, workerData: { url, everyMs: SAMPLE_EVERY_MS } });
  const done = new Promise<void>((resolve) => {
    worker.on('message', (message: Sample | 'done') => (message === 'done' ? resolve() : samples.push(message)));
    worker.once('exit', () => resolve());
  });
  return {
    samples,
    pause: () => worker.postMessage('pause'),
    resume: () => worker.postMessage('resume'),
    async stop() {
      worker.postMessage('stop');
      await done;
      await worker.terminate();
    },
  };
}

interface LoopSecond {
  at: number;
  late: number[];
}

/** The host thread's own timer lateness (bench/host-loop-probe.mjs), four lines a second. */
function readLoopProbe(file: string): LoopSecond[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as LoopSecond);
}

/** Timer lateness on the host's window thread within [from, to]: each sample is a 10 ms timer's delay. */
function loopDelay(seconds: readonly LoopSecond[], from: number, to: number) {
  // A line covers the quarter second before its `at`.
  const sorted = seconds.filter((s) => s.at - 250 >= from && s.at - 250 <= to).flatMap((s) => s.late).sort((a, b) => a - b);
  const p99 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)]! : NaN;
  return { max: round(sorted.at(-1) ?? NaN), p99: round(p99), samples: sorted.length };
}

/**
 * The three quarter-seconds in which the host's timers ran latest, each with the bare process's
 * worst lateness in the same quarter: a stall both saw is the machine's, not the host's.
 */
function worstMoments(host: readonly LoopSecond[], bare: readonly LoopSecond[], from: number, to: number) {
  const within = host.filter((s) => s.at - 250 >= from && s.at - 250 <= to);
  return within
    .map((s) => ({ atMs: s.at - from, hostMs: Math.max(...s.late), bareMs: Math.max(0, ...bare.filter((b) => Math.abs(b.at - s.at) <= 250).flatMap((b) => b.late)) }))
    .sort((a, b) => b.hostMs - a.hostMs)
    .slice(0, 3);
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function latency(samples: readonly Sample[], from: number, to: number) {
  const within = samples.filter((s) => s.at >= from && s.at <= to);
  const sorted = within.map((s) => s.ms).sort((a, b) => a - b);
  const p99 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)]! : NaN;
  return { max: round(sorted.at(-1) ?? NaN), p99: round(p99), samples: within.length, failed: within.filter((s) => !s.ok).length };
}

interface Frame {
  at: number;
  bytes: number;
  /** `event:<type>` for a pushed event, `reply:<method>` for the answer to a page's call. */
  kind: string;
}

function frames(all: readonly Frame[], from: number, to: number) {
  const within = all.filter((f) => f.at >= from && f.at <= to);
  const byKind: Record<string, { frames: number; bytes: number }> = {};
  for (const f of within) {
    const entry = (byKind[f.kind] ??= { frames: 0, bytes: 0 });
    entry.frames++;
    entry.bytes += f.bytes;
  }
  return { frames: within.length, bytes: within.reduce((sum, f) => sum + f.bytes, 0), largestFrameBytes: within.reduce((max, f) => Math.max(max, f.bytes), 0), byKind };
}

/** Names a received frame from its head only (a board snapshot is megabytes: not parsed). */
function frameKind(payload: string, calls: ReadonlyMap<number, string>): string {
  const event = /^\{"event":\{"type":"([^"]+)"/.exec(payload);
  if (event) return `event:${event[1]}`;
  const reply = /^\{"id":(\d+)/.exec(payload);
  return reply ? `reply:${calls.get(Number(reply[1])) ?? '?'}` : 'other';
}

function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return round(Number(kib) / 1024);
}

async function retitle(emulator: EmulatorProcess, taskId: string, title: string): Promise<void> {
  const response = await fetch(`${emulator.webhookUrl}tasks.task.update.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ taskId, fields: { TITLE: title } }),
  });
  const body = (await response.json()) as { result?: unknown; error?: string };
  if (!response.ok || body.error) throw new Error(`tasks.task.update: HTTP ${response.status} ${body.error ?? ''}`);
}

/**
 * A card on the board, in the viewport and clear of the drawer panel. (The drawer is modal: its
 * backdrop covers the whole board, so hit-testing cannot tell; the panel's rectangle can.)
 */
const CARD_BESIDE_DRAWER = (except: string) => `(() => {
  const panel = document.querySelector('[role=dialog]')?.getBoundingClientRect();
  for (const card of document.querySelectorAll('.board [data-task-id]')) {
    if (card.dataset.taskId === ${JSON.stringify(except)}) continue;
    const r = card.getBoundingClientRect();
    if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) continue;
    if (panel && r.right > panel.left && r.left < panel.right && r.bottom > panel.top && r.top < panel.bottom) continue;
    return card.dataset.taskId;
  }
  return null;
})()`;

export async function benchHostSeam() {
  const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const cycles = QUIET_S / CYCLE_S;
  const emulator = await spawnEmulator(PORTAL_TASKS, 'box');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-bench-seam-'));
  let browser: Browser | null = null;
  let host: WebHost | null = null;
  let sampler: ReturnType<typeof startSampler> | null = null;
  let baseline: ChildProcess | null = null;
  const pageErrors: string[] = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const loopProbeFile = path.join(dataDir, 'loop-probe.jsonl');
    const baselineFile = path.join(dataDir, 'baseline-probe.jsonl');
    baseline = spawn(process.execPath, ['bench/host-loop-probe.mjs'], { env: { ...process.env, PULT_LOOP_PROBE_FILE: baselineFile }, stdio: 'ignore' });
    host = await requireWeb(dataDir, emulator, { loopProbeFile });
    /** The host thread's timer lateness beside a bare process's on the same machine at the same time. */
    const loop = (from: number, to: number) => {
      const hostLines = readLoopProbe(loopProbeFile);
      const bareLines = readLoopProbe(baselineFile);
      return { host: loopDelay(hostLines, from, to), bareProcess: loopDelay(bareLines, from, to), worstHostMoments: worstMoments(hostLines, bareLines, from, to) };
    };
    sampler = startSampler(`${new URL(host.url).origin}/`);

    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // Resource failures are listed by the response hook below (with the address).
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${message.text().slice(0, 300)}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) pageErrors.push(`HTTP ${response.status()} ${response.url().replace(/token=[^&]+/, 'token=…')}`);
    });
    // Every frame the host pushes, from before the socket opens (Network is enabled before goto).
    const received: Frame[] = [];
    // The page's calls by wire id, so a reply frame can be named after the call it answers.
    const calls = new Map<number, string>();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.webSocketFrameSent', ({ response }) => {
      const call = /^\{"id":(\d+),"method":"([^"]+)"/.exec(response.payloadData);
      if (call) calls.set(Number(call[1]), call[2]!);
    });
    // Frames are dated by Chromium's own clock, mapped to wall time by the handshake (which carries
    // both): the CDP events can reach this process a while after the page has already rendered
    // what a frame carried, which would put the frame outside the window being measured.
    let wallMinusMonotonicMs: number | null = null;
    cdp.on('Network.webSocketWillSendHandshakeRequest', ({ timestamp, wallTime }) => {
      wallMinusMonotonicMs = wallTime * 1000 - timestamp * 1000;
    });
    cdp.on('Network.webSocketFrameReceived', ({ response, timestamp }) => {
      // Text frames carry the text, binary ones base64; count the bytes that went over the wire.
      const bytes = response.opcode === 2 ? Buffer.from(response.payloadData, 'base64').length : Buffer.byteLength(response.payloadData);
      const at = wallMinusMonotonicMs === null ? Date.now() : Math.round(timestamp * 1000 + wallMinusMonotonicMs);
      received.push({ at, bytes, kind: frameKind(response.payloadData, calls) });
    });

    await page.goto(host.url);
    const syncedIn = await pollPage(page, SYNCED, FIRST_SYNC_TIMEOUT_MS, 100);
    if (syncedIn === null) throw new Error(`the board did not show synced cards in ${FIRST_SYNC_TIMEOUT_MS} ms; page errors: ${pageErrors.join(' | ') || 'none'}`);
    const syncedAt = Date.now();
    const firstSync = {
      ms: syncedAt - host.spawnedAt,
      hostReadyMs: host.readyAt - host.spawnedAt,
      ...latency(sampler.samples, host.readyAt, syncedAt),
      loopDelay: loop(host.readyAt, syncedAt),
      wsBytes: frames(received, host.readyAt, syncedAt).bytes,
    };
    const boardCards = await boardCount(page);

    // The drawer of the first card, opened as a user does (a click), as the e2e tests find it.
    const drawerCard = page.locator('.board [data-task-id]').first();
    const drawerTaskId = (await drawerCard.getAttribute('data-task-id'))!;
    await drawerCard.click();
    const drawer = page.getByRole('dialog', { name: new RegExp(`^Заявка ${drawerTaskId}:`) });
    await drawer.waitFor({ state: 'visible', timeout: 30_000 });
    // Let the drawer's own reads (details, comments) finish before the quiet window starts.
    await page.waitForTimeout(3_000);

    // The catch-up: wait for two cycles in a row that cost at most a list and a spare request.
    const catchUpFrom = Date.now();
    const catchUpRequestsBefore = await requestCounts(emulator);
    const calm = await waitForQuietCycles(emulator, CYCLE_S, CATCH_UP_TIMEOUT_MS, 'host-seam catch-up');
    const catchUpTo = Date.now();
    const catchUpRequestsAfter = await requestCounts(emulator);
    const catchUpFrames = frames(received, catchUpFrom, catchUpTo);
    const catchUp = {
      done: calm,
      ms: catchUpTo - catchUpFrom,
      requests: catchUpRequestsAfter.total - catchUpRequestsBefore.total,
      wsBytes: catchUpFrames.bytes,
      largestFrameBytes: catchUpFrames.largestFrameBytes,
      hostLatency: latency(sampler.samples, catchUpFrom, catchUpTo),
      loopDelay: loop(catchUpFrom, catchUpTo),
    };

    const quietFrom = Date.now();
    const requestsBefore = await requestCounts(emulator);
    const cpuBefore = cpuSeconds(host.pid, ticksPerSecond);
    await page.waitForTimeout(QUIET_S * 1000);
    const cpuAfter = cpuSeconds(host.pid, ticksPerSecond);
    const requestsAfter = await requestCounts(emulator);
    const quietTo = Date.now();
    const quietFrames = frames(received, quietFrom, quietTo);
    const perCycle = (delta: Record<string, number>) => Object.fromEntries(Object.entries(delta).map(([method, n]) => [method, round(n / cycles, 2)]));
    const byMethod = perCycle(countDelta(requestsBefore.byMethod, requestsAfter.byMethod));
    const batchedByMethod = perCycle(countDelta(requestsBefore.batchedByMethod, requestsAfter.batchedByMethod));
    const quiet = {
      cycles,
      requestsPerCycle: round((requestsAfter.total - requestsBefore.total) / cycles, 2),
      requestsByMethod: byMethod,
      batchedCommandsByMethod: batchedByMethod,
      bytesPerCycle: Math.round(quietFrames.bytes / cycles),
      framesPerCycle: round(quietFrames.frames / cycles, 2),
      largestFrameBytes: quietFrames.largestFrameBytes,
      framesByKind: quietFrames.byKind,
      hostLatency: latency(sampler.samples, quietFrom, quietTo),
      loopDelay: loop(quietFrom, quietTo),
      // Includes serving the sampler's 20 GETs a second; `idle` below is without them.
      hostCpuPercentWithSampler: round(((cpuAfter - cpuBefore) / ((quietTo - quietFrom) / 1000)) * 100, 2),
    };

    // Idle: the same quiet minute with nobody asking the host anything but its own polls.
    sampler.pause();
    const idleFrom = Date.now();
    const idleCpuBefore = cpuSeconds(host.pid, ticksPerSecond);
    await page.waitForTimeout(IDLE_S * 1000);
    const idle = { seconds: IDLE_S, hostCpuPercent: round(((cpuSeconds(host.pid, ticksPerSecond) - idleCpuBefore) / ((Date.now() - idleFrom) / 1000)) * 100, 2) };
    sampler.resume();

    // A colleague retitles a card on the board (not the drawer's), then the drawer's task.
    const boardTaskId = (await page.evaluate(CARD_BESIDE_DRAWER(drawerTaskId))) as string | null;
    if (!boardTaskId) throw new Error('no board card outside the drawer is visible');
    const boardTitle = `Изменено коллегой ${Date.now()}`;
    const changedAt = Date.now();
    await retitle(emulator, boardTaskId, boardTitle);
    const msToPage = await pollPage(page, `(document.querySelector('.board')?.textContent ?? '').includes(${JSON.stringify(boardTitle)})`, REMOTE_CHANGE_TIMEOUT_MS);
    const boardWindow = frames(received, changedAt, msToPage === null ? Date.now() : changedAt + msToPage);

    const drawerTitle = `Изменено коллегой ${Date.now()}`;
    const drawerChangedAt = Date.now();
    await retitle(emulator, drawerTaskId, drawerTitle);
    const msToDrawer = await pollPage(page, `document.querySelector('.drawer__title')?.textContent === ${JSON.stringify(drawerTitle)}`, REMOTE_CHANGE_TIMEOUT_MS);
    const drawerWindow = frames(received, drawerChangedAt, msToDrawer === null ? Date.now() : drawerChangedAt + msToDrawer);

    const result = {
      portalTasks: PORTAL_TASKS,
      boardCards,
      firstSync,
      catchUp,
      quiet,
      idle,
      remoteChange: {
        taskId: boardTaskId,
        msToPage,
        bytes: boardWindow.bytes,
        frames: boardWindow.frames,
        largestFrameBytes: boardWindow.largestFrameBytes,
        framesByKind: boardWindow.byKind,
        drawerTaskId,
        drawerUpdated: msToDrawer !== null,
        msToDrawer,
        drawerBytes: drawerWindow.bytes,
        drawerLargestFrameBytes: drawerWindow.largestFrameBytes,
        drawerFramesByKind: drawerWindow.byKind,
      },
      rssMiB: rssMiB(host.pid),
      hostLatencyOverall: latency(sampler.samples, host.readyAt, Date.now()),
      loopDelayOverall: loop(host.readyAt, Date.now()),
      pageErrors: pageErrors.slice(0, 5),
      hostStderr: host.stderr().trim().split('\n').filter(Boolean).slice(0, 5),
    };
    return result;
  } finally {
    await sampler?.stop().catch(() => undefined);
    baseline?.kill('SIGTERM');
    await browser?.close().catch(() => undefined);
    await host?.stop().catch(() => undefined);
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
