import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Intent } from '../../../../src/core/sync/intents';
import type { NewIntent, SyncStore } from '../../../../src/core/sync/store';
import { openSqliteStore, StoreError } from '../../../../src/node/store';
import { newIntent, removeDir, tempDir } from './fixtures/records';

let dir: string;
let file: string;
let store: SyncStore;

beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'pult.db');
  store = openSqliteStore(file);
});

afterEach(() => {
  store.close();
  removeDir(dir);
});

function reopened(): SyncStore {
  store.close();
  store = openSqliteStore(file);
  return store;
}

const createTask: NewIntent = {
  payload: { name: 'createTask', clientId: 'c-1', groupId: '12', title: 'Не работает 1С', description: 'x', fields: { UF_AUTO_1: ['1', '2'], UF_AUTO_2: null } },
  baseChangedAt: null,
  baseValues: null,
  createdAt: 5_000,
};
const editFields: NewIntent = {
  payload: { name: 'updateFields', taskId: '7', fields: { DEADLINE: '2024-05-01T18:00:00+03:00', UF_AUTO_3: '' } },
  baseChangedAt: 0,
  baseValues: { DEADLINE: null, UF_AUTO_3: 'old' },
  createdAt: 6_000,
};

describe('outbox', () => {
  it('appends intents as queued with increasing seq and lists them oldest first, exactly', () => {
    const a = store.addIntent(newIntent('1'));
    const b = store.addIntent(createTask);
    const c = store.addIntent(editFields);

    expect(a).toStrictEqual<Intent>({
      seq: a.seq,
      payload: newIntent('1').payload,
      baseChangedAt: 1_700_000_500_000,
      baseValues: null,
      createdAt: 1_000,
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
      lastErrorCode: null,
      state: 'queued',
      resultTaskId: null,
    });
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(c.seq).toBeGreaterThan(b.seq);
    expect(reopened().listIntents()).toStrictEqual([a, b, c]);
    expect(c.baseChangedAt).toBe(0);
    expect(c.baseValues).toStrictEqual({ DEADLINE: null, UF_AUTO_3: 'old' });
  });

  it('updates only the patched fields', () => {
    const a = store.addIntent(createTask);
    store.updateIntent(a.seq, { state: 'sending', attempts: 1 });
    store.updateIntent(a.seq, { state: 'queued', nextAttemptAt: 9_000, lastError: 'timeout', lastErrorCode: null, attempts: 2 });
    store.updateIntent(a.seq, { resultTaskId: '501', lastError: undefined });

    expect(reopened().listIntents()).toStrictEqual([
      { ...a, state: 'queued', attempts: 2, nextAttemptAt: 9_000, lastError: 'timeout', lastErrorCode: null, resultTaskId: '501' },
    ]);
  });

  it('can clear an error and replace the payload', () => {
    const a = store.addIntent(editFields);
    store.updateIntent(a.seq, { state: 'failed', lastError: 'Access denied', lastErrorCode: 'ACCESS_DENIED' });
    const payload = { name: 'updateFields' as const, taskId: '7', fields: { TITLE: 'new' } };
    store.updateIntent(a.seq, { state: 'queued', lastError: null, lastErrorCode: null, payload });
    expect(store.listIntents()).toStrictEqual([{ ...a, payload }]);
  });

  it('refuses to update an intent that is not there', () => {
    expect(() => store.updateIntent(42, { state: 'sending' })).toThrow(StoreError);
  });

  it('refuses an unknown state without changing the row', () => {
    const a = store.addIntent(newIntent('1'));
    expect(() => store.updateIntent(a.seq, { state: 'lost' as Intent['state'] })).toThrow(StoreError);
    expect(store.listIntents()).toStrictEqual([a]);
  });

  it('removes intents, and never reuses a seq, even after the newest was removed and the file reopened', () => {
    const a = store.addIntent(newIntent('1'));
    const b = store.addIntent(newIntent('2'));
    store.removeIntent(b.seq);
    store.removeIntent(b.seq);
    expect(store.listIntents()).toStrictEqual([a]);

    const c = reopened().addIntent(newIntent('3'));
    expect(c.seq).toBeGreaterThan(b.seq);
    store.removeIntent(a.seq);
    expect(store.listIntents()).toStrictEqual([c]);
  });

  it('keeps creation order across many intents', () => {
    const seqs = Array.from({ length: 200 }, (_, i) => store.addIntent(newIntent(String(i % 7), i)).seq);
    const listed = reopened().listIntents();
    expect(listed.map((intent) => intent.seq)).toEqual(seqs);
    expect(listed.map((intent) => intent.createdAt)).toEqual(seqs.map((_, i) => i));
  });
});
