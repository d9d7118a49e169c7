import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPrototypeKey, normalizeLists, parsePhpQuery, type ParamMap } from './php-params';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * server-facts §1: GET and POST merged; a raw JSON body is used only when there is no form POST.
 */
export function mergeParams(query: string, contentType: string | undefined, body: string): ParamMap {
  const params = parsePhpQuery(query);
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) {
    parsePhpQuery(body, params);
  } else if (body.trim() !== '' && !type.includes('multipart/form-data')) {
    try {
      const json: unknown = JSON.parse(body);
      if (Array.isArray(json)) json.forEach((v, i) => (params[String(i)] = v));
      // Own keys one by one: Object.assign would run the `__proto__` setter of a JSON body's key.
      else if (typeof json === 'object' && json !== null) for (const [k, v] of Object.entries(json)) if (!isPrototypeKey(k)) params[k] = v;
    } catch {
      // PHP's json_decode failure leaves the parameters empty.
    }
  }
  return normalizeLists(params) as ParamMap;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    // server-facts §1: every response sends Access-Control-Allow-Origin: *.
    'Access-Control-Allow-Origin': '*',
    ...extraHeaders,
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html), ...headers });
  res.end(html);
}

/** A proxy's own error page, as nginx in front of a box portal answers when PHP-FPM is gone. */
export const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** nginx's own page when its upstream (php-fpm) is overloaded or limit_req trips (its default status). */
export const NGINX_503 =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** Control routes answer without CORS headers: no page of another origin may read or drive them. */
export function sendControlJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
