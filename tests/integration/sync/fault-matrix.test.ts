/**
 * Issue 12, the fault matrix: every transport and sign-in fault the emulator can play × every kind
 * of edit, through the real stack (OAuth REST client → gateway → SyncEngine → outbox in a SQLite
 * file) over real HTTP. Each case: the fault is on while the edit is first sent, then it clears;
 * the edit must reach the portal exactly once (asserted on the emulator, not on Pult's store), and
 * a revoked sign-in must show "signed out" with the edit kept until the user signs in again.
 * The engine's clock is injected, so backoff waits are skipped by moving it, not by sleeping.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import type { FailKind } from '../../../src/bitrix-emulator/http/faults';
import { createBitrixClient } from '../../../src/core/bitrix/client';
import { BitrixGateway } from '../../../src/core/bitrix/gateway';
import { SyncEngine } from '../../../src/core/sync/engine';
import type { IntentPayload } from '../../../src/core/sync/intents';
import type { Clock } from '../../../src/core/ports';
import { createNodeHttp } from '../../../src/node/http';
import { openSqliteStore } from '../../../src/node/store';
import { seededRandom } from '../../support/fake-clock';
import { signInWithOAuth } from '../core/support';
import { portalCall, portalComments, portalTasks, portalTimeRecords, tempDir, type PortalTask } from '../headless/support';

type FaultKind = FailKind | 'unreachable' | 'latency' | 'expired-token' | 'revoked-token';
const FAULTS: readonly FaultKind[] = ['http500', 'html502', 'http503', 'http429', 'drop-before', 'drop-after', 'hang', 'unreachable', 'latency', 'expired-token', 'revoked-token'];

type EditKind = 'move' | 'fields' | 'start' | 'complete' | 'comment-legacy' | 'comment-chat' | 'time' | 'create';
const EDITS: readonly EditKind[] = ['move', 'fields', 'start', 'complete', 'comment-legacy', 'comment-chat', 'time', 'create'];

/** The REST method each edit is sent with: the fault aims at it, so reads around it stay healthy. */
const WRITE_METHOD: Record<EditKind, string> = {
  move: 'task.stages.movetask',
  fields: 'tasks.task.update',
  start: 'tasks.task.start',
  complete: 'tasks.task.complete',
  'comment-legacy': 'task.commentitem.add',
  'comment-chat': 'tasks.task.chat.message.send',
  time: 'task.elapseditem.add',
  create: 'tasks.task.add',
};

const TIMEOUT_MS = 600;
const MAX_TRANSIENT_ATTEMPTS = 2;
/** More than any backoff the outbox or the engine chooses after a few failures. */
const PAST_BACKOFF_MS = 16 * 60_000;

let emulator: EmulatorHandle;
const dir = tempDir('pult-fault-matrix-');
let skewMs = 0;
/** The workstation clock as the engine sees it: moved forward to skip waits. */
const engineClock: Clock = { now: () => Date.now() + skewMs, sleep: async (ms) => void (skewMs += ms) };
/** The same time for the REST client (it measures the portal's clock), whose retry waits happen at once. */
const clientClock: Clock = { now: () => engineClock.now(), sleep: async () => undefined };
let signIn: Awaited<ReturnType<typeof signInWithOAuth>>;
let engine: SyncEngine;
let store: ReturnType<typeof openSqliteStore>;
let pool: PortalTask[];
let stages: Map<string, string[]>;
let runId = '';

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 41, tasks: 700, profile: 'box' });
  const admin = emulator.users.find((u) => u.admin)!;
  signIn = await signInWithOAuth(emulator, admin.login, admin.password);
  const client = createBitrixClient({
    http: createNodeHttp(),
    clock: clientClock,
    random: seededRandom(12),
    endpoint: { kind: 'oauth', portalUrl: emulator.portalUrl, tokens: signIn.manager },
    maxTransientAttempts: MAX_TRANSIENT_ATTEMPTS,
    timeoutMs: TIMEOUT_MS,
  });
  store = openSqliteStore(path.join(dir, 'pult.db'));
  const groupIds = emulator.groups.map((g) => g.id);
  engine = new SyncEngine({ store, portal: new BitrixGateway(client, { canUseOfflineEvents: false }), clock: engineClock, random: seededRandom(13), groupIds, offlineEventsPossible: false });
  await engine.runCycle();
  const tasks = await portalTasks(emulator, { GROUP_ID: groupIds });
  // Pending tasks that take time records: every edit kind (start, complete included) applies to them.
  pool = tasks.filter((t) => t.status === '2' && t.allowTimeTracking === 'Y');
  stages = new Map(groupIds.map((g) => [g, store.stagesByGroup(g).map((s) => s.id)]));
  runId = `fm${Date.now() % 100_000}`;
}, 60_000);

afterAll(async () => {
  store?.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

function requestsOf(method: string): number {
  const counts = emulator.state().requests as { byMethod: Record<string, number> };
  return counts.byMethod[method] ?? 0;
}

function startFault(fault: FaultKind, method: string): void {
  switch (fault) {
    case 'unreachable':
      return emulator.setUnreachable(true);
    case 'latency':
      // Slow but under the client's timeout: the edit goes in the same cycle.
      return emulator.setFaults({ latencyMs: TIMEOUT_MS / 4 });
    case 'expired-token':
      return emulator.expireAccessTokens();
    case 'revoked-token':
      emulator.revokeRefreshTokens();
      return emulator.expireAccessTokens();
    default:
      // More failures than the client retries within one send: the outbox must see the failure.
      return emulator.setFaults({ fail: { kind: fault, count: MAX_TRANSIENT_ATTEMPTS + 1, methods: [method], ...(fault === 'http503' || fault === 'http429' ? { retryAfterSeconds: 1 } : {}) } });
  }
}

function clearFaults(): void {
  emulator.setFaults({ fail: null, latencyMs: 0, unreachable: false });
}

interface Case {
  payload: IntentPayload;
  /** What the portal must show afterwards, read over REST as a colleague would. */
  check(): Promise<void>;
}

async function portalTask(id: string): Promise<Record<string, string>> {
  const answer = await portalCall(emulator, 'tasks.task.get', { taskId: id, select: ['ID', 'TITLE', 'STAGE_ID', 'STATUS', 'CHAT_ID'] });
  return (answer.result as { task: Record<string, string> }).task;
}

async function chatTexts(taskId: string): Promise<string[]> {
  const chatId = (await portalTask(taskId)).chatId;
  const answer = await portalCall(emulator, 'im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, LIMIT: 50 });
  return (answer.result as { messages: { text: string }[] }).messages.map((m) => m.text);
}

const once = (list: readonly string[], text: string) => list.filter((t) => t === text).length;

function caseFor(edit: EditKind, task: PortalTask, tag: string): Case {
  const text = `${runId} ${tag}`;
  switch (edit) {
    case 'move': {
      const ids = stages.get(task.groupId)!;
      const target = ids.find((id) => id !== task.stageId && id !== ids.at(-1))!;
      return { payload: { name: 'moveCard', taskId: task.id, stageId: target }, check: async () => expect((await portalTask(task.id)).stageId).toBe(target) };
    }
    case 'fields':
      return { payload: { name: 'updateFields', taskId: task.id, fields: { TITLE: text } }, check: async () => expect((await portalTask(task.id)).title).toBe(text) };
    case 'start':
      return { payload: { name: 'changeStatus', taskId: task.id, action: 'start' }, check: async () => expect((await portalTask(task.id)).status).toBe('3') };
    case 'complete':
      return { payload: { name: 'changeStatus', taskId: task.id, action: 'complete' }, check: async () => expect((await portalTask(task.id)).status).toBe('5') };
    case 'comment-legacy':
      return { payload: { name: 'addComment', taskId: task.id, text }, check: async () => expect(once(await portalComments(emulator, task.id), text)).toBe(1) };
    case 'comment-chat':
      return { payload: { name: 'addComment', taskId: task.id, text }, check: async () => expect(once(await chatTexts(task.id), text)).toBe(1) };
    case 'time':
      return { payload: { name: 'logTime', taskId: task.id, seconds: 600, comment: text }, check: async () => expect(once(await portalTimeRecords(emulator, task.id), text)).toBe(1) };
    case 'create':
      return {
        payload: { name: 'createTask', clientId: `${runId}-${tag}`, groupId: task.groupId, title: text },
        check: async () => expect((await portalTasks(emulator, { TITLE: text })).map((t) => t.xmlId)).toEqual([`pult:${runId}-${tag}`]),
      };
  }
}

async function cycle(): Promise<void> {
  try {
    await engine.runCycle();
  } catch {
    // A failed cycle is part of the case; its status is checked.
  }
}

interface Outcome {
  /** The write method's calls during the faulty cycle (one send, its retries, any resend). */
  writesWhileFaulty: number;
  statusWhileFaulty: string;
  cyclesToDrain: number;
}

async function runCase(fault: FaultKind, edit: EditKind, task: PortalTask): Promise<Outcome> {
  const method = WRITE_METHOD[edit];
  const { payload, check } = caseFor(edit, task, `${fault}/${edit}`);
  startFault(fault, method);
  const before = requestsOf(method);
  engine.enqueue(payload);
  await cycle();
  const writesWhileFaulty = requestsOf(method) - before;
  const statusWhileFaulty = engine.getStatus().connectivity;
  clearFaults();
  if (fault === 'revoked-token') {
    // Shown as signed out, the edit kept; signing in again sends it.
    expect(statusWhileFaulty).toBe('signed-out');
    expect(store.listIntents().map((i) => i.state)).toEqual(['queued']);
    const admin = emulator.users.find((u) => u.admin)!;
    await signIn.manager.replace((await signInWithOAuth(emulator, admin.login, admin.password)).tokens);
  }
  let cycles = 0;
  while (store.listIntents().length > 0 && cycles < 4) {
    skewMs += PAST_BACKOFF_MS;
    await cycle();
    cycles++;
  }
  expect(store.listIntents().map((i) => `${i.state}: ${i.lastError}`), 'the outbox drained').toEqual([]);
  expect(engine.getStatus().connectivity).toBe('online');
  await check();
  return { writesWhileFaulty, statusWhileFaulty, cyclesToDrain: cycles };
}

describe('the fault matrix: every fault × every edit, over real HTTP into a SQLite outbox', () => {
  it(`${FAULTS.length} faults × ${EDITS.length} edits: each reaches the portal exactly once after the fault clears`, async () => {
    const started = Date.now();
    let next = 0;
    const failures: string[] = [];
    let cases = 0;
    for (const edit of EDITS) {
      emulator.setCommentMode(edit === 'comment-chat' ? 'chat' : 'legacy');
      for (const fault of FAULTS) {
        const task = pool[next++];
        expect(task, 'enough pending tasks in the pool').toBeDefined();
        cases++;
        try {
          const outcome = await runCase(fault, edit, task!);
          // An ambiguous or failed send waits for its backoff: never resent again and again in one
          // cycle. An overloaded portal's Retry-After is waited once more inside the REST client.
          const overloaded = fault === 'http503' || fault === 'http429';
          expect(outcome.writesWhileFaulty, 'write calls in the faulty cycle').toBeLessThanOrEqual(MAX_TRANSIENT_ATTEMPTS + (overloaded ? 2 : 0));
        } catch (error) {
          failures.push(`${fault} × ${edit} (task ${task!.id}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          clearFaults();
          for (const intent of store.listIntents()) store.removeIntent(intent.seq);
        }
      }
    }
    console.info(`fault matrix: ${cases} cases (${FAULTS.length} faults × ${EDITS.length} edits), ${failures.length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(84);
  }, 120_000);
});
