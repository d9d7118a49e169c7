import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { WireRequest } from '../shared/api';
import { OK_NO_VALUE, type WireService } from './wire';
import { CONTENT_SECURITY_POLICY } from './csp';
import { fileInside, parseRequestTarget } from './web-request';

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
  /** Where a request that failed inside the host is told (a throw answers 500, the host goes on). */
  log?(level: 'warn' | 'error', message: string, data?: Record<string, unknown>): void;
}

export interface WebHost {
  /** The address to open, with the one-time token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const INVALID_REQUEST = '{"ok":false,"error":{"code":"invalid-input","message":"A call needs a method name and a list of arguments"}}';

/** A page message with a usable ID, or null: not JSON, not an object, or no safe integer `id`. */
function parseWireRequest(text: string): { id: number; method: unknown; args: unknown } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { id, method, args } = value as Partial<Record<keyof WireRequest, unknown>>;
  return Number.isSafeInteger(id) ? { id: id as number, method, args } : null;
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

  const log = options.log ?? (() => undefined);
  const describe = (error: unknown) => ({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });

  // Headers past 16 KiB are refused by Node itself (431); a slow client is cut off.
  const server = http.createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 30_000, headersTimeout: 15_000 }, (req, res) => {
    // The one error boundary of every HTTP request: whatever throws is a 500, logged.
    serveFile(req, res).catch((error: unknown) => {
      log('error', 'a browser-mode request failed', describe(error));
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal error');
      else res.destroy();
    });
  });
  // A request Node cannot parse (bad request line, huge headers): answered if the socket can
  // still take it, and dropped.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable && !socket.destroyed) {
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    socket.destroy();
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
    const target = parseRequestTarget(req.url);
    if (!target.ok) {
      // A malformed escape (`/%E0%A4%A`) or a way out of the folder is the client's error.
      res.writeHead(target.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const file = PAGE_ROUTES.has(target.pathname) ? path.join(root, 'index.html') : fileInside(root, target.pathname);
    if (!file || req.method !== 'GET') {
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
  sockets.on('error', (error) => log('warn', 'the WebSocket server failed', describe(error)));
  server.on('error', (error) => log('error', 'the browser-mode server failed', describe(error)));
  server.on('upgrade', (req, socket, head) => {
    // A raw socket with no listener would end the process on its first error (a reset).
    socket.on('error', () => socket.destroy());
    try {
      const target = parseRequestTarget(req.url);
      const origin = req.headers.origin;
      const expectedOrigin = `http://${req.headers.host ?? ''}`;
      if (!target.ok || target.pathname !== '/api' || !sameToken(target.query.get('token'), token) || (origin && origin !== expectedOrigin)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        socket.destroy();
        return;
      }
      sockets.handleUpgrade(req, socket, head, (ws) => serveApi(ws));
    } catch (error) {
      log('error', 'a WebSocket upgrade failed', describe(error));
      socket.destroy();
    }
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
    // Protocol violations (invalid UTF-8, an unmasked or oversized frame, a bad close code) come
    // here; ws closes the socket itself. Without this listener they would end the process.
    ws.on('error', (error) => log('warn', 'a page socket broke the WebSocket protocol', { error: error.message }));
    ws.on('message', (data, isBinary) => {
      handleMessage(ws, data, isBinary).catch((error: unknown) => {
        log('error', 'a page call failed in the relay', describe(error));
        if (ws.readyState === ws.OPEN) ws.close(1011, 'internal error');
      });
    });
  }

  /** One page message: a malformed one closes the socket (1003), a bad call gets an error answer. */
  async function handleMessage(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    const request = isBinary ? undefined : parseWireRequest(String(data));
    if (!request) return ws.close(1003, 'malformed request');
    const { id, method, args } = request;
    if (typeof method !== 'string' || !Array.isArray(args)) {
      if (ws.readyState === ws.OPEN) ws.send(`{"id":${id},"result":${INVALID_REQUEST}}`);
      return;
    }
    const [visible] = args as unknown[];
    const isVisibility = method === 'setVisible' && args.length === 1 && typeof visible === 'boolean';
    if (isVisibility) visibleBySocket.set(ws, visible);
    const resultJson = isVisibility ? await reportVisibility() : await options.wire.call(method, args);
    if (ws.readyState === ws.OPEN) ws.send(`{"id":${id},"result":${resultJson}}`);
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
