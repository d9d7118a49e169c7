/** Running the headless command as a child process, and reading the emulated portal over REST. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { seededRandom } from '../../support/fake-clock';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const script = path.join(repoRoot, 'scripts/sync.ts');

export function tempDir(prefix = 'pult-headless-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string[];
  stderr: string;
  /** The child had printed its "enqueued ..." line (store open, outbox written) when it ended. */
  wasReady: boolean;
}

export interface KillPlan {
  /** Kill this long after the "enqueued" line (or after spawn, when `fromSpawn`). */
  delayMs: number;
  fromSpawn: boolean;
}

/** `node --import tsx scripts/sync.ts ...` (faster than npx), optionally SIGKILLed on a plan. */
export function runSync(args: readonly string[], kill?: KillPlan, failsafeMs = 60_000): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: string[] = [];
    let buffer = '';
    let stderr = '';
    let wasReady = false;
    let timer: NodeJS.Timeout | undefined;
    const killNow = (): void => void child.kill('SIGKILL');
    if (kill?.fromSpawn) timer = setTimeout(killNow, kill.delayMs);
    const failsafe = setTimeout(killNow, failsafeMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        stdout.push(line);
        if (!wasReady && line.startsWith('enqueued ')) {
          wasReady = true;
          if (kill && !kill.fromSpawn) timer = setTimeout(killNow, kill.delayMs);
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
      if (buffer) stdout.push(buffer);
      resolve({ code, signal, stdout, stderr, wasReady });
    });
  });
}

/** The `--json` line: the last line printed. */
export function summaryOf(run: ChildRun): Record<string, number> {
  const last = run.stdout.at(-1) ?? '';
  try {
    return JSON.parse(last) as Record<string, number>;
  } catch {
    throw new Error(`no JSON summary as the last line (exit ${run.code}); stdout:\n${run.stdout.join('\n')}\nstderr:\n${run.stderr}`);
  }
}

/** A REST call through the emulator's admin webhook, as a person checking the portal would. */
export async function portalCall(emulator: EmulatorHandle, method: string, params: Record<string, unknown>): Promise<{ result: unknown; total?: number; next?: number }> {
  const response = await fetch(`${emulator.webhookUrl}${method}.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
  const body = (await response.json()) as { result: unknown; total?: number; next?: number };
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}

export interface PortalTask {
  id: string;
  groupId: string;
  stageId: string;
  title: string;
  priority: string;
  xmlId: string | null;
  allowTimeTracking: string;
  status: string;
}

/** Every task matching `filter`, all pages (ordered by ID). */
export async function portalTasks(emulator: EmulatorHandle, filter: Record<string, unknown>): Promise<PortalTask[]> {
  const select = ['ID', 'GROUP_ID', 'STAGE_ID', 'TITLE', 'PRIORITY', 'XML_ID', 'ALLOW_TIME_TRACKING', 'STATUS'];
  const tasks: PortalTask[] = [];
  for (let start: number | undefined = 0; start !== undefined; ) {
    const page = await portalCall(emulator, 'tasks.task.list', { filter, select, order: { ID: 'asc' }, start });
    tasks.push(...(page.result as { tasks: PortalTask[] }).tasks);
    start = page.next;
  }
  return tasks;
}

export async function portalComments(emulator: EmulatorHandle, taskId: string): Promise<string[]> {
  const answer = await portalCall(emulator, 'task.commentitem.getlist', { TASKID: taskId, ORDER: { ID: 'asc' } });
  return (answer.result as { POST_MESSAGE: string }[]).map((c) => c.POST_MESSAGE);
}

export async function portalTimeRecords(emulator: EmulatorHandle, taskId: string): Promise<string[]> {
  const rows: string[] = [];
  for (let start: number | undefined = 0; start !== undefined; ) {
    const answer = await portalCall(emulator, 'task.elapseditem.getlist', { TASKID: taskId, ORDER: { ID: 'asc' }, start });
    rows.push(...(answer.result as { COMMENT_TEXT: string }[]).map((r) => r.COMMENT_TEXT));
    start = answer.next;
  }
  return rows;
}

export async function portalStages(emulator: EmulatorHandle, groupId: string): Promise<string[]> {
  const answer = await portalCall(emulator, 'task.stages.get', { entityId: groupId });
  const stages = Object.values(answer.result as Record<string, { ID: string; SORT: string }>);
  return stages.sort((a, b) => Number(a.SORT) - Number(b.SORT)).map((s) => s.ID);
}

/** Seeded, so a failing run replays with its printed seed. */
export function prng(seed: number): () => number {
  const random = seededRandom(seed);
  return () => random.next();
}
