/**
 * One driver's run of the SQLite comparison, in a process of its own so its module load is cold:
 * open a new file, the first sync's write, the board's reads, outbox enqueue and flush. Prints
 * one JSON line. Usage: node --import tsx bench/sqlite-driver-child.ts <driver> <file> <tasks>
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SqliteDriver } from '../src/node/store/connection';
import { BOARD_SINCE, GROUPS, history, NOW, stages, task } from './sqlite-data';

const [driver, file, size] = process.argv.slice(2) as [SqliteDriver, string, string];
const tasks = Number(size);
const ms = (t0: number) => Number((performance.now() - t0).toFixed(1));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

let t0 = performance.now();
createRequire(import.meta.url)(driver === 'libsql' ? 'libsql' : 'node:sqlite');
const moduleLoadMs = ms(t0);
const { openSqliteStore } = await import('../src/node/store');

t0 = performance.now();
let store = openSqliteStore(file, { driver });
const openNewMs = ms(t0);

// The first sync writes everything in one transaction (core/sync/pull.ts firstSync).
const all = Array.from({ length: tasks }, (_, n) => task(n));
t0 = performance.now();
store.transaction(() => {
  for (const groupId of GROUPS) store.replaceStages(groupId, stages(groupId));
  store.upsertTasks(all);
  store.setCursor('changed', String(NOW));
});
const firstSyncWriteMs = ms(t0);

// History of the open tasks, a page of 500 tasks per transaction, as the history pass reads it.
const open = all.map((_, n) => n).filter((n) => all[n]!.closedAt === null);
t0 = performance.now();
for (let i = 0; i < open.length; i += 500) {
  store.transaction(() => {
    for (const n of open.slice(i, i + 500)) store.replaceHistory(String(1000 + n), history(n));
  });
}
const historyWriteMs = ms(t0);
store.close();

/** What a board reads for each group (host/board-view.ts boardSnapshot and engine.view). */
function readBoards(): number {
  let cards = 0;
  for (const groupId of GROUPS) {
    const scope = { closedSince: BOARD_SINCE, keepIds: [] };
    cards += store.tasksByGroup(groupId, scope).length;
    store.historyByGroup(groupId, ['STAGE_ID', 'STATUS', 'UF_AUTO_BLOCKER'], scope);
    store.stagesByGroup(groupId);
    store.listIntents();
  }
  return cards;
}

t0 = performance.now();
store = openSqliteStore(file, { driver });
const reopenMs = ms(t0);
t0 = performance.now();
const boardCards = readBoards();
const firstBoardReadMs = ms(t0);
const repeats: number[] = [];
for (let i = 0; i < 10; i += 1) {
  t0 = performance.now();
  readBoards();
  repeats.push(ms(t0));
}

// The outbox: each enqueue is its own durable transaction (fsync with synchronous = FULL); a
// flush marks an edit as sending, then removes it and stores the portal's answer together.
const EDITS = 200;
t0 = performance.now();
const queued = Array.from({ length: EDITS }, (_, i) => store.addIntent({ payload: { name: 'moveCard', taskId: String(1000 + open[i]!), stageId: '12-1' }, baseChangedAt: NOW, baseValues: null, createdAt: NOW + i }));
const enqueueMs = ms(t0);
t0 = performance.now();
for (const intent of queued) {
  store.updateIntent(intent.seq, { state: 'sending', attempts: 1 });
  store.transaction(() => {
    store.removeIntent(intent.seq);
    store.upsertTasks([task(open[intent.seq % open.length]!, NOW + intent.seq)]);
  });
}
const flushMs = ms(t0);
const storedTasks = store.countTasks();
store.close();

process.stdout.write(
  `${JSON.stringify({
    driver,
    tasks,
    storedTasks,
    moduleLoadMs,
    openNewMs,
    firstSyncWriteMs,
    historyWriteMs,
    historyTasks: open.length,
    reopenMs,
    boardCards,
    firstBoardReadMs,
    boardReadMedianMs: median(repeats),
    enqueuePerEditMs: Number((enqueueMs / EDITS).toFixed(2)),
    flushPerEditMs: Number((flushMs / EDITS).toFixed(2)),
    fileMiB: Number((statSync(file).size / 2 ** 20).toFixed(1)),
  })}\n`,
);
