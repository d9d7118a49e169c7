/** How an outbox entry and its last problem read in the queue panel. */
import type { QueuedEdit } from '../../shared/api';
import type { MessageKey } from '../i18n';
import { fieldTitles, type FieldTitleContext } from '../shared-ui/field-title';

type Text = { key: MessageKey; values: Record<string, string | number> };

export function describeEdit(edit: QueuedEdit, ctx: FieldTitleContext): Text {
  const payload = edit.payload;
  switch (payload.name) {
    case 'createTask':
      return { key: 'queue.intent.createTask', values: { title: payload.title } };
    case 'updateFields':
      return { key: 'queue.intent.updateFields', values: { id: payload.taskId, fields: fieldTitles(Object.keys(payload.fields), ctx) } };
    case 'changeStatus':
      return { key: 'queue.intent.changeStatus', values: { id: payload.taskId, action: ctx.t(`queue.action.${payload.action}`) } };
    case 'moveCard':
    case 'addComment':
    case 'logTime':
      return { key: `queue.intent.${payload.name}`, values: { id: payload.taskId } };
  }
}

/**
 * The problem in the user's language, from its kind: only a refusal quotes the portal (its words
 * are the reason); a conflict names the fields a colleague changed (a conflicted field edit keeps
 * just those fields).
 */
export function describeProblem(edit: QueuedEdit, ctx: FieldTitleContext): Text | null {
  switch (edit.lastFailure) {
    case null:
      return null;
    case 'refused':
      return { key: 'queue.problem.refused', values: { message: edit.lastError ?? edit.lastErrorCode ?? '' } };
    case 'conflict':
      return { key: 'queue.problem.conflict', values: { fields: edit.payload.name === 'updateFields' ? fieldTitles(Object.keys(edit.payload.fields), ctx) : ctx.t('drawer.history.field.STAGE_ID') } };
    case 'unreachable':
    case 'rate-limited':
    case 'operation-limit':
      return { key: 'queue.problem.retry', values: {} };
    case 'server-error':
      return { key: 'queue.problem.server-error', values: {} };
    case 'signed-out':
    case 'token-expired':
      return { key: 'queue.problem.signed-out', values: {} };
    case 'malformed':
      return { key: 'queue.problem.malformed', values: {} };
  }
}
