/** What the drawer's parts share: the task's details plus the directory, settings and board. */
import type { BoardSnapshot, Directory, QueuedEdit, TaskDetails } from '../../shared/api';
import type { Settings } from '../../core/domain/settings';
import type { IntentPayload } from '../shared-ui/intent-types';

export interface DrawerData {
  details: TaskDetails;
  /** Queued edits of this task (comments and time records not on the portal yet). */
  queued: QueuedEdit[];
  settings: Settings;
  directory: Directory | null;
  /** The task's group board: stage titles, the portal's clock offset and time zone. */
  board: BoardSnapshot | null;
  /** Queues one intent; false (with the message shown) when the host refused it. */
  send(payload: IntentPayload): Promise<boolean>;
  reload(): Promise<void>;
}

export function portalOffsetMinutes(data: Pick<DrawerData, 'board' | 'settings'>): number {
  return data.board?.portalUtcOffsetMinutes ?? data.settings.calendar.utcOffsetMinutes;
}
