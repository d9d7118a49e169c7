import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../../src/core/sync/intents';
import type { NewIntent } from '../../../../src/core/sync/store';
import { StoreError } from '../../../../src/node/store';
import { newIntent } from './fixtures/records';
import { useTempStore } from './fixtures/temp-store';

const temp = useTempStore();


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
    const a = temp.store.addIntent(newIntent('1'));
    const b = temp.store.addIntent(createTask);
    const c = temp.store.addIntent(editFields);

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
      lastFailure: null,
      state: 'queued',
      resultTaskId: null,
    });
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(c.seq).toBeGreaterThan(b.seq);
    expect(temp.reopen().listIntents()).toStrictEqual([a, b, c]);
    expect(c.baseChangedAt).toBe(0);
    expect(c.baseValues).toStrictEqual({ DEADLINE: null, UF_AUTO_3: 'old' });
  });

  it('updates only the patched fields', () => {
    const a = temp.store.addIntent(createTask);
    temp.store.updateIntent(a.seq, { state: 'sending', attempts: 1 });
    temp.store.updateIntent(a.seq, { state: 'queued', nextAttemptAt: 9_000, lastError: 'timeout', lastErrorCode: null, lastFailure: 'unreachable', attempts: 2 });
    temp.store.updateIntent(a.seq, { resultTaskId: '501', lastError: undefined });

    expect(temp.reopen().listIntents()).toStrictEqual([
      { ...a, state: 'queued', attempts: 2, nextAttemptAt: 9_000, lastError: 'timeout', lastErrorCode: null, lastFailure: 'unreachable', resultTaskId: '501' },
    ]);
  });

  it('can clear an error and replace the payload', () => {
    const a = temp.store.addIntent(editFields);
    temp.store.updateIntent(a.seq, { state: 'failed', lastError: 'Access denied', lastErrorCode: 'ACCESS_DENIED' });
    const payload = { name: 'updateFields' as const, taskId: '7', fields: { TITLE: 'new' } };
    temp.store.updateIntent(a.seq, { state: 'queued', lastError: null, lastErrorCode: null, payload });
    expect(temp.store.listIntents()).toStrictEqual([{ ...a, payload }]);
  });

  it('refuses to update an intent that is not there', () => {
    expect(() => temp.store.updateIntent(42, { state: 'sending' })).toThrow(StoreError);
  });

  it('refuses an unknown state without changing the row', () => {
    const a = temp.store.addIntent(newIntent('1'));
    expect(() => temp.store.updateIntent(a.seq, { state: 'lost' as Intent['state'] })).toThrow(StoreError);
    expect(temp.store.listIntents()).toStrictEqual([a]);
  });

  it('removes intents, and never reuses a seq, even after the newest was removed and the temp.file reopened', () => {
    const a = temp.store.addIntent(newIntent('1'));
    const b = temp.store.addIntent(newIntent('2'));
    temp.store.removeIntent(b.seq);
    temp.store.removeIntent(b.seq);
    expect(temp.store.listIntents()).toStrictEqual([a]);

    const c = temp.reopen().addIntent(newIntent('3'));
    expect(c.seq).toBeGreaterThan(b.seq);
    temp.store.removeIntent(a.seq);
    expect(temp.store.listIntents()).toStrictEqual([c]);
  });

  it('keeps creation order across many intents', () => {
    const seqs = Array.from({ length: 200 }, (_, i) => temp.store.addIntent(newIntent(String(i % 7), i)).seq);
    const listed = temp.reopen().listIntents();
    expect(listed.map((intent) => intent.seq)).toEqual(seqs);
    expect(listed.map((intent) => intent.createdAt)).toEqual(seqs.map((_, i) => i));
  });
});
