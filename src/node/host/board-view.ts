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
  return card.status !== TaskStatus.Completed || card.closedAt === null || card.closedAt >= since || card.pendingEdits > 0 || card.failedEdits > 0;
}

function boardSince(session: PortalSession): number {
  return session.engine.portalClock.now() - BOARD_DONE_DAYS * 86_400_000;
}

export function boardSnapshot(session: PortalSession, groupId: string, clock: Clock, settings: Settings): BoardSnapshot {
  const since = boardSince(session);
  // A large group carries thousands of long-closed tasks: they would only weigh on the board.
  const cards = session.engine.view(groupId).filter((card) => onBoard(card, since));
  const onIt = new Set(cards.map((card) => card.id));
  // One read for the whole board, not one per card.
  const history: BoardSnapshot['history'] = {};
  for (const [taskId, entries] of session.store.historyByGroup(groupId, boardHistoryFields(settings))) {
    if (onIt.has(taskId)) history[taskId] = entries;
  }
  return {
    groupId,
    stages: session.store.stagesByGroup(groupId),
    cards,
    history,
    portalOffsetMs: session.engine.portalClock.now() - clock.now(),
    portalUtcOffsetMinutes: session.gateway.portalOffsetMinutes(),
  };
}

/** Above this many changed tasks a window reads its boards again rather than apply a delta. */
const DELTA_LIMIT = 500;

/** The engine's change as the windows need it: per bound group, the changed cards whole. */
export function boardDelta(session: PortalSession, change: SyncChange, groupIds: readonly string[], settings: Settings): BoardDelta {
  const outboxChanged = change.outbox ? session.store.listIntents().map(toQueuedEdit) : null;
  const affected = [...new Set([...change.tasks.map((t) => t.id), ...change.removedTaskIds, ...change.outboxTaskIds, ...change.extrasTaskIds])];
  if (change.reset || affected.length > DELTA_LIMIT) {
    return { reset: true, groups: [], taskIds: [], directory: true, queued: outboxChanged };
  }
  const since = boardSince(session);
  const cards = session.engine.viewOf(affected).filter((card) => onBoard(card, since));
  const history = session.store.historyByTasks(cards.map((card) => card.id), boardHistoryFields(settings));
  const groups: BoardGroupDelta[] = groupIds.map((groupId) => {
    const mine = cards.filter((card) => card.groupId === groupId);
    const kept = new Set(mine.map((card) => card.id));
    const delta: BoardGroupDelta = {
      groupId,
      cards: mine,
      removed: affected.filter((id) => !kept.has(id)),
      history: Object.fromEntries(mine.map((card) => [card.id, history.get(card.id) ?? []])),
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
