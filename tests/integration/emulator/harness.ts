/** Shared harness: an emulator on free ports plus small helpers over real HTTP. */
import { startEmulator, type EmulatorHandle, type StartEmulatorOptions } from '../../../src/bitrix-emulator/index';
import { createFakePortal, type FakePortal } from './fake-portal';

export interface RestAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export interface RestCallOptions {
  token?: string;
  /** Use the start line's webhook URL (or this one). */
  webhook?: true | string;
  api?: 'v3';
  /** How to send params: JSON body (default), form body, or query string. */
  via?: 'json' | 'form' | 'query';
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface TokenSet {
  access_token: string;
  refresh_token: string;
  [key: string]: unknown;
}

export interface TestEmulator extends EmulatorHandle {
  fake: FakePortal | undefined;
  rest(method: string, params?: Record<string, unknown>, options?: RestCallOptions): Promise<RestAnswer>;
  control(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Logs in through the HTML form and exchanges the code at the OAuth server. */
  oauthLogin(login?: string, password?: string, state?: string): Promise<TokenSet>;
  /** Login through the form only; returns the redirect Location. */
  authorize(login: string, password: string, state?: string): Promise<URL>;
  token(params: Record<string, string>, at?: 'oauth' | 'portal'): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** PHP-style form encoding: nested objects become `a[b][c]=v`. */
export function toForm(params: Record<string, unknown>, prefix = ''): string[] {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    const key = prefix ? `${prefix}[${k}]` : k;
    if (typeof v === 'object' && v !== null) parts.push(...toForm(v as Record<string, unknown>, key));
    else parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return parts;
}

export async function startTestEmulator(
  opts: StartEmulatorOptions & { realPortal?: boolean } = {},
): Promise<TestEmulator> {
  let fake: FakePortal | undefined;
  const { realPortal, ...rest } = opts;
  const options: StartEmulatorOptions = { tasks: 120, ...rest };
  if (!realPortal && !options.createPortal) {
    options.createPortal = (o) => (fake = createFakePortal(o));
  }
  const handle = await startEmulator(options);

  const restCall: TestEmulator['rest'] = async (method, params = {}, o = {}) => {
    // REST 3.0 puts `api/` right after `/rest/`, before a webhook's credentials (docs rest-v3.md).
    const webhookBase = o.webhook ? (o.webhook === true ? handle.webhookUrl : o.webhook) : undefined;
    const base = webhookBase
      ? o.api === 'v3' ? webhookBase.replace('/rest/', '/rest/api/') : webhookBase
      : `${handle.portalUrl}/rest/${o.api === 'v3' ? 'api/' : ''}`;
    const path = method;
    const all = o.token ? { ...params, auth: o.token } : params;
    const via = o.via ?? 'json';
    let url = `${base}${path}`;
    const init: RequestInit = { method: 'POST', headers: { ...o.headers } };
    if (o.signal) init.signal = o.signal;
    if (via === 'json') {
      init.body = JSON.stringify(all);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    } else if (via === 'form') {
      init.body = toForm(all).join('&');
      (init.headers as Record<string, string>)['Content-Type'] = 'application/x-www-form-urlencoded';
    } else {
      url += `?${toForm(all).join('&')}`;
      init.method = 'GET';
    }
    const res = await fetch(url, init);
    const text = await res.text();
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { __raw: text };
    }
    return { status: res.status, body, headers: res.headers };
  };

  const authorize: TestEmulator['authorize'] = async (login, password, state = 'st-1') => {
    const url = `${handle.portalUrl}/oauth/authorize/?client_id=${encodeURIComponent(handle.clientId)}&state=${state}`;
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `AUTH_FORM=Y&TYPE=AUTH&USER_LOGIN=${encodeURIComponent(login)}&USER_PASSWORD=${encodeURIComponent(password)}`,
    });
    await res.text();
    const location = res.headers.get('location');
    if (res.status !== 302 || !location) throw new Error(`login failed: ${res.status}`);
    return new URL(location);
  };

  const token: TestEmulator['token'] = async (params, at = 'oauth') => {
    const base = at === 'oauth' ? handle.oauthServerUrl : handle.portalUrl;
    const res = await fetch(`${base}/oauth/token/?${new URLSearchParams(params).toString()}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  return {
    ...handle,
    fake,
    rest: restCall,
    authorize,
    token,
    async control(path, body) {
      const res = await fetch(`${handle.portalUrl}/_emulator/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async oauthLogin(login = 'admin', password = 'admin-pass', state = 'st-1') {
      const redirect = await authorize(login, password, state);
      const answer = await token({
        grant_type: 'authorization_code',
        client_id: handle.clientId,
        client_secret: handle.clientSecret,
        code: redirect.searchParams.get('code') ?? '',
      });
      if (answer.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(answer.body)}`);
      return answer.body as TokenSet;
    },
  };
}
