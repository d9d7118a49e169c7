import { isTransientFailure } from '../failure';
import { BitrixError } from './errors';
import { readRestAnswer, type RestAnswer } from './envelope';
import { Pacer } from './pacer';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { buildBatchParams, readBatchResult, type BatchCommand, type BatchOutcome } from './batch';
import { HttpTransportError, type Clock, type Http, type Logger, type Random } from '../ports';

/** Supplies OAuth access tokens; `refresh` is single-flight across every caller. */
export interface TokenSource {
  current(): Promise<string>;
  /** Refreshes unless someone already replaced `staleToken`; resolves the token to use now. */
  refresh(staleToken: string): Promise<string>;
}

/** Where and how REST calls go. Webhook credentials live in the URL path; OAuth tokens in the body. */
export type RestEndpoint = { kind: 'webhook'; webhookUrl: string } | { kind: 'oauth'; portalUrl: string; tokens: TokenSource };

export interface BitrixClientOptions {
  http: Http;
  clock: Clock;
  random: Random;
  endpoint: RestEndpoint;
  logger?: Logger;
  timeoutMs?: number;
  /** Attempts for a failure worth retrying (network, 5xx) before giving up. */
  maxTransientAttempts?: number;
  /** Waits longer than this (429 operation limit) are left to the caller's scheduler. */
  maxLimitWaitMs?: number;
  /**
   * Attempts refused as overload (503 QUERY_LIMIT_EXCEEDED, 429, a bare 503/429) before the call
   * gives up as "portal overloaded": a portal that refuses forever must not hold a call forever.
   */
  maxLimitAttempts?: number;
  backoff?: BackoffPolicy;
  /**
   * Told after every attempt whether the portal answered at all (any HTTP answer) or could not be
   * reached, before any retry: lets the status say "no connection" while the retries still run.
   */
  onAttempt?: (outcome: 'answered' | 'unreachable') => void;
}

export interface CallOptions {
  /** REST 3.0 methods live under /rest/api/ (docs-facts §2). */
  api?: 'v2' | 'v3';
  /** REST 3.0 replays a repeated call with the same key instead of running it twice. */
  idempotencyKey?: string;
  /**
   * Reads and absolute writes may be resent after an unknown outcome; appends and creates may
   * not (Bitrix24 keeps no idempotency keys), so their ambiguous failures are reported instead.
   */
  idempotent?: boolean;
}

export interface BitrixClient {
  call(method: string, params?: Record<string, unknown>, options?: CallOptions): Promise<RestAnswer>;
  batch(commands: Record<string, BatchCommand>, options?: CallOptions & { halt?: boolean }): Promise<BatchOutcome>;
  /** HTTP requests sent so far (retries included). */
  readonly requestCount: number;
  /**
   * The latest reading of the portal's clock: every answer carries `time.finish`, so portal time
   * stays measured without extra requests. `offsetMs` = portal time − local time.
   */
  portalClockOffset(): number | null;
  readonly pacer: Pacer;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The REST client: token in a JSON body, pacing, retries sorted by error kind, token refresh. */
export function createBitrixClient(options: BitrixClientOptions): BitrixClient {
  const { http, clock, random, endpoint } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxTransientAttempts = options.maxTransientAttempts ?? 4;
  const maxLimitWaitMs = options.maxLimitWaitMs ?? 60_000;
  // The 429 OPERATION_TIME_LIMIT body has no `time` block (emulator README, "Limits"): when a method
  // is blocked, the only reset time is the one its earlier successful answers carried.
  const operatingResetAt = new Map<string, number>();
  const maxLimitAttempts = options.maxLimitAttempts ?? 8;
  const pacer = new Pacer(clock);
  let requestCount = 0;
  let offsetMs: number | null = null;

  function urlFor(method: string, api: 'v2' | 'v3'): string {
    if (endpoint.kind === 'oauth') return `${withSlash(endpoint.portalUrl)}rest/${api === 'v3' ? 'api/' : ''}${method}.json`;
    const base = withSlash(endpoint.webhookUrl);
    return api === 'v3' ? `${base.replace(/\/rest\//, '/rest/api/')}${method}` : `${base}${method}.json`;
  }

  async function sendOnce(method: string, params: Record<string, unknown>, token: string | null, callOptions: CallOptions): Promise<RestAnswer> {
    const api = callOptions.api ?? 'v2';
    const url = urlFor(method, api);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (api === 'v3' && callOptions.idempotencyKey) headers['Idempotency-Key'] = callOptions.idempotencyKey;
    const body = token === null ? params : { ...params, auth: token };
    await pacer.acquire();
    requestCount++;
    let response;
    try {
      response = await http.request({
        method: 'POST',
        url,
        headers,
        body: JSON.stringify(body),
        timeoutMs,
      });
    } catch (error) {
      if (!(error instanceof HttpTransportError)) throw error;
      options.onAttempt?.('unreachable');
      const code = error.reason === 'timeout' ? 'TIMEOUT' : error.reason === 'tls' ? 'TLS' : 'NETWORK';
      throw new BitrixError('unreachable', code, error.message, null, null, error.mayHaveArrived);
    }
    try {
      const answer = readRestAnswer(response, clock.now());
      options.onAttempt?.('answered');
      if (answer.portalFinishedAt !== undefined) offsetMs = answer.portalFinishedAt - clock.now();
      return answer;
    } catch (error) {
      // A proxy's error page in front of a stopped portal is no answer from the portal.
      options.onAttempt?.(error instanceof BitrixError && error.kind === 'unreachable' ? 'unreachable' : 'answered');
      // A 5xx or a proxy page after the request arrived: a write may or may not have been applied.
      if (error instanceof BitrixError && isTransientFailure(error.kind)) {
        throw new BitrixError(error.kind, error.code, error.message, error.status, error.retryAt, true);
      }
      throw error;
    }
  }

  async function call(method: string, params: Record<string, unknown> = {}, callOptions: CallOptions = {}): Promise<RestAnswer> {
    const answer = await callOnce(method, params, callOptions);
    if (answer.operatingResetAt !== undefined) operatingResetAt.set(method.toLowerCase(), answer.operatingResetAt * 1000);
    return answer;
  }

  async function callOnce(method: string, params: Record<string, unknown>, callOptions: CallOptions): Promise<RestAnswer> {
    const idempotent = callOptions.idempotent ?? true;
    let token = endpoint.kind === 'oauth' ? await endpoint.tokens.current() : null;
    let refreshed = false;
    let transientFailures = 0;
    let limitRefusals = 0;
    const overloaded = (error: BitrixError): BitrixError =>
      new BitrixError(error.kind, 'PORTAL_OVERLOADED', `The portal is overloaded: it refused ${limitRefusals} attempts in a row (${error.code}, HTTP ${error.status ?? '-'})`, error.status, error.retryAt);
    for (;;) {
      try {
        return await sendOnce(method, params, token, callOptions);
      } catch (error) {
        if (!(error instanceof BitrixError)) throw error;
        if (error.kind === 'token-expired' && endpoint.kind === 'oauth' && !refreshed && token !== null) {
          refreshed = true;
          token = await endpoint.tokens.refresh(token);
          continue;
        }
        if (error.kind === 'rate-limited') {
          // Nothing was applied: the portal refused before running the method.
          limitRefusals++;
          if (limitRefusals >= maxLimitAttempts) throw overloaded(error);
          // Only the portal's own bucket (QUERY_LIMIT_EXCEEDED) teaches the pacer: a bare 503/429
          // from nginx or a proxy says "busy now", and learning a bucket from it would keep a box
          // portal, which has none, paced at a request every two seconds long after the overload.
          if (error.code === 'QUERY_LIMIT_EXCEEDED') pacer.onLimitExceeded();
          options.logger?.debug('portal rate limit; pacing', { method, ...pacer.state() });
          // A Retry-After (bare 503/429) says how long; the pacer alone would hammer a busy proxy.
          const wait = error.retryAt !== null ? error.retryAt - clock.now() : backoffDelay(limitRefusals - 1, random, options.backoff);
          await clock.sleep(Math.min(maxLimitWaitMs, Math.max(0, wait)));
          continue;
        }
        if (error.kind === 'operation-limit') {
          limitRefusals++;
          if (limitRefusals >= maxLimitAttempts) throw overloaded(error);
          const known = operatingResetAt.get(method.toLowerCase());
          const wait = (error.retryAt ?? (known !== undefined && known > clock.now() ? known : clock.now() + 60_000)) - clock.now();
          if (wait > maxLimitWaitMs) throw error;
          await clock.sleep(Math.max(0, wait));
          continue;
        }
        if (isTransientFailure(error.kind)) {
          if (error.ambiguous && !idempotent) throw error;
          transientFailures++;
          if (transientFailures >= maxTransientAttempts) throw error;
          await clock.sleep(backoffDelay(transientFailures - 1, random, options.backoff));
          continue;
        }
        throw error;
      }
    }
  }

  return {
    call,
    async batch(commands, batchOptions = {}) {
      const answer = await call('batch', buildBatchParams(commands, batchOptions.halt ?? false), batchOptions);
      return readBatchResult(answer.result);
    },
    get requestCount() {
      return requestCount;
    },
    portalClockOffset: () => offsetMs,
    pacer,
  };
}
