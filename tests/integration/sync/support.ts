import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { BitrixGateway } from '../../../src/core/bitrix/gateway';
import { createBitrixClient, type BitrixClient } from '../../../src/core/bitrix/client';
import { SyncEngine, type SyncEngineOptions } from '../../../src/core/sync/engine';
import type { SyncNotice } from '../../../src/core/sync/status';
import { createNodeHttp } from '../../../src/node/http';
import { systemClock } from '../../../src/node/clock';
import { openSqliteStore } from '../../../src/node/store';
import { seededRandom } from '../../support/fake-clock';

export function tempDbPath(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-sync-')), 'pult.db');
}

export interface EngineRig {
  engine: SyncEngine;
  client: BitrixClient;
  store: ReturnType<typeof openSqliteStore>;
  notices: SyncNotice[];
  close(): void;
}

export function engineFor(emulator: EmulatorHandle, options: { dbPath?: string; client?: BitrixClient; schedule?: SyncEngineOptions['schedule']; historyWanted?: SyncEngineOptions['historyWanted'] } = {}): EngineRig {
  const client =
    options.client ??
    createBitrixClient({ http: createNodeHttp(), clock: systemClock, random: seededRandom(3), endpoint: { kind: 'webhook', webhookUrl: emulator.webhookUrl }, maxTransientAttempts: 2, timeoutMs: 5_000 });
  const store = openSqliteStore(options.dbPath ?? tempDbPath());
  const engine = new SyncEngine({
    store,
    portal: new BitrixGateway(client, { canUseOfflineEvents: false }),
    clock: systemClock,
    random: seededRandom(5),
    groupIds: emulator.groups.map((g) => g.id),
    offlineEventsPossible: false,
    ...(options.schedule ? { schedule: options.schedule } : {}),
    ...(options.historyWanted ? { historyWanted: options.historyWanted } : {}),
  });
  const notices: SyncNotice[] = [];
  engine.onNotice((n) => notices.push(n));
  return { engine, client, store, notices, close: () => store.close() };
}

/** A REST call as another portal user would make it (through the admin's webhook). */
export async function portalCall(emulator: EmulatorHandle, method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.webhookUrl}${method}.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(body)}`);
  return body;
}
