import type { IncomingMessage } from 'node:http';
import type { Portal } from '../contract';
import type { OAuthStore } from './oauth-store';
import { randomToken } from './oauth-store';

export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const SESSION_COOKIE = 'PHPSESSID';

function html(title: string, inner: string): string {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>${title}</title></head><body>${inner}</body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * The portal's `/oauth/authorize/` (server-facts §3, docs-facts §1): a login form without a session,
 * then a 302 to the app's registered redirect URI with code, state, domain, member_id, scope, server_domain.
 */
export class AuthorizePage {
  private readonly sessions = new Map<string, string>();

  constructor(
    private readonly portal: Portal,
    private readonly store: OAuthStore,
    private readonly hosts: { portalHost: string; oauthHost: string },
  ) {}

  handle(req: IncomingMessage, query: URLSearchParams, form: Record<string, unknown>): PageAnswer {
    const clientId = query.get('client_id') ?? '';
    const state = query.get('state') ?? '';
    if (clientId !== this.store.app.clientId) {
      // docs-facts §1: on failure the portal shows its own error page and does not redirect.
      return { status: 200, headers: {}, body: html('Ошибка', '<p class="errortext">Приложение не найдено</p>') };
    }
    const headers: Record<string, string> = {};
    let userId = this.sessionUser(req);
    let loginError = '';
    if (req.method === 'POST' && typeof form.USER_LOGIN === 'string') {
      const user = this.portal.findUserByLogin(form.USER_LOGIN);
      if (user && user.active && user.password === form.USER_PASSWORD) {
        const sid = randomToken(16);
        this.sessions.set(sid, user.id);
        headers['Set-Cookie'] = `${SESSION_COOKIE}=${sid}; Path=/; HttpOnly`;
        userId = user.id;
      } else {
        loginError = 'Неверный логин или пароль.';
      }
    }
    if (!userId) return { status: 200, headers, body: this.loginForm(clientId, state, loginError) };

    const code = this.store.issueCode(clientId, userId);
    const target = new URL(this.store.app.redirectUri);
    const params: Array<[string, string]> = [
      ['code', code],
      ['state', state],
      ['domain', this.hosts.portalHost],
      ['member_id', this.store.memberId],
      ['scope', this.store.app.scopes.join(',')],
      ['server_domain', this.hosts.oauthHost],
    ];
    for (const [k, v] of params) target.searchParams.set(k, v);
    return { status: 302, headers: { ...headers, Location: target.toString() }, body: '' };
  }

  private sessionUser(req: IncomingMessage): string | undefined {
    const sid = readCookie(req, SESSION_COOKIE);
    return sid ? this.sessions.get(sid) : undefined;
  }

  private loginForm(clientId: string, state: string, error: string): string {
    const action = `/oauth/authorize/?client_id=${encodeURIComponent(clientId)}&state=${encodeURIComponent(state)}`;
    return html(
      'Авторизация',
      `${error ? `<p class="errortext">${escapeHtml(error)}</p>` : ''}` +
        `<form name="form_auth" method="post" action="${escapeHtml(action)}">` +
        '<input type="hidden" name="AUTH_FORM" value="Y"><input type="hidden" name="TYPE" value="AUTH">' +
        '<label>Логин <input type="text" name="USER_LOGIN"></label>' +
        '<label>Пароль <input type="password" name="USER_PASSWORD"></label>' +
        '<input type="submit" name="Login" value="Войти"></form>',
    );
  }
}
