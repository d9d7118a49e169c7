/** What the sync benchmarks share: an Http port that counts, and the app's stack over a temp store. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
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

export function spawnEmulator(tasks: number, profile: 'box' | 'cloud'): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bitrix-emulator/cli.ts', '--port', '0', '--seed', '1', '--tasks', String(tasks), '--profile', profile], {
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
