import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardPage, BoardSnapshot, PultApi, PultEvent, QueuedEdit } from '../../../../src/shared/api';
import { connectHostEvents, createAppStore } from '../../../../src/renderer/store/app-store';
import { withCardMoved } from '../../../../src/renderer/store/board-slice';
import { clockStore } from '../../../../src/renderer/store/clock-store';
import { card, directory, settings, snapshot } from './fixtures';

type Calls = { enqueue: unknown[]; getBoard: number };

/** A board read that fits in one page. */
function wholePage(board: BoardSnapshot): BoardPage {
  return { ...board, snapshotId: `${board.groupId}-1`, offset: 0, total: board.cards.length, nextOffset: null };
}

function fakeApi(overrides: Partial<PultApi> = {}, board: () => BoardSnapshot = () => snapshot([card('1'), card('2', { stageId: '11' })])) {
  const calls: Calls = { enqueue: [], getBoard: 0 };
  const status = { connectivity: 'online' as const, queued: 0, failed: 0, conflicts: 0, lastSyncAt: null, firstSync: null, lastError: null };
  const api = {
    getAppInfo: async () => ({ version: '0', shell: 'browser' as const, connection: { portalUrl: 'http://p', kind: 'demo' as const, userId: '2', isAdmin: true }, configured: true, canSignInInApp: false, notifications: false, keychainWait: null, secrets: { kind: 'keychain', keychainProblem: null, canUseMemory: false }, oauthRedirectUri: 'http://127.0.0.1:45678/oauth/callback' }),
    getSettings: async () => settings(),
    getDirectory: async () => directory,
    getSyncStatus: async () => status,
    listQueued: async () => [] as QueuedEdit[],
    listGroups: async () => [{ id: '1', name: 'Service Desk', closed: false, membersCount: 3 }],
    getBoardPage: async () => {
      calls.getBoard++;
      return wholePage(board());
    },
    enqueue: async (payload: unknown) => {
      calls.enqueue.push(payload);
      return { seq: 1, payload, state: 'queued', attempts: 0, lastError: null, lastErrorCode: null, lastFailure: null, createdAt: 0 } as QueuedEdit;
    },
    ...overrides,
  } as unknown as PultApi;
  return { api, calls };
}

const move = { intent: { name: 'moveCard' as const, taskId: '1', stageId: '11', afterId: '2' }, rank: 5 };

describe('app store', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('boots into the board of the first bound group, or into first run', async () => {
    const { api } = fakeApi();
    const store = createAppStore(api);
    await store.getState().start();
    expect(store.getState().boot).toBe('ready');
    expect(store.getState().activeGroupId).toBe('1');
    expect(store.getState().boards['1']?.cards).toHaveLength(2);

    const fresh = createAppStore(fakeApi({ getAppInfo: async () => ({ version: '0', shell: 'browser', connection: null, configured: false, canSignInInApp: false, notifications: false, keychainWait: null, secrets: { kind: 'keychain', keychainProblem: null, canUseMemory: false }, oauthRedirectUri: 'http://127.0.0.1:45678/oauth/callback' }) }).api);
    await fresh.getState().start();
    expect(fresh.getState().boot).toBe('first-run');
  });

  it('group names that could not be read at start are read again when the portal answers', async () => {
    let portalUp = false;
    const { api } = fakeApi({
      listGroups: async () => (portalUp ? [{ id: '1', name: 'Service Desk', closed: false, membersCount: 3 }] : Promise.reject(new Error('portal away'))),
    });
    const store = createAppStore(api);
    await store.getState().start();
    await vi.waitFor(() => expect(store.getState().boot).toBe('ready'));
    expect(store.getState().groups).toEqual([]);
    const status = { connectivity: 'portal-unreachable' as const, queued: 0, failed: 0, conflicts: 0, lastSyncAt: null, firstSync: null, lastError: null };
    store.getState().applyStatus(status);
    portalUp = true;
    store.getState().applyStatus({ ...status, connectivity: 'online' });
    await vi.waitFor(() => expect(store.getState().groups.map((group) => group.name)).toEqual(['Service Desk']));
  });

  it('explains a failed boot', async () => {
    const store = createAppStore(fakeApi({ getAppInfo: async () => Promise.reject(new Error('host down')) }).api);
    await store.getState().start();
    expect(store.getState()).toMatchObject({ boot: 'failed', bootError: 'host down' });
  });

  it('applies a drop at once and queues exactly one intent', async () => {
    let release: () => void = () => undefined;
    const sent: unknown[] = [];
    const { api } = fakeApi({
      enqueue: (payload) => {
        sent.push(payload);
        return new Promise((resolve) => (release = () => resolve({ seq: 1, payload, state: 'queued', attempts: 0, lastError: null, lastErrorCode: null, lastFailure: null, createdAt: 0 })));
      },
    });
    const store = createAppStore(api);
    await store.getState().start();
    const pending = store.getState().moveCard('1', move);
    // Before the host answers, the card is already in its new stage, marked pending.
    const moved = store.getState().boards['1']?.cards.find((c) => c.id === '1');
    expect(moved).toMatchObject({ stageId: '11', pendingEdits: 1 });
    expect(store.getState().ranks['1']).toBe(5);
    release();
    await pending;
    expect(sent).toEqual([move.intent]);
  });

  it('puts the card back with the reason when the host will not queue the move', async () => {
    const { api } = fakeApi({ enqueue: async () => Promise.reject(new Error('a task ID')) });
    const store = createAppStore(api);
    await store.getState().start();
    await store.getState().moveCard('1', move);
    expect(store.getState().boards['1']?.cards.find((c) => c.id === '1')?.stageId).toBe('10');
    expect(store.getState().toasts.at(-1)).toMatchObject({ tone: 'error', key: 'notice.enqueueFailed', values: { message: 'a task ID' } });
  });

  it('reads a board page by page: the first page shows at once, a delta meanwhile is kept, the pages fit together', async () => {
    const full = snapshot([card('1'), card('2', { stageId: '11' }), card('3', { stageId: '12' })]);
    const pending: (() => void)[] = [];
    const requests: unknown[] = [];
    const { api } = fakeApi({
      getBoardPage: (request) => {
        requests.push(request);
        const offset = request.snapshotId ? request.offset : 0;
        const page: BoardPage = { ...full, cards: full.cards.slice(offset, offset + 1), snapshotId: '1-7', offset, total: 3, nextOffset: offset + 1 < 3 ? offset + 1 : null };
        // The first page answers at once; the others wait for the test.
        return offset === 0 ? Promise.resolve(page) : new Promise((resolve) => pending.push(() => resolve(page)));
      },
    });
    const store = createAppStore(api);
    const starting = store.getState().start();
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    expect(store.getState().boards['1']!.cards.map((c) => c.id)).toEqual(['1']);
    expect(store.getState().boardsLoading).toEqual({ '1': { read: 1, total: 3 } });
    // A colleague retitles card 3 (not read yet) while page 2 is on its way.
    const retitled = { ...full.cards[2]!, title: 'Изменена, пока доска читалась' };
    store.getState().applyDelta({ reset: false, groups: [{ groupId: '1', cards: [retitled], removed: [], history: {} }], taskIds: ['3'], directory: false, queued: null });
    pending.shift()!();
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    pending.shift()!();
    await starting;
    const cards = store.getState().boards['1']!.cards;
    expect(cards.map((c) => c.id).sort()).toEqual(['1', '2', '3']);
    expect(cards.find((c) => c.id === '3')!.title).toBe('Изменена, пока доска читалась');
    expect(store.getState().boardsLoading).toEqual({});
    expect(requests).toEqual([{ groupId: '1', offset: 0 }, { groupId: '1', offset: 1, snapshotId: '1-7' }, { groupId: '1', offset: 2, snapshotId: '1-7' }]);
  });

  it('ignores a board read that started before a move (no flicker back)', async () => {
    let resolveRead: (s: BoardSnapshot) => void = () => undefined;
    let slow = false;
    const stale = snapshot([card('1'), card('2', { stageId: '11' })]);
    const { api } = fakeApi({
      getBoardPage: () => (slow ? new Promise<BoardSnapshot>((resolve) => (resolveRead = resolve)) : Promise.resolve(withCardMoved(stale, '1', '11'))).then(wholePage),
    });
    const store = createAppStore(api);
    await store.getState().start();
    slow = true;
    const read = store.getState().loadBoard('1');
    slow = false;
    await store.getState().moveCard('1', move);
    resolveRead(stale);
    await read;
    expect(store.getState().boards['1']?.cards.find((c) => c.id === '1')?.stageId).toBe('11');
  });

  it('sets the portal clock offset from the snapshot', async () => {
    const { api } = fakeApi({}, () => snapshot([card('1')], { portalOffsetMs: 7_200_000 }));
    const store = createAppStore(api);
    await store.getState().start();
    expect(clockStore.getState().offsetMs).toBe(7_200_000);
  });
});

describe('host events', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  async function connected(overrides: Partial<PultApi> = {}) {
    const { api, calls } = fakeApi(overrides);
    const store = createAppStore(api);
    await store.getState().start();
    let emit: (event: PultEvent) => void = () => undefined;
    const openTask = vi.fn();
    const off = connectHostEvents(store, (listener) => ((emit = listener), () => undefined), { openTask });
    return { store, calls, emit: (e: PultEvent) => emit(e), off, openTask };
  }

  it('applies a board delta where it lands: the changed card in place, the removed one gone, no board read', async () => {
    const { store, calls, emit } = await connected();
    const before = calls.getBoard;
    const cards = store.getState().boards['1']!.cards;
    const changed = { ...cards[0]!, title: 'Изменена на портале', stageId: '11' };
    const gone = cards[1]!.id;
    emit({ type: 'board-delta', delta: { reset: false, groups: [{ groupId: '1', cards: [changed], removed: [gone], history: { [changed.id]: [] } }], taskIds: [changed.id, gone], directory: false, queued: null } });
    const after = store.getState().boards['1']!.cards;
    expect(after[0]).toEqual(changed);
    expect(after.map((c) => c.id)).not.toContain(gone);
    expect(after).toHaveLength(cards.length - 1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.getBoard).toBe(before);
  });

  it('reads the active board again on a reset delta, and takes the outbox it carries', async () => {
    const { store, calls, emit } = await connected();
    const before = calls.getBoard;
    const queued = [{ seq: 9, payload: { name: 'addComment', taskId: '1', text: 'x' }, state: 'queued', attempts: 0, lastError: null, lastErrorCode: null, lastFailure: null, createdAt: 0 }] as QueuedEdit[];
    emit({ type: 'board-delta', delta: { reset: true, groups: [], taskIds: [], directory: true, queued } });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.getBoard).toBe(before + 1);
    expect(store.getState().queued).toEqual(queued);
  });

  it('reads everything again after the host link came back, without leaving the board', async () => {
    let board = snapshot([card('1'), card('2', { stageId: '11' })]);
    const queued = [{ seq: 4, payload: { name: 'addComment', taskId: '1', text: 'x' }, state: 'queued', attempts: 0, lastError: null, lastErrorCode: null, lastFailure: null, createdAt: 0 }] as QueuedEdit[];
    let outbox: QueuedEdit[] = [];
    let connectivity: 'online' | 'portal-unreachable' = 'online';
    const { api, calls } = fakeApi(
      {
        listQueued: async () => outbox,
        getSyncStatus: async () => ({ connectivity, queued: outbox.length, failed: 0, conflicts: 0, lastSyncAt: null, firstSync: null, lastError: null }),
      },
      () => board,
    );
    const store = createAppStore(api);
    await store.getState().start();
    let emit: (event: PultEvent) => void = () => undefined;
    connectHostEvents(store, (listener) => ((emit = listener), () => undefined));
    const reads = calls.getBoard;
    // What happened while the link was down: the events for it never came.
    board = snapshot([card('1', { title: 'Переименована, пока связи не было' }), card('2', { stageId: '11' }), card('3')]);
    outbox = queued;
    connectivity = 'portal-unreachable';
    const seen: string[] = [];
    store.subscribe((state) => seen.push(state.boot));
    emit({ type: 'host-reconnected' });
    await vi.waitFor(() => expect(store.getState().boards['1']?.cards).toHaveLength(3));
    expect(calls.getBoard).toBe(reads + 1);
    expect(store.getState().boards['1']!.cards[0]!.title).toBe('Переименована, пока связи не было');
    expect(store.getState().queued).toEqual(queued);
    expect(store.getState().status?.connectivity).toBe('portal-unreachable');
    expect(seen).not.toContain('loading');
  });

  it('goes back to the start screen when the connection ended while the host link was down', async () => {
    let signedIn = true;
    const base = fakeApi().api;
    const { store, emit } = await connected({
      getAppInfo: async () => ({ ...(await base.getAppInfo()), connection: signedIn ? (await base.getAppInfo()).connection : null, configured: signedIn }),
    });
    signedIn = false;
    emit({ type: 'host-reconnected' });
    await vi.waitFor(() => expect(store.getState().boot).toBe('first-run'));
  });

  it('turns portal notices into toasts with the portal message', async () => {
    const { store, emit } = await connected();
    emit({ type: 'notice', notice: { kind: 'refused', taskId: '7', message: 'Нет прав на перемещение', code: 'ACCESS_DENIED_MOVE' } });
    expect(store.getState().toasts).toHaveLength(1);
    expect(store.getState().toasts[0]).toMatchObject({ tone: 'error', key: 'notice.refused', values: { id: '7', message: 'Нет прав на перемещение' }, taskId: '7' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.getState().toasts).toHaveLength(0);
  });

  it('follows status, settings and open-task events; re-reads the queue when its counts change', async () => {
    const queued = [{ seq: 3, payload: { name: 'addComment', taskId: '1', text: 'x' }, state: 'queued', attempts: 0, lastError: null, lastErrorCode: null, lastFailure: null, createdAt: 0 }] as QueuedEdit[];
    const { store, emit, openTask } = await connected({ listQueued: async () => queued });
    emit({ type: 'status', status: { connectivity: 'portal-unreachable', queued: 1, failed: 0, conflicts: 0, lastSyncAt: 5, firstSync: null, lastError: 'down' } });
    expect(store.getState().status?.connectivity).toBe('portal-unreachable');
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().queued).toEqual(queued);
    const next = { ...settings(), ui: { ...settings().ui, theme: 'dark' as const } };
    emit({ type: 'settings-changed', settings: next });
    expect(store.getState().settings?.ui.theme).toBe('dark');
    emit({ type: 'open-task', taskId: '42' });
    expect(openTask).toHaveBeenCalledWith('42');
  });
});
