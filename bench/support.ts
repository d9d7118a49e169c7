/**
 * What the benchmarks share: an emulator and the web host in their own processes, an Http port
 * that counts, and the app's stack over a temp store.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { RequestCounts } from '../src/bitrix-emulator/http/request-counter';
import { createBitrixClient, type BitrixClient } from '../src/core/bitrix/client';
import { BitrixGateway } from '../src/core/bitrix/gateway';
import type { Http } from '../src/core/ports';
import { SyncEngine } from '../src/core/sync/engine';
import type { SyncStore } from '../src/core/sync/store';
import { systemClock, systemRandom } from '../src/node/clock';
import { createNodeHttp } from '../src/node/http';
import { openSqliteStore } from '../src/node/store';

/** The Http port with a tally: every request by REST method, task-list reads, and 503 answers. */
export interface CountingHttp extends Http {
  requests: number;
  taskListRequests: number;
  status503: number;
  byMethod: Map<string, number>;
  /** Milliseconds with at least one request in flight (the rest is this process's own work). */
  waitingMs: number;
  reset(): void;
}

/** An emulator in its own process, so its work does not share a thread (or a core) with the client. */
export interface EmulatorProcess {
  portalUrl: string;
  webhookUrl: string;
  groupIds: string[];
  close(): Promise<void>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Debian's Chromium, headless, as the e2e tests and the browser benchmarks run it. */
export const CHROMIUM = process.env.PULT_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const VIEWPORT = { width: 1600, height: 900 };

export function spawnEmulator(tasks: number, profile: 'box' | 'cloud'): Promise<EmulatorProcess> {
  const args = ['--import', 'tsx', 'src/bitrix-emulator/cli.ts', '--port', '0', '--seed', '1', '--tasks', String(tasks), '--profile', profile];
  const nice = Number(process.env.PULT_BENCH_EMULATOR_NICE ?? 0);
  const child = spawn(nice ? 'nice' : process.execPath, nice ? ['-n', String(nice), process.execPath, ...args] : args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator exited before its start line (code ${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const info = JSON.parse(line) as { portalUrl: string; webhookUrl: string; groups: { id: string }[] };
      resolve({
        portalUrl: info.portalUrl,
        webhookUrl: info.webhookUrl,
        groupIds: info.groups.map((g) => g.id),
        close: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** `scripts/web.ts` in its own process, as a user starts it with `--portal … --webhook …`. */
export interface WebHost {
  url: string;
  /** The host process, for /proc figures. */
  pid: number;
  /** Date.now() just before the process was spawned, and when its start line arrived. */
  spawnedAt: number;
  readyAt: number;
  /** What the host wrote to stderr so far (warnings, internal errors). */
  stderr(): string;
  stop(): Promise<void>;
}

export type WebStart = { ok: true; host: WebHost } | { ok: false; code: number | null; stderr: string };

/**
 * Starts the web host on `dataDir`; resolves on its start line or its exit.
 * `PULT_BENCH_RENDERER=<dir>` serves another built renderer (`web.ts --renderer`).
 */
export function startWeb(dataDir: string, emulator: EmulatorProcess, timeoutMs = 120_000, options: { loopProbeFile?: string } = {}): Promise<WebStart> {
  const spawnedAt = Date.now();
  const renderer = process.env.PULT_BENCH_RENDERER ? ['--renderer', process.env.PULT_BENCH_RENDERER] : [];
  // PULT_BENCH_HOST_NODE_ARGS: extra Node flags for the host (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`).
  const nodeArgs = (process.env.PULT_BENCH_HOST_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const probe = options.loopProbeFile ? ['--import', './bench/host-loop-probe.mjs'] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...probe, '--import', 'tsx', 'scripts/web.ts', '--data', dataDir, '--portal', emulator.portalUrl, '--webhook', emulator.webhookUrl, ...renderer], {
    cwd: repoRoot,
    env: options.loopProbeFile ? { ...process.env, PULT_LOOP_PROBE_FILE: options.loopProbeFile } : process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`web host gave no start line in ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ ok: false, code, stderr: stderr.trim() });
    });
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const { url } = JSON.parse(line) as { url: string };
      resolve({ ok: true, host: { url, pid: child.pid!, spawnedAt, readyAt: Date.now(), stderr: () => stderr, stop } });
    });
  });
}

export async function requireWeb(dataDir: string, emulator: EmulatorProcess, options: { loopProbeFile?: string } = {}): Promise<WebHost> {
  const started = await startWeb(dataDir, emulator, 120_000, options);
  if (!started.ok) throw new Error(`web host exited with ${started.code}: ${started.stderr}`);
  return started.host;
}

/** Cards the board counts in its columns (every column header, folded ones too). */
export function boardCount(page: Page): Promise<number> {
  return page.evaluate(`[...document.querySelectorAll('.board .column__count')].reduce((sum, el) => sum + Number(el.textContent.replace(/\\D/g, '') || 0), 0)`) as Promise<number>;
}

export function countingHttp(inner: Http = createNodeHttp()): CountingHttp {
  let inFlight = 0;
  let waitingSince = 0;
  const counter: CountingHttp = {
    requests: 0,
    taskListRequests: 0,
    status503: 0,
    byMethod: new Map(),
    waitingMs: 0,
    reset() {
      counter.waitingMs = 0;
      counter.requests = 0;
      counter.taskListRequests = 0;
      counter.status503 = 0;
      counter.byMethod.clear();
    },
    async request(request) {
      const method = /\/([^/]+?)(?:\.json)?$/.exec(new URL(request.url).pathname)?.[1] ?? '?';
      counter.requests++;
      counter.byMethod.set(method, (counter.byMethod.get(method) ?? 0) + 1);
      // A batch of list pages counts as a task-list request too.
      if (method === 'tasks.task.list' || (method === 'batch' && request.body?.includes('tasks.task.list'))) counter.taskListRequests++;
      if (inFlight++ === 0) waitingSince = performance.now();
      try {
        const response = await inner.request(request);
        if (response.status === 503) counter.status503++;
        return response;
      } finally {
        if (--inFlight === 0) counter.waitingMs += performance.now() - waitingSince;
      }
    },
  };
  return counter;
}

export interface BenchRig {
  http: CountingHttp;
  client: BitrixClient;
  gateway: BitrixGateway;
  store: SyncStore;
  engine: SyncEngine;
  close(): void;
}

/** The app's stack (real HTTP, real SQLite file) against an emulator's webhook. */
export function benchRig(emulator: EmulatorProcess): BenchRig {
  const http = countingHttp();
  const client = createBitrixClient({ http, clock: systemClock, random: systemRandom, endpoint: { kind: 'webhook', webhookUrl: emulator.webhookUrl } });
  const gateway = new BitrixGateway(client, { canUseOfflineEvents: false });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-bench-'));
  const store = openSqliteStore(path.join(dir, 'pult.db'));
  const engine = new SyncEngine({ store, portal: gateway, clock: systemClock, random: systemRandom, groupIds: emulator.groupIds, offlineEventsPossible: false });
  return {
    http,
    client,
    gateway,
    store,
    engine,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function seconds(since: number): number {
  return Number(((performance.now() - since) / 1000).toFixed(3));
}

/** Requests the issue calls the lower bound for reading N rows: the count page, then 50 pages a batch. */
export function listLowerBound(rows: number): number {
  return Math.ceil(rows / 2500) + 1;
}

/** utime + stime of every thread of the process, in seconds. */
export function cpuSeconds(pid: number, ticksPerSecond: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

export async function requestCounts(emulator: EmulatorProcess): Promise<RequestCounts> {
  const response = await fetch(`${emulator.portalUrl}/_emulator/state`);
  const state = (await response.json()) as { requests?: RequestCounts };
  if (!state.requests) throw new Error('the emulator state has no request counts');
  return state.requests;
}

/** Polls a page expression (a string: evaluated over CDP, the CSP's missing 'unsafe-eval' does not matter) until truthy. */
export async function pollPage(page: Page, expression: string, timeoutMs: number, everyMs = 50): Promise<number | null> {
  const began = Date.now();
  while (Date.now() - began < timeoutMs) {
    if (await page.evaluate(expression).catch(() => false)) return Date.now() - began;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return null;
}

/** The board shows cards and the status bar says synced, with no first-sync or board progress left. */
export const SYNCED = `Boolean(document.querySelector('.board .card')) && !document.querySelector('.statusbar__progress') && !document.querySelector('.statusbar__board-progress') && (document.querySelector('.statusbar__sync')?.textContent ?? '').startsWith('Синхронизировано')`;

/** What grew between two snapshots of per-method counts. */
export function countDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [method, n] of Object.entries(after)) if (n > (before[method] ?? 0)) delta[method] = n - (before[method] ?? 0);
  return delta;
}

/**
 * Waits for two poll cycles in a row that cost the portal at most a list and a spare request and
 * no batch: the extras catch-up after a first sync (or a return) is over. Prints each cycle on
 * stderr, so a catch-up that never settles shows while it runs. Returns whether it settled.
 */
export async function waitForQuietCycles(emulator: EmulatorProcess, cycleS: number, timeoutMs: number, label: string): Promise<boolean> {
  const from = Date.now();
  let calmCycles = 0;
  while (calmCycles < 2 && Date.now() - from < timeoutMs) {
    const before = await requestCounts(emulator);
    await new Promise((resolve) => setTimeout(resolve, cycleS * 1000));
    const after = await requestCounts(emulator);
    calmCycles = after.total - before.total <= 2 && (after.byMethod.batch ?? 0) === (before.byMethod.batch ?? 0) ? calmCycles + 1 : 0;
    process.stderr.write(`${label} ${Math.round((Date.now() - from) / 1000)} s: ${after.total - before.total} requests this cycle, batched ${JSON.stringify(countDelta(before.batchedByMethod, after.batchedByMethod))}\n`);
  }
  return calmCycles >= 2;
}
