/**
 * kill -9 trials: a child process writes to the store in a loop and is SIGKILLed at random
 * moments (during open and migration, inside transactions, between them). After each kill the
 * store must open, hold every write the child acknowledged, and show no half of a transaction.
 * The same file carries over from trial to trial, so recovery is tested on top of recovery.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncStore } from '../../src/core/sync/store';
import { openSqliteStore } from '../../src/node/store';
import { BATCH, batchTask, GROUP } from './fixtures/store-kill-data';
import { seededRandom } from '../support/fake-clock';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const writer = path.join(repoRoot, 'tests/integration/fixtures/store-writer.ts');
const TRIALS = 24;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pult-kill-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Seeded, so a failing run can be replayed with PULT_KILL_SEED. */
function rng(seed: number): () => number {
  const random = seededRandom(seed);
  return () => random.next();
}

interface Trial {
  acks: Map<number, number>;
  killedAfterReady: boolean;
  stderr: string;
}

/** Runs the writer and SIGKILLs it `delayMs` after it is ready (or after spawn, for early kills). */
function runAndKill(file: string, delayMs: number, early: boolean): Promise<Trial> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks = new Map<number, number>();
    let buffer = '';
    let stderr = '';
    let ready = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    if (early) timer = setTimeout(kill, delayMs);
    const failsafe = setTimeout(kill, 15_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      // The last piece may be a line cut short by the kill: it was never fully acknowledged.
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const ack = /^ack (\d+) (\d+)$/.exec(line);
        if (ack) acks.set(Number(ack[1]), Number(ack[2]));
        else if (line.startsWith('ready') && !ready) {
          ready = true;
          if (!early) timer = setTimeout(kill, delayMs);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(failsafe);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (code ${code}, signal ${signal}): ${stderr}`));
      else resolve({ acks, killedAfterReady: ready, stderr });
    });
  });
}

/** Everything the store must show after any kill; returns the numbers for the trial log. */
function checkStore(store: SyncStore, acked: Map<number, number>, context: string): { intents: number; tasks: number } {
  const intents = store.listIntents();
  const seqs = intents.map((intent) => intent.seq);
  const generations = intents.map((intent) => (intent.payload.name === 'addComment' ? Number(intent.payload.text) : NaN));

  // The outbox sequence is intact: 1..n with no gap, no duplicate, in order; generations likewise.
  expect(seqs, context).toEqual(seqs.map((_, i) => i + 1));
  expect(generations, context).toEqual(generations.map((_, i) => i + 1));

  // Every acknowledged intent is there, and it is the one that was acknowledged.
  const bySeq = new Map(intents.map((intent, i) => [intent.seq, generations[i]]));
  for (const [seq, generation] of acked) expect(bySeq.get(seq), `${context}: acked seq ${seq}`).toBe(generation);

  // Transactions are all or nothing: each even generation has its whole batch, and no batch
  // exists without its intent.
  const committed = generations.filter((g) => g % 2 === 0);
  const tasks = store.tasksByGroup(GROUP);
  expect(tasks.length, context).toBe(committed.length * BATCH + (committed.length > 0 ? 1 : 0));
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const missing: string[] = [];
  for (const g of committed) {
    for (let i = 0; i < BATCH; i += 1) {
      const id = `${g}-${i}`;
      if (byId.get(id)?.title !== `gen ${g}`) missing.push(id);
    }
  }
  expect(missing, context).toEqual([]);
  // The newest batches, the ones a kill could have cut, must read back exactly.
  for (const g of committed.slice(-3)) {
    for (let i = 0; i < BATCH; i += 1) expect(byId.get(`${g}-${i}`), context).toStrictEqual(batchTask(`${g}-${i}`, g));
  }
  const last = committed.at(-1);
  if (last === undefined) {
    expect(store.getCursor('gen'), context).toBeNull();
  } else {
    expect(store.getCursor('gen'), context).toBe(String(last));
    expect(store.getTask('counter'), context).toStrictEqual(batchTask('counter', last));
  }
  return { intents: intents.length, tasks: tasks.length };
}

describe('store under kill -9', () => {
  it(`keeps every acknowledged write and no partial transaction over ${TRIALS} kills`, async () => {
    const seed = Number(process.env.PULT_KILL_SEED ?? Date.now() % 1_000_000);
    const random = rng(seed);
    const file = path.join(dir, 'pult.db');
    const acked = new Map<number, number>();
    let killsAfterReady = 0;
    let last = { intents: 0, tasks: 0 };

    for (let trial = 0; trial < TRIALS; trial += 1) {
      // A quarter of the kills land from spawn on: while loading, opening or migrating.
      const early = trial === 0 || random() < 0.25;
      const delayMs = Math.floor(random() * (early ? 700 : 250));
      const result = await runAndKill(file, delayMs, early);
      for (const [seq, generation] of result.acks) acked.set(seq, generation);
      if (result.killedAfterReady) killsAfterReady += 1;

      const context = `seed ${seed}, trial ${trial} (${early ? 'early' : 'after ready'}, ${delayMs} ms)`;
      const store = openSqliteStore(file);
      try {
        last = checkStore(store, acked, context);
      } finally {
        store.close();
      }
    }

    console.info(`kill -9: seed ${seed}, ${TRIALS} kills (${killsAfterReady} after open), ${acked.size} acks, ${last.intents} intents, ${last.tasks} tasks`);
    // The trials must have exercised the store, not only killed processes that never started.
    expect(killsAfterReady, `seed ${seed}`).toBeGreaterThanOrEqual(TRIALS / 2);
    expect(acked.size, `seed ${seed}`).toBeGreaterThan(TRIALS);
  }, 180_000);
});
