import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../../src/shared/api';
import { DEFAULT_CALL_DEADLINE_MS, PORTAL_CALL_DEADLINE_MS, deadlineOf, withDeadline } from '../../../../src/renderer/host-link/call-deadline';

const late = (): ApiResult<string> => ({ ok: false, error: { code: 'internal', message: 'late' } });
const timers = { setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms), clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

describe('call deadlines', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives portal-bound calls longer, and the OAuth sign-in (waiting for the user) none', () => {
    expect(deadlineOf('getBoardPage')).toBe(DEFAULT_CALL_DEADLINE_MS);
    expect(deadlineOf('enqueue')).toBe(DEFAULT_CALL_DEADLINE_MS);
    expect(deadlineOf('syncNow')).toBe(PORTAL_CALL_DEADLINE_MS);
    expect(deadlineOf('completeSetup')).toBe(PORTAL_CALL_DEADLINE_MS);
    expect(deadlineOf('connectOAuth')).toBeNull();
  });

  it('ends a call the host never answers with the late error, once the deadline passes', async () => {
    const settled: ApiResult<string>[] = [];
    void withDeadline(new Promise<ApiResult<string>>(() => undefined), 5_000, late, timers).then((result) => settled.push(result));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(settled).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual([late()]);
  });

  it('passes an answer in time through and leaves no timer behind', async () => {
    const answer = await withDeadline(Promise.resolve<ApiResult<string>>({ ok: true, value: 'board' }), 5_000, late, timers);
    expect(answer).toEqual({ ok: true, value: 'board' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('turns a transport that throws into an error answer', async () => {
    const answer = await withDeadline(Promise.reject(new Error('ipc gone')), 5_000, late, timers);
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'ipc gone' } });
  });

  it('waits as long as it takes without a deadline', async () => {
    let resolve: (value: ApiResult<string>) => void = () => undefined;
    const call = withDeadline(new Promise<ApiResult<string>>((r) => (resolve = r)), null, late, timers);
    await vi.advanceTimersByTimeAsync(3_600_000);
    resolve({ ok: true, value: 'signed in' });
    expect(await call).toEqual({ ok: true, value: 'signed in' });
  });
});
