/**
 * The only file that knows how the renderer reaches its host: Electron's preload (`window.pult`)
 * or, in browser mode, a WebSocket to the local host behind the page's one-time token.
 */
import type { ApiError, ApiMethod, ApiResult, PultApi, PultBridge, PultEvent, WireMessage, WireRequest } from '../shared/api';

declare global {
  interface Window {
    pult?: PultBridge;
  }
}

export class PultError extends Error {
  readonly code: ApiError['code'];
  readonly portalCode: string | undefined;
  readonly details: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'PultError';
    this.code = error.code;
    this.portalCode = error.portalCode;
    this.details = error;
  }
}

const RECONNECT_MS = 1_000;

function socketBridge(): PultBridge {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  const listeners = new Set<(event: PultEvent) => void>();
  let nextId = 1;
  let socket: Promise<WebSocket> | null = null;

  function connect(): Promise<WebSocket> {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => resolve(ws);
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as WireMessage;
        if ('event' in message) {
          for (const listener of listeners) listener(message.event);
          return;
        }
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      };
      ws.onclose = () => {
        socket = null;
        for (const settle of pending.values()) settle({ ok: false, error: { code: 'internal', message: 'Connection to the Pult host closed' } });
        pending.clear();
        reject(new Error('Connection to the Pult host closed'));
        // Keep receiving events after the host restarts or the socket drops.
        if (listeners.size > 0) setTimeout(() => void connect().catch(() => undefined), RECONNECT_MS);
      };
    });
    return socket;
  }

  function invoke(method: ApiMethod, args: unknown[]): Promise<ApiResult<unknown>> {
    return connect().then(
      (ws) =>
        new Promise((resolve) => {
          const id = nextId++;
          pending.set(id, resolve);
          const request: WireRequest = { id, method, args };
          ws.send(JSON.stringify(request));
        }),
      () => ({ ok: false, error: { code: 'internal', message: 'The Pult host is not reachable' } }),
    );
  }

  return new Proxy({} as PultBridge, {
    get: (_target, method: string) => {
      if (method === 'onEvent') {
        return (listener: (event: PultEvent) => void) => {
          listeners.add(listener);
          void connect().catch(() => undefined);
          return () => listeners.delete(listener);
        };
      }
      return (...args: unknown[]) => invoke(method as ApiMethod, args);
    },
  });
}

const bridge: PultBridge = window.pult ?? socketBridge();

function unwrap(source: PultBridge): PultApi {
  return new Proxy({} as PultApi, {
    get: (_target, method: string) => async (...args: unknown[]) => {
      const call = source[method as ApiMethod] as unknown as (...a: unknown[]) => Promise<ApiResult<unknown>>;
      const result = await call(...args);
      if (!result.ok) throw new PultError(result.error);
      return result.value;
    },
  });
}

export const pult: PultApi = unwrap(bridge);

/** Host events: sync status, board changes, notices, settings. */
export function onHostEvent(listener: (event: PultEvent) => void): () => void {
  return bridge.onEvent(listener);
}
