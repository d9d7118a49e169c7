import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Portal } from '../contract';
import type { RestAuthenticator, WebhookCredentials } from './auth';
import { errorBody, toRestError } from './envelope';
import type { ParamMap } from './php-params';
import { sendJson } from './request';

/**
 * Two download entry points (facts and sources: src/bitrix-emulator/README.md, "Files (disk)"):
 * - `/rest/download.json?auth=<token>&token=disk|…` and, for a webhook, `/rest/<aplogin>/<ap>/download/?token=…`
 *   (CRestUtil::getSpecialUrl): REST entry points, so bad credentials get the REST 401 envelope, a
 *   token that does not verify 403 "Access denied! Link check failed", an unreadable file 403.
 * - `/bitrix/tools/disk/uf.php?attachedId=…&auth…&action=download` (disk/tools/uf.php → Uf\Controller):
 *   credentials that do not check leave the caller anonymous, and every refusal is HTTP 200 JSON.
 */
type UfAuth = { webhook: WebhookCredentials } | { token: string } | null;

/** uf.php passes `$_GET['auth']` to CRestUtil::checkAuth: a token string, `auth[auth]=<token>`, or `auth[aplogin]`/`auth[ap]`. */
function ufAuthOf(value: unknown): UfAuth {
  if (typeof value === 'string' && value !== '') return { token: value };
  if (value === null || typeof value !== 'object') return null;
  const { aplogin, ap, auth } = value as Record<string, unknown>;
  if (typeof aplogin === 'string' && typeof ap === 'string') return { webhook: { login: aplogin, password: ap } };
  return typeof auth === 'string' && auth !== '' ? { token: auth } : null;
}

function sendUfJson(res: ServerResponse, body: Record<string, unknown>): void {
  // Internals\Controller::sendJsonResponse: status 200 unless http_status 403/500/510 is asked for (it is not here).
  sendJson(res, 200, body);
}

function ufUserOf(auth: RestAuthenticator, value: unknown): string | null {
  const given = ufAuthOf(value);
  if (!given) return null;
  try {
    // checkAuth fails silently: the user stays anonymous (no REST 401 envelope on uf.php).
    return 'webhook' in given ? auth.resolve({}, {}, given.webhook).userId : auth.resolve({}, { auth: given.token }).userId;
  } catch {
    return null;
  }
}

export function handleDownload(
  portal: Portal,
  auth: RestAuthenticator,
  req: IncomingMessage,
  res: ServerResponse,
  params: ParamMap,
  via: 'rest' | 'uf',
  webhook?: WebhookCredentials,
): void {
  try {
    let userId: string;
    if (via === 'uf') {
      const user = ufUserOf(auth, params.auth);
      // Uf\Controller (older version): an anonymous caller of `download` gets sendJsonAccessDeniedResponse().
      if (user === null) return sendUfJson(res, { status: 'denied', message: '' });
      userId = user;
    } else {
      userId = webhook ? auth.resolve(req.headers, {}, webhook).userId : auth.resolve(req.headers, params).userId;
    }
    const ref = via === 'uf' ? { attachedId: String(params.attachedId ?? '') } : { token: typeof params.token === 'string' ? params.token : '' };
    const answer = portal.downloadFile?.(ref, userId);
    if (!answer) return sendJson(res, 404, { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
    if (!answer.ok) {
      if (via === 'uf') {
        // Uf\Controller::getAttachedModel: `new Error(...)` carries code 0.
        const message = answer.error.code === 'ACCESS_DENIED' ? 'Bad permission. Could not read this file' : 'Could not find attached object';
        return sendUfJson(res, { status: 'error', errors: [{ message, code: 0 }] });
      }
      return sendJson(res, answer.error.status || 400, errorBody(answer.error));
    }
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
