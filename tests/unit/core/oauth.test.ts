import { describe, expect, it } from 'vitest';
import { authorizeUrl, exchangeCode, readRedirect, tokenServerOrigin, type TokenSet } from '../../../src/core/bitrix/oauth';
import { TokenManager, type TokenStorage } from '../../../src/core/bitrix/token-manager';
import type { Http, HttpRequest } from '../../../src/core/ports';
import { VirtualClock } from '../../support/fake-clock';

describe('authorize and redirect', () => {
  it('sends the user to the portal authorize page with client_id and state', () => {
    expect(authorizeUrl('https://portal.test', 'local.1.2', 's t')).toBe('https://portal.test/oauth/authorize/?client_id=local.1.2&state=s+t');
  });

  it('reads code, server_domain and the rest from the redirect', () => {
    const params = readRedirect('http://127.0.0.1:5000/cb?code=C&state=S&domain=portal.test&member_id=M&scope=task%2Cuser&server_domain=oauth.bitrix.info', 'S');
    expect(params).toEqual({ code: 'C', state: 'S', domain: 'portal.test', memberId: 'M', scope: 'task,user', serverDomain: 'oauth.bitrix.info' });
  });

  it('refuses a redirect whose state is not ours', () => {
    expect(() => readRedirect('http://127.0.0.1/cb?code=C&state=X&server_domain=o', 'S')).toThrow(/does not belong/);
  });

  it('refuses a redirect without a code', () => {
    expect(() => readRedirect('http://127.0.0.1/cb?state=S&server_domain=o', 'S')).toThrow(/without a code/);
  });

  it('uses HTTPS for real token servers and the portal scheme for a loopback one', () => {
    expect(tokenServerOrigin('oauth.bitrix.info', 'http://intranet.local')).toBe('https://oauth.bitrix.info');
    expect(tokenServerOrigin('127.0.0.1:4411', 'http://127.0.0.1:8024')).toBe('http://127.0.0.1:4411');
    expect(tokenServerOrigin('localhost:4411', 'https://localhost:8024')).toBe('https://localhost:4411');
  });
});

function tokenServer(handler: (params: URLSearchParams) => { status: number; body: unknown }): Http & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async request(request) {
      requests.push(request);
      const { status, body } = handler(new URLSearchParams(request.body));
      return { status, headers: {}, body: JSON.stringify(body) };
    },
  };
}

const answer = (access: string, refresh: string) => ({
  status: 200,
  body: { access_token: access, refresh_token: refresh, expires_in: 3600, scope: 'task', member_id: 'm', user_id: 1, client_endpoint: 'http://p/rest/', server_endpoint: 'http://o/rest/', status: 'L' },
});

describe('exchangeCode', () => {
  it('posts the code to the named token server and reads the pair', async () => {
    const http = tokenServer(() => answer('A1', 'R1'));
    const clock = new VirtualClock();
    const tokens = await exchangeCode(http, 'https://oauth.test', { clientId: 'id', clientSecret: 'sec' }, 'CODE', clock.now());
    // The OAuth server reads grant_type/code from the query only; the portal proxy takes either: both carry them.
    const url = new URL(http.requests[0]!.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://oauth.test/oauth/token/');
    const sent = { grant_type: 'authorization_code', client_id: 'id', client_secret: 'sec', code: 'CODE' };
    expect(Object.fromEntries(url.searchParams)).toEqual(sent);
    expect(Object.fromEntries(new URLSearchParams(http.requests[0]!.body))).toEqual(sent);
    expect(tokens).toMatchObject({ accessToken: 'A1', refreshToken: 'R1', userId: '1', serverOrigin: 'https://oauth.test', expiresAt: clock.now() + 3_600_000 });
  });

  it('reports a dead code as signed out', async () => {
    const http = tokenServer(() => ({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid authorization code' } }));
    await expect(exchangeCode(http, 'https://o', { clientId: 'i', clientSecret: 's' }, 'OLD', 0)).rejects.toMatchObject({ kind: 'signed-out', code: 'invalid_grant' });
  });
});

function memoryStorage(initial: TokenSet | null) {
  const saved: TokenSet[] = [];
  let current = initial;
  const storage: TokenStorage = {
    load: async () => current,
    save: async (t) => {
      saved.push(t);
      current = t;
    },
    clear: async () => {
      current = null;
    },
  };
  return { storage, saved, get: () => current };
}

const initial: TokenSet = { accessToken: 'A0', refreshToken: 'R0', expiresAt: 0, scope: '', memberId: '', userId: '1', serverOrigin: 'https://o', clientEndpoint: '' };

describe('TokenManager', () => {
  it('runs one refresh for many callers racing on the same stale token, and saves the pair first', async () => {
    let n = 0;
    const http = tokenServer((p) => {
      expect(p.get('refresh_token')).toBe('R0');
      n++;
      return answer('A1', 'R1');
    });
    const store = memoryStorage(initial);
    const manager = new TokenManager({ http, clock: new VirtualClock(), storage: store.storage, app: async () => ({ clientId: 'i', clientSecret: 's' }) });
    const results = await Promise.all([manager.refresh('A0'), manager.refresh('A0'), manager.refresh('A0')]);
    expect(results).toEqual(['A1', 'A1', 'A1']);
    expect(n).toBe(1);
    expect(store.saved.map((t) => t.refreshToken)).toEqual(['R1']);
    // A caller that saw the old token after the refresh gets the new one without a second refresh.
    expect(await manager.refresh('A0')).toBe('A1');
    expect(n).toBe(1);
  });

  it('signs out when the refresh token is dead, keeping nothing half-done', async () => {
    const http = tokenServer(() => ({ status: 400, body: { error: 'invalid_grant', error_description: 'refresh token expired' } }));
    const store = memoryStorage(initial);
    let signedOut = false;
    const manager = new TokenManager({ http, clock: new VirtualClock(), storage: store.storage, app: async () => ({ clientId: 'i', clientSecret: 's' }), onSignedOut: () => (signedOut = true) });
    await expect(manager.refresh('A0')).rejects.toMatchObject({ kind: 'signed-out' });
    expect(signedOut).toBe(true);
    expect(store.saved).toHaveLength(0);
  });

  it.each([
    ['401 expired_token (refresh token past its lifetime)', 401, 'expired_token'],
    ['400 invalid_grant (unknown, used or revoked)', 400, 'invalid_grant'],
  ])('signs out on %s, though the server sends no error_description', async (_label, status, error) => {
    const http = tokenServer(() => ({ status, body: { error, domain: 'portal.test' } }));
    let signedOut = false;
    const manager = new TokenManager({ http, clock: new VirtualClock(), storage: memoryStorage(initial).storage, app: async () => ({ clientId: 'i', clientSecret: 's' }), onSignedOut: () => (signedOut = true) });
    await expect(manager.refresh('A0')).rejects.toMatchObject({ kind: 'signed-out', code: error, message: error });
    expect(signedOut).toBe(true);
  });

  it('an unsupported grant type or a bad request is a refusal, not a sign-out', async () => {
    const http = tokenServer(() => ({ status: 400, body: { error: 'invalid_request' } }));
    await expect(exchangeCode(http, 'https://o', { clientId: 'i', clientSecret: 's' }, 'C', 0)).rejects.toMatchObject({ kind: 'refused', code: 'invalid_request', message: 'invalid_request' });
  });

  it('without tokens it says not signed in', async () => {
    const manager = new TokenManager({ http: tokenServer(() => answer('x', 'y')), clock: new VirtualClock(), storage: memoryStorage(null).storage, app: async () => ({ clientId: 'i', clientSecret: 's' }) });
    await expect(manager.current()).rejects.toMatchObject({ kind: 'signed-out', code: 'NO_TOKENS' });
  });
});
