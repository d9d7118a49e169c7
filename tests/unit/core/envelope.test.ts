import { describe, expect, it } from 'vitest';
import { readRestAnswer } from '../../../src/core/bitrix/envelope';
import { BitrixError } from '../../../src/core/bitrix/errors';

const time = { start: 1, finish: 2, duration: 1, processing: 0.5, date_start: 'x', date_finish: 'y' };

function failure(status: number, body: string): BitrixError {
  try {
    readRestAnswer({ status, headers: {}, body }, 0);
  } catch (error) {
    if (error instanceof BitrixError) return error;
    throw error;
  }
  throw new Error('expected a BitrixError');
}

describe('readRestAnswer', () => {
  it('reads result, top-level total and next', () => {
    const answer = readRestAnswer({ status: 200, headers: {}, body: JSON.stringify({ result: { tasks: [] }, total: 120, next: 50, time }) }, 0);
    expect(answer).toMatchObject({ result: { tasks: [] }, total: 120, next: 50 });
  });

  it.each([
    [401, 'expired_token', 'token-expired'],
    [401, 'invalid_token', 'token-expired'],
    [401, 'NO_AUTH_FOUND', 'signed-out'],
    [400, 'invalid_grant', 'signed-out'],
    [503, 'QUERY_LIMIT_EXCEEDED', 'rate-limited'],
    [403, 'ACCESS_DENIED', 'refused'],
    [400, 'ACCESS_DENIED_MOVE', 'refused'],
    [400, 'TASK_NOT_FOUND', 'refused'],
    [500, 'ERROR_CORE', 'server-error'],
  ])('sorts HTTP %i %s as %s', (status, code, kind) => {
    const error = failure(status, JSON.stringify({ error: code, error_description: 'portal says no' }));
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(code);
    expect(error.message).toBe('portal says no');
  });

  it('keeps when an operation-time-limited method may run again', () => {
    const error = failure(429, JSON.stringify({ error: 'OPERATION_TIME_LIMIT', error_description: 'blocked', time: { ...time, operating_reset_at: 1700000600 } }));
    expect(error.kind).toBe('operation-limit');
    expect(error.retryAt).toBe(1700000600 * 1000);
  });

  it('treats a proxy HTML error page as an unreachable portal, not as data', () => {
    const error = failure(502, '<html><body><h1>502 Bad Gateway</h1></body></html>');
    expect(error.kind).toBe('unreachable');
    expect(error.code).toBe('NOT_JSON');
  });

  it('treats an HTML page with status 200 as malformed', () => {
    expect(failure(200, '<!doctype html><title>Login</title>').kind).toBe('malformed');
  });

  it('rejects JSON without result or error as malformed', () => {
    expect(failure(200, JSON.stringify({ foo: 1 })).kind).toBe('malformed');
  });

  it('accepts a numeric error code as task methods send it', () => {
    const error = failure(400, JSON.stringify({ error: 100, error_description: 'Action on the task is not allowed' }));
    expect(error).toMatchObject({ kind: 'refused', code: '100' });
  });
});

describe('portal messages', () => {
  it('keeps only the words of an HTML-formatted message', () => {
    const error = failure(400, JSON.stringify({ error: 'ERROR_CORE', error_description: 'Не указан ответственный<br>Поле &quot;Название&quot; пустое<br/>' }));
    expect(error.message).toBe('Не указан ответственный Поле "Название" пустое');
  });
});
