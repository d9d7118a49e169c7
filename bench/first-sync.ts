/**
 * First sync of the demo groups against the emulator, box and cloud profiles, beside a naive
 * reader that fetches one 50-row page per request (`start=-1` and a `>ID` cursor, as the official
 * SDK's list helper does). Requests are counted on the wire (an Http wrapper), 503s included.
 */
import type { BitrixClient } from '../src/core/bitrix/client';
import { TASK_SELECT } from '../src/core/bitrix/task-mapper';
import { benchRig, listLowerBound, seconds, spawnEmulator, type EmulatorProcess } from './support';

type Profile = 'box' | 'cloud';

/** Sizes at which the naive reader also runs on the cloud profile (50,000 would take ~8 minutes at 2 requests/s). */
const NAIVE_CLOUD_SIZES = new Set([1_000, 10_000]);

/** One page per request, `start=-1` (no count) and `>ID` from the last row: the SDK's list helper. */
async function naiveReadTasks(client: BitrixClient, groupIds: readonly string[]): Promise<number> {
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const answer = await client.call('tasks.task.list', { filter: { GROUP_ID: [...groupIds], '>ID': lastId }, select: [...TASK_SELECT, 'XML_ID'], order: { ID: 'asc' }, start: -1 });
    const page = (answer.result as { tasks?: { id: string }[] }).tasks ?? [];
    rows += page.length;
    if (page.length < 50) return rows;
    lastId = Number(page.at(-1)!.id);
  }
}

/** Wall time with no request in flight: this process's own work (mapping, SQLite writes). */
function clientSeconds(t0: number, waitingMs: number): number {
  return Number(((performance.now() - t0 - waitingMs) / 1000).toFixed(3));
}

async function ours(emulator: EmulatorProcess) {
  const rig = benchRig(emulator);
  try {
    const t0 = performance.now();
    await rig.engine.runCycle();
    const wall = seconds(t0);
    const status = rig.engine.getStatus();
    const tasks = rig.store.countTasks();
    return {
      tasks,
      requests: rig.http.requests,
      taskListRequests: rig.http.taskListRequests,
      lowerBound: { taskList: listLowerBound(tasks), total: listLowerBound(tasks) + (rig.http.requests - rig.http.taskListRequests) },
      otherRequests: rig.http.requests - rig.http.taskListRequests,
      seconds: wall,
      clientSeconds: clientSeconds(t0, rig.http.waitingMs),
      status503: rig.http.status503,
      // The proof no 503 reached the user: the cycle resolved, online, with every task stored.
      cycleSucceeded: status.connectivity === 'online' && status.lastError === null,
    };
  } finally {
    rig.close();
  }
}

async function naive(emulator: EmulatorProcess) {
  const rig = benchRig(emulator);
  try {
    const t0 = performance.now();
    const rows = await naiveReadTasks(rig.client, emulator.groupIds);
    return { tasks: rows, taskListRequests: rig.http.requests, seconds: seconds(t0), clientSeconds: clientSeconds(t0, rig.http.waitingMs), status503: rig.http.status503 };
  } finally {
    rig.close();
  }
}

async function withEmulator<T>(tasks: number, profile: Profile, work: (emulator: EmulatorProcess) => Promise<T>): Promise<T> {
  const emulator = await spawnEmulator(tasks, profile);
  try {
    return await work(emulator);
  } finally {
    await emulator.close();
  }
}

export async function benchFirstSync(profile: Profile, sizes: readonly number[] = [1_000, 10_000, 50_000]) {
  const rows: unknown[] = [];
  for (const portalTasks of sizes) {
    // A fresh portal for each reader: on cloud, each starts with an empty leaky bucket.
    const mine = await withEmulator(portalTasks, profile, ours);
    const runNaive = profile === 'box' || NAIVE_CLOUD_SIZES.has(portalTasks);
    const other = runNaive ? await withEmulator(portalTasks, profile, naive) : { skipped: 'naive reader not run on cloud at this size: one page per request at 2 requests/s would take minutes' };
    rows.push({ profile, portalTasks, ours: mine, naive: other });
  }
  return rows;
}
