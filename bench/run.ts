/**
 * `npm run bench`: runs the benchmarks and prints one JSON object per benchmark line, then a
 * summary line with the machine. Never part of `npm test`.
 */
import os from 'node:os';
import { benchConsole } from './console';
import { endChildrenOnInterrupt } from './descendants';
import { benchEmulatorStartup } from './emulator-startup';
import { benchFirstSync } from './first-sync';
import { benchHostSeam } from './host-seam';
import { benchKillTrials } from './kill-trials';
import { benchOutage } from './outage';
import { benchFlush, benchQuietPoll } from './poll-and-flush';
import { benchSoak } from './soak';
import { benchSqliteDrivers } from './sqlite-drivers';

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };

const only = process.argv.slice(2);
const benches: Record<string, () => Promise<unknown>> = {
  'emulator-startup': () => benchEmulatorStartup(),
  'first-sync-box': () => benchFirstSync('box'),
  'first-sync-cloud': () => benchFirstSync('cloud'),
  'quiet-poll': () => benchQuietPoll(),
  'flush-200-edits': () => benchFlush(),
  console: () => benchConsole(),
  'host-seam': () => benchHostSeam(),
  'sqlite-drivers': () => benchSqliteDrivers(),
  // 500 kill -9 trials of the headless command (PULT_KILL_TRIALS, PULT_KILL_SEED to change).
  'kill-trials': () => benchKillTrials(),
  soak: () => benchSoak(),
  // The portal away for two minutes, a restart while it is away, its return (21,000 tasks).
  outage: () => benchOutage(),
};

async function main(): Promise<void> {
  endChildrenOnInterrupt();
  for (const [name, run] of Object.entries(benches)) {
    if (only.length && !only.includes(name)) continue;
    const result = await run();
    process.stdout.write(`${JSON.stringify({ bench: name, result })}\n`);
  }
  process.stdout.write(`${JSON.stringify({ machine })}\n`);
}

void main();
