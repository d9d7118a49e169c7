import { createHash, randomBytes } from 'node:crypto';
import type { PortalEvent } from '../contract';
import type { OffsetClock } from '../clock';

export interface Binding {
  id: number;
  clientId: string;
  eventName: string;
  /** '' for offline bindings. */
  handler: string;
  /** AUTH_TYPE user for online handlers, 0 = the acting user. */
  authUserId: number;
  connectorId: string;
}

export interface OfflineRow {
  id: number;
  timestamp: number;
  eventName: string;
  data: Record<string, unknown>;
  additional: Record<string, unknown>;
  messageId: string;
  processId: string;
  clientId: string;
  connectorId: string;
  error: 0 | 1;
}

/** Event handlers and the offline queue, b_rest_event and b_rest_event_offline (server-facts §6). */
export class EventStore {
  readonly bindings: Binding[] = [];
  rows: OfflineRow[] = [];
  private nextBindingId = 1;
  private nextRowId = 1;

  constructor(private readonly clock: OffsetClock) {}

  bind(b: Omit<Binding, 'id'>): boolean {
    const duplicate = this.bindings.some(
      (x) =>
        x.clientId === b.clientId &&
        x.eventName === b.eventName &&
        x.handler === b.handler &&
        x.authUserId === b.authUserId &&
        x.connectorId === b.connectorId,
    );
    if (duplicate) return false;
    this.bindings.push({ ...b, id: this.nextBindingId++ });
    return true;
  }

  unbind(match: (b: Binding) => boolean): number {
    const before = this.bindings.length;
    const keep = this.bindings.filter((b) => !match(b));
    this.bindings.splice(0, this.bindings.length, ...keep);
    return before - keep.length;
  }

  /**
   * A portal change → one row per app+connector that bound it offline. Changes made through REST by the
   * same app with the same auth_connector are not recorded (server-facts §6, ProviderOffline::finalize).
   */
  record(event: PortalEvent): void {
    const name = event.name.toUpperCase();
    for (const b of this.bindings) {
      if (b.handler !== '' || b.eventName !== name) continue;
      const origin = event.origin;
      if (origin && origin.clientId === b.clientId && (origin.authConnector ?? '') === b.connectorId) continue;
      this.enqueue(b.clientId, b.connectorId, name, event.data, { user_id: event.userId });
    }
  }

  /** server-facts §6: MESSAGE_ID = md5(name|json(data)); an identical pending row is merged, timestamp refreshed. */
  private enqueue(
    clientId: string,
    connectorId: string,
    name: string,
    data: Record<string, unknown>,
    additional: Record<string, unknown>,
  ): void {
    const messageId = createHash('md5').update(`${name}|${JSON.stringify(data)}`).digest('hex');
    const now = this.clock.now();
    const pending = this.rows.find(
      (r) => r.messageId === messageId && r.clientId === clientId && r.connectorId === connectorId && r.processId === '',
    );
    if (pending) {
      pending.timestamp = now;
      pending.data = data;
      pending.additional = additional;
      return;
    }
    this.rows.push({
      id: this.nextRowId++,
      timestamp: now,
      eventName: name,
      data,
      additional,
      messageId,
      processId: '',
      clientId,
      connectorId,
      error: 0,
    });
  }

  static newProcessId(): string {
    return randomBytes(16).toString('hex');
  }

  /** event.offline.error (EventOfflineTable::markError): the rows go back to the pool flagged ERROR=1. */
  markError(processId: string, clientId: string, connectorId: string, messageIds: readonly string[]): void {
    const mine = (r: OfflineRow) =>
      r.clientId === clientId && r.connectorId === connectorId && messageIds.includes(r.messageId);
    this.rows = this.rows.filter((r) => !(mine(r) && r.error === 0 && r.processId !== processId));
    for (const r of this.rows) {
      if (mine(r) && r.error === 0 && r.processId === processId) {
        r.error = 1;
        r.processId = '';
      }
    }
  }

  remove(match: (r: OfflineRow) => boolean): void {
    this.rows = this.rows.filter((r) => !match(r));
  }
}
