/**
 * The user's own workgroups read through the real client from the emulator over HTTP, as a box
 * portal answers `sonet_group.user.groups`: the caller's groups only, whatever is asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BitrixGateway } from '../../../src/core/bitrix/gateway';
import type { EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { openSqliteStore } from '../../../src/node/store';
import { firstSync } from '../../../src/core/sync/pull';
import { ChangeCollector } from '../../../src/core/sync/changes';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signInWithOAuth, startPortal, webhookClient } from './support';

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startPortal({ tasks: 40 });
});
afterAll(async () => {
  await emulator.close();
});

describe('sonet_group.user.groups against the emulator', () => {
  it('the demo admin (the webhook user) belongs to the first line only, as a member', async () => {
    const gateway = new BitrixGateway(webhookClient(emulator), { canUseOfflineEvents: false });
    expect(await gateway.readMemberships()).toEqual([{ groupId: '1', role: 'member' }]);
  });

  it('another user signed in by OAuth gets their own groups and roles', async () => {
    const owner = emulator.users.find((user) => user.id === '7')!;
    const { gateway } = await signInWithOAuth(emulator, owner.login, owner.password);
    const memberships = await gateway.readMemberships();
    expect(memberships).toContainEqual({ groupId: '2', role: 'owner' });
    expect(memberships.map((m) => m.groupId)).not.toContain('1');
  });

  it('the refresh at a reconcile reads membership and every group\'s stages in one batch request, as the single reads do', async () => {
    const client = webhookClient(emulator);
    const gateway = new BitrixGateway(client, { canUseOfflineEvents: false });
    const before = client.requestCount;
    const refresh = await gateway.readDirectoryRefresh(['1', '2', '999999']);
    expect(client.requestCount - before).toBe(1);
    expect(refresh.memberships).toEqual(await gateway.readMemberships());
    expect(refresh.stages.get('1')).toEqual(await gateway.readStages('1'));
    expect(refresh.stages.get('2')).toEqual(await gateway.readStages('2'));
    expect(refresh.stages.get('1')!.length).toBeGreaterThan(0);
  });

  it('an extranet client belongs to the Service Desk groups and not to the closed internal one', async () => {
    const client = emulator.users.find((user) => user.type === 'extranet')!;
    const { gateway } = await signInWithOAuth(emulator, client.login, client.password);
    expect((await gateway.readMemberships()).map((m) => m.groupId).sort()).toEqual(['1', '2']);
  });

  it("cannot read another user's membership: a USER_ID is ignored, the caller's groups come back", async () => {
    const client = webhookClient(emulator);
    const own = await client.call('sonet_group.user.groups', {});
    const asked = await client.call('sonet_group.user.groups', { USER_ID: 7, userId: 7, ID: 7 });
    expect(asked.result).toEqual(own.result);
    expect(asked.result).toEqual([{ GROUP_ID: '1', GROUP_NAME: 'Service Desk — 1-я линия', ROLE: 'K', GROUP_IMAGE_ID: null, GROUP_IMAGE: '' }]);
  });

  it('the first sync keeps the membership in the SQLite store, read back after reopening', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-membership-'));
    try {
      const file = path.join(dir, 'pult.db');
      const store = openSqliteStore(file);
      expect(store.memberships()).toBeNull();
      const portal = new BitrixGateway(webhookClient(emulator), { canUseOfflineEvents: false });
      await firstSync({ store, portal, groupIds: ['1', '2'], changes: new ChangeCollector() }, () => {});
      expect(store.memberships()).toEqual([{ groupId: '1', role: 'member' }]);
      store.close();
      const again = openSqliteStore(file);
      expect(again.memberships()).toEqual([{ groupId: '1', role: 'member' }]);
      again.replaceMemberships([]);
      expect(again.memberships()).toEqual([]);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
