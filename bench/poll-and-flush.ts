/** A quiet delta poll, and flushing 200 queued edits (moves and field updates) on 100 tasks. */
import type { IntentPayload } from '../src/core/sync/intents';
import { benchRig, seconds, spawnEmulator } from './support';

const POLLS = 5;

export async function benchQuietPoll(portalTasks = 10_000) {
  const emulator = await spawnEmulator(portalTasks, 'box');
  const rig = benchRig(emulator);
  try {
    await rig.engine.runCycle();
    const perPoll: { requests: number; ms: number }[] = [];
    // Ticks 1..5: delta polls (the ID reconciliation only runs every 20th tick).
    for (let i = 0; i < POLLS; i++) {
      rig.http.reset();
      const t0 = performance.now();
      await rig.engine.runCycle();
      perPoll.push({ requests: rig.http.requests, ms: Number((performance.now() - t0).toFixed(1)) });
    }
    const ms = perPoll.map((p) => p.ms).sort((a, b) => a - b);
    return { portalTasks, storedTasks: rig.store.countTasks(), polls: POLLS, requestsPerPoll: [...new Set(perPoll.map((p) => p.requests))], medianMs: ms[Math.floor(ms.length / 2)], maxMs: ms.at(-1) };
  } finally {
    rig.close();
    await emulator.close();
  }
}

export async function benchFlush(portalTasks = 2_000, taskCount = 100) {
  const emulator = await spawnEmulator(portalTasks, 'box');
  const rig = benchRig(emulator);
  try {
    await rig.engine.runCycle();
    const edits: IntentPayload[] = [];
    const tasks = emulator.groupIds.flatMap((g) => rig.store.tasksByGroup(g)).slice(0, taskCount);
    tasks.forEach((task, i) => {
      const stages = rig.store.stagesByGroup(task.groupId);
      const target = stages[(stages.findIndex((s) => s.id === task.stageId) + 1) % stages.length]!;
      const move: IntentPayload = { name: 'moveCard', taskId: task.id, stageId: target.id };
      const update: IntentPayload = { name: 'updateFields', taskId: task.id, fields: { PRIORITY: String((task.priority + 1) % 3) } };
      // Mixed order: half the tasks move first, half are updated first.
      edits.push(...(i % 2 === 0 ? [move, update] : [update, move]));
    });
    for (const edit of edits) rig.engine.enqueue(edit);
    rig.http.reset();
    const t0 = performance.now();
    await rig.engine.runCycle();
    const wall = seconds(t0);
    const status = rig.engine.getStatus();
    return {
      edits: edits.length,
      tasks: tasks.length,
      // The whole cycle: a delta poll before, the flush, and the delta poll after it.
      requests: rig.http.requests,
      byMethod: Object.fromEntries(rig.http.byMethod),
      seconds: wall,
      left: { queued: status.queued, failed: status.failed, conflicts: status.conflicts },
    };
  } finally {
    rig.close();
    await emulator.close();
  }
}
