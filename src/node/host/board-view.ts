/** Read models the renderer asks for, built from the local store and the engine's view. */
import type { Settings } from '../../core/domain/settings';
import type { Task } from '../../core/domain/model';
import { TaskStatus } from '../../core/domain/model';
import type { Clock } from '../../core/ports';
import type { Intent } from '../../core/sync/intents';
import type { BoardSnapshot, QueuedEdit, TaskDetails } from '../../shared/api';
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

export function boardSnapshot(session: PortalSession, groupId: string, clock: Clock): BoardSnapshot {
  const since = session.engine.portalClock.now() - BOARD_DONE_DAYS * 86_400_000;
  // A large group carries thousands of long-closed tasks: they would only weigh on the board.
  const cards = session.engine
    .view(groupId)
    .filter((card) => card.status !== TaskStatus.Completed || card.closedAt === null || card.closedAt >= since || card.pendingEdits > 0 || card.failedEdits > 0);
  const history: BoardSnapshot['history'] = {};
  for (const card of cards) {
    const entries = session.store.historyByTask(card.id);
    if (entries.length) history[card.id] = entries;
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

export async function taskDetails(session: PortalSession, taskId: string, settings: Settings): Promise<TaskDetails> {
  const { store, gateway } = session;
  const card = findCard(session, taskId);
  if (!card) throw new ApiFailure('invalid-input', hostText('taskNotOnBoard', hostLanguage(settings), { id: taskId }));
  if (/^\d+$/.test(taskId)) {
    // Fresh details when the portal answers; the local copy otherwise (offline).
    try {
      const [history, comments, elapsed] = await Promise.all([gateway.readHistory(taskId), gateway.readComments(taskId), gateway.readElapsed(taskId)]);
      store.transaction(() => {
        store.replaceHistory(taskId, history);
        store.upsertComments(comments);
        store.upsertElapsed(elapsed);
      });
    } catch {
      // Offline or refused: show what the store has.
    }
  }
  return {
    task: card,
    history: store.historyByTask(taskId),
    comments: store.commentsByTask(taskId),
    elapsed: store.elapsedByTask(taskId),
    portalLink: `${session.portalUrl}/workgroups/group/${card.groupId}/tasks/task/view/${taskId}/`,
  };
}

function findCard(session: PortalSession, taskId: string) {
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
    createdAt: intent.createdAt,
  };
}
