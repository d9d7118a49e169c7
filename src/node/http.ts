import http from 'node:http';
import https from 'node:https';
import { HttpTransportError, type Http, type HttpRequest, type HttpResponse } from '../core/ports';
import { trustOptions } from './tls-trust';

/** Failures before a single byte of the request could reach the server. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

/**
 * Node's TLS failures: its own (`ERR_TLS_…`, `ERR_SSL_…`) and OpenSSL's verification verdicts,
 * such as `UNABLE_TO_VERIFY_LEAF_SIGNATURE` (a leaf whose CA is not known) or `CERT_HAS_EXPIRED`.
 */
export function isTlsFailure(code: string): boolean {
  return /^ERR_(TLS|SSL)_/.test(code) || /CERT|UNABLE_TO_|SIGNATURE|HOSTNAME_MISMATCH|CHAIN_TOO_LONG|PATH_LENGTH/.test(code);
}

export interface NodeHttpOptions {
  /**
   * A PEM certificate the user explicitly trusted: an intranet portal's internal CA, or the
   * portal's own certificate (self-signed or CA-signed) pinned by fingerprint. Added to the
   * default roots; verification (chain and host name) is never switched off.
   */
  trustedCertPem?: string;
  /**
   * How long a new connection may take to open. A portal behind a dropped route never refuses: without
   * this, a poll would wait its whole answer timeout before the status could say "no connection".
   */
  connectTimeoutMs?: number;
}

const CONNECT_TIMEOUT_MS = 8_000;

/** The `Http` port over Node's http/https, with an explicitly trusted extra certificate. */
export function createNodeHttp(options: NodeHttpOptions = {}): Http {
  const agent = new https.Agent({ keepAlive: true, ...trustOptions(options.trustedCertPem ? [options.trustedCertPem] : []) });
  const plainAgent = new http.Agent({ keepAlive: true });

  return {
    request(request: HttpRequest): Promise<HttpResponse> {
      const url = new URL(request.url);
      const isHttps = url.protocol === 'https:';
      const transport = isHttps ? https : http;
      return new Promise((resolve, reject) => {
        const req = transport.request(
          url,
          {
            method: request.method,
            headers: request.headers,
            agent: isHttps ? agent : plainAgent,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const headers: Record<string, string> = {};
              for (const [key, value] of Object.entries(res.headers)) {
                if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
              }
              resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
            });
            res.on('error', (error) => reject(new HttpTransportError(error.message, 'network')));
          },
        );
        req.once('socket', (socket) => {
          if (!socket.connecting) return; // a kept-alive connection: already open
          const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
          const timer = setTimeout(() => req.destroy(new HttpTransportError(`No connection within ${connectTimeoutMs} ms`, 'timeout', false)), connectTimeoutMs);
          socket.once('connect', () => clearTimeout(timer));
          socket.once('close', () => clearTimeout(timer));
        });
        if (request.timeoutMs) {
          req.setTimeout(request.timeoutMs, () => {
            req.destroy(new HttpTransportError(`No answer within ${request.timeoutMs} ms`, 'timeout'));
          });
        }
        req.on('error', (error) => {
          if (error instanceof HttpTransportError) return reject(error);
          const code = (error as NodeJS.ErrnoException).code ?? '';
          const isTls = isTlsFailure(code);
          const neverSent = isTls || NEVER_SENT_CODES.has(code);
          reject(new HttpTransportError(`${code || 'network error'}: ${error.message}`, isTls ? 'tls' : 'network', !neverSent));
        });
        if (request.body !== undefined) req.write(request.body);
        req.end();
      });
    },
  };
}
