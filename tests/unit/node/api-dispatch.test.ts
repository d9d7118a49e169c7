import { describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../../src/node/api-dispatch';
import { ApiFailure } from '../../../src/node/api-failure';
import { failureMessage } from '../../../src/node/host/host-messages';
import { BitrixError } from '../../../src/core/bitrix/errors';
import type { PultApi } from '../../../src/shared/api';
import { fakeApi } from '../../support/fake-api';

function service(overrides: Partial<PultApi> = {}): PultApi {
  return fakeApi({
    getAppInfo: async () => ({ version: '1', shell: 'browser', connection: null, configured: false, canSignInInApp: false, notifications: false, keychainWait: null, secrets: { kind: 'keychain', keychainProblem: null, canUseMemory: false }, oauthRedirectUri: 'http://127.0.0.1:45678/oauth/callback' }),
    listGroups: async () => [],
    ...overrides,
  });
}

describe('dispatchApiCall', () => {
  it('answers a valid call with an ok envelope', async () => {
    expect(await dispatchApiCall(service(), 'getAppInfo', [])).toEqual({ ok: true, value: { version: '1', shell: 'browser', connection: null, configured: false, canSignInInApp: false, notifications: false, keychainWait: null, secrets: { kind: 'keychain', keychainProblem: null, canUseMemory: false }, oauthRedirectUri: 'http://127.0.0.1:45678/oauth/callback' } });
  });

  it('refuses unknown methods, prototype keys and extra arguments', async () => {
    expect(await dispatchApiCall(service(), 'deleteEverything', [])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatchApiCall(service(), 'constructor', [])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatchApiCall(service(), 'listGroups', ['x'])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatchApiCall(service(), 'listGroups', 'not-an-array')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('carries the portal code of a refusal', async () => {
    const s = service({ listGroups: async () => Promise.reject(new BitrixError('refused', 'ACCESS_DENIED', 'Access denied!', 403)) });
    expect(await dispatchApiCall(s, 'listGroups', [])).toEqual({ ok: false, error: { code: 'denied', message: 'Access denied!', portalCode: 'ACCESS_DENIED' } });
  });

  it('reports an unreachable portal as such', async () => {
    const s = service({ listGroups: async () => Promise.reject(new BitrixError('unreachable', 'NETWORK', 'ECONNREFUSED')) });
    expect(await dispatchApiCall(s, 'listGroups', [])).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });

  it('words client failures in the UI language through the host, keeping the portal words of a refusal', async () => {
    const ru = (failure: Parameters<typeof failureMessage>[0]) => failureMessage(failure, 'ru');
    const failing = (error: Error) => service({ listGroups: async () => Promise.reject(error) });
    const unreachable = await dispatchApiCall(failing(new BitrixError('unreachable', 'NOT_JSON', 'The portal answered HTTP 502 with a non-JSON page', 502)), 'listGroups', [], undefined, ru);
    expect(unreachable).toEqual({ ok: false, error: { code: 'unreachable', portalCode: 'NOT_JSON', message: 'Вместо ответа портала пришла страница с ошибкой (HTTP 502) — портал или прокси перед ним недоступны' } });
    const refused = await dispatchApiCall(failing(new BitrixError('refused', 'ACCESS_DENIED', 'Доступ запрещён', 403)), 'listGroups', [], undefined, ru);
    expect(refused).toMatchObject({ ok: false, error: { message: 'Доступ запрещён' } });
    const internal = await dispatchApiCall(failing(new Error('boom')), 'listGroups', [], undefined, ru);
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal', message: 'Внутренняя ошибка Pult — подробности в журнале' } });
  });

  it('passes host failures through and hides internal errors', async () => {
    const s1 = service({ listGroups: async () => Promise.reject(new ApiFailure('not-connected', 'No portal')) });
    expect(await dispatchApiCall(s1, 'listGroups', [])).toEqual({ ok: false, error: { code: 'not-connected', message: 'No portal' } });
    const s2 = service({ listGroups: async () => Promise.reject(new Error('secret path /home/x')) });
    const result = await dispatchApiCall(s2, 'listGroups', []);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error in the Pult host' } });
  });
});

describe('input validation of edits', () => {
  it('accepts a well-formed move and refuses a malformed one before the host sees it', async () => {
    const seen: unknown[] = [];
    const s = service({ enqueue: async (payload) => (seen.push(payload), { seq: 1, payload, state: 'queued', attempts: 0, lastError: null, lastErrorCode: null, lastFailure: null, createdAt: 0 }) });
    expect(await dispatchApiCall(s, 'enqueue', [{ name: 'moveCard', taskId: '12', stageId: '4' }])).toMatchObject({ ok: true });
    for (const bad of [
      { name: 'moveCard', taskId: '12' },
      { name: 'moveCard', taskId: '12; DROP TABLE', stageId: '4' },
      { name: 'updateFields', taskId: '12', fields: { STATUS: '5' } },
      { name: 'updateFields', taskId: '12', fields: {} },
      { name: 'deleteEverything', taskId: '12' },
      { name: 'addComment', taskId: '12', text: '   ' },
      { name: 'moveCard', taskId: '12', stageId: '4', extra: true },
    ]) {
      expect(await dispatchApiCall(s, 'enqueue', [bad])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(seen).toHaveLength(1);
  });

  it('refuses a non-http portal address', async () => {
    const s = service({});
    expect(await dispatchApiCall(s, 'connectWebhook', [{ portalUrl: 'file:///etc', webhookUrl: 'file:///etc' }])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatchApiCall(s, 'connectWebhook', [{ portalUrl: 'javascript:alert(1)', webhookUrl: 'x' }])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('hostile input never makes the dispatcher reject', () => {
  const invalid = { ok: false, error: { code: 'invalid-input' } };

  it('a method value that is not a name, even one whose toString would throw, is an error answer', async () => {
    for (const method of [{ toString: 'getAppInfo' }, { toString: () => 'getAppInfo' }, Object.create(null), Symbol('getAppInfo'), null, undefined, 1, ['getAppInfo']]) {
      await expect(dispatchApiCall(service(), method, [])).resolves.toMatchObject(invalid);
    }
    expect(await dispatchApiCall(service(), 'x'.repeat(10_000), [])).toMatchObject({ error: { message: expect.stringMatching(/^Unknown API method: "x{80}…"$/) } });
  });

  it('arguments whose reading throws (a getter, a proxy) are an error answer, not a rejection', async () => {
    const getter = Object.defineProperty([], 0, { get: () => { throw new Error('boom'); }, enumerable: true });
    const proxy = new Proxy([], { get: () => { throw new Error('trap'); } });
    await expect(dispatchApiCall(service(), 'getBoard', getter)).resolves.toMatchObject({ ok: false });
    await expect(dispatchApiCall(service(), 'getBoard', proxy)).resolves.toMatchObject({ ok: false });
  });

  it('saveSettings takes only an object of settings version 2', async () => {
    const saved: unknown[] = [];
    const s = service({ saveSettings: async (settings) => (saved.push(settings), { ok: true, settings }) as never });
    for (const bad of [null, 'x', [], 1, {}, { version: 1 }, { version: '2' }, JSON.parse('{"__proto__":{"version":2}}')]) {
      expect(await dispatchApiCall(s, 'saveSettings', [bad]), JSON.stringify(bad)).toMatchObject(invalid);
    }
    expect(await dispatchApiCall(s, 'saveSettings', [{ version: 2, groupIds: ['1'] }])).toMatchObject({ ok: true });
    expect(saved).toEqual([{ version: 2, groupIds: ['1'] }]);
  });
});
