/**
 * OAuth 2.0 of a box "local application" (docs-facts §1, server-facts §3): the portal shows
 * login and consent, redirects with a 30-second code, and the code is exchanged at the token
 * server the redirect names (`server_domain`) — never a hard-coded host.
 */
import { z } from 'zod';
import { BitrixError } from './errors';
import { buildPhpQuery } from './php-query';
import { HttpTransportError, type Http } from '../ports';

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ms since epoch), as the token server said. */
  expiresAt: number;
  scope: string;
  memberId: string;
  userId: string;
  /** The token server's origin (`https://oauth.bitrix.info`), where refreshes go. */
  serverOrigin: string;
  /** The portal's REST endpoint (`https://portal/rest/`). */
  clientEndpoint: string;
}

export interface RedirectParams {
  code: string;
  state: string;
  /** The portal host. */
  domain: string;
  memberId: string;
  scope: string;
  /** The token server's host. */
  serverDomain: string;
}

export function authorizeUrl(portalUrl: string, clientId: string, state: string): string {
  const base = portalUrl.endsWith('/') ? portalUrl : `${portalUrl}/`;
  return `${base}oauth/authorize/?${buildPhpQuery({ client_id: clientId, state })}`;
}

/** Reads the redirect the portal sent to our loopback listener; checks `state` first. */
export function readRedirect(url: string, expectedState: string): RedirectParams {
  const params = new URL(url).searchParams;
  if (params.get('state') !== expectedState) {
    throw new BitrixError('refused', 'STATE_MISMATCH', 'The sign-in answer does not belong to this sign-in attempt');
  }
  const error = params.get('error');
  if (error) throw new BitrixError('refused', error, params.get('error_description') ?? error);
  const code = params.get('code');
  const serverDomain = params.get('server_domain');
  if (!code || !serverDomain) throw new BitrixError('malformed', 'MALFORMED_REDIRECT', 'The portal redirected without a code or server_domain');
  return {
    code,
    state: expectedState,
    domain: params.get('domain') ?? '',
    memberId: params.get('member_id') ?? '',
    scope: params.get('scope') ?? '',
    serverDomain,
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The token server's origin. Real token servers speak HTTPS only; a loopback token server (the
 * emulator, a test rig) is reached with the portal's own scheme.
 */
export function tokenServerOrigin(serverDomain: string, portalUrl: string): string {
  const host = serverDomain.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  const scheme = LOOPBACK_HOSTS.has(hostname) ? new URL(portalUrl).protocol.replace(':', '') : 'https';
  return `${scheme}://${host}`;
}

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.union([z.number(), z.string()]).transform(Number),
  expires: z.union([z.number(), z.string()]).transform(Number).optional(),
  scope: z.string().optional(),
  member_id: z.string().optional(),
  user_id: z.union([z.number(), z.string()]).transform(String).optional(),
  client_endpoint: z.string().optional(),
});

const tokenError = z.object({ error: z.string(), error_description: z.string().optional() });

async function postToTokenServer(http: Http, origin: string, params: Record<string, string>, now: number): Promise<TokenSet> {
  let response;
  try {
    // Bitrix's OAuth server reads grant_type, code and refresh_token from the query string only (the
    // docs' examples are GETs); the portal's token proxy takes either. Sent in both, so any one works.
    const query = new URLSearchParams(params).toString();
    response = await http.request({
      method: 'POST',
      url: `${origin}/oauth/token/?${query}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: query,
      timeoutMs: 30_000,
    });
  } catch (error) {
    if (error instanceof HttpTransportError) throw new BitrixError('unreachable', 'NETWORK', `Token server unreachable: ${error.message}`);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw new BitrixError(response.status >= 500 ? 'unreachable' : 'malformed', 'NOT_JSON', `The token server answered HTTP ${response.status} with a non-JSON page`, response.status);
  }
  const failure = tokenError.safeParse(json);
  if (failure.success) {
    const { error, error_description: description } = failure.data;
    // invalid_grant (400: unknown, used or revoked) and expired_token (401: the code or refresh token is
    // past its lifetime) — the grant is dead, only a new sign-in helps. The server sends no error_description.
    const kind = error === 'invalid_grant' || error === 'invalid_client' || error === 'expired_token' ? 'signed-out' : response.status >= 500 ? 'server-error' : 'refused';
    throw new BitrixError(kind, error, description ?? error, response.status);
  }
  const ok = tokenAnswer.safeParse(json);
  if (!ok.success) throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'The token server answered an unexpected shape', response.status);
  const data = ok.data;
  return {
    accessToken: data.access_token,
    refreshToken: data.refresh_token,
    expiresAt: data.expires ? data.expires * 1000 : now + data.expires_in * 1000,
    scope: data.scope ?? '',
    memberId: data.member_id ?? '',
    userId: data.user_id ?? '',
    serverOrigin: origin,
    clientEndpoint: data.client_endpoint ?? '',
  };
}

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

export function exchangeCode(http: Http, origin: string, app: AppCredentials, code: string, now: number): Promise<TokenSet> {
  return postToTokenServer(http, origin, { grant_type: 'authorization_code', client_id: app.clientId, client_secret: app.clientSecret, code }, now);
}

export function refreshTokenSet(http: Http, app: AppCredentials, tokens: TokenSet, now: number): Promise<TokenSet> {
  return postToTokenServer(
    http,
    tokens.serverOrigin,
    { grant_type: 'refresh_token', client_id: app.clientId, client_secret: app.clientSecret, refresh_token: tokens.refreshToken },
    now,
  );
}
