/**
 * The victim of the SQLite comparison's kill -9 trials: rewrites a slice of the tasks, an intent
 * and a cursor in one transaction per generation until killed; "ack <generation>" on stdout
 * after each commit. Usage: node --import tsx bench/sqlite-crash-writer.ts <driver> <file> <tasks>
 */
import fs from 'node:fs';
import type { SqliteDriver } from '../src/node/store/connection';
import { openSqliteStore } from '../src/node/store';
import { SLICE, task } from './sqlite-data';

const [driver, file, size] = process.argv.slice(2) as [SqliteDriver, string, string];
const tasks = Number(size);
const store = openSqliteStore(file, { driver });
let generation = Number(store.getCursor('gen') ?? '0');
fs.writeSync(1, `ready ${generation}\n`);
const stopAt = Date.now() + 20_000;
while (Date.now() < stopAt) {
  generation += 1;
  const g = generation;
  const first = (g * SLICE) % tasks;
  store.transaction(() => {
    store.addIntent({ payload: { name: 'addComment', taskId: 'crash', text: String(g) }, baseChangedAt: null, baseValues: null, createdAt: g });
    store.upsertTasks(Array.from({ length: SLICE }, (_, i) => task((first + i) % tasks, -g)));
    store.setCursor('gen', String(g));
  });
  fs.writeSync(1, `ack ${g}\n`);
}
store.close();
