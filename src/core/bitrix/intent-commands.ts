/**
 * Intents → portal commands. Legacy `task.*` methods take arguments by position (server-facts
 * §4), so their parameters are built as ordered arrays-in-objects in the documented order.
 */
import type { BatchCommand } from './batch';
import type { Intent } from '../sync/intents';

export type CommentMode = 'legacy' | 'chat';

/** Status actions whose method name differs from the action. */
const STATUS_METHOD = {
  start: 'tasks.task.start',
  pause: 'tasks.task.pause',
  complete: 'tasks.task.complete',
  renew: 'tasks.task.renew',
  defer: 'tasks.task.defer',
} as const;

export interface IntentCommand {
  command: BatchCommand;
  /** v3 methods go to /rest/api/ and cannot ride in a v2 batch. */
  api: 'v2' | 'v3';
  /** Appends and creates must not be resent blindly (REST 2 keeps no idempotency keys). */
  idempotent: boolean;
  /** REST 3.0 calls carry this key, which makes a resend safe (docs rest-v3.md). */
  idempotencyKey?: string;
}

/** Stable for one intent across retries and restarts, distinct across stores. */
export function idempotencyKeyOf(intent: Intent): string {
  return `pult-${intent.createdAt}-${intent.seq}`;
}

export function commandFor(intent: Intent, commentMode: CommentMode): IntentCommand {
  const p = intent.payload;
  switch (p.name) {
    case 'moveCard': {
      const params: Record<string, unknown> = { id: p.taskId, stageId: p.stageId };
      if (p.beforeId) params.before = p.beforeId;
      else if (p.afterId) params.after = p.afterId;
      return { command: { method: 'task.stages.movetask', params }, api: 'v2', idempotent: true };
    }
    case 'updateFields':
      return { command: { method: 'tasks.task.update', params: { taskId: p.taskId, fields: p.fields } }, api: 'v2', idempotent: true };
    case 'changeStatus':
      return { command: { method: STATUS_METHOD[p.action], params: { taskId: p.taskId } }, api: 'v2', idempotent: true };
    case 'addComment':
      return commentMode === 'chat'
        ? {
            command: { method: 'tasks.task.chat.message.send', params: { fields: { taskId: Number(p.taskId), text: p.text } } },
            api: 'v3',
            idempotent: true,
            idempotencyKey: idempotencyKeyOf(intent),
          }
        : // Positional: TASKID, FIELDS (docs-facts §3).
          { command: { method: 'task.commentitem.add', params: { TASKID: p.taskId, FIELDS: { POST_MESSAGE: p.text } } }, api: 'v2', idempotent: false };
    case 'logTime':
      // Positional: TASKID, ARFIELDS.
      return {
        command: { method: 'task.elapseditem.add', params: { TASKID: p.taskId, ARFIELDS: { SECONDS: p.seconds, COMMENT_TEXT: p.comment } } },
        api: 'v2',
        idempotent: false,
      };
    case 'createTask': {
      const fields: Record<string, unknown> = { ...(p.fields ?? {}), TITLE: p.title, GROUP_ID: p.groupId, XML_ID: `pult:${p.clientId}` };
      if (p.description) fields.DESCRIPTION = p.description;
      if (p.responsibleId) fields.RESPONSIBLE_ID = p.responsibleId;
      return { command: { method: 'tasks.task.add', params: { fields } }, api: 'v2', idempotent: false };
    }
  }
}

/** The XML_ID Pult writes on tasks it creates, so a resend can find an earlier success. */
export function clientMarker(clientId: string): string {
  return `pult:${clientId}`;
}
