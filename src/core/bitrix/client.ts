import { BitrixError } from './errors';
import { readRestAnswer, type RestAnswer } from './envelope';
import { HttpTransportError, type Http } from '../ports';

/** Where and how REST calls go. Webhook credentials live in the URL path; OAuth tokens in the body. */
export type RestEndpoint =
  | { kind: 'webhook'; webhookUrl: string }
  | { kind: 'oauth'; portalUrl: string; accessToken: () => Promise<string> };

export interface BitrixClientOptions {
  http: Http;
  endpoint: RestEndpoint;
  timeoutMs?: number;
}

export interface BitrixClient {
  call(method: string, params?: Record<string, unknown>): Promise<RestAnswer>;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** A single REST call: POST with a JSON body (docs-facts §2: send `auth` in a JSON body). */
export function createBitrixClient(options: BitrixClientOptions): BitrixClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async call(method, params = {}) {
      const endpoint = options.endpoint;
      let url: string;
      let body: Record<string, unknown> = params;
      if (endpoint.kind === 'webhook') {
        url = `${withSlash(endpoint.webhookUrl)}${method}.json`;
      } else {
        url = `${withSlash(endpoint.portalUrl)}rest/${method}.json`;
        body = { ...params, auth: await endpoint.accessToken() };
      }
      let response;
      try {
        response = await options.http.request({
          method: 'POST',
          url,
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
          timeoutMs,
        });
      } catch (error) {
        if (error instanceof HttpTransportError) {
          throw new BitrixError('transient', error.reason === 'timeout' ? 'TIMEOUT' : 'NETWORK', error.message);
        }
        throw error;
      }
      return readRestAnswer(response);
    },
  };
}
