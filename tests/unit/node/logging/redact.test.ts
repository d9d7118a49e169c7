/** Secrets never reach a log line: strings, addresses, nested data, Errors and their stacks. */
import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue } from '../../../../src/node/logging/redact';

// Real-looking values: a Bitrix24 OAuth token pair, a webhook secret, an app's client secret.
const ACCESS = 'b3f0c96400711d2c0054a6e70000000100000744b3c2f1e9a0d3e5e5f1b7c0a9d2e4f6';
const REFRESH = 'a36fe86400711d2c0054a6e700000001000007d1c0ffee55aa1234567890abcdef1234';
const HOOK_SECRET = 'k7q2x9w4mz1p8v3d';
const CLIENT_SECRET = 'Zx81kLmQ0pR7sT2uVw4yBn6cD9eFgHj3KlMnOpQr';
const HOOK_URL = `https://sd.example.ru/rest/1/${HOOK_SECRET}/`;

function leaks(text: string): string[] {
  return [ACCESS, REFRESH, HOOK_SECRET, CLIENT_SECRET].filter((secret) => text.includes(secret));
}

describe('redactText', () => {
  it.each([
    ['a webhook address', `calling ${HOOK_URL}tasks.task.list.json`],
    ['a webhook address without the trailing slash', `rest at https://sd.example.ru/rest/17/${HOOK_SECRET}`],
    ['auth= in a query', `POST https://sd.example.ru/rest/tasks.task.list.json?auth=${ACCESS}&start=50`],
    ['a token form body', `grant_type=refresh_token&client_id=local.65f&client_secret=${CLIENT_SECRET}&refresh_token=${REFRESH}`],
    ['an OAuth redirect with its code', `http://127.0.0.1:51234/callback?code=${ACCESS}&state=xyz`],
    ['an Authorization header', `headers: Authorization: Bearer ${ACCESS}`],
    ['a JSON token answer in text', `answer {"access_token":"${ACCESS}","expires_in":3600,"refresh_token":"${REFRESH}"}`],
    ['a key: value pair', `client_secret: ${CLIENT_SECRET}`],
  ])('%s', (_name, text) => {
    const out = redactText(text);
    expect(leaks(out)).toEqual([]);
    expect(out).toContain(REDACTED);
  });

  it('keeps what helps reading the log: the portal, the user id, the method, other parameters', () => {
    expect(redactText(`${HOOK_URL}tasks.task.list.json?start=50`)).toBe(`https://sd.example.ru/rest/1/${REDACTED}/tasks.task.list.json?start=50`);
    expect(redactText(`https://sd.example.ru/rest/tasks.task.get.json?auth=${ACCESS}&taskId=7`)).toBe(`https://sd.example.ru/rest/tasks.task.get.json?auth=${REDACTED}&taskId=7`);
    expect(redactText('sync cycle failed: ECONNREFUSED 127.0.0.1:443 (code=ECONNREFUSED)')).toBe('sync cycle failed: ECONNREFUSED 127.0.0.1:443 (code=ECONNREFUSED)');
  });
});

describe('redactValue', () => {
  it('drops values under secret keys at any depth, keeps flags and the rest', () => {
    const data = {
      portal: 'https://sd.example.ru',
      connection: { kind: 'oauth', tokens: { accessToken: ACCESS, refreshToken: REFRESH }, hasToken: true },
      app: { clientId: 'local.65f0a1', client_secret: CLIENT_SECRET },
      request: { headers: { Authorization: `Bearer ${ACCESS}`, 'Content-Type': 'application/json' } },
      form: { auth: ACCESS, password: 'hunter2hunter2' },
      hooks: [{ webhookUrl: HOOK_URL }, `see ${HOOK_URL}`],
    };
    const out = JSON.stringify(redactValue(data));
    expect(leaks(out)).toEqual([]);
    expect(out).not.toContain('hunter2');
    expect(redactValue(data)).toMatchObject({
      portal: 'https://sd.example.ru',
      connection: { kind: 'oauth', tokens: REDACTED, hasToken: true },
      app: { clientId: 'local.65f0a1', client_secret: REDACTED },
      request: { headers: { Authorization: REDACTED, 'Content-Type': 'application/json' } },
    });
  });

  it('an Error keeps its name, message, code and stack, each scanned, and its cause', () => {
    const cause = new Error(`refused: https://sd.example.ru/oauth/token/?refresh_token=${REFRESH}`);
    const error = Object.assign(new Error(`request to ${HOOK_URL}tasks.task.list.json failed`, { cause }), { code: 'ECONNRESET' });
    const out = redactValue({ error }) as { error: { name: string; message: string; code: string; stack: string; cause: { message: string } } };
    expect(leaks(JSON.stringify(out))).toEqual([]);
    expect(out.error).toMatchObject({ name: 'Error', code: 'ECONNRESET', message: `request to https://sd.example.ru/rest/1/${REDACTED}/tasks.task.list.json failed` });
    expect(out.error.stack).toContain('redact.test.ts');
    expect(out.error.cause.message).toBe(`refused: https://sd.example.ru/oauth/token/?refresh_token=${REDACTED}`);
  });

  it('cycles and URLs do not break it', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(redactValue(loop)).toEqual({ name: 'loop', self: '[circular]' });
    expect(redactValue({ at: new URL(`${HOOK_URL}profile.json`) })).toEqual({ at: `https://sd.example.ru/rest/1/${REDACTED}/profile.json` });
  });
});
