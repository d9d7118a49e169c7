/**
 * libsql (the product's driver) against node:sqlite (built into Node 24 and Electron), through the
 * same store code (store/connection.ts's driver option): a cold open, the first sync's write of
 * `tasks` tasks, the board's reads, outbox enqueue and flush, then kill -9 trials on the same
 * file (a child rewrites 500 tasks per transaction and is killed at a random moment; the file
 * must reopen, pass integrity_check, keep every acknowledged write and show no half transaction).
 * `npm run bench -- sqlite-drivers` (PULT_BENCH_SQLITE_TASKS, PULT_BENCH_SQLITE_TRIALS).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqliteDriver } from '../src/node/store/connection';
import { openConnection } from '../src/node/store/connection';
import { openSqliteStore } from '../src/node/store';
import { SLICE } from './sqlite-data';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const DRIVERS: readonly SqliteDriver[] = ['libsql', 'node:sqlite'];

/** mulberry32, seeded: the same kill moments for both drivers. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function measure(driver: SqliteDriver, file: string, tasks: number): Record<string, unknown> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, 'sqlite-driver-child.ts'), driver, file, String(tasks)], { cwd: repoRoot, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${driver} run failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

/** Runs the writer and SIGKILLs it `delayMs` after it is ready; resolves with the last acknowledged generation. */
function killDuringWrites(driver: SqliteDriver, file: string, tasks: number, delayMs: number): Promise<{ lastAck: number; ready: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, 'sqlite-crash-writer.ts'), driver, file, String(tasks)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = -1;
    let ready = -1;
    let buffer = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [word, value] = line.split(' ');
        if (word === 'ready') {
          ready = Number(value);
          lastAck = ready;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        } else if (word === 'ack') lastAck = Number(value);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const failsafe = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (_code, signal) => {
      clearTimeout(failsafe);
      if (signal !== 'SIGKILL' || ready < 0) reject(new Error(`the writer ended without being killed (${signal ?? 'exit'}): ${stderr}`));
      else resolve({ lastAck, ready });
    });
  });
}

interface TrialResult {
  integrityOk: boolean;
  lostAcknowledged: boolean;
  halfTransaction: boolean;
  generationsWritten: number;
  reopenMs: number;
}

function verify(driver: SqliteDriver, file: string, lastAck: number, ready: number): TrialResult {
  const t0 = performance.now();
  const store = openSqliteStore(file, { driver });
  const reopenMs = Number((performance.now() - t0).toFixed(1));
  const persisted = Number(store.getCursor('gen') ?? '0');
  const texts = new Set(store.listIntents().map((intent) => (intent.payload.name === 'addComment' ? intent.payload.text : '')));
  store.close();
  const db = openConnection(file, { driver });
  try {
    const integrity = db.prepare('PRAGMA integrity_check').all() as Record<string, unknown>[];
    const count = (sql: string, value: number) => Number(Object.values(db.prepare(sql).get([value]) as Record<string, unknown>)[0]);
    // The latest generation's slice is whole, and nothing of a later one landed.
    const ofLatest = count('SELECT count(*) FROM tasks WHERE changed_at = ?', -persisted);
    const ofLater = count('SELECT count(*) FROM tasks WHERE changed_at < ?', -persisted);
    return {
      integrityOk: integrity.length === 1 && Object.values(integrity[0]!)[0] === 'ok',
      lostAcknowledged: persisted < lastAck || (lastAck > 0 && !texts.has(String(lastAck))),
      halfTransaction: (persisted > 0 && ofLatest !== SLICE) || ofLater > 0 || (persisted > 0 && !texts.has(String(persisted))) || texts.has(String(persisted + 1)),
      generationsWritten: persisted - ready,
      reopenMs,
    };
  } finally {
    db.close();
  }
}

export async function benchSqliteDrivers(): Promise<unknown> {
  const tasks = Number(process.env.PULT_BENCH_SQLITE_TASKS ?? 21_000);
  const trials = Number(process.env.PULT_BENCH_SQLITE_TRIALS ?? 8);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-sqlite-bench-'));
  const results: Record<string, unknown> = { tasks, trials, node: process.version, sqlite: process.versions.sqlite };
  try {
    for (const driver of DRIVERS) {
      const file = path.join(dir, `${driver.replace(':', '-')}.db`);
      const run = measure(driver, file, tasks);
      const random = rng(20_260_512);
      const outcomes: TrialResult[] = [];
      for (let i = 0; i < trials; i += 1) {
        const { lastAck, ready } = await killDuringWrites(driver, file, tasks, 50 + Math.floor(random() * 450));
        outcomes.push(verify(driver, file, lastAck, ready));
      }
      results[driver] = {
        ...run,
        crashTrials: {
          trials,
          integrityOk: outcomes.filter((o) => o.integrityOk).length,
          lostAcknowledged: outcomes.filter((o) => o.lostAcknowledged).length,
          halfTransactions: outcomes.filter((o) => o.halfTransaction).length,
          generationsWritten: outcomes.reduce((sum, o) => sum + o.generationsWritten, 0),
          reopenAfterKillMedianMs: outcomes.map((o) => o.reopenMs).sort((a, b) => a - b)[Math.floor(trials / 2)],
        },
      };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
