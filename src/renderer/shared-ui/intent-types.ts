/** Intent types as the renderer sees them: through the API contract (core/sync is off limits here). */
import type { QueuedEdit } from '../../shared/api';

export type IntentPayload = QueuedEdit['payload'];
export type StatusAction = Extract<IntentPayload, { name: 'changeStatus' }>['action'];
export type TaskFieldPatch = Extract<IntentPayload, { name: 'updateFields' }>['fields'];
