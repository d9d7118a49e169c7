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
  /**
   * The whole request, connect to last byte. The idle timeout alone lets an answer that trickles
   * one byte every few seconds hold a call for minutes.
   */
  deadlineMs?: number;
  /** Bodies larger than this are cut off with a clear error instead of filling memory. */
  maxBodyBytes?: number;
}

const CONNECT_TIMEOUT_MS = 8_000;
export const DEFAULT_DEADLINE_MS = 60_000;
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The `Http` port over Node's http/https, with an explicitly trusted extra certificate. */
export function createNodeHttp(options: NodeHttpOptions = {}): Http {
  const agent = new https.Agent({ keepAlive: true, ...trustOptions(options.trustedCertPem ? [options.trustedCertPem] : []) });
  const plainAgent = new http.Agent({ keepAlive: true });

  return {
    request(request: HttpRequest): Promise<HttpResponse> {
      const url = new URL(request.url);
      const isHttps = url.protocol === 'https:';
      const transport = isHttps ? https : http;
      const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
      const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      return new Promise<HttpResponse>((resolve, reject) => {
        // The first reason we cut the request wins over the socket errors the cut itself causes.
        let cutReason: HttpTransportError | null = null;
        const cut = (reason: HttpTransportError): void => {
          cutReason ??= reason;
          req.destroy(reason);
        };
        const deadline = setTimeout(() => cut(new HttpTransportError(`No complete answer within the ${Math.round(deadlineMs / 1000)} s deadline`, 'timeout')), deadlineMs);
        const settle = {
          resolve: (value: HttpResponse): void => {
            clearTimeout(deadline);
            resolve(value);
          },
          reject: (error: unknown): void => {
            clearTimeout(deadline);
            reject(cutReason ?? error);
          },
        };
        const req = transport.request(
          url,
          {
            method: request.method,
            headers: request.headers,
            agent: isHttps ? agent : plainAgent,
          },
          (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (size > maxBodyBytes) {
                cut(new HttpTransportError(`The answer is larger than ${Math.round(maxBodyBytes / 1024 / 1024)} MB`, 'network'));
                return;
              }
              chunks.push(chunk);
            });
            // A connection reset mid-body ends the response without 'end': no half answer is read.
            res.on('close', () => {
              if (!res.complete) settle.reject(new HttpTransportError('The connection closed in the middle of the answer', 'network'));
            });
            res.on('end', () => {
              const headers: Record<string, string> = {};
              for (const [key, value] of Object.entries(res.headers)) {
                if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
              }
              settle.resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
            });
            res.on('error', (error) => settle.reject(error instanceof HttpTransportError ? error : new HttpTransportError(`The connection broke in the middle of the answer (${error.message})`, 'network')));
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
            cut(new HttpTransportError(`No answer within ${request.timeoutMs} ms`, 'timeout'));
          });
        }
        req.on('error', (error) => {
          if (error instanceof HttpTransportError) return settle.reject(error);
          const code = (error as NodeJS.ErrnoException).code ?? '';
          const isTls = isTlsFailure(code);
          const neverSent = isTls || NEVER_SENT_CODES.has(code);
          settle.reject(new HttpTransportError(`${code || 'network error'}: ${error.message}`, isTls ? 'tls' : 'network', !neverSent));
        });
        if (request.body !== undefined) req.write(request.body);
        req.end();
      });
    },
  };
}
