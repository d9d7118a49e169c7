/**
 * Binary GET of a portal download link (the `Http` port carries text only). The link carries the
 * user's credentials, so it is never logged; the answer is cut off past `maxBytes`.
 *
 * uf.php (the attached-object link) answers a refusal as HTTP 200 JSON, never as an error status:
 * `{"status":"denied",…}` or `{"status":"error","errors":[{message,code}]}` (emulator README, "Files
 * (disk)"). Such a body without `Content-Disposition: attachment` is a refusal, not the file's bytes;
 * a real `.json` file comes as an attachment.
 */
import http from 'node:http';
import https from 'node:https';
import { trustOptions } from '../tls-trust';

export type DownloadResult =
  | { ok: true; bytes: Buffer; contentType: string }
  | { ok: false; reason: 'too-large' }
  /** `code`: the portal's error code; for uf.php's JSON refusal ACCESS_DENIED, ERROR_NOT_FOUND or DISK_ERROR. */
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

/** uf.php's refusals are a few hundred bytes; a larger body is not looked into. */
const REFUSAL_MAX_BYTES = 16 * 1024;

/** The refusal code of uf.php's 200 JSON answer, or null when the body is not such an answer. */
export function ufRefusalCode(body: Buffer, contentDisposition: string | undefined): string | null {
  if (/^\s*attachment/i.test(contentDisposition ?? '') || body.length > REFUSAL_MAX_BYTES) return null;
  const text = body.toString('utf8').trim();
  if (!text.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const { status, errors } = parsed as { status?: unknown; errors?: unknown };
  if (status === 'denied') return 'ACCESS_DENIED';
  if (status !== 'error') return null;
  const messages = Array.isArray(errors) ? errors.map((e) => String((e as { message?: unknown } | null)?.message ?? '')) : [];
  if (messages.some((m) => /could not find/i.test(m))) return 'ERROR_NOT_FOUND';
  if (messages.some((m) => /permission|access/i.test(m))) return 'ACCESS_DENIED';
  return 'DISK_ERROR';
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
        if (status === 200) {
          const refusal = ufRefusalCode(body, res.headers['content-disposition']);
          if (refusal) return done({ ok: false, reason: 'refused', status, code: refusal });
          done({ ok: true, bytes: body, contentType: String(res.headers['content-type'] ?? '') });
        } else done({ ok: false, reason: 'refused', status, code: errorCode(body) });
      });
      res.on('error', (error) => done({ ok: false, reason: 'unreachable', message: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => done({ ok: false, reason: 'unreachable', message: error.message }));
  });
}
