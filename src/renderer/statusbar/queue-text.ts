/** How an outbox entry reads in the queue panel. */
import type { QueuedEdit } from '../../shared/api';
import type { MessageKey } from '../i18n';

export function describeEdit(edit: QueuedEdit): { key: MessageKey; values: Record<string, string | number> } {
  const payload = edit.payload;
  switch (payload.name) {
    case 'createTask':
      return { key: 'queue.intent.createTask', values: { title: payload.title } };
    case 'updateFields':
      return { key: 'queue.intent.updateFields', values: { id: payload.taskId, fields: Object.keys(payload.fields).join(', ') } };
    case 'changeStatus':
      return { key: 'queue.intent.changeStatus', values: { id: payload.taskId, action: payload.action } };
    case 'moveCard':
    case 'addComment':
    case 'logTime':
      return { key: `queue.intent.${payload.name}`, values: { id: payload.taskId } };
  }
}
