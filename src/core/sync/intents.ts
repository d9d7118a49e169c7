/**
 * Intents: named, replayable edits (Replicache's mutation idea). Each is written durably to the
 * outbox before the UI shows it as queued, and sent when the portal is reachable.
 */
import type { FailureKind } from '../failure';
import type { UserFieldValue } from '../domain/model';

/** A portal task field (UPPERCASE, as `tasks.task.update` takes it) and its new value. */
export type TaskFieldPatch = Record<string, UserFieldValue>;

/** Why an edit is waiting or stopped: a portal failure, or a conflict with a colleague's change. */
export type IntentFailure = FailureKind | 'conflict';

/** A file to attach to a queued comment: saved in the data folder under `fileRef` until it is sent. */
export interface CommentFile {
  fileRef: string;
  name: string;
  size: number;
}

export type StatusAction = 'start' | 'pause' | 'complete' | 'renew' | 'defer';

export type IntentPayload =
  | { name: 'moveCard'; taskId: string; stageId: string; beforeId?: string; afterId?: string }
  | { name: 'updateFields'; taskId: string; fields: TaskFieldPatch }
  | { name: 'changeStatus'; taskId: string; action: StatusAction }
  | { name: 'addComment'; taskId: string; text: string; files?: CommentFile[] }
  | { name: 'logTime'; taskId: string; seconds: number; comment: string }
  | {
      name: 'createTask';
      /** Pult's own ID for the new task, stored on the task so a resend can find it. */
      clientId: string;
      groupId: string;
      title: string;
      description?: string;
      responsibleId?: string;
      fields?: TaskFieldPatch;
    };

export type IntentName = IntentPayload['name'];

export type IntentState =
  /** Waiting to be sent (or to be retried at nextAttemptAt). */
  | 'queued'
  /** A request that changes the portal may be on its way; after a crash, check before resending. */
  | 'sending'
  /** The portal refused it; kept for the user to retry or discard. */
  | 'failed'
  /** Someone else changed the same field since this edit was made; the user settles it. */
  | 'conflict';

export interface Intent {
  /** Outbox sequence number: order of creation, unique per store. */
  seq: number;
  payload: IntentPayload;
  /** The task's server `changedAt` this edit was based on (null for createTask). */
  baseChangedAt: number | null;
  /** For field edits: the server values of the edited fields when the edit was made. */
  baseValues: TaskFieldPatch | null;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** The portal's error code of the last failure, if it answered one. */
  lastErrorCode: string | null;
  /** What kind of failure `lastError` was: the UI words it from this, never from the message. */
  lastFailure: IntentFailure | null;
  state: IntentState;
  /** After a successful createTask: the portal's task ID. */
  resultTaskId: string | null;
}

/** The task an intent is about, for per-task ordering; createTask orders by its client ID. */
export function intentKey(payload: IntentPayload): string {
  return payload.name === 'createTask' ? `client:${payload.clientId}` : `task:${payload.taskId}`;
}
