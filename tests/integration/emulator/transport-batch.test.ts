import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator, type TokenSet } from './harness';

let emu: TestEmulator;
let tokens: TokenSet;
beforeAll(async () => {
  emu = await startTestEmulator({ tasks: 120 });
  tokens = await emu.oauthLogin();
});
afterAll(() => emu.close());

type BatchResult = {
  result: unknown;
  result_error: unknown;
  result_total: unknown;
  result_next: unknown;
  result_time: unknown;
};
const batch = async (params: Record<string, unknown>, via: 'json' | 'form' = 'json') => {
  const r = await emu.rest('batch', params, { token: tokens.access_token, via });
  return { status: r.status, body: r.body, inner: r.body.result as BatchResult };
};

describe('batch', () => {
  it('server-facts §1: result{result, result_error, result_total, result_next, result_time} keyed by command; empty maps are []', async () => {
    const { status, inner, body } = await batch({ cmd: { me: 'user.current', list: 'tasks.task.list?start=50' } });
    expect(status).toBe(200);
    expect(Object.keys(inner)).toEqual(['result', 'result_error', 'result_total', 'result_next', 'result_time']);
    expect(inner.result_error).toEqual([]);
    expect((inner.result as Record<string, unknown>).me).toEqual({ ID: '1', ADMIN: true });
    expect(inner.result_total).toEqual({ list: 120 });
    expect(inner.result_next).toEqual({ list: 100 });
    expect(Object.keys(inner.result_time as object)).toEqual(['me', 'list']);
    expect('total' in body).toBe(false);
  });

  it('server-facts §1: parameter keys are case-insensitive (CMD, HALT)', async () => {
    const { inner } = await batch({ CMD: { a: 'user.current' } });
    expect((inner.result as Record<string, unknown>).a).toEqual({ ID: '1', ADMIN: true });
  });

  it('server-facts §1: a list cmd gives list-shaped maps (PHP sequential keys)', async () => {
    const { inner } = await batch({ cmd: ['user.current', 'server.time'] }, 'form');
    expect(Array.isArray(inner.result)).toBe(true);
    expect((inner.result as unknown[])[0]).toEqual({ ID: '1', ADMIN: true });
  });

  it('server-facts §1: a whole-value $result[...] inserts the raw value (an array); a partial one is string-replaced', async () => {
    const { inner } = await batch({
      cmd: {
        list: 'tasks.task.list',
        raw: 'echo.params?ids=$result[list][tasks][0]',
        text: 'echo.params?title=Task $result[list][tasks][1][title] !&next=$next[list]&total=$total[list]',
      },
    });
    const result = inner.result as Record<string, { params: Record<string, unknown> }>;
    expect(result.raw?.params.ids).toEqual({ id: '1', title: 'Заявка №1' });
    // Whole values keep their type: next and total arrive as integers.
    expect(result.text?.params).toEqual({ title: 'Task Заявка №2 !', next: 50, total: 120 });
  });

  it('server-facts §1: an unresolvable path stops at the last level resolved', async () => {
    const { inner } = await batch({ cmd: { list: 'tasks.task.list', x: 'echo.params?v=$result[list][tasks][0][nope]' } });
    expect((inner.result as Record<string, { params: Record<string, unknown> }>).x?.params.v).toEqual({ id: '1', title: 'Заявка №1' });
  });

  it('server-facts §1: $error[...] reads the failed command’s {error, error_description}', async () => {
    const { inner } = await batch({ cmd: { bad: 'no.such', e: 'echo.params?code=$error[bad][error]' } });
    expect(inner.result_error).toEqual({ bad: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' } });
    expect((inner.result as Record<string, { params: Record<string, unknown> }>).e?.params.code).toBe('ERROR_METHOD_NOT_FOUND');
  });

  it('server-facts §1: a truthy halt stops after the first error; without halt the rest run', async () => {
    const halted = await batch({ halt: 1, cmd: { a: 'user.current', b: 'denied.method', c: 'user.current' } });
    expect(Object.keys(halted.inner.result as object)).toEqual(['a']);
    expect(halted.inner.result_error).toEqual({ b: { error: 'ACCESS_DENIED', error_description: 'Access denied!' } });
    const all = await batch({ halt: 0, cmd: { a: 'user.current', b: 'denied.method', c: 'user.current' } });
    expect(Object.keys(all.inner.result as object)).toEqual(['a', 'c']);
  });

  it('server-facts §1: at most 50 commands — each one beyond gets ERROR_BATCH_LENGTH_EXCEEDED, the call is still 200', async () => {
    const cmd: Record<string, string> = {};
    for (let i = 0; i < 52; i++) cmd[`c${i}`] = 'server.time';
    const { status, inner } = await batch({ cmd });
    expect(status).toBe(200);
    expect(Object.keys(inner.result as object)).toHaveLength(50);
    expect(inner.result_error).toEqual({
      c50: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
      c51: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
    });
  });

  it('docs-facts §2: nested batch is not allowed (ERROR_BATCH_METHOD_NOT_ALLOWED)', async () => {
    const { inner } = await batch({ cmd: { n: 'batch?cmd[x]=user.current' } });
    expect((inner.result_error as Record<string, { error: string }>).n?.error).toBe('ERROR_BATCH_METHOD_NOT_ALLOWED');
  });

  it('server-facts §1: the parent auth is injected and the scope is checked per command (insufficient_scope)', async () => {
    const narrow = await startTestEmulator({ scopes: ['task'] });
    try {
      const t = await narrow.oauthLogin();
      const r = await narrow.rest('batch', { cmd: { me: 'user.current', list: 'tasks.task.list' } }, { token: t.access_token });
      const inner = r.body.result as BatchResult;
      expect(r.status).toBe(200);
      expect((inner.result_error as Record<string, { error: string }>).me?.error).toBe('insufficient_scope');
      expect(Object.keys(inner.result as object)).toEqual(['list']);
    } finally {
      await narrow.close();
    }
  });

  it('server-facts §1: batch works through a webhook too, with the webhook auth injected', async () => {
    const r = await emu.rest('batch', { cmd: { me: 'user.current' } }, { webhook: true });
    expect(((r.body.result as BatchResult).result as Record<string, unknown>).me).toEqual({ ID: '1', ADMIN: true });
  });
});
