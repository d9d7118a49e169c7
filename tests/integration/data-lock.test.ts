/**
 * One process per data folder, with real processes: the headless command and browser mode refuse
 * a folder another Pult process holds (one line naming it), and take over the lock of one killed
 * with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/bitrix-emulator/index';
import { LOCK_FILE_NAME } from '../../src/node/data-lock';
import { repoRoot, runSync, tempDir } from './headless/support';

let emulator: EmulatorHandle;
const dir = tempDir('pult-data-lock-');

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 5, tasks: 60, profile: 'box' });
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

function tsxChild(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, script), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A process holding `folder` as `entry`, once it says so. */
async function holder(folder: string, entry: string): Promise<ChildProcess> {
  const child = tsxChild('tests/integration/fixtures/hold-data-lock.ts', [folder, entry]);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
    child.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
  });
  return child;
}

async function killed(child: ChildProcess): Promise<void> {
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

function run(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

const syncArgs = (db: string) => ['--portal', emulator.portalUrl, '--webhook', emulator.webhookUrl, '--groups', emulator.groups.map((g) => g.id).join(','), '--db', db, '--once'];

describe('the data folder lock across processes', () => {
  it('the headless command exits 2 with one line naming browser mode, and syncs once its holder was killed', async () => {
    const folder = path.join(dir, 'headless');
    const db = path.join(folder, 'pult.db');
    const browser = await holder(folder, 'browser');
    try {
      const refused = await runSync(syncArgs(db));
      expect(refused.code).toBe(2);
      expect(refused.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^sync: the data folder .* is in use by browser mode \\(pid ${browser.pid} since `))]);
      expect(existsSync(db), 'the store was not opened').toBe(false);
    } finally {
      await killed(browser);
    }
    // The lock of a process killed with SIGKILL stays on disk and is taken over.
    expect(JSON.parse(readFileSync(path.join(folder, LOCK_FILE_NAME), 'utf8')).pid).toBe(browser.pid);
    const synced = await runSync(syncArgs(db));
    expect(synced.code, synced.stderr).toBe(0);
    expect(existsSync(path.join(folder, LOCK_FILE_NAME)), 'released on exit').toBe(false);
  }, 60_000);

  it('browser mode refuses at start, naming the headless command, before anything opens the store', async () => {
    const folder = path.join(dir, 'browser');
    const renderer = path.join(dir, 'renderer');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
    const headless = await holder(folder, 'headless');
    try {
      const refused = await run(tsxChild('scripts/web.ts', ['--data', folder, '--renderer', renderer, '--secrets', 'memory']));
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(new RegExp(`^pult web: the data folder .* is in use by the headless sync command \\(pid ${headless.pid} since .*\\n$`));
      expect(existsSync(path.join(folder, 'settings.json'))).toBe(false);
    } finally {
      await killed(headless);
    }
  }, 60_000);
});
