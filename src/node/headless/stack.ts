/**
 * The same stack the app runs, without Electron, from the same composition (`openPortalSession`):
 * node http → REST client → BitrixGateway → SyncEngine over the SQLite store. Only the
 * credentials differ (a webhook or a token file instead of the keychain).
 */
import path from 'node:path';
import type { BitrixClient, RestEndpoint } from '../../core/bitrix/client';
import { TokenManager } from '../../core/bitrix/token-manager';
import type { SyncEngine } from '../../core/sync/engine';
import type { SyncStore } from '../../core/sync/store';
import { TaskStatus, type Task } from '../../core/domain/model';
import type { Clock, Http, Random } from '../../core/ports';
import { createNodeHttp } from '../http';
import { systemClock, systemRandom } from '../clock';
import { openPortalSession } from '../host/portal-session';
import type { HeadlessArgs } from './args';
import { openTokenFile } from './token-file';

export interface HeadlessStack {
  engine: SyncEngine;
  client: BitrixClient;
  store: SyncStore;
  /**
   * The user the credentials act as, known without the network (the webhook path, the token
   * file's user_id): a task created before the first cycle needs a responsible person.
   */
  userId: string | null;
  /** Something the user should fix (a token file others can read). */
  warnings: string[];
  /** The portal's UTC offset (known after the first cycle measured server.time). */
  portalOffsetMinutes(): number;
  close(): void;
}

export interface StackDeps {
  http?: Http;
  clock?: Clock;
  random?: Random;
}

/** Reads the credentials first (a bad token file fails before the store is touched), then opens the store. */
export function buildStack(args: HeadlessArgs, deps: StackDeps = {}): HeadlessStack {
  const http = deps.http ?? createNodeHttp(args.deadlineMs !== null ? { deadlineMs: args.deadlineMs } : {});
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? systemRandom;
  let endpoint: RestEndpoint;
  let userId: string | null;
  const warnings: string[] = [];
  if (args.credentials.kind === 'webhook') {
    endpoint = { kind: 'webhook', webhookUrl: args.credentials.webhookUrl };
    userId = /\/rest\/(\d+)\//.exec(new URL(args.credentials.webhookUrl).pathname)?.[1] ?? null;
  } else {
    const tokenFile = openTokenFile(args.credentials.file, args.portalUrl, () => clock.now());
    userId = tokenFile.tokens.userId || null;
    if (tokenFile.warning) warnings.push(tokenFile.warning);
    const tokens = new TokenManager({ http, clock, storage: tokenFile.storage, app: async () => tokenFile.app });
    endpoint = { kind: 'oauth', portalUrl: args.portalUrl, tokens };
  }
  const session = openPortalSession({
    dataDir: path.dirname(path.resolve(args.db)),
    portalUrl: args.portalUrl,
    kind: endpoint.kind,
    endpoint,
    http,
    clock,
    random,
    groupIds: args.groupIds,
    databaseFile: args.db,
    // --board shows WIA, stoppers and SLA, which need the history of open tasks.
    ...(args.board !== null ? { historyWanted: (task: Task) => task.status !== TaskStatus.Completed } : {}),
  });
  const { engine, client, store } = session;
  return { engine, client, store, userId, warnings, portalOffsetMinutes: () => engine.portalUtcOffsetMinutes(), close: () => session.close() };
}

export interface Summary {
  tasks: number;
  requests: number;
  seconds: number;
  queued: number;
  failed: number;
  conflicts: number;
}

/** The `--json` line: counts read from the store, not from the engine's cached status. */
export function summarise(stack: HeadlessStack, startedAt: number, now: number): Summary {
  const counts = { queued: 0, failed: 0, conflicts: 0 };
  for (const intent of stack.store.listIntents()) {
    if (intent.state === 'failed') counts.failed++;
    else if (intent.state === 'conflict') counts.conflicts++;
    else counts.queued++;
  }
  return { tasks: stack.store.countTasks(), requests: stack.client.requestCount, seconds: Number(((now - startedAt) / 1000).toFixed(3)), ...counts };
}
