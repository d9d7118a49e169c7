import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { AuthorizePage } from './authorize';
import { controlRefusal, handleControl, type EmulatorControls } from './control';
import type { FaultState } from './faults';
import type { OAuthStore } from './oauth-store';
import { handleTokenRequest, type TokenEndpointUrls } from './oauth-server';
import { mergeParams, readBody, sendControlJson, sendHtml, sendJson } from './request';
import { handleDownload } from './download';
import { handleRest, parseRestPath, type RestDeps } from './rest-handler';
import type { TlsMaterial } from './tls';
import type { OffsetClock } from '../clock';
import type { Portal } from '../contract';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

export interface RunningServer {
  server: http.Server;
  port: number;
  close(): Promise<void>;
}

/** Listens and keeps every socket, so close() also ends hanging requests and keep-alive connections. */
export async function listen(handler: Handler, host: string, port: number, tls?: TlsMaterial): Promise<RunningServer> {
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handler(req, res).catch((e: unknown) => {
      process.stderr.write(`[bitrix-emulator] request failed: ${e instanceof Error ? e.stack : String(e)}\n`);
      if (!res.headersSent) sendJson(res, 500, { error: 'ERROR_CORE', error_description: 'Internal error' });
    });
  };
  const server: http.Server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, onRequest) : http.createServer(onRequest);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  if (tls) {
    server.on('secureConnection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

export interface PortalRoutes {
  rest: RestDeps;
  authorize: AuthorizePage;
  oauthStore: OAuthStore;
  faults: FaultState;
  controls: EmulatorControls;
  urls: TokenEndpointUrls;
  clock: OffsetClock;
  /** For `/rest/download.json` (disk files). */
  portal?: Portal;
}

function splitUrl(req: http.IncomingMessage): { pathname: string; query: string } {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  return { pathname: q < 0 ? raw : raw.slice(0, q), query: q < 0 ? '' : raw.slice(q + 1) };
}

function isTokenPath(pathname: string): boolean {
  return pathname === '/oauth/token/' || pathname === '/oauth/token';
}

/** The portal origin: REST, the authorize page, the token proxy and the `/_emulator/` control routes. */
export function portalHandler(r: PortalRoutes): Handler {
  return async (req, res) => {
    const { pathname, query } = splitUrl(req);
    const body = await readBody(req);
    if (pathname.startsWith('/_emulator/')) {
      const refusal = controlRefusal(req, r.urls.portalOrigin);
      if (refusal) return sendControlJson(res, refusal.status, refusal.body);
      let json: unknown = {};
      try {
        json = body.trim() ? JSON.parse(body) : {};
      } catch {
        return sendControlJson(res, 400, { error: 'invalid JSON' });
      }
      const answer = handleControl(r.controls, req.method ?? 'GET', pathname.slice('/_emulator/'.length).replace(/\/$/, ''), json);
      return sendControlJson(res, answer.status, answer.body);
    }
    // `unreachable`: every REST and OAuth connection dies; only control routes stay up.
    if (r.faults.unreachable) return void req.socket.destroy();
    if (req.method === 'OPTIONS') {
      res.writeHead(200, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization',
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      });
      return void res.end();
    }
    const params = mergeParams(query, req.headers['content-type'], body);
    const route = parseRestPath(pathname);
    // `/rest/download.json?auth=…&token=…` (OAuth) and `/rest/<aplogin>/<ap>/download/?token=…` (webhook).
    if (route?.method === 'download' && route.api === 'v2' && r.portal) return handleDownload(r.portal, r.rest.authenticator, req, res, params, 'rest', route.webhook);
    if (pathname === '/bitrix/tools/disk/uf.php' && r.portal) return handleDownload(r.portal, r.rest.authenticator, req, res, params, 'uf');
    if (route) return handleRest(r.rest, req, res, route, params);
    if (pathname === '/oauth/authorize/' || pathname === '/oauth/authorize') {
      const page = r.authorize.handle(req, new URLSearchParams(query), params);
      return sendHtml(res, page.status, page.body, page.headers);
    }
    if (isTokenPath(pathname)) {
      // server-facts §3, rest.token component: the portal re-sends GET+POST as a GET to the OAuth server,
      // overwrites `domain` with the portal host and echoes a requested `scope` on every JSON answer
      // (errors too), and copies the upstream status.
      const answer = handleTokenRequest(r.oauthStore, params, r.urls, r.clock.now());
      const proxied: Record<string, unknown> = { ...answer.body, domain: new URL(r.urls.portalOrigin).host };
      if (typeof params.scope === 'string') proxied.scope = params.scope;
      return sendJson(res, answer.status, proxied);
    }
    sendHtml(res, 404, '<html><body><h1>404 Not Found</h1></body></html>');
  };
}

/** The OAuth server on its own origin (the emulated oauth.bitrix.info). */
export function oauthHandler(r: PortalRoutes): Handler {
  return async (req, res) => {
    const { pathname, query } = splitUrl(req);
    const body = await readBody(req);
    if (r.faults.unreachable) return void req.socket.destroy();
    if (r.faults.latencyMs > 0) await new Promise((ok) => setTimeout(ok, r.faults.latencyMs));
    if (pathname === '/oauth/callback' || pathname === '/oauth/callback/') {
      // The default redirect URI: shows the code so a person can finish the flow by hand.
      const code = new URLSearchParams(query).get('code') ?? '';
      return sendHtml(res, 200, `<html><body><p>code: <code>${code.replace(/[^\w.-]/g, '')}</code></p></body></html>`);
    }
    if (!isTokenPath(pathname)) return sendJson(res, 404, { error: 'not_found', error_description: 'Not found' });
    const params = mergeParams(query, req.headers['content-type'], body);
    // Bitrix\OAuth\Base::grantAccessToken reads grant_type, code and refresh_token from the query string only.
    const answer = handleTokenRequest(r.oauthStore, params, r.urls, r.clock.now(), mergeParams(query, undefined, ''));
    sendJson(res, answer.status, answer.body, { 'Cache-Control': 'no-store' });
  };
}
