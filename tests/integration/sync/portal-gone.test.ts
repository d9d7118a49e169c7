import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { openPortalSession, type PortalSession } from '../../../src/node/host/portal-session';
import { createNodeHttp } from '../../../src/node/http';
import { systemClock } from '../../../src/node/clock';
import type { Connectivity } from '../../../src/core/sync/status';
import { seededRandom } from '../../support/fake-clock';

let emulator: EmulatorHandle;
let session: PortalSession;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, seed: 4, tasks: 60, profile: 'box' });
  session = openPortalSession({
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'pult-gone-')),
    portalUrl: emulator.portalUrl,
    kind: 'webhook',
    endpoint: { kind: 'webhook', webhookUrl: emulator.webhookUrl },
    http: createNodeHttp(),
    clock: systemClock,
    random: seededRandom(9),
    groupIds: emulator.groups.map((group) => group.id),
  });
});
afterEach(async () => {
  session.close();
  await emulator.close();
});

describe('a portal that goes away', () => {
  it('is shown as unreachable while the client still retries, and as online at the first answer again', async () => {
    await session.engine.runCycle();
    const seen: { connectivity: Connectivity; requests: number }[] = [];
    session.engine.onStatus((status) => {
      if (seen.at(-1)?.connectivity !== status.connectivity) seen.push({ connectivity: status.connectivity, requests: session.client.requestCount });
    });
    const before = session.client.requestCount;
    emulator.setUnreachable(true);
    await expect(session.engine.runCycle()).rejects.toThrow();
    const sentInAll = session.client.requestCount - before;

    expect(seen[0]?.connectivity).toBe('portal-unreachable');
    // Said after the second attempt, with the client's further retries still to come.
    expect(seen[0]!.requests - before).toBe(2);
    expect(sentInAll).toBeGreaterThan(2);

    emulator.setUnreachable(false);
    await session.engine.runCycle();
    expect(seen.at(-1)?.connectivity).toBe('online');
  });

  it('keeps "online" through one dropped connection that the retry gets past', async () => {
    await session.engine.runCycle();
    const states: Connectivity[] = [];
    session.engine.onStatus((status) => states.push(status.connectivity));
    emulator.setFaults({ fail: { kind: 'drop-before', count: 1 } });
    await session.engine.runCycle();
    expect(states.every((state) => state === 'online')).toBe(true);
    expect(session.engine.getStatus().connectivity).toBe('online');
  });
});
