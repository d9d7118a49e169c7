/**
 * Binary GET of a portal download link (the `Http` port carries text only). The link carries the
 * user's credentials, so it is never logged; the answer is cut off past `maxBytes`.
 */
import http from 'node:http';
import https from 'node:https';
import { trustOptions } from '../tls-trust';

export type DownloadResult =
  | { ok: true; bytes: Buffer; contentType: string }
  | { ok: false; reason: 'too-large' }
  | { ok: false; reason: 'refused'; status: number; code: string }
  | { ok: false; reason: 'unreachable'; message: string };

export interface DownloadOptions {
  trustedPems: readonly string[];
  maxBytes: number;
  timeoutMs?: number;
}

function errorCode(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: unknown };
    return typeof parsed.error === 'string' ? parsed.error : 'HTTP';
  } catch {
    return 'HTTP';
  }
}

export function downloadBytes(url: string, options: DownloadOptions): Promise<DownloadResult> {
  const target = new URL(url);
  const isHttps = target.protocol === 'https:';
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: DownloadResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = (isHttps ? https : http).get(target, { ...(isHttps ? trustOptions(options.trustedPems) : {}), timeout: options.timeoutMs ?? 60_000 }, (res) => {
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (status === 200 && Number.isFinite(declared) && declared > options.maxBytes) {
        res.destroy();
        return done({ ok: false, reason: 'too-large' });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Error bodies are small; a file past the cap is not read further.
        if (size > options.maxBytes) {
          res.destroy();
          return done(status === 200 ? { ok: false, reason: 'too-large' } : { ok: false, reason: 'refused', status, code: 'HTTP' });
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (status === 200) done({ ok: true, bytes: body, contentType: String(res.headers['content-type'] ?? '') });
        else done({ ok: false, reason: 'refused', status, code: errorCode(body) });
      });
      res.on('error', (error) => done({ ok: false, reason: 'unreachable', message: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => done({ ok: false, reason: 'unreachable', message: error.message }));
  });
}
