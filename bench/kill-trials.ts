/**
 * kill -9 trials at scale (issue 12): the headless command, bundled once with esbuild so each
 * child starts in a tenth of a second, is SIGKILLed at seeded random moments during first sync
 * and during flush, with lost answers (drop-after) mixed in. After every kill the store must pass
 * PRAGMA integrity_check and open; after each round the outbox is drained by a run to the end and
 * the emulator must hold every edit exactly once. Used by the integration test (100 trials) and
 * by `npm run bench -- kill-trials` (500).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startEmulator, type EmulatorHandle } from '../src/bitrix-emulator/index';
import type { IntentPayload } from '../src/core/sync/intents';
import { openSqliteStore } from '../src/node/store';
import { openConnection } from '../src/node/store/connection';
import { seededRandom } from '../tests/support/fake-clock';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Inside the repository, so the bundle finds node_modules (libsql stays a native package). */
const runnerFile = path.join(repoRoot, '.tsbuild', 'kill-trials', 'sync.mjs');

export interface KillTrialsReport {
  seed: number;
  trials: number;
  firstSyncTrials: number;
  flushTrials: number;
  /** Trials with a drop-after (the portal applied the edit, the answer was lost) armed. */
  withLostAnswers: number;
  /** Edits missing on the portal after the drain (or never drained). */
  lost: number;
  /** Edits the portal holds more than once. */
  duplicated: number;
  integrityFailures: number;
  /** Human-readable reasons for the counts above (empty when all is well). */
  problems: string[];
  seconds: number;
}

let bundled: Promise<void> | null = null;

/** Bundles scripts/sync.ts once per process (packages stay external). */
function bundleRunner(): Promise<void> {
  bundled ??= (async () => {
    mkdirSync(path.dirname(runnerFile), { recursive: true });
    await build({ entryPoints: [path.join(repoRoot, 'scripts/sync.ts')], outfile: runnerFile, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node22', logLevel: 'error' });
  })();
  return bundled;
}

interface Run {
  code: number | null;
  killed: boolean;
  stderr: string;
}

/** Runs the bundled command; with `killAfterMs`, SIGKILLs it that long after its outbox is written. */
function runSync(args: readonly string[], killAfterMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runnerFile, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const failsafe = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (killAfterMs !== undefined && timer === undefined && chunk.includes('enqueued ')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(failsafe);
      resolve({ code, killed: signal === 'SIGKILL', stderr });
    });
  });
}

async function rest(emulator: EmulatorHandle, method: string, params: Record<string, unknown>): Promise<{ result: unknown; next?: number }> {
  const response = await fetch(`${emulator.webhookUrl}${method}.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status}`);
  return (await response.json()) as { result: unknown; next?: number };
}

async function allPages<T>(emulator: EmulatorHandle, method: string, params: Record<string, unknown>, rows: (result: unknown) => T[]): Promise<T[]> {
  const out: T[] = [];
  for (let start: number | undefined = 0; start !== undefined; ) {
    const page = await rest(emulator, method, { ...params, start });
    out.push(...rows(page.result));
    start = page.next;
  }
  return out;
}

interface PortalRow {
  id: string;
  groupId: string;
  stageId: string;
  title: string;
  xmlId: string | null;
  status: string;
  allowTimeTracking: string;
}

const taskRows = (result: unknown) => (result as { tasks: PortalRow[] }).tasks;
const tasksWhere = (emulator: EmulatorHandle, filter: Record<string, unknown>) =>
  allPages(emulator, 'tasks.task.list', { filter, select: ['ID', 'GROUP_ID', 'STAGE_ID', 'TITLE', 'XML_ID', 'STATUS', 'ALLOW_TIME_TRACKING'], order: { ID: 'asc' } }, taskRows);

/** One round's edits and what the portal must show for them. */
interface Plan {
  file: string;
  stageOf: Map<string, string>;
  titleOf: Map<string, string>;
  comments: { taskId: string; text: string }[];
  times: { taskId: string; comment: string }[];
  clientIds: string[];
}

function writePlan(file: string, entries: IntentPayload[], plan: Omit<Plan, 'file'>): Plan {
  writeFileSync(file, JSON.stringify(entries));
  return { file, ...plan };
}

function round(file: string, tasks: readonly PortalRow[], stages: Map<string, string[]>, tag: string, appends: boolean): Plan {
  const entries: IntentPayload[] = [];
  const plan: Omit<Plan, 'file'> = { stageOf: new Map(), titleOf: new Map(), comments: [], times: [], clientIds: [] };
  tasks.forEach((task, i) => {
    const ids = stages.get(task.groupId)!;
    const stageId = ids[(i + tag.length) % (ids.length - 1)]!;
    entries.push({ name: 'moveCard', taskId: task.id, stageId });
    plan.stageOf.set(task.id, stageId);
    const title = `kill ${tag} t${task.id}`;
    entries.push({ name: 'updateFields', taskId: task.id, fields: { TITLE: title } });
    plan.titleOf.set(task.id, title);
    if (!appends) return;
    if (i % 2 === 0) {
      const text = `kill comment ${tag} t${task.id}`;
      entries.push({ name: 'addComment', taskId: task.id, text });
      plan.comments.push({ taskId: task.id, text });
    } else {
      const comment = `kill time ${tag} t${task.id}`;
      entries.push({ name: 'logTime', taskId: task.id, seconds: 120, comment });
      plan.times.push({ taskId: task.id, comment });
    }
  });
  if (appends) {
    for (let c = 0; c < 2; c++) {
      const clientId = `kill-${tag}-c${c}`;
      entries.push({ name: 'createTask', clientId, groupId: tasks[c]!.groupId, title: `kill create ${tag} #${c}` });
      plan.clientIds.push(clientId);
    }
  }
  return writePlan(file, entries, plan);
}

/** Methods whose answer a drop-after loses (the edit is applied). */
const WRITE_METHODS = ['batch', 'task.stages.movetask', 'tasks.task.update', 'task.commentitem.add', 'task.elapseditem.add', 'tasks.task.add'];

export interface KillTrialsOptions {
  trials: number;
  seed?: number;
  /** Share of trials during first sync (a fresh database each); the rest during flush. */
  firstSyncShare?: number;
}

export async function runKillTrials(options: KillTrialsOptions): Promise<KillTrialsReport> {
  const started = Date.now();
  const seed = options.seed ?? Date.now() % 1_000_000;
  const random = seededRandom(seed);
  const chance = (p: number) => random.next() < p;
  await bundleRunner();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-kill-trials-'));
  const emulator = await startEmulator({ port: 0, seed: 29, tasks: 400, profile: 'box' });
  // A little latency keeps the child mid-request, so kills land between send and answer.
  emulator.setFaults({ latencyMs: 4 });
  const report: KillTrialsReport = { seed, trials: 0, firstSyncTrials: 0, flushTrials: 0, withLostAnswers: 0, lost: 0, duplicated: 0, integrityFailures: 0, problems: [], seconds: 0 };
  const problem = (kind: 'lost' | 'duplicated' | 'integrityFailures', text: string) => {
    report[kind]++;
    if (report.problems.length < 20) report.problems.push(`seed ${seed}: ${text}`);
  };

  try {
    const groupIds = emulator.groups.map((g) => g.id);
    const args = (db: string, file: string) => ['--portal', emulator.portalUrl, '--webhook', emulator.webhookUrl, '--groups', groupIds.join(','), '--db', db, '--enqueue', file, '--once'];
    const stages = new Map<string, string[]>();
    for (const g of groupIds) {
      const answer = await rest(emulator, 'task.stages.get', { entityId: g });
      stages.set(g, Object.values(answer.result as Record<string, { ID: string; SORT: string }>).sort((a, b) => Number(a.SORT) - Number(b.SORT)).map((s) => s.ID));
    }
    const open = (await tasksWhere(emulator, { GROUP_ID: groupIds })).filter((t) => ['2', '3'].includes(t.status) && t.allowTimeTracking === 'Y');
    const newest = taskRows((await rest(emulator, 'tasks.task.list', { order: { ID: 'desc' }, select: ['ID'] })).result)[0]!;
    const firstNewId = Number(newest.id) + 1;
    const plans: Plan[] = [];

    /** After a kill: the file passes integrity_check and the store opens (its migrations, its outbox). */
    const checkStore = (db: string, context: string) => {
      try {
        const connection = openConnection(db, {});
        const rows = connection.prepare('PRAGMA integrity_check').all() as Record<string, unknown>[];
        connection.close();
        if (rows.length !== 1 || Object.values(rows[0]!)[0] !== 'ok') return problem('integrityFailures', `${context}: ${JSON.stringify(rows)}`);
        openSqliteStore(db).close();
      } catch (error) {
        problem('integrityFailures', `${context}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const armLostAnswer = () => {
      if (!chance(0.35)) return emulator.setFaults({ fail: null });
      report.withLostAnswers++;
      emulator.setFaults({ fail: { kind: 'drop-after', count: 1 + Math.floor(random.next() * 2), methods: WRITE_METHODS } });
    };
    /** Runs the round's file to the end; an edit left queued counts as lost. */
    const drain = async (db: string, plan: Plan, context: string) => {
      emulator.setFaults({ fail: null });
      for (let attempt = 0; attempt < 3; attempt++) {
        const run = await runSync(args(db, plan.file));
        if (run.code === 0) return;
        if (attempt === 2) problem('lost', `${context}: the outbox did not drain (exit ${run.code}): ${run.stderr.trim().split('\n').at(-1)}`);
      }
    };

    // --- during first sync: a fresh database every trial, absolute writes only (safe to resend).
    const firstSyncTrials = Math.round(options.trials * (options.firstSyncShare ?? 0.3));
    const firstPlan = round(path.join(dir, 'first.json'), open.slice(0, 6), stages, `s${seed}-first`, false);
    plans.push(firstPlan);
    let lastDb = '';
    for (let trial = 0; report.firstSyncTrials < firstSyncTrials && trial < firstSyncTrials * 3; trial++) {
      lastDb = path.join(dir, `first-${trial}.db`);
      armLostAnswer();
      const run = await runSync(args(lastDb, firstPlan.file), Math.round(random.next() * 220));
      if (!run.killed) continue;
      report.firstSyncTrials++;
      checkStore(lastDb, `first-sync trial ${trial}`);
    }
    await drain(lastDb, firstPlan, 'first-sync phase');

    // --- during flush: the synced database; each round's file is killed a few times, then drained.
    const db = lastDb;
    const pool = open.slice(6);
    for (let r = 0; report.trials < options.trials && report.flushTrials < options.trials * 2; r++) {
      const tasks = Array.from({ length: 6 }, (_, i) => pool[(r * 6 + i) % pool.length]!);
      const plan = round(path.join(dir, `round-${r}.json`), tasks, stages, `s${seed}-r${r}`, true);
      plans.push(plan);
      for (let k = 0; k < 4 && report.firstSyncTrials + report.flushTrials < options.trials; k++) {
        armLostAnswer();
        const run = await runSync(args(db, plan.file), Math.round(random.next() * 160));
        if (!run.killed) break;
        report.flushTrials++;
        checkStore(db, `flush round ${r} kill ${k}`);
      }
      report.trials = report.firstSyncTrials + report.flushTrials;
      await drain(db, plan, `flush round ${r}`);
    }
    report.trials = report.firstSyncTrials + report.flushTrials;
    await checkPortal(emulator, plans, groupIds, firstNewId, problem);
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
  report.seconds = Number(((Date.now() - started) / 1000).toFixed(1));
  return report;
}

/** Every edit of every round on the portal, appends and creates exactly once. */
async function checkPortal(emulator: EmulatorHandle, plans: readonly Plan[], groupIds: readonly string[], firstNewId: number, problem: (kind: 'lost' | 'duplicated', text: string) => void): Promise<void> {
  const count = (values: readonly string[], wanted: string) => values.filter((v) => v === wanted).length;
  const judge = (copies: number, what: string) => {
    if (copies === 0) problem('lost', `${what} is not on the portal`);
    if (copies > 1) problem('duplicated', `${what} is on the portal ${copies} times`);
  };
  const created = await tasksWhere(emulator, { GROUP_ID: [...groupIds], '>=ID': firstNewId });
  const markers = created.map((t) => t.xmlId ?? '');
  // The last round's absolute writes are the values a task must show (later rounds reuse tasks).
  const finalStage = new Map<string, string>();
  const finalTitle = new Map<string, string>();
  for (const plan of plans) {
    for (const [id, stage] of plan.stageOf) finalStage.set(id, stage);
    for (const [id, title] of plan.titleOf) finalTitle.set(id, title);
    for (const clientId of plan.clientIds) judge(count(markers, `pult:${clientId}`), `the task created as ${clientId}`);
  }
  const ids = [...new Set([...finalStage.keys(), ...finalTitle.keys()])];
  const byId = new Map((await tasksWhere(emulator, { ID: ids })).map((t) => [t.id, t]));
  for (const [id, stage] of finalStage) if (byId.get(id)?.stageId !== stage) problem('lost', `task ${id} is in stage ${byId.get(id)?.stageId}, not ${stage}`);
  for (const [id, title] of finalTitle) if (byId.get(id)?.title !== title) problem('lost', `task ${id} is titled "${byId.get(id)?.title}", not "${title}"`);
  const comments = new Map<string, string[]>();
  const times = new Map<string, string[]>();
  for (const plan of plans) {
    for (const { taskId, text } of plan.comments) {
      if (!comments.has(taskId)) {
        const answer = await rest(emulator, 'task.commentitem.getlist', { TASKID: taskId, ORDER: { ID: 'asc' } });
        comments.set(taskId, (answer.result as { POST_MESSAGE: string }[]).map((c) => c.POST_MESSAGE));
      }
      judge(count(comments.get(taskId)!, text), `comment "${text}"`);
    }
    for (const { taskId, comment } of plan.times) {
      if (!times.has(taskId)) times.set(taskId, await allPages(emulator, 'task.elapseditem.getlist', { TASKID: taskId, ORDER: { ID: 'asc' } }, (r) => (r as { COMMENT_TEXT: string }[]).map((x) => x.COMMENT_TEXT)));
      judge(count(times.get(taskId)!, comment), `time record "${comment}"`);
    }
  }
  const ours = plans.reduce((n, p) => n + p.clientIds.length, 0);
  if (created.length > ours) problem('duplicated', `${created.length} tasks were created, ${ours} asked for`);
}

/** `npm run bench -- kill-trials`: 500 trials. */
export async function benchKillTrials(): Promise<KillTrialsReport> {
  return runKillTrials({ trials: Number(process.env.PULT_KILL_TRIALS ?? 500), ...(process.env.PULT_KILL_SEED ? { seed: Number(process.env.PULT_KILL_SEED) } : {}) });
}
