import type { IncomingHttpHeaders } from 'node:http';
import { randomBytes } from 'node:crypto';
import { RestError, type Portal } from '../contract';
import type { OffsetClock } from '../clock';
import type { OAuthStore } from './oauth-store';
import type { AuthInfo } from './types';
import { authErrors } from './envelope';

export interface WebhookCredentials {
  /** server-facts §3: aplogin may be a user ID or a login. */
  login: string;
  password: string;
}

interface Webhook {
  userId: string;
  password: string;
  scopes: readonly string[];
}

/** Incoming webhooks, checked locally (docs-facts §1). */
export class WebhookRegistry {
  private readonly hooks: Webhook[] = [];

  /** server-facts §3: `ap` is a 16-character random password. */
  create(userId: string, scopes: readonly string[]): string {
    const password = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x').slice(0, 16).toLowerCase();
    this.hooks.push({ userId, password, scopes });
    return password;
  }

  find(userId: string, password: string): Webhook | undefined {
    return this.hooks.find((h) => h.userId === userId && h.password === password);
  }
}

/** Parameters that carry auth and never reach the handler (server-facts §3, contract CallContext). */
export const AUTH_PARAMS = ['auth', 'access_token', 'auth_connector'] as const;

/**
 * Turns the request's credentials into an AuthInfo or a 401 RestError.
 * Token order (server-facts §3): `Authorization: Bearer`, else `auth`, else `access_token`.
 * Plain-http webhooks are accepted as if the portal defined REST_APAUTH_ALLOW_HTTP (server-facts §3).
 */
export class RestAuthenticator {
  constructor(
    private readonly portal: Portal,
    private readonly store: OAuthStore,
    private readonly webhooks: WebhookRegistry,
    private readonly clock: OffsetClock,
  ) {}

  resolve(headers: IncomingHttpHeaders, params: Record<string, unknown>, webhook?: WebhookCredentials): AuthInfo {
    const connector = typeof params.auth_connector === 'string' ? params.auth_connector : undefined;
    if (webhook) return this.resolveWebhook(webhook);
    const token = extractToken(headers, params);
    if (token === undefined) throw authErrors.noAuth();
    const grant = this.store.findAccess(token);
    if (!grant) throw authErrors.noAuth();
    // server-facts §3 check order: application, then expiry, then scope (scope is checked per method).
    if (grant.clientId !== this.store.app.clientId) {
      throw new RestError('APPLICATION_NOT_FOUND', 'Application not found', 401);
    }
    if (grant.expiresAt <= this.clock.now()) throw authErrors.expired();
    this.requireActiveUser(grant.userId);
    const info: AuthInfo = { userId: grant.userId, authType: 'oauth', clientId: grant.clientId, scopes: grant.scopes, accessToken: token };
    if (connector !== undefined) info.authConnector = connector;
    return info;
  }

  private resolveWebhook(creds: WebhookCredentials): AuthInfo {
    const user = /^\d+$/.test(creds.login)
      ? this.portal.users().find((u) => u.id === creds.login)
      : this.portal.findUserByLogin(creds.login);
    const hook = user ? this.webhooks.find(user.id, creds.password) : undefined;
    if (!user || !hook) throw authErrors.invalidCredentials();
    this.requireActiveUser(user.id);
    return { userId: user.id, authType: 'apauth', scopes: hook.scopes, webhook: { login: creds.login, password: creds.password } };
  }

  private requireActiveUser(userId: string): void {
    const user = this.portal.users().find((u) => u.id === userId);
    if (!user || !user.active) throw new RestError('authorization_error', 'Unable to authorize user', 401);
  }
}

function extractToken(headers: IncomingHttpHeaders, params: Record<string, unknown>): string | undefined {
  const header = headers.authorization;
  if (typeof header === 'string' && /^Bearer\s+/i.test(header)) return header.replace(/^Bearer\s+/i, '');
  for (const key of ['auth', 'access_token']) {
    const v = params[key];
    if (v !== undefined && (typeof v === 'string' || typeof v === 'number')) return String(v);
  }
  return undefined;
}

/** server-facts §3: the `user` scope is satisfied by `user_brief` or `user_basic`. */
export function hasScope(granted: readonly string[], needed: string): boolean {
  if (granted.includes(needed)) return true;
  return needed === 'user' && (granted.includes('user_brief') || granted.includes('user_basic'));
}
