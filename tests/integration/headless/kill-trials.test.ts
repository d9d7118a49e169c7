/**
 * kill -9 trials of the headless command (issue 3: "the process killed with SIGKILL at random
 * points during first sync and during flush (≥ 50 trials): the store opens, nothing is lost,
 * nothing is duplicated on the portal").
 *
 * First sync: a fresh database each trial, killed at a random moment from the outbox write
 * through the first sync (and sometimes into the flush of its absolute writes). Flush: one
 * synced database, rounds of creates, comments, time records, moves and field updates across 30
 * tasks; each round's file is run again and again and killed mid-flight, then once to the end.
 * Seeded: PULT_KILL_SEED=<seed> replays the plan of a failing run.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { CURSOR_FIRST_SYNC } from '../../../src/core/sync/pull';
import { entryKey } from '../../../src/node/headless/enqueue';
import { openSqliteStore } from '../../../src/node/store';
import { expectAbsoluteWritesOnPortal, expectAppendsExactlyOnce, firstSyncPlan, flushPlan, type EditPlan, type PoolTask } from './kill-plan';
import { portalCall, portalStages, portalTasks, prng, runSync, summaryOf, tempDir, type ChildRun } from './support';

const FIRST_SYNC_KILLS = 24;
const FLUSH_KILLS = 30;
/** Stop starting trials after this long, so a slow machine fails clearly instead of timing out. */
const BUDGET_MS = 150_000;

let emulator: EmulatorHandle;
const dir = tempDir('pult-kill-sync-');

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 23, tasks: 1500, profile: 'box' });
  // Latency keeps the child mid-request most of the time, so kills land between send and answer.
  emulator.setFaults({ latencyMs: 15 });
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

function syncArgs(db: string, file: string): string[] {
  return ['--portal', emulator.portalUrl, '--webhook', emulator.webhookUrl, '--groups', emulator.groups.map((g) => g.id).join(','), '--db', db, '--enqueue', file, '--once', '--json'];
}

/** What the store must show after any kill: it opens, and the enqueue is all or nothing, never doubled. */
function checkStoreAfterKill(db: string, plan: EditPlan, context: string, portalTotal: number, phase: 'first-sync' | 'flush'): { synced: boolean; pending: number } {
  const store = openSqliteStore(db);
  try {
    const markers = plan.entries.filter((_, i) => store.getCursor(entryKey(plan.hash, i)) !== null).length;
    expect([0, plan.entries.length], `${context}: enqueue markers`).toContain(markers);
    const intents = store.listIntents();
    const payloads = intents.map((i) => JSON.stringify(i.payload));
    expect(new Set(payloads).size, `${context}: an intent queued twice`).toBe(payloads.length);
    expect(intents.length, context).toBeLessThanOrEqual(plan.entries.length);
    const synced = store.getCursor(CURSOR_FIRST_SYNC) !== null;
    if (phase === 'first-sync') {
      // The first sync commits all of it or nothing.
      expect(store.countTasks(), `${context}: tasks after the kill`).toBe(synced ? portalTotal : 0);
    } else {
      // A synced store stays synced; created tasks only add to it.
      expect(synced, context).toBe(true);
      expect(store.countTasks(), `${context}: tasks after the kill`).toBeGreaterThanOrEqual(portalTotal);
    }
    return { synced, pending: intents.length };
  } finally {
    store.close();
  }
}

function expectCompleted(run: ChildRun, context: string): void {
  expect(run.signal, context).toBeNull();
  const summary = summaryOf(run);
  expect({ code: run.code, queued: summary.queued, failed: summary.failed, conflicts: summary.conflicts }, `${context}: ${run.stderr}`).toEqual({ code: 0, queued: 0, failed: 0, conflicts: 0 });
}

describe('headless sync under SIGKILL', () => {
  it(`loses and duplicates nothing over ${FIRST_SYNC_KILLS + FLUSH_KILLS} kills during first sync and flush`, async () => {
    const seed = Number(process.env.PULT_KILL_SEED ?? Date.now() % 1_000_000);
    const random = prng(seed);
    const started = Date.now();
    const groupIds = emulator.groups.map((g) => g.id);
    const stages = new Map(await Promise.all(groupIds.map(async (g) => [g, await portalStages(emulator, g)] as const)));
    const inGroups = await portalTasks(emulator, { GROUP_ID: groupIds });
    const portalTotal = inGroups.length;
    const newest = await portalCall(emulator, 'tasks.task.list', { order: { ID: 'desc' }, select: ['ID'], start: -1 });
    const firstNewId = Number((newest.result as { tasks: { id: string }[] }).tasks[0]!.id) + 1;
    // Open tasks that take time records, alternating between the groups.
    const usable = (g: string): PoolTask[] => inGroups.filter((t) => t.groupId === g && t.allowTimeTracking === 'Y' && ['2', '3'].includes(t.status)).map((t) => ({ id: t.id, groupId: g }));
    const [first, second] = groupIds.map(usable) as [PoolTask[], PoolTask[]];
    const pool = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? first[i >> 1] : second[i >> 1])!);
    expect(pool.every(Boolean), 'enough open tasks in the demo groups').toBe(true);

    // --- during first sync: a fresh database every trial.
    const planA = firstSyncPlan(path.join(dir, 'first-sync.json'), pool.slice(30), stages, seed);
    let firstSyncKills = 0;
    let killedBeforeSynced = 0;
    let lastDb = '';
    for (let trial = 0; firstSyncKills < FIRST_SYNC_KILLS && trial < FIRST_SYNC_KILLS * 2; trial++) {
      lastDb = path.join(dir, `first-${trial}.db`);
      const fromSpawn = random() < 0.15;
      const delayMs = Math.round(fromSpawn ? 200 + random() * 500 : random() * 700);
      const run = await runSync(syncArgs(lastDb, planA.file), { delayMs, fromSpawn });
      const context = `seed ${seed}, first-sync trial ${trial} (${fromSpawn ? 'from spawn' : 'after enqueue'} +${delayMs} ms)`;
      if (run.signal !== 'SIGKILL') {
        expectCompleted(run, context);
        continue;
      }
      firstSyncKills++;
      if (!checkStoreAfterKill(lastDb, planA, context, portalTotal, 'first-sync').synced) killedBeforeSynced++;
    }
    const finishA = await runSync(syncArgs(lastDb, planA.file));
    expectCompleted(finishA, `seed ${seed}, first-sync completion`);
    await expectAbsoluteWritesOnPortal(emulator, planA, `seed ${seed}, first-sync phase`);

    // --- during flush: the database is synced; each round's file is re-run until it completes.
    const db = lastDb;
    const plans: EditPlan[] = [];
    let flushKills = 0;
    let killedMidFlush = 0;
    for (let round = 0; flushKills < FLUSH_KILLS && Date.now() - started < BUDGET_MS; round++) {
      const plan = flushPlan(path.join(dir, `flush-${round}.json`), pool.slice(0, 30), stages, seed, round);
      plans.push(plan);
      for (let trial = 0; trial < 8 && flushKills < FLUSH_KILLS; trial++) {
        const fromSpawn = random() < 0.15;
        const delayMs = Math.round(fromSpawn ? 200 + random() * 500 : random() * 900);
        const run = await runSync(syncArgs(db, plan.file), { delayMs, fromSpawn });
        const context = `seed ${seed}, flush round ${round} trial ${trial} (${fromSpawn ? 'from spawn' : 'after enqueue'} +${delayMs} ms)`;
        if (run.signal !== 'SIGKILL') {
          expectCompleted(run, context);
          break;
        }
        flushKills++;
        if (checkStoreAfterKill(db, plan, context, portalTotal, 'flush').pending > 0) killedMidFlush++;
      }
      expectCompleted(await runSync(syncArgs(db, plan.file)), `seed ${seed}, flush round ${round} completion`);
      await expectAbsoluteWritesOnPortal(emulator, plan, `seed ${seed}, flush round ${round}`);
    }
    const totals = await expectAppendsExactlyOnce(emulator, plans, groupIds, firstNewId, `seed ${seed}`);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(
      `headless kill -9: seed ${seed}; first sync: ${firstSyncKills} kills (${killedBeforeSynced} before it committed); ` +
        `flush: ${flushKills} kills over ${plans.length} rounds (${killedMidFlush} with edits still queued); ` +
        `checked ${totals.creates} creates, ${totals.comments} comments, ${totals.times} time records exactly once; ${seconds} s`,
    );
    expect(firstSyncKills + flushKills, `seed ${seed}`).toBeGreaterThanOrEqual(50);
    // The kills must have landed where they were aimed, not only before or after the work.
    expect(killedBeforeSynced, `seed ${seed}: kills inside the first sync`).toBeGreaterThanOrEqual(5);
    expect(killedMidFlush, `seed ${seed}: kills with edits still queued`).toBeGreaterThanOrEqual(8);
  }, 240_000);
});
