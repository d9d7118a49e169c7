/** Read models the renderer asks for, built from the local store and the engine's view. */
import type { Settings } from '../../core/domain/settings';
import type { Task } from '../../core/domain/model';
import { TaskStatus } from '../../core/domain/model';
import type { Clock } from '../../core/ports';
import type { Intent } from '../../core/sync/intents';
import type { BoardCard, BoardDelta, BoardGroupDelta, BoardSnapshot, QueuedEdit, TaskDetails } from '../../shared/api';
import type { SyncChange } from '../../core/sync/changes';
import { hasFreshExtras, refreshTaskExtras } from '../../core/sync/pull';
import { createdCursor } from '../../core/sync/flush';
import { ChangeCollector } from '../../core/sync/changes';
import { ApiFailure } from '../api-failure';
import { hostLanguage, hostText } from './host-messages';
import type { PortalSession } from './portal-session';

const NINETY_DAYS_MS = 90 * 86_400_000;

/**
 * Tasks whose history the board and reports need: every open task (WIA, stoppers, SLA reaction)
 * and those finished in the last 90 days (cycle-time percentiles, reopen counts).
 */
export function wantsHistory(task: Task, _settings: Settings, now: number): boolean {
  if (task.status !== TaskStatus.Completed) return true;
  return task.closedAt !== null && now - task.closedAt <= NINETY_DAYS_MS;
}

/** Finished tasks stay on the board this long; reports still count older ones. */
export const BOARD_DONE_DAYS = 30;

/** The history fields the board reads (stage path, status, stopper): the rest is the drawer's. */
export function boardHistoryFields(settings: Settings): string[] {
  return ['STAGE_ID', 'STATUS', ...(settings.fields.blocker ? [settings.fields.blocker] : [])];
}

/** Whether a card stays on its group's board (long-finished tasks leave it). */
function onBoard(card: BoardCard, since: number): boolean {
  return taskOnBoard(card, since) || card.pendingEdits > 0 || card.failedEdits > 0;
}

function taskOnBoard(task: Task, since: number): boolean {
  return task.status !== TaskStatus.Completed || task.closedAt === null || task.closedAt >= since;
}

function boardSince(session: PortalSession): number {
  return session.engine.portalClock.now() - BOARD_DONE_DAYS * 86_400_000;
}

export function boardSnapshot(session: PortalSession, groupId: string, clock: Clock, settings: Settings): BoardSnapshot {
  const since = boardSince(session);
  // A large group carries thousands of long-closed tasks: they would only weigh on the board, so
  // the store does not even read them (nor their history).
  const cards = session.engine.view(groupId, since).filter((card) => onBoard(card, since));
  const onIt = new Set(cards.map((card) => card.id));
  // One read for the whole board, not one per card.
  const history: BoardSnapshot['history'] = {};
  const scope = { closedSince: since, keepIds: cards.filter((card) => card.pendingEdits > 0 || card.failedEdits > 0).map((card) => card.id) };
  for (const [taskId, entries] of session.store.historyByGroup(groupId, boardHistoryFields(settings), scope)) {
    if (onIt.has(taskId)) history[taskId] = entries;
  }
  return {
    groupId,
    stages: session.store.stagesByGroup(groupId),
    cards,
    history,
    portalOffsetMs: session.engine.portalClock.now() - clock.now(),
    portalUtcOffsetMinutes: session.engine.portalUtcOffsetMinutes(),
  };
}

/** Above this many changed cards a window reads its boards again rather than apply a delta. */
const DELTA_LIMIT = 500;
/** History alone is small (a few entries a card): a catch-up chunk of it still goes as a delta. */
const HISTORY_DELTA_LIMIT = 5_000;

/** The engine's change as the windows need it: per bound group, the changed cards whole. */
export function boardDelta(session: PortalSession, change: SyncChange, groupIds: readonly string[], settings: Settings): BoardDelta {
  const outboxChanged = change.outbox ? session.store.listIntents().map(toQueuedEdit) : null;
  // Cards that changed go whole; a task whose history alone was read (the card is the same) sends
  // just its board history, so a catch-up of extras costs the page kilobytes, not a board read.
  const changedIds = [...new Set([...change.tasks.map((t) => t.id), ...change.removedTaskIds, ...change.outboxTaskIds])];
  const changedSet = new Set(changedIds);
  const historyOnly = [...new Set(change.extrasTaskIds)].filter((id) => !changedSet.has(id));
  const affected = [...changedIds, ...historyOnly];
  if (change.reset || changedIds.length > DELTA_LIMIT || historyOnly.length > HISTORY_DELTA_LIMIT) {
    return { reset: true, groups: [], taskIds: [], directory: true, queued: outboxChanged };
  }
  const since = boardSince(session);
  const cards = session.engine.viewOf(changedIds).filter((card) => onBoard(card, since));
  const historyTasks = historyOnly.map((id) => session.store.getTask(id)).filter((task): task is Task => task !== null && taskOnBoard(task, since));
  const history = session.store.historyByTasks([...cards.map((card) => card.id), ...historyTasks.map((task) => task.id)], boardHistoryFields(settings));
  const groups: BoardGroupDelta[] = groupIds.map((groupId) => {
    const mine = cards.filter((card) => card.groupId === groupId);
    const kept = new Set(mine.map((card) => card.id));
    const historyIds = [...kept, ...historyTasks.filter((task) => task.groupId === groupId).map((task) => task.id)];
    const delta: BoardGroupDelta = {
      groupId,
      cards: mine,
      removed: changedIds.filter((id) => !kept.has(id)),
      history: Object.fromEntries(historyIds.map((id) => [id, history.get(id) ?? []])),
    };
    if (change.stageGroupIds.includes(groupId)) delta.stages = session.store.stagesByGroup(groupId);
    return delta;
  });
  return { reset: false, groups, taskIds: affected, directory: change.directory, queued: outboxChanged };
}

/**
 * The drawer's data, from the local store, which the engine keeps in step with every change of
 * the task. Only a task whose extras were never read (or changed while they were not kept, such
 * as a long-closed one) is read from the portal, once, when its drawer opens.
 */
export async function taskDetails(session: PortalSession, taskId: string, settings: Settings): Promise<TaskDetails> {
  const { store } = session;
  const card = findCard(session, taskId);
  if (!card) throw new ApiFailure('invalid-input', hostText('taskNotOnBoard', hostLanguage(settings), { id: taskId }));
  const stored = store.getTask(card.id);
  if (stored && !hasFreshExtras(store, stored, { comments: true })) {
    try {
      // Its own collector: the engine's next change set is not mixed with what a drawer read.
      await refreshTaskExtras({ store, portal: session.gateway, changes: new ChangeCollector() }, [stored], { comments: true });
    } catch {
      // Offline or refused: show what the store has.
    }
  }
  return {
    task: card,
    history: store.historyByTask(card.id),
    comments: store.commentsByTask(card.id),
    elapsed: store.elapsedByTask(card.id),
    portalLink: `${session.portalUrl}/workgroups/group/${card.groupId}/tasks/task/view/${card.id}/`,
  };
}

function findCard(session: PortalSession, taskId: string): BoardCard | null {
  // A card created here and since sent: the drawer opened on its local ID follows it to the portal's.
  const created = taskId.startsWith('local:') ? session.store.getCursor(createdCursor(taskId.slice('local:'.length))) : null;
  if (created) return findCard(session, created);
  const stored = session.store.getTask(taskId);
  let groupId = stored?.groupId;
  for (const { payload } of session.store.listIntents()) {
    if (!groupId && payload.name === 'createTask' && `local:${payload.clientId}` === taskId) groupId = payload.groupId;
  }
  if (!groupId) return null;
  return session.engine.view(groupId).find((card) => card.id === taskId) ?? null;
}

export function toQueuedEdit(intent: Intent): QueuedEdit {
  return {
    seq: intent.seq,
    payload: intent.payload,
    state: intent.state,
    attempts: intent.attempts,
    lastError: intent.lastError,
    lastErrorCode: intent.lastErrorCode,
    lastFailure: intent.lastFailure,
    createdAt: intent.createdAt,
  };
}
