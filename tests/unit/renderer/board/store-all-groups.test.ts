import { describe, expect, it } from 'vitest';
import type { BoardPage, BoardSnapshot, PultApi, QueuedEdit } from '../../../../src/shared/api';
import { createAppStore } from '../../../../src/renderer/store/app-store';
import { ALL_GROUPS } from '../../../../src/renderer/board/combined-model';
import { card, directory, settings, snapshot } from './fixtures';

const boards: Record<string, BoardSnapshot> = {
  '1': snapshot([card('1')]),
  '2': snapshot([card('7', { groupId: '2', stageId: '0' })], { groupId: '2', stages: [] }),
};

function fakeApi(groupIds: string[]) {
  const read: string[] = [];
  const status = { connectivity: 'online' as const, queued: 0, failed: 0, conflicts: 0, lastSyncAt: null, firstSync: null, lastError: null };
  const api = {
    getAppInfo: async () => ({ version: '0', shell: 'browser' as const, connection: { portalUrl: 'http://p', kind: 'demo' as const, userId: '2', isAdmin: true }, configured: true, canSignInInApp: false, notifications: false, keychainWait: null, secrets: { kind: 'keychain', keychainProblem: null, canUseMemory: false }, oauthRedirectUri: 'http://127.0.0.1:45678/oauth/callback' }),
    getSettings: async () => ({ ...settings(), groupIds }),
    getDirectory: async () => directory,
    getSyncStatus: async () => status,
    listQueued: async () => [] as QueuedEdit[],
    listGroups: async () => [],
    getBoardPage: async ({ groupId }: { groupId: string }): Promise<BoardPage> => {
      read.push(groupId);
      const board = boards[groupId]!;
      return { ...board, snapshotId: `${groupId}-1`, offset: 0, total: board.cards.length, nextOffset: null };
    },
  } as unknown as PultApi;
  return { api, read };
}

describe('the combined board in the store', () => {
  it('is where someone bound to several groups starts, with every group’s board read', async () => {
    const { api, read } = fakeApi(['1', '2']);
    const store = createAppStore(api);
    await store.getState().start();
    expect(store.getState().activeGroupId).toBe(ALL_GROUPS);
    expect(read.sort()).toEqual(['1', '2']);
    expect(Object.keys(store.getState().boards).sort()).toEqual(['1', '2']);
  });

  it('is not where one group starts, and gives way to the group’s board when only one is left bound', async () => {
    const single = createAppStore(fakeApi(['1']).api);
    await single.getState().start();
    expect(single.getState().activeGroupId).toBe('1');

    const store = createAppStore(fakeApi(['1', '2']).api);
    await store.getState().start();
    store.getState().applySettings({ ...settings(), groupIds: ['2'] });
    expect(store.getState().activeGroupId).toBe('2');
  });
});
