/**
 * Sending the outbox. One intent in flight per task, order kept per task, independent tasks
 * together. No duplicates after a crash or a lost answer: absolute writes are resent freely;
 * creates and appends are marked `sending` before the request and looked up on the portal before
 * any resend.
 */
import { TaskStatus, type Task } from '../domain/model';
import type { Clock, Random } from '../ports';
import { intentKey, type Intent, type StatusAction, type TaskFieldPatch } from './intents';
import type { PortalGateway, SendOutcome } from './portal-port';
import type { SyncStore } from './store';
import { markExtrasStale } from './pull';
import type { SyncNotice } from './status';
import { applyFieldPatch, applyIntent, localTaskId } from './rebase';
import { decideMove, splitFieldConflicts } from './conflicts';

export interface FlushContext {
  store: SyncStore;
  portal: PortalGateway;
  /** Portal time. */
  clock: Clock;
  random: Random;
  userId: string;
  notify(notice: SyncNotice): void;
}

export interface FlushResult {
  sent: number;
  /** The portal could not be reached; the rest waits for the next attempt. */
  unreachable: boolean;
  signedOut: boolean;
  lastError: string | null;
}

const MAX_ROUNDS = 25;

/** Appends and creates: their resend must be preceded by a look-up. */
function needsLookup(intent: Intent): boolean {
  return intent.payload.name === 'createTask' || intent.payload.name === 'logTime' || intent.payload.name === 'addComment';
}

export function retryDelayMs(attempts: number, random: Random): number {
  const ceiling = Math.min(15 * 60_000, 5_000 * 2 ** Math.min(attempts, 10));
  return Math.round(2_500 + random.next() * (ceiling - 2_500));
}

/** Picks, per task, the first intent that may go now. */
function eligible(intents: readonly Intent[], now: number): Intent[] {
  const blocked = new Set<string>();
  const chosen: Intent[] = [];
  for (const intent of intents) {
    const key = intentKey(intent.payload);
    if (blocked.has(key)) continue;
    if (intent.state === 'failed' || intent.state === 'conflict') continue;
    blocked.add(key);
    if (intent.state === 'sending') continue;
    // Edits of a task created offline wait for the create.
    if ('taskId' in intent.payload && intent.payload.taskId.startsWith('local:')) continue;
    if (intent.nextAttemptAt <= now) chosen.push(intent);
  }
  return chosen;
}

function isUnreachable(outcome: SendOutcome): boolean {
  return (outcome.kind === 'retry' || outcome.kind === 'ambiguous') && outcome.failure === 'unreachable';
}

export async function flushOutbox(ctx: FlushContext): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, unreachable: false, signedOut: false, lastError: null };
  /** Sends of this flush whose answer was lost. */
  const lostHere = new Set<number>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (!(await resolveAmbiguous(ctx, result, lostHere))) break;
    const now = ctx.clock.now();
    const candidates = eligible(ctx.store.listIntents(), now);
    const toSend: Intent[] = [];
    const conflicting = new Map<number, TaskFieldPatch>();
    for (const intent of candidates) {
      const prepared = prepare(ctx, intent, conflicting);
      if (prepared) toSend.push(prepared);
    }
    // Candidates settled locally (already there, remote move won, conflict) free the next intent
    // of their task: look again instead of leaving it for the next cycle.
    if (toSend.length === 0) {
      if (candidates.length === 0) break;
      continue;
    }

    // Durably mark what cannot be resent blindly before the request leaves.
    ctx.store.transaction(() => {
      for (const intent of toSend) {
        ctx.store.updateIntent(intent.seq, { attempts: intent.attempts + 1, ...(needsLookup(intent) ? { state: 'sending' } : {}) });
      }
    });
    const outcomes = await ctx.portal.send(toSend);
    await confirmAppliedStatusActions(ctx, toSend, outcomes);
    for (const intent of toSend) if (outcomes.get(intent.seq)?.kind === 'ambiguous') lostHere.add(intent.seq);
    ctx.store.transaction(() => {
      for (const intent of toSend) applyOutcome(ctx, intent, outcomes.get(intent.seq) ?? { kind: 'retry', failure: 'malformed', code: 'NO_ANSWER', message: 'No answer for this edit', retryAt: null }, conflicting.get(intent.seq), result);
    });
    if (result.signedOut || result.unreachable) break;
  }
  return result;
}

/** The statuses each action leads to (complete: 4 when the creator must accept it). */
const STATUS_AFTER: Record<StatusAction, readonly number[]> = {
  start: [TaskStatus.InProgress],
  pause: [TaskStatus.Pending],
  complete: [TaskStatus.SupposedlyCompleted, TaskStatus.Completed],
  renew: [TaskStatus.Pending],
  defer: [TaskStatus.Deferred],
};

/**
 * A status action the portal refuses may be one it has already applied: an earlier send whose
 * answer was lost, or a colleague who did the same. The portal then says "not allowed"; the task
 * read afresh tells whether it is in the status the action leads to, which counts as done.
 */
async function confirmAppliedStatusActions(ctx: FlushContext, sent: readonly Intent[], outcomes: Map<number, SendOutcome>): Promise<void> {
  const refused = sent.filter((intent) => intent.payload.name === 'changeStatus' && outcomes.get(intent.seq)?.kind === 'refused');
  if (refused.length === 0) return;
  let tasks: Task[];
  try {
    tasks = await ctx.portal.readTasksByIds(refused.map((intent) => (intent.payload as { taskId: string }).taskId));
  } catch {
    return; // Cannot tell now: the refusal stands, and the user can retry it.
  }
  for (const intent of refused) {
    const p = intent.payload;
    if (p.name !== 'changeStatus') continue;
    const task = tasks.find((t) => t.id === p.taskId);
    if (task && STATUS_AFTER[p.action].includes(task.status)) outcomes.set(intent.seq, { kind: 'done', task });
  }
}

/** Conflict checks against the freshest server copy; returns the intent to send, or null. */
function prepare(ctx: FlushContext, intent: Intent, conflicting: Map<number, TaskFieldPatch>): Intent | null {
  const p = intent.payload;
  if (p.name === 'createTask' && !p.responsibleId && ctx.userId) {
    // The portal requires a responsible person; by default the one who creates the request.
    const payload = { ...p, responsibleId: ctx.userId };
    ctx.store.updateIntent(intent.seq, { payload });
    return { ...intent, payload };
  }
  if (p.name !== 'updateFields' && p.name !== 'moveCard') return intent;
  const server = ctx.store.getTask(p.taskId);
  if (!server) return intent; // unknown locally: let the portal answer (TASK_NOT_FOUND → refused)
  if (p.name === 'moveCard') {
    const decision = decideMove(intent, p.stageId, server);
    if (decision === 'already-there' || decision === 'remote-wins') {
      ctx.store.removeIntent(intent.seq);
      if (decision === 'remote-wins') ctx.notify({ kind: 'move-lost', taskId: p.taskId, message: 'The card was moved on the portal after your move; the later move stays' });
      return null;
    }
    if (decision === 'mine-wins') ctx.notify({ kind: 'move-overridden', taskId: p.taskId, message: 'Your later move replaced a move made on the portal' });
    return intent;
  }
  const split = splitFieldConflicts(intent, p.fields, server);
  if (Object.keys(split.conflicting).length === 0) return intent;
  if (Object.keys(split.clean).length === 0) {
    ctx.store.updateIntent(intent.seq, { state: 'conflict', lastError: 'Changed on the portal since your edit', lastFailure: 'conflict' });
    ctx.notify({ kind: 'conflict', taskId: p.taskId, message: `Changed on the portal since your edit: ${Object.keys(split.conflicting).join(', ')}`, fields: Object.keys(split.conflicting) });
    return null;
  }
  conflicting.set(intent.seq, split.conflicting);
  return { ...intent, payload: { ...p, fields: split.clean } };
}

function applyOutcome(ctx: FlushContext, intent: Intent, outcome: SendOutcome, conflictingFields: TaskFieldPatch | undefined, result: FlushResult): void {
  const now = ctx.clock.now();
  switch (outcome.kind) {
    case 'done':
      result.sent++;
      applyDone(ctx, intent, outcome.task);
      // Our own change is in the task's history now, even when the portal's change time did not
      // move (one-second resolution): read its extras again in the next pull.
      if ('taskId' in intent.payload) markExtrasStale(ctx.store, intent.payload.taskId);
      if (conflictingFields && intent.payload.name === 'updateFields') {
        ctx.store.updateIntent(intent.seq, { payload: { ...intent.payload, fields: conflictingFields }, state: 'conflict', lastError: 'Changed on the portal since your edit', lastFailure: 'conflict' });
        ctx.notify({ kind: 'conflict', taskId: intent.payload.taskId, message: `Changed on the portal since your edit: ${Object.keys(conflictingFields).join(', ')}`, fields: Object.keys(conflictingFields) });
      } else {
        ctx.store.removeIntent(intent.seq);
      }
      return;
    case 'refused':
      ctx.store.updateIntent(intent.seq, { state: 'failed', lastError: outcome.message, lastErrorCode: outcome.code, lastFailure: 'refused' });
      ctx.notify({ kind: 'refused', taskId: 'taskId' in intent.payload ? intent.payload.taskId : localTaskId(intent.payload.clientId), message: outcome.message, code: outcome.code });
      return;
    case 'signed-out':
      result.signedOut = true;
      result.lastError = outcome.message;
      ctx.store.updateIntent(intent.seq, { state: 'queued', attempts: intent.attempts, lastError: outcome.message, lastErrorCode: outcome.code, lastFailure: 'signed-out' });
      return;
    case 'ambiguous':
      // Stays `sending`: the next round looks it up on the portal before anything is resent.
      ctx.store.updateIntent(intent.seq, { state: 'sending', lastError: outcome.message, lastErrorCode: outcome.code, lastFailure: outcome.failure });
      result.lastError = outcome.message;
      if (isUnreachable(outcome)) result.unreachable = true;
      return;
    case 'retry':
      ctx.store.updateIntent(intent.seq, {
        state: 'queued',
        nextAttemptAt: Math.max(outcome.retryAt ?? 0, now + retryDelayMs(intent.attempts, ctx.random)),
        lastError: outcome.message,
        lastErrorCode: outcome.code,
        lastFailure: outcome.failure,
      });
      result.lastError = outcome.message;
      if (isUnreachable(outcome)) result.unreachable = true;
  }
}

/** The portal confirmed the edit: keep the local server copy in step until the next pull. */
function applyDone(ctx: FlushContext, intent: Intent, returned: Task | null): void {
  const p = intent.payload;
  if (p.name === 'createTask') {
    if (!returned) return;
    const task = p.fields ? applyFieldPatch(returned, p.fields) : returned;
    ctx.store.upsertTasks([task]);
    rewriteLocalReferences(ctx.store, p.clientId, task.id);
    return;
  }
  if (p.name === 'addComment' || p.name === 'logTime') return;
  const server = ctx.store.getTask(p.taskId);
  if (!server) return;
  const next = applyIntent(server, p, ctx.clock.now());
  if (next) ctx.store.upsertTasks([next]);
}

/** Where the portal ID of a task created in Pult is remembered, by its client ID. */
export function createdCursor(clientId: string): string {
  return `created:${clientId}`;
}

/** Edits made to a task before it reached the portal now name its portal ID. */
function rewriteLocalReferences(store: SyncStore, clientId: string, taskId: string): void {
  const local = localTaskId(clientId);
  // A window still showing the local card (an open drawer) finds the portal's task by it.
  store.setCursor(createdCursor(clientId), taskId);
  for (const other of store.listIntents()) {
    if ('taskId' in other.payload && other.payload.taskId === local) {
      store.updateIntent(other.seq, { payload: { ...other.payload, taskId } });
    }
  }
}

/**
 * Intents left `sending` (a crash, or an answer lost): look on the portal. Found → done;
 * not found → queued again. Returns false when the portal cannot be asked now.
 */
async function resolveAmbiguous(ctx: FlushContext, result: FlushResult, lostHere: ReadonlySet<number>): Promise<boolean> {
  for (const intent of ctx.store.listIntents().filter((i) => i.state === 'sending')) {
    const p = intent.payload;
    let onPortal: Task | boolean;
    try {
      onPortal = p.name === 'createTask' ? ((await ctx.portal.findCreatedTask(p.clientId, p.groupId, intent.createdAt)) ?? false) : needsLookup(intent) ? await ctx.portal.isAppendOnPortal(intent, ctx.userId) : false;
    } catch (error) {
      result.unreachable = true;
      result.lastError = error instanceof Error ? error.message : String(error);
      return false;
    }
    ctx.store.transaction(() => {
      if (onPortal === false) {
        // Left `sending` by an earlier cycle or a crash: it goes again at once. Its answer lost in
        // this flush (the portal failing right now): it waits its backoff like any failed send,
        // instead of being resent every round while the portal keeps failing.
        const nextAttemptAt = lostHere.has(intent.seq) ? ctx.clock.now() + retryDelayMs(intent.attempts, ctx.random) : 0;
        ctx.store.updateIntent(intent.seq, { state: 'queued', nextAttemptAt });
        return;
      }
      if (p.name === 'createTask' && onPortal !== true) {
        ctx.store.upsertTasks([onPortal]);
        rewriteLocalReferences(ctx.store, p.clientId, onPortal.id);
      }
      ctx.store.removeIntent(intent.seq);
      result.sent++;
    });
  }
  return true;
}
