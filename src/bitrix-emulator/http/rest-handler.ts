import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { RestError } from '../contract';
import type { RestAuthenticator, WebhookCredentials } from './auth';
import type { ApiVersion, Dispatcher } from './dispatch';
import { authErrors, errorBody, toRestError } from './envelope';
import type { FaultState } from './faults';
import type { LeakyBucket } from './limiter';
import { NGINX_502, NGINX_503, clientIp, sendHtml, sendJson } from './request';
import type { ParamMap } from './php-params';
import type { IdempotencyStore } from './idempotency';
import type { RequestCounter } from './request-counter';

export interface RestRoute {
  method: string;
  api: ApiVersion;
  webhook?: WebhookCredentials;
}

/**
 * `/rest/<method>[.json]` and `/rest/<aplogin>/<ap>/<method>[.json]` (server-facts §1); REST 3.0
 * under `/rest/api/<method>` and `/rest/api/<aplogin>/<ap>/<method>` (docs `rest-v3.md`).
 * Returns null for paths that are not REST calls.
 */
/** A malformed escape stays as it came (as PHP's urldecode leaves it), never a throw. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseRestPath(pathname: string): RestRoute | null {
  if (!pathname.startsWith('/rest/')) return null;
  let segments = pathname.slice('/rest/'.length).split('/').filter((s) => s !== '');
  let api: ApiVersion = 'v2';
  if (segments[0] === 'api') {
    api = 'v3';
    segments = segments.slice(1);
  }
  let webhook: WebhookCredentials | undefined;
  if (segments.length === 3) {
    webhook = { login: decodeSegment(segments[0] ?? ''), password: decodeSegment(segments[1] ?? '') };
    segments = segments.slice(2);
  }
  if (segments.length !== 1) return { method: '', api, ...(webhook ? { webhook } : {}) };
  // A `.json` or `.xml` suffix selects the transport; we always answer JSON.
  const method = decodeSegment(segments[0] ?? '').replace(/\.(json|xml)$/i, '').toLowerCase();
  return { method, api, ...(webhook ? { webhook } : {}) };
}

/** REST 3.0 answers errors as `{error: {code, message}}` (docs `rest-v3.md`, unified format). */
function v3ErrorBody(err: RestError): Record<string, unknown> {
  return { error: { code: err.code, message: err.description } };
}

export interface RestDeps {
  dispatcher: Dispatcher;
  authenticator: RestAuthenticator;
  faults: FaultState;
  bucket: LeakyBucket | undefined;
  idempotency: IdempotencyStore;
  requests: RequestCounter;
}

export async function handleRest(
  deps: RestDeps,
  req: IncomingMessage,
  res: ServerResponse,
  route: RestRoute,
  params: ParamMap,
): Promise<void> {
  const { faults } = deps;
  // Counted on arrival, so faulted and limited calls show too (the client did send them).
  deps.requests.count(route.method || 'unknown');
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  const fault = faults.take(route.method || 'unknown');
  if (fault === 'drop-before') return void req.socket.destroy();
  if (fault === 'hang') return; // the socket stays open until the client gives up or close() ends it
  if (fault === 'http500') {
    return sendJson(res, 500, { error: 'INTERNAL_SERVER_ERROR', error_description: 'Internal server error' });
  }
  if (fault === 'html502') return sendHtml(res, 502, NGINX_502);
  const retryAfter = faults.retryAfterSeconds();
  const retryHeaders: Record<string, string> = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
  // A box has no 503 in its REST module (server-facts §1): it is nginx's page, overloaded upstream.
  if (fault === 'http503') return sendHtml(res, 503, NGINX_503, retryHeaders);
  // The box LoadLimiter's answer (server-facts §2), JSON from PHP.
  if (fault === 'http429') {
    return sendJson(res, 429, { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' }, retryHeaders);
  }

  // docs-facts §2: cloud leaky bucket per source IP; a batch is one request.
  if (deps.bucket && !deps.bucket.take(clientIp(req))) {
    return sendJson(res, 503, { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
  }

  let status = 200;
  let body: Record<string, unknown>;
  const headers: Record<string, string> = {};
  try {
    if (route.method === '') throw authErrors.methodNotFound();
    const auth = deps.authenticator.resolve(req.headers, params, route.webhook);
    const keyHeader = req.headers['idempotency-key'];
    const check = route.api === 'v3' ? deps.idempotency.check(typeof keyHeader === 'string' ? keyHeader : undefined, auth, route.method, params) : { kind: 'none' as const };
    if (check.kind === 'invalid') throw new RestError('BITRIX_REST_V3_EXCEPTION_INVALIDIDEMPOTENCYKEYEXCEPTION', 'Invalid idempotency key', 400);
    if (check.kind === 'reused') throw new RestError('BITRIX_REST_V3_EXCEPTION_IDEMPOTENCYKEYREUSEDEXCEPTION', 'Idempotency key was used with another request', 422);
    if (check.kind === 'replay') {
      headers['Idempotency-Key'] = check.key;
      headers['Idempotent-Replayed'] = 'true';
      status = check.status;
      body = check.body;
    } else {
      const outcome = deps.dispatcher.call(route.method, params, auth, route.api);
      if (outcome.ok) {
        body = { result: outcome.result };
        if (outcome.next !== undefined) body.next = outcome.next;
        if (outcome.total !== undefined) body.total = outcome.total;
        body.time = outcome.time;
      } else {
        status = outcome.error.status || 400; // server-facts §1: a status of 0 becomes 400
        body = route.api === 'v3' ? v3ErrorBody(outcome.error) : errorBody(outcome.error);
      }
      if (check.kind === 'fresh') {
        headers['Idempotency-Key'] = check.key;
        deps.idempotency.remember(check, status, body);
      }
    }
  } catch (e) {
    const err: RestError = toRestError(e);
    status = err.status || 400;
    body = route.api === 'v3' ? v3ErrorBody(err) : errorBody(err);
  }
  // The change is applied, the answer is lost.
  if (fault === 'drop-after') return void req.socket.destroy();
  sendJson(res, status, body, headers);
}
