import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WireRequest } from '../shared/api';
import { OK_NO_VALUE, type WireService } from './wire';
import { CONTENT_SECURITY_POLICY } from './csp';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Page routes that all load the single-page renderer. */
const PAGE_ROUTES = new Set(['/', '/index.html', '/wallboard']);

export interface WebHostOptions {
  /** The host's API and events as JSON text (the host runs in its own worker thread). */
  wire: WireService;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  port?: number;
  host?: string;
}

export interface WebHost {
  /** The address to open, with the one-time token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser mode: serves the built renderer on loopback and carries PultApi over a WebSocket,
 * which only a page holding the one-time token may open.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const host = options.host ?? '127.0.0.1';
  const root = path.resolve(options.rendererDir);
  const assetsDir = path.join(root, 'assets') + path.sep;

  const server = http.createServer((req, res) => {
    void serveFile(req, res);
  });

  // Built assets carry a content hash in their names: read once, kept in memory, and cacheable
  // by the browser for good (it then also keeps their compiled code for the next start).
  const assets = new Map<string, Promise<Buffer>>();
  const readAsset = (file: string): Promise<Buffer> => {
    let body = assets.get(file);
    if (!body) {
      body = readFile(file);
      assets.set(file, body);
      body.catch(() => assets.delete(file));
    }
    return body;
  };

  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let relative: string;
    try {
      relative = PAGE_ROUTES.has(url.pathname) ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      // A malformed escape (`/%E0%A4%A`) is the client's error, not the host's.
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep) || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    const hashed = file.startsWith(assetsDir);
    try {
      const body = hashed ? await readAsset(file) : await readFile(file);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    const expectedOrigin = `http://${req.headers.host ?? ''}`;
    if (url.pathname !== '/api' || !sameToken(url.searchParams.get('token'), token) || (origin && origin !== expectedOrigin)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveApi(ws));
  });

  // Sync polls fast while any page is on screen: each page reports its own visibility, and a
  // page that goes away (closed tab, lost socket) no longer counts.
  const visibleBySocket = new Map<WebSocket, boolean>();
  let reportedVisible: boolean | null = null;
  function reportVisibility(): Promise<string> {
    const visible = [...visibleBySocket.values()].some(Boolean);
    if (visible === reportedVisible) return Promise.resolve(OK_NO_VALUE);
    reportedVisible = visible;
    return options.wire.call('setVisible', [visible]);
  }

  // Frames are WireMessage JSON, put together from the host's JSON text without parsing it.
  function serveApi(ws: WebSocket): void {
    const unsubscribe = options.wire.subscribe((eventJson) => {
      if (ws.readyState === ws.OPEN) ws.send(`{"event":${eventJson}}`);
    });
    ws.on('close', () => {
      unsubscribe();
      if (visibleBySocket.delete(ws)) void reportVisibility();
    });
    ws.on('message', (data) => {
      void (async () => {
        let request: Partial<WireRequest>;
        try {
          request = JSON.parse(String(data)) as Partial<WireRequest>;
        } catch {
          return ws.close(1003, 'malformed request');
        }
        if (!Number.isSafeInteger(request.id) || !Array.isArray(request.args)) return ws.close(1003, 'malformed request');
        const [visible] = request.args as unknown[];
        const isVisibility = request.method === 'setVisible' && request.args.length === 1 && typeof visible === 'boolean';
        if (isVisibility) visibleBySocket.set(ws, visible);
        const resultJson = isVisibility ? await reportVisibility() : await options.wire.call(request.method, request.args);
        if (ws.readyState === ws.OPEN) ws.send(`{"id":${request.id},"result":${resultJson}}`);
      })();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://${host}:${port}/?token=${token}`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
