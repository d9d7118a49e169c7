import { describe, expect, it } from 'vitest';
import { createBitrixClient } from '../../../src/core/bitrix/client';
import { listGroups } from '../../../src/core/bitrix/groups';
import { HttpTransportError, type Http, type HttpRequest } from '../../../src/core/ports';
import { BitrixError } from '../../../src/core/bitrix/errors';

function fakeHttp(answer: (request: HttpRequest) => { status: number; body: unknown }): Http & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async request(request) {
      requests.push(request);
      const { status, body } = answer(request);
      return { status, headers: {}, body: JSON.stringify(body) };
    },
  };
}

describe('createBitrixClient', () => {
  it('sends webhook calls to <webhook>/<method>.json with a JSON body and no auth', async () => {
    const http = fakeHttp(() => ({ status: 200, body: { result: true } }));
    const client = createBitrixClient({ http, endpoint: { kind: 'webhook', webhookUrl: 'https://portal.test/rest/1/secret' } });
    await client.call('server.time', { a: 1 });
    expect(http.requests[0]).toMatchObject({ method: 'POST', url: 'https://portal.test/rest/1/secret/server.time.json' });
    expect(JSON.parse(http.requests[0]!.body!)).toEqual({ a: 1 });
  });

  it('puts the OAuth access token in the JSON body as auth', async () => {
    const http = fakeHttp(() => ({ status: 200, body: { result: true } }));
    const client = createBitrixClient({ http, endpoint: { kind: 'oauth', portalUrl: 'https://portal.test', accessToken: async () => 'tok' } });
    await client.call('user.current');
    expect(http.requests[0]!.url).toBe('https://portal.test/rest/user.current.json');
    expect(JSON.parse(http.requests[0]!.body!)).toEqual({ auth: 'tok' });
  });

  it('turns a refused connection into a transient error', async () => {
    const http: Http = { request: async () => Promise.reject(new HttpTransportError('ECONNREFUSED', 'network')) };
    const client = createBitrixClient({ http, endpoint: { kind: 'webhook', webhookUrl: 'https://p/rest/1/s/' } });
    await expect(client.call('x')).rejects.toMatchObject({ kind: 'transient', code: 'NETWORK' });
  });
});

describe('listGroups', () => {
  it('follows next across pages and maps UPPERCASE rows', async () => {
    const http = fakeHttp((request) => {
      const start = JSON.parse(request.body!).start as number;
      return start === 0
        ? { status: 200, body: { result: [{ ID: '1', NAME: 'A', CLOSED: 'Y', NUMBER_OF_MEMBERS: '12' }], total: 2, next: 1 } }
        : { status: 200, body: { result: [{ ID: '7', NAME: 'B', CLOSED: 'N' }], total: 2 } };
    });
    const client = createBitrixClient({ http, endpoint: { kind: 'webhook', webhookUrl: 'https://p/rest/1/s/' } });
    expect(await listGroups(client)).toEqual([
      { id: '1', name: 'A', closed: true, membersCount: 12 },
      { id: '7', name: 'B', closed: false, membersCount: null },
    ]);
    expect(http.requests).toHaveLength(2);
  });

  it('refuses rows of the wrong shape with a clear error', async () => {
    const http = fakeHttp(() => ({ status: 200, body: { result: [{ id: 1 }] } }));
    const client = createBitrixClient({ http, endpoint: { kind: 'webhook', webhookUrl: 'https://p/rest/1/s/' } });
    const error = await listGroups(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BitrixError);
    expect(error).toMatchObject({ kind: 'malformed' });
  });
});
