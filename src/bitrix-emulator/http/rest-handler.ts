import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RestError } from '../contract';
import type { RestAuthenticator, WebhookCredentials } from './auth';
import type { ApiVersion, Dispatcher } from './dispatch';
import { authErrors, errorBody, toRestError } from './envelope';
import type { FaultState } from './faults';
import type { LeakyBucket } from './limiter';
import { NGINX_502, clientIp, sendHtml, sendJson } from './request';
import type { ParamMap } from './php-params';

export interface RestRoute {
  method: string;
  api: ApiVersion;
  webhook?: WebhookCredentials;
}

/**
 * `/rest/<method>[.json]`, `/rest/api/<method>` (v3) and `/rest/<aplogin>/<ap>/[api/]<method>`
 * (server-facts §1, docs-facts §2). Returns null for paths that are not REST calls.
 */
export function parseRestPath(pathname: string): RestRoute | null {
  if (!pathname.startsWith('/rest/')) return null;
  const segments = pathname.slice('/rest/'.length).split('/').filter((s) => s !== '');
  let webhook: WebhookCredentials | undefined;
  let rest = segments;
  if (segments.length >= 3 && segments[0] !== 'api') {
    webhook = { login: decodeURIComponent(segments[0] ?? ''), password: decodeURIComponent(segments[1] ?? '') };
    rest = segments.slice(2);
  }
  let api: ApiVersion = 'v2';
  if (rest.length === 2 && rest[0] === 'api') {
    api = 'v3';
    rest = rest.slice(1);
  }
  if (rest.length !== 1) return { method: '', api, ...(webhook ? { webhook } : {}) };
  // A `.json` or `.xml` suffix selects the transport; we always answer JSON.
  const method = decodeURIComponent(rest[0] ?? '').replace(/\.(json|xml)$/i, '').toLowerCase();
  return { method, api, ...(webhook ? { webhook } : {}) };
}

export interface RestDeps {
  dispatcher: Dispatcher;
  authenticator: RestAuthenticator;
  faults: FaultState;
  bucket: LeakyBucket | undefined;
}

export async function handleRest(
  deps: RestDeps,
  req: IncomingMessage,
  res: ServerResponse,
  route: RestRoute,
  params: ParamMap,
): Promise<void> {
  const { faults } = deps;
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  const fault = faults.take(route.method || 'unknown');
  if (fault === 'drop-before') return void req.socket.destroy();
  if (fault === 'hang') return; // the socket stays open until the client gives up or close() ends it
  if (fault === 'http500') {
    return sendJson(res, 500, { error: 'INTERNAL_SERVER_ERROR', error_description: 'Internal server error' });
  }
  if (fault === 'html502') return sendHtml(res, 502, NGINX_502);

  // docs-facts §2: cloud leaky bucket per source IP; a batch is one request.
  if (deps.bucket && !deps.bucket.take(clientIp(req))) {
    return sendJson(res, 503, { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
  }

  let status = 200;
  let body: Record<string, unknown>;
  try {
    if (route.method === '') throw authErrors.methodNotFound();
    const auth = deps.authenticator.resolve(req.headers, params, route.webhook);
    const outcome = deps.dispatcher.call(route.method, params, auth, route.api);
    if (outcome.ok) {
      body = { result: outcome.result };
      if (outcome.next !== undefined) body.next = outcome.next;
      if (outcome.total !== undefined) body.total = outcome.total;
      body.time = outcome.time;
    } else {
      status = outcome.error.status || 400; // server-facts §1: a status of 0 becomes 400
      body = errorBody(outcome.error);
    }
  } catch (e) {
    const err: RestError = toRestError(e);
    status = err.status || 400;
    body = errorBody(err);
  }
  // The change is applied, the answer is lost.
  if (fault === 'drop-after') return void req.socket.destroy();
  sendJson(res, status, body);
}
