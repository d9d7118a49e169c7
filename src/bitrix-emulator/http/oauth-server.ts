import type { OAuthStore } from './oauth-store';

export interface OAuthAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface TokenEndpointUrls {
  /** host:port of the OAuth server (the token answer's `domain`). */
  oauthHost: string;
  oauthOrigin: string;
  portalOrigin: string;
}

function oauthError(status: number, error: string, description: string): OAuthAnswer {
  return { status, body: { error, error_description: description } };
}

/**
 * `/oauth/token/` of the emulated oauth.bitrix.info (docs-facts §1). The statuses are not documented:
 * we answer as RFC 6749 §5.2 does (400; invalid_client 401) — UNVERIFIED against the real server.
 */
export function handleTokenRequest(
  store: OAuthStore,
  params: Record<string, unknown>,
  urls: TokenEndpointUrls,
  nowMs: number,
): OAuthAnswer {
  const str = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : '');
  const grantType = str('grant_type');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return oauthError(400, 'invalid_request', 'Unsupported or missing grant_type');
  }
  const { app } = store;
  if (str('client_id') !== app.clientId || str('client_secret') !== app.clientSecret) {
    return oauthError(401, 'invalid_client', 'Invalid client credentials');
  }
  const grant =
    grantType === 'authorization_code'
      ? store.takeCode(str('code'), app.clientId)
      : store.takeRefresh(str('refresh_token'), app.clientId);
  if (!grant) {
    return oauthError(
      400,
      'invalid_grant',
      grantType === 'authorization_code' ? 'Invalid authorization code' : 'Invalid refresh token',
    );
  }
  const { access, refreshToken } = store.issueTokens(grant);
  // Field set of a real answer (docs-facts §1, b24-rest-docs issue #285): status "L" = local app.
  return {
    status: 200,
    body: {
      access_token: access.token,
      expires: Math.floor(access.expiresAt / 1000),
      expires_in: Math.round((access.expiresAt - nowMs) / 1000),
      scope: grant.scopes.join(','),
      domain: urls.oauthHost,
      server_endpoint: `${urls.oauthOrigin}/rest/`,
      status: 'L',
      client_endpoint: `${urls.portalOrigin}/rest/`,
      member_id: store.memberId,
      user_id: Number(grant.userId),
      refresh_token: refreshToken,
    },
  };
}
