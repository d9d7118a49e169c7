/**
 * One connected portal: its REST client, gateway, local store and sync engine. The one place
 * this stack is put together, for the desktop app and browser mode (through the host, from the
 * settings and the keychain) and the headless command (from its arguments).
 */
import { OutboxFileStore } from '../files/outbox-files';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createBitrixClient, type BitrixClient, type RestEndpoint } from '../../core/bitrix/client';
import { BitrixGateway } from '../../core/bitrix/gateway';
import { SyncEngine } from '../../core/sync/engine';
import type { SyncStore } from '../../core/sync/store';
import type { Clock, Http, Logger, Random } from '../../core/ports';
import type { Task } from '../../core/domain/model';
import { openSqliteStore } from '../store';

export interface SessionOptions {
  dataDir: string;
  portalUrl: string;
  kind: 'webhook' | 'oauth' | 'demo';
  endpoint: RestEndpoint;
  http: Http;
  clock: Clock;
  random: Random;
  logger?: Logger;
  groupIds: readonly string[];
  historyWanted?: (task: Task) => boolean;
  /** A throwaway database (the demo portal is new at every start). */
  inMemory?: boolean;
  /** The database file to use instead of the data folder's one for this portal (headless `--db`). */
  databaseFile?: string;
}

export interface PortalSession {
  portalUrl: string;
  kind: 'webhook' | 'oauth' | 'demo';
  client: BitrixClient;
  gateway: BitrixGateway;
  store: SyncStore;
  engine: SyncEngine;
  close(): void;
}

/** One database per portal, so switching portals never mixes their tasks. */
export function databasePath(dataDir: string, portalUrl: string): string {
  const id = createHash('sha256').update(portalUrl).digest('hex').slice(0, 16);
  return path.join(dataDir, `portal-${id}.db`);
}

/** The edits waiting in a portal's database, read without opening a session (0 when there is none). */
export function countQueuedEdits(dataDir: string, portalUrl: string): number {
  const file = databasePath(dataDir, portalUrl);
  if (!existsSync(file)) return 0;
  try {
    const store = openSqliteStore(file);
    try {
      return store.listIntents().length;
    } finally {
      store.close();
    }
  } catch {
    return 0;
  }
}

export function openPortalSession(options: SessionOptions): PortalSession {
  // The engine hears of every attempt, so a portal that went away shows before the retries end.
  let heard: SyncEngine | null = null;
  const onAttempt = (outcome: 'answered' | 'unreachable'): void => heard?.noteAttempt(outcome);
  const client = createBitrixClient({ http: options.http, clock: options.clock, random: options.random, endpoint: options.endpoint, onAttempt, ...(options.logger ? { logger: options.logger } : {}) });
  const gateway = new BitrixGateway(client, { canUseOfflineEvents: options.endpoint.kind === 'oauth', outboxFiles: new OutboxFileStore(options.dataDir) });
  const store = openSqliteStore(options.inMemory ? ':memory:' : (options.databaseFile ?? databasePath(options.dataDir, options.portalUrl)));
  const engine = new SyncEngine({
    store,
    portal: gateway,
    clock: options.clock,
    random: options.random,
    groupIds: options.groupIds,
    offlineEventsPossible: options.endpoint.kind === 'oauth',
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.historyWanted ? { historyWanted: options.historyWanted } : {}),
  });
  heard = engine;
  return {
    portalUrl: options.portalUrl,
    kind: options.kind,
    client,
    gateway,
    store,
    engine,
    close() {
      engine.stop();
      store.close();
    },
  };
}
