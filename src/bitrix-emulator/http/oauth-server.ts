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

/** Bitrix\OAuth\Base::sendJsonError: `{"error": code}`; error_description only with display_error set (never here). */
function oauthError(status: number, error: string): OAuthAnswer {
  return { status, body: { error } };
}

/** The grant types the server's regexp lets through (Bitrix\OAuth\Base::getClientParameters). */
const KNOWN_GRANT = /^(authorization_code|password|assertion|refresh_token|none)$/;

/**
 * `/oauth/token/` of the emulated oauth.bitrix.info, as Bitrix's OAuth server module answers
 * (facts and sources: src/bitrix-emulator/README.md, "OAuth token endpoint"). `grant` holds the
 * parameters the server reads from the query string only (grant_type, code, refresh_token); the
 * client credentials come from `params` (GET or POST).
 */
export function handleTokenRequest(
  store: OAuthStore,
  params: Record<string, unknown>,
  urls: TokenEndpointUrls,
  nowMs: number,
  grant: Record<string, unknown> = params,
): OAuthAnswer {
  const str = (from: Record<string, unknown>, k: string) => (typeof from[k] === 'string' ? (from[k] as string) : '');
  const grantType = str(grant, 'grant_type');
  if (!KNOWN_GRANT.test(grantType)) return oauthError(400, 'invalid_request');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') return oauthError(400, 'unsupported_grant_type');
  const { app } = store;
  // A missing client_id and a wrong secret alike: 400 invalid_client (not RFC 6749's 401).
  if (str(params, 'client_id') !== app.clientId || str(params, 'client_secret') !== app.clientSecret) return oauthError(400, 'invalid_client');
  const value = str(grant, grantType === 'authorization_code' ? 'code' : 'refresh_token');
  if (value === '') return oauthError(400, 'invalid_request');
  const taken = grantType === 'authorization_code' ? store.takeCode(value, app.clientId) : store.takeRefresh(value, app.clientId);
  if (taken === 'expired') return oauthError(401, 'expired_token');
  if (!taken) return oauthError(400, 'invalid_grant');
  const found = taken;
  const { access, refreshToken } = store.issueTokens(found);
  // Field set of a real answer (docs-facts §1, b24-rest-docs issue #285): status "L" = local app.
  return {
    status: 200,
    body: {
      access_token: access.token,
      expires: Math.floor(access.expiresAt / 1000),
      expires_in: Math.round((access.expiresAt - nowMs) / 1000),
      scope: found.scopes.join(','),
      domain: urls.oauthHost,
      server_endpoint: `${urls.oauthOrigin}/rest/`,
      status: 'L',
      client_endpoint: `${urls.portalOrigin}/rest/`,
      member_id: store.memberId,
      user_id: Number(found.userId),
      refresh_token: refreshToken,
    },
  };
}
