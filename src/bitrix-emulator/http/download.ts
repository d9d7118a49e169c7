import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Portal } from '../contract';
import type { RestAuthenticator } from './auth';
import { errorBody, toRestError } from './envelope';
import type { ParamMap } from './php-params';
import { sendJson } from './request';

/**
 * `/rest/download.json?auth=<access token>&token=disk|…` (docs disk-storage-upload-file: the
 * DOWNLOAD_URL a disk method answers). It is a REST entry point, so a missing or stale `auth` gets
 * the REST 401 envelope, and a user who may not read the file gets ACCESS_DENIED.
 */
function webhookOf(value: unknown): { login: string; password: string } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { aplogin, ap } = value as Record<string, unknown>;
  return typeof aplogin === 'string' && typeof ap === 'string' ? { login: aplogin, password: ap } : undefined;
}

export function handleDownload(portal: Portal, auth: RestAuthenticator, req: IncomingMessage, res: ServerResponse, params: ParamMap, via: 'rest' | 'uf'): void {
  try {
    const hook = webhookOf(params.auth);
    if (via === 'uf' && !hook) {
      // uf.php is a portal page: without a session or webhook credentials it shows the sign-in form (UNVERIFIED: exact status).
      res.writeHead(401, { 'Content-Type': 'text/html; charset=UTF-8' });
      return void res.end('<html><body><form action="/auth/">Авторизация</form></body></html>');
    }
    const who = hook ? auth.resolve(req.headers, {}, hook) : auth.resolve(req.headers, params);
    const ref = via === 'uf' ? { attachedId: String(params.attachedId ?? '') } : { token: typeof params.token === 'string' ? params.token : '' };
    const answer = portal.downloadFile?.(ref, who.userId);
    if (!answer) return sendJson(res, 404, { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
    if (!answer.ok) return sendJson(res, answer.error.status || 400, errorBody(answer.error));
    res.writeHead(200, {
      'Content-Type': answer.contentType,
      'Content-Length': String(answer.bytes.length),
      'Content-Disposition': `attachment; filename="${answer.name.replace(/["\\\r\n]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(answer.name)}`,
    });
    res.end(Buffer.from(answer.bytes));
  } catch (e) {
    const err = toRestError(e);
    sendJson(res, err.status || 400, errorBody(err));
  }
}
