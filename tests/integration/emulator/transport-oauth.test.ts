import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ redirectUri: 'http://127.0.0.1:53123/cb', accessTokenLifetime: 600, refreshTokenLifetime: 7200 });
});
afterAll(() => emu.close());

const exchange = (code: string, secret = emu.clientSecret) =>
  emu.token({ grant_type: 'authorization_code', client_id: emu.clientId, client_secret: secret, code });
const refresh = (token: string) =>
  emu.token({ grant_type: 'refresh_token', client_id: emu.clientId, client_secret: emu.clientSecret, refresh_token: token });

describe('authorize page', () => {
  it('server-facts §3: without a portal session /oauth/authorize/ shows a login form', async () => {
    const res = await fetch(`${emu.portalUrl}/oauth/authorize/?client_id=${emu.clientId}&state=abc`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="USER_LOGIN"');
    expect(html).toContain('name="USER_PASSWORD"');
  });

  it('docs-facts §1: an unknown client_id gets the portal error page and no redirect', async () => {
    const res = await fetch(`${emu.portalUrl}/oauth/authorize/?client_id=local.nope.1&state=abc`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).not.toContain('USER_LOGIN');
  });

  it('docs-facts §1: a wrong password shows the form again', async () => {
    await expect(emu.authorize('admin', 'wrong')).rejects.toThrow(/login failed: 200/);
  });

  it('docs-facts §1: after login, 302 to the registered redirect URI with code, state, domain, member_id, scope, server_domain', async () => {
    const url = await emu.authorize('ivanov', 'ivanov-pass', 'xyz');
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:53123/cb');
    expect([...url.searchParams.keys()]).toEqual(['code', 'state', 'domain', 'member_id', 'scope', 'server_domain']);
    expect(url.searchParams.get('state')).toBe('xyz');
    expect(url.searchParams.get('domain')).toBe(new URL(emu.portalUrl).host);
    expect(url.searchParams.get('server_domain')).toBe(new URL(emu.oauthServerUrl).host);
    expect(url.searchParams.get('member_id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('server-facts §3: with a session cookie the authorize page redirects at once', async () => {
    const login = await fetch(`${emu.portalUrl}/oauth/authorize/?client_id=${emu.clientId}&state=s`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'USER_LOGIN=admin&USER_PASSWORD=admin-pass',
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^PHPSESSID=/);
    const again = await fetch(`${emu.portalUrl}/oauth/authorize/?client_id=${emu.clientId}&state=s2`, { redirect: 'manual', headers: { cookie } });
    expect(again.status).toBe(302);
    expect(new URL(again.headers.get('location') ?? '').searchParams.get('state')).toBe('s2');
  });
});

describe('token server', () => {
  it('docs-facts §1: the code exchange answers access_token, refresh_token, expires_in, expires, scope, domain, server_endpoint, client_endpoint, member_id, user_id, status', async () => {
    const url = await emu.authorize('ivanov', 'ivanov-pass');
    const r = await exchange(url.searchParams.get('code') ?? '');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      expires_in: 600,
      domain: new URL(emu.oauthServerUrl).host,
      server_endpoint: `${emu.oauthServerUrl}/rest/`,
      client_endpoint: `${emu.portalUrl}/rest/`,
      member_id: url.searchParams.get('member_id'),
      user_id: 2,
      status: 'L',
      scope: url.searchParams.get('scope'),
    });
    expect(r.body.expires).toBe(Math.floor(emu.clock.now() / 1000) + 600);
  });

  it('docs-facts §1: a code is single use (second exchange → invalid_grant)', async () => {
    const code = (await emu.authorize('admin', 'admin-pass')).searchParams.get('code') ?? '';
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('docs-facts §1: a code expires after 30 s of emulator clock → 401 expired_token (OAuth server module)', async () => {
    const code = (await emu.authorize('admin', 'admin-pass')).searchParams.get('code') ?? '';
    emu.advanceClock(31);
    const r = await exchange(code);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: 'expired_token' });
  });

  it('a wrong client secret → 400 invalid_client; a bad code → 400 invalid_grant; bodies carry no error_description', async () => {
    const code = (await emu.authorize('admin', 'admin-pass')).searchParams.get('code') ?? '';
    const wrong = await exchange(code, 'nope');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: 'invalid_client' });
    const garbage = await exchange('garbage');
    expect(garbage.status).toBe(400);
    expect(garbage.body).toEqual({ error: 'invalid_grant' });
  });

  it('grant types: missing or unknown → invalid_request, known but unsupported → unsupported_grant_type, no code → invalid_request', async () => {
    const creds = { client_id: emu.clientId, client_secret: emu.clientSecret };
    expect(await emu.token({ ...creds })).toEqual({ status: 400, body: { error: 'invalid_request' } });
    expect(await emu.token({ ...creds, grant_type: 'magic' })).toEqual({ status: 400, body: { error: 'invalid_request' } });
    expect(await emu.token({ ...creds, grant_type: 'password' })).toEqual({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await emu.token({ ...creds, grant_type: 'authorization_code' })).toEqual({ status: 400, body: { error: 'invalid_request' } });
    expect(await emu.token({ ...creds, grant_type: 'refresh_token' })).toEqual({ status: 400, body: { error: 'invalid_request' } });
  });

  it('docs-facts §1: refresh tokens rotate — a used one is dead (invalid_grant)', async () => {
    const first = await emu.oauthLogin();
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.user_id).toBe(1);
    const reuse = await refresh(first.refresh_token);
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe('invalid_grant');
    expect((await refresh(second.body.refresh_token as string)).status).toBe(200);
  });

  it('docs-facts §1: the refresh token lifetime is counted on the emulator clock', async () => {
    const t = await emu.oauthLogin();
    emu.advanceClock(7201);
    expect(await refresh(t.refresh_token)).toEqual({ status: 401, body: { error: 'expired_token' } });
  });

  it('server-facts §3: the portal /oauth/token/ proxies and overwrites domain with the portal host', async () => {
    const code = (await emu.authorize('admin', 'admin-pass')).searchParams.get('code') ?? '';
    const r = await emu.token({ grant_type: 'authorization_code', client_id: emu.clientId, client_secret: emu.clientSecret, code }, 'portal');
    expect(r.status).toBe(200);
    expect(r.body.domain).toBe(new URL(emu.portalUrl).host);
    expect(r.body.server_endpoint).toBe(`${emu.oauthServerUrl}/rest/`);
    const bad = await emu.token({ grant_type: 'refresh_token', client_id: emu.clientId, client_secret: emu.clientSecret, refresh_token: 'x' }, 'portal');
    // The proxy sets domain (and echoes a requested scope) on errors too.
    expect(bad).toEqual({ status: 400, body: { error: 'invalid_grant', domain: new URL(emu.portalUrl).host } });
  });

  it('the OAuth server reads grant_type/code from the query only: a form body alone → invalid_request; the portal proxy takes POST', async () => {
    const post = (base: string, query: string, body: string) =>
      fetch(`${base}/oauth/token/${query}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    const form = (code: string) => new URLSearchParams({ grant_type: 'authorization_code', client_id: emu.clientId, client_secret: emu.clientSecret, code }).toString();
    const code = async () => (await emu.authorize('admin', 'admin-pass')).searchParams.get('code') ?? '';
    const bodyOnly = await post(emu.oauthServerUrl, '', form(await code()));
    expect(bodyOnly.status).toBe(400);
    expect(await bodyOnly.json()).toEqual({ error: 'invalid_request' });
    const both = form(await code());
    expect((await post(emu.oauthServerUrl, `?${both}`, both)).status).toBe(200);
    expect((await post(emu.portalUrl, '', form(await code()))).status).toBe(200);
  });
});

describe('REST auth with tokens', () => {
  it('server-facts §3: Authorization: Bearer wins over auth, which wins over access_token', async () => {
    const admin = await emu.oauthLogin('admin', 'admin-pass');
    const user = await emu.oauthLogin('ivanov', 'ivanov-pass');
    const bearer = await emu.rest('user.current', { auth: user.access_token }, { headers: { Authorization: `Bearer ${admin.access_token}` } });
    expect((bearer.body.result as { ID: string }).ID).toBe('1');
    const auth = await emu.rest('user.current', { auth: user.access_token, access_token: admin.access_token });
    expect((auth.body.result as { ID: string }).ID).toBe('2');
    const access = await emu.rest('user.current', { access_token: admin.access_token });
    expect((access.body.result as { ID: string }).ID).toBe('1');
  });

  it('server-facts §1: no token or an unknown one → 401 NO_AUTH_FOUND "Wrong authorization data"', async () => {
    const none = await emu.rest('user.current');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' });
    const unknown = await emu.rest('user.current', {}, { token: 'deadbeef' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toBe('NO_AUTH_FOUND');
  });

  it('server-facts §3: an access token past its lifetime → 401 expired_token; refresh then works', async () => {
    const t = await emu.oauthLogin();
    emu.advanceClock(601);
    const r = await emu.rest('user.current', {}, { token: t.access_token });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('expired_token');
    const fresh = await refresh(t.refresh_token);
    expect((await emu.rest('user.current', {}, { token: fresh.body.access_token as string })).status).toBe(200);
  });

  it('control /_emulator/tokens: expireAccess makes live tokens expired_token; revokeRefresh kills refresh tokens', async () => {
    const t = await emu.oauthLogin();
    expect((await emu.control('tokens', { expireAccess: true })).status).toBe(200);
    expect((await emu.rest('user.current', {}, { token: t.access_token })).body.error).toBe('expired_token');
    await emu.control('tokens', { revokeRefresh: true });
    expect((await refresh(t.refresh_token)).body.error).toBe('invalid_grant');
  });
});

describe('scopes', () => {
  it('server-facts §1: a method outside the token scopes → 401 insufficient_scope (not 403 on box)', async () => {
    const narrow = await startTestEmulator({ scopes: ['task'] });
    try {
      const t = await narrow.oauthLogin();
      const r = await narrow.rest('user.current', {}, { token: t.access_token });
      expect(r.status).toBe(401);
      expect(r.body.error).toBe('insufficient_scope');
      expect((await narrow.rest('tasks.task.list', {}, { token: t.access_token })).status).toBe(200);
    } finally {
      await narrow.close();
    }
  });

  it('server-facts §3: the user scope is satisfied by user_brief', async () => {
    const brief = await startTestEmulator({ scopes: ['user_brief'] });
    try {
      const t = await brief.oauthLogin();
      expect((await brief.rest('user.current', {}, { token: t.access_token })).status).toBe(200);
    } finally {
      await brief.close();
    }
  });
});
