/** The outbox commands: every edit becomes one durable intent; retry, discard, settle a conflict, sync now. */
import type { IntentPayload } from '../../core/sync/intents';
import type { QueuedEdit } from '../../shared/api';
import { toQueuedEdit } from './board-view';
import type { ConnectionService } from './connection-service';

export class OutboxCommands {
  constructor(private readonly connection: ConnectionService) {}

  enqueue(payload: IntentPayload): QueuedEdit {
    return toQueuedEdit(this.connection.requireSession().engine.enqueue(payload));
  }

  listQueued(): QueuedEdit[] {
    return this.connection.requireSession().store.listIntents().map(toQueuedEdit);
  }

  retryEdit(seq: number): void {
    this.connection.requireSession().engine.retry(seq);
  }

  discardEdit(seq: number): void {
    this.connection.requireSession().engine.discard(seq);
  }

  resolveConflict(seq: number, choice: 'mine' | 'theirs'): void {
    this.connection.requireSession().engine.resolveConflict(seq, choice);
  }

  async syncNow(): Promise<void> {
    await this.connection.requireSession().engine.syncNow().catch(() => undefined);
  }

  setVisible(visible: boolean): void {
    this.connection.current?.engine.setVisible(visible);
  }
}
