import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo, BoardPage, PultApi, QueuedEdit } from '../../../../src/shared/api';
import { startBootPrefetch, withBootPrefetch } from '../../../../src/renderer/boot-prefetch';
import { createAppStore } from '../../../../src/renderer/store/app-store';
import { card, directory, settings, snapshot } from '../board/fixtures';

const CONNECTED: AppInfo = { version: '0', shell: 'browser', connection: { portalUrl: 'http://p', kind: 'demo', userId: '2', isAdmin: true }, configured: true, canSignInInApp: false, notifications: false, keychainWait: null, secrets: { kind: 'keychain', keychainProblem: null, canUseMemory: false }, oauthRedirectUri: 'http://127.0.0.1:45678/oauth/callback' };
const page = (title: string): BoardPage => ({ ...snapshot([card('1', { title })]), snapshotId: '1-1', offset: 0, total: 1, nextOffset: null });

/** A host that counts its calls by method; `board` names the cards of each page it answers. */
function countingHost(info: AppInfo = CONNECTED) {
  const calls: Record<string, number> = {};
  let boardReads = 0;
  const count = (method: string) => (calls[method] = (calls[method] ?? 0) + 1);
  const api = {
    getAppInfo: async () => (count('getAppInfo'), info),
    getSettings: async () => (count('getSettings'), settings()),
    getDirectory: async () => (count('getDirectory'), directory),
    getSyncStatus: async () => (count('getSyncStatus'), { connectivity: 'online' as const, queued: 0, failed: 0, conflicts: 0, lastSyncAt: null, firstSync: null, lastError: null }),
    listQueued: async () => (count('listQueued'), [] as QueuedEdit[]),
    listGroups: async () => (count('listGroups'), []),
    getBoardPage: async () => (count('getBoardPage'), page(`read ${++boardReads}`)),
  } as unknown as PultApi;
  return { api, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('boot prefetch', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the boot calls before the store exists, and the store boots on their answers without asking again', async () => {
    const host = countingHost();
    startBootPrefetch(host.api);
    await settle();
    expect(host.calls).toEqual({ getAppInfo: 1, getSettings: 1, getBoardPage: 1, getDirectory: 1, getSyncStatus: 1, listQueued: 1 });

    const store = createAppStore(withBootPrefetch(host.api));
    await store.getState().start();
    expect(store.getState().boot).toBe('ready');
    expect(store.getState().boards['1']?.cards[0]?.title).toBe('read 1');
    // Only the group list was not prefetched.
    expect(host.calls).toEqual({ getAppInfo: 1, getSettings: 1, getBoardPage: 1, getDirectory: 1, getSyncStatus: 1, listQueued: 1, listGroups: 1 });

    // Served once: the next read of the board goes to the host.
    await store.getState().loadBoard('1');
    expect(host.calls.getBoardPage).toBe(2);
    expect(store.getState().boards['1']?.cards[0]?.title).toBe('read 2');
  });

  it('reads nothing but the app info and settings before a portal is set up', async () => {
    const host = countingHost({ ...CONNECTED, connection: null, configured: false });
    startBootPrefetch(host.api);
    await settle();
    expect(host.calls).toEqual({ getAppInfo: 1, getSettings: 1 });
    const store = createAppStore(withBootPrefetch(host.api));
    await store.getState().start();
    expect(store.getState().boot).toBe('first-run');
    expect(host.calls).toEqual({ getAppInfo: 1, getSettings: 1 });
  });

  it('asks again when a prefetched call failed, and drops answers nobody took in time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const host = countingHost();
    let failInfo = true;
    const flaky = new Proxy(host.api, {
      get: (target, name) => (name === 'getAppInfo' && failInfo ? () => ((failInfo = false), Promise.reject(new Error('socket closed'))) : target[name as keyof PultApi]),
    });
    startBootPrefetch(flaky, 1_000);
    const api = withBootPrefetch(flaky);
    await expect(api.getAppInfo()).resolves.toEqual(CONNECTED);
    expect(host.calls.getAppInfo).toBe(1);
    // The settings answer was prefetched, but is no longer served after the time it is kept.
    vi.advanceTimersByTime(1_000);
    await api.getSettings();
    expect(host.calls.getSettings).toBe(2);
  });
});
